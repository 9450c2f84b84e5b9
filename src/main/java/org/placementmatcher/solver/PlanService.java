package org.placementmatcher.solver;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.api.solver.SolverStatus;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.domain.PlacementSolution;

/**
 * Plans solved in the background on Timefold's SolverManager. Holds a bounded number of plans in
 * memory: when full, the oldest finished plan makes room; when every held plan is still solving,
 * a new one is refused.
 */
@ApplicationScoped
public class PlanService {

    private static final Logger LOG = Logger.getLogger(PlanService.class);

    public enum Status { SOLVING, DONE, FAILED }

    /** A plan being (or having been) solved; {@code best} is always a scored solution. */
    public static final class PlanJob {
        private final String id;
        private final Instant submitted = Instant.now();
        private volatile PlacementSolution best;
        private volatile Status status = Status.SOLVING;
        private volatile String error;

        PlanJob(String id, PlacementSolution start) {
            this.id = id;
            this.best = start;
        }

        public String id() { return id; }
        public Status status() { return status; }
        public String error() { return error; }
        public PlacementSolution best() { return best; }
        public PlacementPlan plan() { return PlanWriter.toPlan(best); }
    }

    /** Refused because the server-side caps would be exceeded. */
    public static class LimitExceededException extends RuntimeException {
        public LimitExceededException(String message) {
            super(message);
        }
    }

    private final SolverManager<PlacementSolution> solverManager;
    private final PlacementSolver placementSolver;
    private final MeterRegistry registry;
    private final long maxSeconds;
    private final int maxHeld;
    private final Map<String, PlanJob> jobs = new ConcurrentHashMap<>();

    public PlanService(SolverManager<PlacementSolution> solverManager, PlacementSolver placementSolver, MeterRegistry registry,
            @ConfigProperty(name = "placement.plans.max-seconds", defaultValue = "600") long maxSeconds,
            @ConfigProperty(name = "placement.plans.max-held", defaultValue = "20") int maxHeld) {
        this.solverManager = solverManager;
        this.placementSolver = placementSolver;
        this.registry = registry;
        this.maxSeconds = maxSeconds;
        this.maxHeld = maxHeld;
    }

    public long maxSeconds() {
        return maxSeconds;
    }

    /** Starts solving in the background and returns at once. */
    public synchronized PlanJob submit(PlacementProblem input, long seconds) {
        if (seconds < 1 || seconds > maxSeconds) {
            throw new IllegalArgumentException("seconds must be from 1 to " + maxSeconds);
        }
        makeRoom();
        // The solver changes the solution it is given while it works, so readers get their own copy until the first best.
        PlacementSolution problem = ProblemMapper.toSolution(input);
        PlacementSolution start = ProblemMapper.toSolution(input);
        placementSolver.score(start);
        PlanJob job = new PlanJob(UUID.randomUUID().toString(), start);
        jobs.put(job.id, job);
        Timer.Sample sample = Timer.start(registry);
        TerminationConfig termination = placementSolver.termination(Duration.ofSeconds(seconds));
        solverManager.solveBuilder()
                .withProblemId(job.id)
                .withProblem(problem)
                .withConfigOverride(new SolverConfigOverride().withTerminationConfig(termination))
                .withBestSolutionEventConsumer(event -> job.best = scored(event.solution()))
                .withFinalBestSolutionEventConsumer(event -> {
                    job.best = scored(event.solution());
                    job.status = Status.DONE;
                    sample.stop(registry.timer("placement.plan.solve", "outcome", "done"));
                })
                .withExceptionHandler((id, error) -> {
                    job.error = "solving failed: " + error.getClass().getSimpleName();
                    job.status = Status.FAILED;
                    sample.stop(registry.timer("placement.plan.solve", "outcome", "failed"));
                    LOG.errorf("plan %s failed: %s", id, error.toString());
                })
                .run();
        return job;
    }

    private PlacementSolution scored(PlacementSolution solution) {
        if (solution.getScore() == null) {
            placementSolver.score(solution);
        }
        return solution;
    }

    private void makeRoom() {
        if (jobs.size() < maxHeld) {
            return;
        }
        Optional<PlanJob> oldestFinished = jobs.values().stream()
                .filter(job -> job.status != Status.SOLVING)
                .min(Comparator.comparing(job -> job.submitted));
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
        if (job != null && job.status == Status.SOLVING) {
            boolean started = solverManager.getSolverStatus(id) == SolverStatus.SOLVING_ACTIVE;
            solverManager.terminateEarly(id);
            if (!started) {
                // Still queued behind other plans: it never starts, so no final event will mark it done.
                job.status = Status.DONE;
            }
        }
        return Optional.ofNullable(job);
    }

    @PreDestroy
    void stopAll() {
        jobs.keySet().forEach(solverManager::terminateEarly);
    }
}
