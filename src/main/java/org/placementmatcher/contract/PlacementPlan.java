package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The engine's output, exactly as docs/contract.md section 4 writes it, with section 8's {@code kpisByAuthority}: the
 * KPIs of each responsible authority's children, by authority code. Every plan written has it; a plan stored before
 * section 8 reads back without it (null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlacementPlan(
        String name,
        String score,
        boolean feasible,
        List<Assignment> assignments,
        Kpis kpis,
        Map<String, Kpis> kpisByAuthority) {}
