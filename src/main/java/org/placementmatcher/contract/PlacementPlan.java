package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The engine's output, exactly as docs/contract.md section 4 writes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlacementPlan(String name, String score, boolean feasible, List<Assignment> assignments, Kpis kpis) {}
