package org.placementmatcher.sufficiency;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.solver.PlanFigures;

/** What a scenarios job answers: the baseline's plan, and each scenario's plan with its difference from it. */
public final class ScenarioResults {

    /** A year of weekly costs: the annual figures are the weekly ones times this. */
    public static final int WEEKS_A_YEAR = 52;

    private ScenarioResults() {}

    /**
     * A plan of the job. {@code timeLimitReached} is true when the time limit ended the solve before its fixed budget
     * of moves: that plan may then differ from one request to the next (absent otherwise). {@code figures}: what
     * each child adds to the plan's KPIs, for a reader shown only some of them ({@link JobSight}); never written out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Baseline(
            PlacementPlan plan,
            Boolean timeLimitReached,
            @JsonIgnore PlanFigures figures) {}

    /** A scenario's plan, as a {@link Baseline}'s, with its difference from the baseline's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(
            String name,
            PlacementPlan plan,
            Delta delta,
            Boolean timeLimitReached,
            @JsonIgnore PlanFigures figures) {}

    /**
     * A scenario's KPIs minus the baseline's (contract section 4): children placed, percentage points out of area and
     * over 20 miles, sibling groups split, moves, and the weekly cost of the placements in pounds, with its annual
     * figure ({@value #WEEKS_A_YEAR} weeks). Negative means the scenario has less.
     */
    public record Delta(
            int placed,
            double outOfAreaPercent,
            double over20MilesPercent,
            int siblingGroupsSplit,
            int moves,
            double weeklyCost,
            double annualCost) {

        public static Delta between(Kpis scenario, Kpis baseline) {
            BigDecimal weekly = exact(scenario.weeklyCost()).subtract(exact(baseline.weeklyCost()));
            return new Delta(
                    scenario.placed() - baseline.placed(),
                    difference(scenario.outOfAreaPercent(), baseline.outOfAreaPercent()),
                    difference(scenario.over20MilesPercent(), baseline.over20MilesPercent()),
                    scenario.siblingGroupsSplit() - baseline.siblingGroupsSplit(),
                    scenario.moves() - baseline.moves(),
                    weekly.doubleValue(),
                    weekly.multiply(BigDecimal.valueOf(WEEKS_A_YEAR)).doubleValue());
        }

        /** Differences of the figures as printed, so 33.0 - 30.1 is 2.9 and not 2.8999999999999986. */
        private static double difference(double a, double b) {
            return exact(a).subtract(exact(b)).doubleValue();
        }

        private static BigDecimal exact(double value) {
            return BigDecimal.valueOf(value);
        }
    }

    /** The job's result, complete or as far as it has got: the baseline first, then the scenarios in request order. */
    public record Result(Baseline baseline, List<Outcome> scenarios) {}
}
