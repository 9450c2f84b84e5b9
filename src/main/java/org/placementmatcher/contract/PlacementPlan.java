package org.placementmatcher.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The engine's output, exactly as docs/contract.md section 4 writes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlacementPlan(
        String name,
        String score,
        boolean feasible,
        List<Assignment> assignments,
        Kpis kpis) {
}
