package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.placementmatcher.LogSafe;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.domain.PlacementSolution;

/**
 * Plans solved in the background, a few at a time ({@code placement.plans.solver-threads}), each through
 * {@link PlacementSolver}; a plan waits QUEUED for a free solving thread (the API shows it SOLVING, marked
 * {@code queued}: rest.PlanResource). Holds a bounded number of plans in memory: when full, the oldest finished
 * plan makes room; when every held plan is still queued or solving, a new one is refused.
 */
@ApplicationScoped
public class PlanService {

    private static final Logger LOG = Logger.getLogger(PlanService.class);

    public enum Status {
        QUEUED,
        SOLVING,
        DONE,
        FAILED
    }

    /** What a caller is told when solving throws: plain words; the detail is for the log only. */
    public static final String SOLVING_FAILED = "solving failed; the service log has the details";

    /** A plan waiting, being or having been solved; {@code best} is always a scored solution. */
    public static final class PlanJob {
        private final String id;
        private final Duration limit;
        private final String startedBy;
        private final String homeAuthority;
        private final Instant submitted = Instant.now();
        private final PlacementSolver.Solving solving = new PlacementSolver.Solving();
        private volatile PlacementSolution best;
        /** The plan's proof, once the solve has ended ({@link BestBound}); null until then or without one. */
        private volatile HardMediumSoftScore bound;

        private volatile Status status = Status.QUEUED;
        private volatile String error;
        private volatile long startedNanos;
        private volatile long finishedNanos;

        PlanJob(String id, PlacementSolution start, Duration limit, String startedBy, String homeAuthority) {
            this.id = id;
            this.best = start;
            this.limit = limit;
            this.startedBy = startedBy;
            this.homeAuthority = homeAuthority;
        }

        public String id() {
            return id;
        }

        /** The user who started the plan: with users of its home authority, the only one who sees it. */
        public String startedBy() {
            return startedBy;
        }

        /** The problem's homeAuthority. */
        public String homeAuthority() {
            return homeAuthority;
        }

        public Status status() {
            return status;
        }

        public String error() {
            return error;
        }

        public PlacementSolution best() {
            return best;
        }

        public PlacementPlan plan() {
            return PlanWriter.toPlan(best, bound);
        }

        public long limitSeconds() {
            return limit.toSeconds();
        }

        /** Time spent solving so far (or in all, once finished); 0 while queued. */
        public long elapsedSeconds() {
            long started = startedNanos;
            if (started == 0) {
                return 0;
            }
            long end = finishedNanos == 0 ? System.nanoTime() : finishedNanos;
            return TimeUnit.NANOSECONDS.toSeconds(end - started);
        }

        /** QUEUED to SOLVING, unless it was stopped while it waited. */
        private synchronized boolean start() {
            if (status != Status.QUEUED) {
                return false;
            }
            startedNanos = System.nanoTime();
            status = Status.SOLVING;
            return true;
        }

        private synchronized void end(Status end, String why) {
            finishedNanos = System.nanoTime();
            error = why;
            status = end;
        }

        /** A stopped plan that never started is done at once with its starting plan: no solve will end it. */
        private synchronized void stop() {
            solving.terminateEarly();
            if (status == Status.QUEUED) {
                status = Status.DONE;
            }
        }

        private boolean finished() {
            return status == Status.DONE || status == Status.FAILED;
        }
    }

    /** Refused because the server-side caps would be exceeded. */
    public static class LimitExceededException extends RuntimeException {
        public LimitExceededException(String message) {
            super(message);
        }
    }

    private final PlacementSolver placementSolver;
    private final MeterRegistry registry;
    private final long maxSeconds;
    private final int maxHeld;
    private final Map<String, PlanJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService solvingThreads;

    public PlanService(
            PlacementSolver placementSolver,
            MeterRegistry registry,
            @ConfigProperty(name = "placement.plans.max-seconds", defaultValue = "600") long maxSeconds,
            @ConfigProperty(name = "placement.plans.max-held", defaultValue = "20") int maxHeld,
            @ConfigProperty(name = "placement.plans.solver-threads", defaultValue = "2") int solverThreads) {
        this.placementSolver = placementSolver;
        this.registry = registry;
        this.maxSeconds = maxSeconds;
        this.maxHeld = maxHeld;
        this.solvingThreads = Executors.newFixedThreadPool(Math.max(1, solverThreads), runnable -> {
            Thread thread = new Thread(runnable, "placement-plan");
            thread.setDaemon(true);
            return thread;
        });
    }

    public long maxSeconds() {
        return maxSeconds;
    }

    /**
     * Queues the problem for solving and returns at once. Mapping and scoring the problem happen before any
     * lock; only the bookkeeping of held plans is shared, so a large plan does not hold up a small one's start.
     *
     * @param startedBy the user asking, who (with the users of the problem's home authority) may see the plan
     */
    public PlanJob submit(PlacementProblem input, long seconds, String startedBy) {
        if (seconds < 1 || seconds > maxSeconds) {
            throw new IllegalArgumentException("seconds must be from 1 to " + maxSeconds);
        }
        // The solver works on its own copy, so the problem itself is the plan to show until the first best.
        PlacementSolution problem = ProblemMapper.toSolution(input);
        placementSolver.score(problem);
        PlanJob job = new PlanJob(
                UUID.randomUUID().toString(), problem, Duration.ofSeconds(seconds), startedBy, input.homeAuthority());
        synchronized (jobs) {
            makeRoom();
            jobs.put(job.id, job);
        }
        try {
            solvingThreads.execute(() -> solve(job, problem));
        } catch (RejectedExecutionException e) {
            job.end(Status.FAILED, "the service is stopping");
        }
        return job;
    }

    private void solve(PlanJob job, PlacementSolution problem) {
        if (!job.start()) {
            return;
        }
        try {
            PlacementSolver.Proven proven = placementSolver.solveAndBound(
                    problem,
                    job.limit,
                    progress -> {
                        if (progress.newBest()) {
                            job.best = progress.bestSolution();
                        }
                    },
                    job.solving);
            job.best = proven.best();
            job.bound = proven.bound();
            job.end(Status.DONE, null);
            solveTimer("done").record(job.finishedNanos - job.startedNanos, TimeUnit.NANOSECONDS);
        } catch (RuntimeException | Error e) {
            job.end(Status.FAILED, SOLVING_FAILED);
            solveTimer("failed").record(job.finishedNanos - job.startedNanos, TimeUnit.NANOSECONDS);
            LOG.errorf("plan %s failed: %s", job.id, LogSafe.failure(e));
        }
    }

    private io.micrometer.core.instrument.Timer solveTimer(String outcome) {
        return registry.timer("placement.plan.solve", "outcome", outcome);
    }

    private void makeRoom() {
        if (jobs.size() < maxHeld) {
            return;
        }
        Optional<PlanJob> oldestFinished =
                jobs.values().stream().filter(PlanJob::finished).min(Comparator.comparing(job -> job.submitted));
        if (oldestFinished.isEmpty()) {
            throw new LimitExceededException("at most " + maxHeld + " plans are held and all are still solving; "
                    + "stop one (DELETE /api/plans/{id}) or try again later");
        }
        jobs.remove(oldestFinished.get().id);
    }

    public Optional<PlanJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Stops solving early; the best plan so far stays readable. */
    public Optional<PlanJob> stop(String id) {
        PlanJob job = jobs.get(id);
        if (job != null) {
            job.stop();
        }
        return Optional.ofNullable(job);
    }

    @PreDestroy
    void stopAll() {
        jobs.values().forEach(PlanJob::stop);
        solvingThreads.shutdownNow();
    }
}
