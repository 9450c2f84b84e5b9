package org.placementmatcher.sufficiency;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.solver.PlanFigures;
import org.placementmatcher.solver.PlanWriter;

/**
 * Where one more place would do the most good (docs/contract.md section 7): the optimised plan the report rests on,
 * the value of one more place at every provider, those values summed up by kind of place, and the children whose
 * need the plan meets least well. {@code figures} and {@code needs}: what each child adds to the plan's KPIs and to the
 * unmet-need rows, for a reader shown only some of them ({@link JobSight}); never written out.
 */
public record SufficiencyReport(
        PlacementPlan plan,
        List<PlaceValue> placeValues,
        List<Segment> segments,
        List<UnmetNeed> unmetNeed,
        @JsonIgnore PlanFigures figures,
        @JsonIgnore SufficiencyTables.NeedFigures needs) {

    /** The report on a plan, its figures kept; its unmet need from {@code needs} (null: not worked out yet, none). */
    static SufficiencyReport of(
            PlacementSolution plan,
            List<PlaceValue> placeValues,
            List<Segment> segments,
            SufficiencyTables.NeedFigures needs) {
        PlanFigures figures = PlanFigures.of(plan);
        return new SufficiencyReport(
                PlanWriter.toPlan(plan, figures),
                placeValues,
                segments,
                needs == null ? List.of() : needs.rows(),
                figures,
                needs);
    }

    /**
     * How much better the optimal plan would be with one more place at the provider: {@code medium} the urgency
     * weight fewer left unplaced, {@code soft} the soft points (pounds per week) saved, {@code weeklyValue} the soft
     * part in pounds per week. Never worse than nothing, and both parts >= 0 as the contract asks: when the place
     * lets a waiting child be placed and that placement costs soft points, {@code soft} (and {@code weeklyValue}) is
     * 0 and the cost shows in {@code softChange}. {@code confirmed}: the figure comes from re-optimising the plan
     * with that place rather than from the flow's price of a place.
     *
     * @param childrenBenefiting the children the extra place would move or place
     * @param softChange the true soft score difference with the place (an extension): equal to {@code soft}, or
     *     negative where placing a waiting child costs soft points
     */
    public record PlaceValue(
            String providerId,
            long medium,
            long soft,
            double weeklyValue,
            boolean confirmed,
            int childrenBenefiting,
            long softChange) {}

    /**
     * Place values summed over providers of one type, in or out of the home authority, approved for one age band
     * (a provider whose range spans several bands counts in each), meeting the same needs.
     *
     * @param needsMet the capabilities the providers offer, joined with "+", or "none"
     * @param childrenBenefiting children one more place at each of these providers would move or place
     * @param reason who those children are and where the plan has them now, in words
     */
    @JsonPropertyOrder({
        "providerType",
        "inHomeAuthority",
        "ageBand",
        "needsMet",
        "providers",
        "medium",
        "soft",
        "weeklyValue",
        "childrenBenefiting",
        "reason"
    })
    public record Segment(
            String providerType,
            boolean inHomeAuthority,
            String ageBand,
            String needsMet,
            int providers,
            long medium,
            long soft,
            double weeklyValue,
            int childrenBenefiting,
            String reason) {}

    /**
     * Children the plan leaves unplaced, out of the home authority, over 20 miles away or in residential care, by
     * age band, needs (joined with "+", or "none"), size of their sibling group (1 when none) and urgency; a child
     * counts once in {@code children} and in every column that applies. {@code weeklyCost}: the weekly cost of the
     * group's placements.
     */
    @JsonPropertyOrder({
        "ageBand",
        "needs",
        "siblingGroupSize",
        "urgency",
        "children",
        "unplaced",
        "outOfArea",
        "over20Miles",
        "residential",
        "weeklyCost"
    })
    public record UnmetNeed(
            String ageBand,
            String needs,
            int siblingGroupSize,
            String urgency,
            int children,
            int unplaced,
            int outOfArea,
            int over20Miles,
            int residential,
            double weeklyCost) {}
}
