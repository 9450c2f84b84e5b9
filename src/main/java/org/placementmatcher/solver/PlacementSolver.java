package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;

/**
 * The one place solver runs start: plans, register runs, the command line, the score gains of proposed
 * changes and what-if scenarios all solve (or score) through here, with the project's solver configuration, one
 * termination (the caller's time limit and the configured plateau; or, for a reproducible solve, a fixed number of
 * moves tried), one progress report ({@link ProgressReport}) and one shortcut for problems with nothing to decide. One
 * instance is shared; each solve builds its own solver, so solves may run side by side, sharing only the threads that
 * report on them, end them at their limits and work out their bounds ({@link SolveThreads}).
 */
public class PlacementSolver {

    /** The configuration on the classpath, copied there from {@code solver-config/} by the build. */
    public static final String SOLVER_CONFIG = "solverConfig.xml";
    /** While solving, progress is reported at least this often, even when the best score has not changed. */
    public static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
    /** Long enough for any scoring pass, which stops by itself once its command is done. */
    private static final Duration COMMAND_LIMIT = Duration.ofHours(2);

    private final SolverConfig config;
    private final SolverFactories factories;

    private final SolutionManager<PlacementSolution, HardMediumSoftScore> solutionManager;
    private final Duration plateau;

    public PlacementSolver(SolverConfig config, SolverFactory<PlacementSolution> solverFactory) {
        this.config = config;
        this.factories = new SolverFactories(config, ProgressReport.CONSTRUCTION_ENDED);
        this.solutionManager = SolutionManager.create(solverFactory);
        TerminationConfig termination = config.getTerminationConfig();
        Long plateauMillis = termination == null ? null : termination.calculateUnimprovedTimeMillisSpentLimit();
        this.plateau = plateauMillis == null ? null : Duration.ofMillis(plateauMillis);
    }

    /**
     * Ending a solve once told to (its last step, the best plan scored again) takes about 30 microseconds a unit: 2.0 s
     * on the national sample's 66,225 units, a tenth of a second on a region. A timed solve is told that long, and a
     * third more, before its limit.
     */
    static final long ENDING_NANOS_PER_UNIT = 40_000;

    /** How long before its limit a timed solve of this caseload is told to end: {@link #ENDING_NANOS_PER_UNIT} a unit. */
    static long endingNanos(PlacementSolution problem) {
        return problem.getUnits().size() * ENDING_NANOS_PER_UNIT;
    }

    /** Outside Quarkus (tests, benchmarks): the same configuration, read from the classpath. */
    public static PlacementSolver fromClasspathConfig() {
        SolverConfig config = SolverConfig.createFromXmlResource(SOLVER_CONFIG);
        return new PlacementSolver(config, SolverFactory.create(config));
    }

    /** Outside Quarkus, with another configuration file (to compare alternatives kept in solver-config/). */
    public static PlacementSolver fromConfigFile(java.nio.file.Path file) {
        SolverConfig config = SolverConfig.createFromXmlFile(file.toFile());
        return new PlacementSolver(config, SolverFactory.create(config));
    }

    /**
     * Progress of a solve: the best score so far, the time spent solving so far and the time limit. A report
     * comes as soon as construction ends (even when it found nothing better than the problem as given), at each
     * new best score, and at least every {@link #PROGRESS_EVERY}; none once {@code solve} has returned.
     *
     * @param constructed whether construction has ended, so the best is a result of solving rather than the problem
     *     as given (false while construction runs, and for a problem with nothing to decide or stopped before it
     *     started)
     * @param newBest whether this report brings a new best solution, or the construction's result for the first
     *     time (else it repeats the last one)
     * @param bestSolution the best solution so far, scored; the caller may keep it, the solver works on another
     */
    public record Progress(
            HardMediumSoftScore bestScore,
            long millisSpent,
            long limitMillis,
            boolean constructed,
            boolean newBest,
            PlacementSolution bestSolution) {}

    /**
     * A solve that another thread may stop, before it starts or while it runs: it then ends at once with the
     * best solution found so far (the problem as given when it had not started).
     */
    public static final class Solving {
        private volatile Solver<PlacementSolution> solver;
        private volatile boolean terminatedEarly;

        public void terminateEarly() {
            terminatedEarly = true;
            Solver<PlacementSolution> running = solver;
            if (running != null) {
                running.terminateEarly();
            }
        }

        public boolean isTerminatedEarly() {
            return terminatedEarly;
        }

        /**
         * Ends the solve as its own time limit would: its best is the plan, not a stopped one. (The solver's own limit
         * counts from its start, which comes late on a loaded machine.)
         */
        private void endAtLimit() {
            Solver<PlacementSolution> running = solver;
            if (running != null) {
                running.terminateEarly();
            }
        }

        /** Told again at each report: a stop asked for just before the solver started would otherwise be lost. */
        void keepTerminating() {
            Solver<PlacementSolution> running = solver;
            if (terminatedEarly && running != null && !running.isTerminateEarly()) {
                running.terminateEarly();
            }
        }
    }

