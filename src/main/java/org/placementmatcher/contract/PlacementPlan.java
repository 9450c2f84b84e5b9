package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The engine's output, exactly as docs/contract.md section 4 writes it, with section 8's {@code kpisByAuthority}: the
 * KPIs of each responsible authority's children, by authority code. Every plan written has it; a plan stored before
 * section 8 reads back without it (null). And its extensions ("Extensions"): the plan's proof, {@code bestBound} (the
 * best score any plan of the problem could have, proven) with {@code gapPercent} and {@code mediumGap}; each null
 * where there is no bound (a stored plan from before it, a stop, too little time). Fields that are null are left out,
 * except {@code name}: section 4 writes it in every plan, so it is there as null when the problem has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlacementPlan(
        @JsonInclude(JsonInclude.Include.ALWAYS) String name,
        String score,
        boolean feasible,
        List<Assignment> assignments,
        Kpis kpis,
        Map<String, Kpis> kpisByAuthority,
        String bestBound,
        Double gapPercent,
        Long mediumGap) {

    /** A plan without its proof. */
    public PlacementPlan(String name, String score, boolean feasible, List<Assignment> assignments, Kpis kpis) {
        this(name, score, feasible, assignments, kpis, null, null, null, null);
    }
}
