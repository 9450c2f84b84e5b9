package org.placementmatcher.solver;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.solver.PlacementSolver.Progress;
import org.placementmatcher.solver.PlacementSolver.Solving;

/**
 * The progress reports of one solve ({@link Progress}): from the solver's thread (new best, end of construction) and
 * the heartbeat's ({@link SolveThreads#HEARTBEAT}), one at a time, until closed. Each report tells the solve again to
 * stop if it was asked to ({@link Solving}).
 */
final class ProgressReport {

    /**
     * The solve running on this thread (Timefold runs a solve's phases on the thread that calls solve), for the
     * phase that reports the end of construction.
     */
    private static final ThreadLocal<ProgressReport> SOLVING_HERE = new ThreadLocal<>();

    /**
     * A phase of its own right after construction, which tells the solve that construction has ended: Timefold has
     * no public phase listener, and announces no new best when construction improves nothing on the problem as given.
     */
    static final PhaseCommand<PlacementSolution> CONSTRUCTION_ENDED = context -> {
        ProgressReport reporter = SOLVING_HERE.get();
        if (reporter != null) {
            reporter.constructionEnded();
        }
    };

    private final Consumer<Progress> report;
    private final long limitMillis;
    private final Solving solving;
    private final PlacementSolution problem;
    /** Scores a best that comes unscored. */
    private final PlacementSolver scorer;

    private final long startNanos = System.nanoTime();
    private PlacementSolution best;
    private boolean constructed;
    private boolean closed;
    private ScheduledFuture<?> heartbeat;

    ProgressReport(
            Consumer<Progress> report,
            Duration limit,
            Solving solving,
            PlacementSolution problem,
            PlacementSolver scorer) {
        this.report = report;
        this.limitMillis = limit.toMillis();
        this.solving = solving;
        this.problem = problem;
        this.scorer = scorer;
    }

    /** Reports on the solver's solve, which is to run on this thread, until {@link #close}. */
    void follow(Solver<PlacementSolution> solver) {
        // Timefold announces each new best solution, the construction's included (its custom phase improves on
        // the unassigned start); the heartbeat repeats the last one so a caller hears from the solve every few
        // seconds even while the best score stands still.
        // The first event may come from the solve's start (the problem as given), before any phase has run.
        solver.addEventListener(event -> newBest(
                event.getNewBestSolution(),
                event.getTimeMillisSpent(),
                event.getProducerId().phaseIndex().isPresent()));
        long every = PlacementSolver.PROGRESS_EVERY.toMillis();
        heartbeat = SolveThreads.HEARTBEAT.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        SOLVING_HERE.set(this);
    }

    private synchronized void newBest(PlacementSolution solution, long millisSpent, boolean fromAPhase) {
        solving.keepTerminating();
        if (closed) {
            return;
        }
        if (solution.getScore() == null) {
            scorer.score(solution);
        }
        best = solution;
        constructed |= fromAPhase;
        report.accept(new Progress(solution.getScore(), millisSpent, limitMillis, constructed, true, solution));
    }

    /**
     * Construction has ended: if it announced no new best (it found nothing better than the problem as given),
     * its result is the best so far, reported now as constructed.
     */
    private synchronized void constructionEnded() {
        if (closed || constructed) {
            return;
        }
        constructed = true;
        if (best == null) {
            best = problem; // the solver's best is still its copy of the problem as given
            scorer.score(best);
        }
        report.accept(new Progress(best.getScore(), millisSpent(), limitMillis, true, true, best));
    }

    private synchronized void heartbeat() {
        solving.keepTerminating();
        if (!closed && best != null) {
            report.accept(new Progress(best.getScore(), millisSpent(), limitMillis, constructed, false, best));
        }
    }

    /** Stops following the solve: returns once any report under way has ended; none comes after. */
    void close() {
        SOLVING_HERE.remove();
        heartbeat.cancel(false);
        synchronized (this) {
            closed = true;
        }
    }

    private long millisSpent() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