    /**
     * Solves for at most {@code limit} (less when the best score stops improving for the configured
     * plateau) and returns the best solution found, scored.
     */
    public PlacementSolution solve(PlacementSolution problem, Duration limit, Consumer<Progress> progress) {
        return solve(problem, limit, progress, new Solving());
    }

    /** The same, stoppable through {@code solving}. The problem given is left as it is: the solver works on a copy. */
    public PlacementSolution solve(
            PlacementSolution problem, Duration limit, Consumer<Progress> progress, Solving solving) {
        return solve(problem, limit, limit, progress, solving);
    }

    /** Solves for at most {@code solverLimit}; progress reports give {@code reportedLimit} as the limit. */
    private PlacementSolution solve(
            PlacementSolution problem,
            Duration solverLimit,
            Duration reportedLimit,
            Consumer<Progress> progress,
            Solving solving) {
        long limitEnds = System.nanoTime() + solverLimit.toNanos();
        Consumer<Progress> report = progress == null ? p -> {} : progress;
        if (nothingToDecide(problem)) {
            return asGiven(problem, reportedLimit, report);
        }
        Solver<PlacementSolution> solver = factories
                .whole(problem)
                .buildSolver(new SolverConfigOverride().withTerminationConfig(termination(solverLimit)));
        // The construction stops at the limit counted from the call (its settling leaving the rounding time before it),
        // and so does the whole solve, told to end a moment before it (endingNanos): the solver's own clock starts only
        // once it has copied and scored the problem (nearly half a second on a region). Never before the construction
        // has ended, though: a plan with children left unplaced for want of a moment would help no one.
        AtomicBoolean pastLimit = new AtomicBoolean();
        AtomicBoolean constructed = new AtomicBoolean();
        Runnable endOnceBoth = () -> {
            if (pastLimit.get() && constructed.get()) {
                solving.endAtLimit();
            }
        };
        Consumer<Progress> reportAndEnd = progressReport -> {
            if (progressReport.constructed()) {
                constructed.set(true);
                endOnceBoth.run();
            }
            report.accept(progressReport);
        };
        ScheduledFuture<?> atLimit = null;
        try {
            FlowConstruction.LIMIT_ENDS.set(limitEnds);
            atLimit = SolveThreads.LIMITS.schedule(
                    () -> {
                        pastLimit.set(true);
                        endOnceBoth.run();
                    },
                    limitEnds - endingNanos(problem) - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
            return solveWith(solver, problem, reportedLimit, reportAndEnd, solving);
        } finally {
            if (atLimit != null) {
                atLimit.cancel(false);
            }
            FlowConstruction.LIMIT_ENDS.remove();
            ApartGroupRetrial.SINGLES_PASS_NANOS.remove();
        }
    }

    /**
     * A plan and its proof: the best score any plan of the problem could have ({@link BestBound}), or null where
     * there was not time enough for one or the solve was stopped early.
     */
    public record Proven(PlacementSolution best, HardMediumSoftScore bound) {

        /** How far the plan is from the bound, or null without a bound. */
        public BestBound.Gap gap() {
            return bound == null ? null : BestBound.Gap.of(best.getScore(), bound);
        }
    }

    /**
     * A plan with its proof, both within {@code limit}: the bound starts at once on a thread of its own ({@link
     * BestBound#beside}) while the solver solves for the whole limit but a small margin ({@link
     * BestBound#solverLimit}); the bound's steps follow the solver's best score, and it ends at the same time (or
     * once it meets the plan's score; with a stop, both end and the plan has no bound). Progress reports give the
     * whole limit.
     */
    public Proven solveAndBound(
            PlacementSolution problem, Duration limit, Consumer<Progress> progress, Solving solving) {
        Duration solverLimit = BestBound.solverLimit(limit);
        if (nothingToDecide(problem)) {
            PlacementSolution given = solve(problem, solverLimit, limit, progress, solving);
            return new Proven(given, solving.isTerminatedEarly() ? null : given.getScore());
        }
        long start = System.nanoTime();
        long deadline = start + solverLimit.toNanos();
        BestBound.Beside bound = BestBound.beside(
                problem, this, deadline, start + limit.toNanos(), solving::isTerminatedEarly, SolveThreads.BOUNDS);
        // The solver ends at the bound's deadline, as every timed solve ends at its limit however late it started.
        PlacementSolution best;
        try {
            best = solve(
                    problem,
                    solverLimit,
                    limit,
                    report -> {
                        if (report.newBest()) {
                            bound.offer(report.bestScore());
                        }
                        if (progress != null) {
                            progress.accept(report);
                        }
                    },
                    solving);
        } catch (RuntimeException | Error e) {
            bound.abandon();
            throw e;
        }
        if (solving.isTerminatedEarly()) {
            bound.abandon();
            return new Proven(best, null);
        }
        return new Proven(best, bound.result(best.getScore()));
    }

    /**
     * A reproducible solve: the same problem and {@code moves} give the same solution, on any machine and at any
     * load. The construction settles every split group whatever the time it takes, then the local search tries
     * exactly {@code moves} moves on the configuration's seeded random, with no plateau. (Moves tried, not steps: a
     * step waits for a move it can accept, which on a small problem may never come.) {@code cap} only guards against a
     * budget too large for the problem: a solve that reaches it ends there, and that answer may differ from run to
     * run ({@link #reachedCap} tells).
     */
    public PlacementSolution solveMoves(
            PlacementSolution problem, long moves, Duration cap, Consumer<Progress> progress, Solving solving) {
        Consumer<Progress> report = progress == null ? p -> {} : progress;
        if (nothingToDecide(problem)) {
            return asGiven(problem, cap, report);
        }
        // Ended after so many moves tried, and only so: a time limit beside it would make the simulated annealing's
        // cooling, which follows the termination nearest its end, depend on the clock.
        Solver<PlacementSolution> solver = factories
                .whole(problem)
                .buildSolver(new SolverConfigOverride()
                        .withTerminationConfig(new TerminationConfig().withMoveCountLimit(moves)));
        // The cap stops the solve from outside, as a caller's stop would: it takes no part in the cooling.
        ScheduledFuture<?> capped =
                SolveThreads.LIMITS.schedule(solving::terminateEarly, cap.toMillis(), TimeUnit.MILLISECONDS);
        boolean settleEveryGroup = FlowConstruction.SETTLE_EVERY_GROUP.get();
        FlowConstruction.SETTLE_EVERY_GROUP.set(true);
        try {
            return solveWith(solver, problem, cap, report, solving);
        } finally {
            FlowConstruction.SETTLE_EVERY_GROUP.set(settleEveryGroup);
            capped.cancel(false);
        }
    }

    /** Whether a solve that took {@code millisSpent} was ended by its cap rather than by its own budget. */
    public static boolean reachedCap(long millisSpent, Duration cap) {
        return millisSpent >= cap.toMillis();
    }

    private PlacementSolution solveWith(
            Solver<PlacementSolution> solver,
            PlacementSolution problem,
            Duration limit,
            Consumer<Progress> report,
            Solving solving) {
        solving.solver = solver;
        try {
            if (solving.isTerminatedEarly()) {
                return asGiven(problem, limit, report);
            }
            ProgressReport reporter = new ProgressReport(report, limit, solving, problem, this);
            reporter.follow(solver);
            try {
                PlacementSolution best = solver.solve(problem);
                score(best);
                return best;
            } finally {
                reporter.close(); // waits for a heartbeat under way: no report after solve returns
            }
        } finally {
            solving.solver = null;
        }
    }

    /**
     * Local search alone from the solution as given (every unit where it is), for at most {@code limit} (less at the
     * configured plateau), and the best solution found, scored; the solution given is left as it is. For
     * re-optimising a good plan after a small change (one more place somewhere): construction would start afresh,
     * and its differences from the first plan would blur the change's own effect.
     */
    public PlacementSolution improve(PlacementSolution start, Duration limit) {
        if (nothingToDecide(start)) {
            score(start);
            return start;
        }
        Solver<PlacementSolution> solver = factories
                .searchOnly(start)
                .buildSolver(new SolverConfigOverride().withTerminationConfig(termination(limit)));
        PlacementSolution best = solver.solve(start);
        score(best);
        return best;
    }

    /** Nothing solved (nothing to decide, or stopped before it started): the problem as given, scored. */
    private PlacementSolution asGiven(PlacementSolution problem, Duration limit, Consumer<Progress> report) {
        HardMediumSoftScore score = score(problem);
        report.accept(new Progress(score, 0, limit.toMillis(), false, true, problem));
        return problem;
    }

    /** Nothing to solve: no child, or every child's placement pinned. The problem is only scored. */
    static boolean nothingToDecide(PlacementSolution problem) {
        return problem.getUnits().isEmpty() || problem.getUnits().stream().allMatch(PlacementUnit::isPinned);
    }

    /** Stop at the time limit, or earlier once the best score has not improved for the configured plateau. */
    public TerminationConfig termination(Duration limit) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(limit);
        if (plateau != null && plateau.compareTo(limit) < 0) {
            termination.setUnimprovedSpentLimit(plateau);
        }
        return termination;
    }

    /**
     * Runs one command on a solver of the project's configuration (its constraints, so scores are worked out
     * incrementally) and nothing else: no construction, no search. The command may try moves and undo them.
     */
    public void run(PlacementSolution solution, PhaseCommand<PlacementSolution> command) {
        SolverConfig commandOnly = config.copyConfig()
                .withTerminationConfig(new TerminationConfig().withSpentLimit(COMMAND_LIMIT))
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(command));
        SolverFactory.<PlacementSolution>create(commandOnly).buildSolver().solve(solution);
    }

    /** Recomputes the solution's score from scratch and stores it on the solution. */
    public HardMediumSoftScore score(PlacementSolution solution) {
        return solutionManager.update(solution);
    }
}
