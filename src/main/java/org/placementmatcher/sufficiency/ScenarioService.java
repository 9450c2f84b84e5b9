package org.placementmatcher.sufficiency;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.register.ChildScope;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.PlanFigures;
import org.placementmatcher.solver.PlanWriter;
import org.placementmatcher.solver.ProblemMapper;
import org.placementmatcher.sufficiency.AnalysisJobs.Job;
import org.placementmatcher.sufficiency.ScenarioResults.Baseline;
import org.placementmatcher.sufficiency.ScenarioResults.Delta;
import org.placementmatcher.sufficiency.ScenarioResults.Outcome;
import org.placementmatcher.sufficiency.ScenarioResults.Result;

/**
 * What-if scenarios (contract section 7): the baseline and each scenario optimised one after another from the same
 * starting state, each with the same reproducible budget ({@link PlacementSolver#solveMoves}: a fixed number of
 * local search moves tried per child, {@code placement.scenarios.moves-per-child}) and the same time limit as a safety cap,
 * so the same request gives the same plans. Each scenario's plan is compared with the baseline's.
 */
@ApplicationScoped
public class ScenarioService {

    public static final String PATH = "/api/scenarios";

    private final PlacementSolver solver;
    private final long maxSeconds;
    private final int maxScenarios;
    private final long movesPerChild;
    private final AnalysisJobs<Result> jobs;

    public ScenarioService(
            PlacementSolver solver,
            @ConfigProperty(name = "placement.plans.max-seconds", defaultValue = "600") long maxSeconds,
            @ConfigProperty(name = "placement.scenarios.max-scenarios", defaultValue = "10") int maxScenarios,
            @ConfigProperty(name = "placement.scenarios.moves-per-child", defaultValue = "200") long movesPerChild,
            @ConfigProperty(name = "placement.scenarios.max-held", defaultValue = "10") int maxHeld,
            @ConfigProperty(name = "placement.scenarios.threads", defaultValue = "1") int threads) {
        this.solver = solver;
        this.maxSeconds = maxSeconds;
        this.maxScenarios = maxScenarios;
        this.movesPerChild = Math.max(1, movesPerChild);
        this.jobs = new AnalysisJobs<>("scenarios", maxHeld, threads);
    }

    /** The longest time limit a request may give each solve: the plans' own cap. */
    public long maxSeconds() {
        return maxSeconds;
    }

    public int maxScenarios() {
        return maxScenarios;
    }

    /** A request with its own problem; 400 with every error at its path when it is wrong. */
    public Job<Result> submit(String body, long seconds, String startedBy) {
        return submit(ScenarioReader.read(body, maxScenarios), seconds, startedBy, null);
    }

    /**
     * A request on a register's current state: its whole problem, every child whoever asks (contract section 8); each
     * reader is shown the result through {@link JobSight}. The children the user asking does not see (scope) are renamed
     * in the job as {@link HiddenChildren} says.
     */
    public Job<Result> submitOn(
            String body, PlacementProblem register, ChildScope scope, long seconds, String startedBy) {
        return submit(ScenarioReader.readOn(body, register, scope, maxScenarios), seconds, startedBy, register);
    }

    private Job<Result> submit(
            ScenarioReader.Request request, long seconds, String startedBy, PlacementProblem register) {
        if (seconds < 1 || seconds > maxSeconds()) {
            throw new IllegalArgumentException("seconds must be from 1 to " + maxSeconds());
        }
        Duration cap = Duration.ofSeconds(seconds);
        return jobs.submit(
                job -> run(job, request, cap),
                seconds,
                PATH,
                startedBy,
                request.baseline().homeAuthority(),
                register,
                request.hidden());
    }

    /** The baseline, then each scenario; a partial result after each, readable while the rest are solved. */
    private Result run(Job<Result> job, ScenarioReader.Request request, Duration cap) {
        int total = 1 + request.scenarios().size();
        job.progress(0, total);
        Solved baseline = solve(request.baseline(), job, cap);
        Result result = new Result(new Baseline(baseline.plan, flag(baseline.capReached), baseline.figures), List.of());
        job.partial(result);
        job.progress(1, total);
        List<Outcome> outcomes = new ArrayList<>();
        for (ScenarioReader.Scenario scenario : request.scenarios()) {
            if (job.stopRequested()) {
                break;
            }
            Solved solved = solve(scenario.problem(), job, cap);
            outcomes.add(new Outcome(
                    scenario.name(),
                    solved.plan,
                    Delta.between(solved.plan.kpis(), baseline.plan.kpis()),
                    flag(solved.capReached),
                    solved.figures));
            result = new Result(result.baseline(), List.copyOf(outcomes));
            job.partial(result);
            job.progress(1 + outcomes.size(), total);
        }
        return result;
    }

    private record Solved(PlacementPlan plan, PlanFigures figures, boolean capReached) {}

    private Solved solve(PlacementProblem problem, Job<Result> job, Duration cap) {
        PlacementSolution start = ProblemMapper.toSolution(problem);
        long moves = movesPerChild * Math.max(1, problem.children().size());
        long began = System.nanoTime();
        PlacementSolution best = solver.solveMoves(start, moves, cap, null, job.solving());
        long millis = (System.nanoTime() - began) / 1_000_000;
        PlanFigures figures = PlanFigures.of(best);
        return new Solved(
                PlanWriter.toPlan(best, figures),
                figures,
                PlacementSolver.reachedCap(millis, cap) || job.stopRequested());
    }

    private static Boolean flag(boolean value) {
        return value ? Boolean.TRUE : null;
    }

    public Optional<Job<Result>> find(String id) {
        return jobs.find(id);
    }

    public Optional<Job<Result>> stop(String id) {
        return jobs.stop(id);
    }

    @PreDestroy
    void stopAll() {
        jobs.close();
    }
}
