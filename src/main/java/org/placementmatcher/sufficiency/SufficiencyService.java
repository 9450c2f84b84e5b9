package org.placementmatcher.sufficiency;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.ProblemMapper;
import org.placementmatcher.sufficiency.SufficiencyReport.PlaceValue;

/**
 * The sufficiency report of docs/contract.md section 7: the optimised plan (solved for the caller's time limit,
 * then given one short round of local search so the figures that follow compare like with like, and lifted off the
 * local search's local optimum where bringing a sibling group placed apart together pays: {@link GroupHolds}), every
 * provider's value of one more place ({@link PlaceValues}), and the summaries ({@link SufficiencyTables}).
 */
@ApplicationScoped
public class SufficiencyService {

    /** The contract's promise: the providers with the highest values carry re-optimised figures. */
    public static final int CONFIRMED_TOP = 10;

    /** Sibling groups placed apart tried together, per round, at the most promising places ({@link GroupHolds}). */
    static final int GROUP_HOLD_TRIES = 6;

    private final PlacementSolver solver;
    private final Duration confirmLimit;
    private final int maxConfirmed;
    private final int threads;

    public SufficiencyService(
            PlacementSolver solver,
            @ConfigProperty(name = "placement.sufficiency.confirm-millis", defaultValue = "1000") long confirmMillis,
            @ConfigProperty(name = "placement.sufficiency.max-confirmed", defaultValue = "24") int maxConfirmed,
            @ConfigProperty(name = "placement.sufficiency.threads", defaultValue = "2") int threads) {
        this.solver = solver;
        this.confirmLimit = Duration.ofMillis(Math.max(100, confirmMillis));
        this.maxConfirmed = Math.max(CONFIRMED_TOP, maxConfirmed);
        this.threads = Math.max(1, threads);
    }

    /** Steps of a report, for callers that show progress. */
    public interface Progress {
        void planned(PlacementSolution plan);
    }

    /** The report on a validated problem, the plan solved for at most {@code limit}. */
    public SufficiencyReport report(PlacementProblem input, Duration limit) {
        return report(input, limit, plan -> {}, new PlacementSolver.Solving());
    }

    /**
     * The same, told when the plan is ready, and stoppable: a stop ends the plan's solve at once, and no further
     * re-optimisation starts (every provider still has its flow price).
     */
    public SufficiencyReport report(
            PlacementProblem input, Duration limit, Progress progress, PlacementSolver.Solving solving) {
        PlacementSolution problem = ProblemMapper.toSolution(input);
        PlacementSolution plan = solver.solve(problem, limit, null, solving);
        PlacementSolution polished = solver.improve(plan, confirmLimit);
        if (polished.getScore().compareTo(plan.getScore()) > 0) {
            plan = polished;
        }
        // The values are differences from this plan, so it must be as near the optimum as the time allows: the
        // engine's local optimum is lifted where bringing a sibling group placed apart together pays (GroupHolds).
        List<PlaceValues.Value> fast = PlaceValues.fast(problem);
        Map<String, Long> placePrice = new HashMap<>();
        fast.forEach(v -> placePrice.put(v.provider().getId(), v.soft()));
        GroupHolds.Improved lifted = GroupHolds.search(
                solver, input, plan, placePrice, GROUP_HOLD_TRIES, confirmLimit, threads, solving::isTerminatedEarly);
        plan = lifted.plan();
        progress.planned(plan);
        PlaceValues values = new PlaceValues(solver, confirmLimit, CONFIRMED_TOP, maxConfirmed, threads);
        List<PlaceValues.Value> ranked =
                values.confirmTop(input, plan, lifted.holds(), fast, solving::isTerminatedEarly);
        List<PlaceValue> placeValues = ranked.stream()
                .map(v -> new PlaceValue(
                        v.provider().getId(),
                        v.medium(),
                        v.soft(),
                        v.soft(),
                        v.confirmed(),
                        v.benefiting().size(),
                        v.softChange()))
                .toList();
        return SufficiencyReport.of(
                plan, placeValues, SufficiencyTables.segments(ranked, plan), SufficiencyTables.needFigures(plan));
    }
}
