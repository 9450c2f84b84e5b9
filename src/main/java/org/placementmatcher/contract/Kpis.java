package org.placementmatcher.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The plan's headline figures, as defined in docs/contract.md section 4, and this project's extension
 * {@code dfeOver20MilesPercent} (docs/contract.md Extensions): the share over 20 miles counted the DfE way, a
 * straight line between the postcodes' OS grid references, of the placed children whose distance origin and
 * provider both have a postcode of the directory; absent when none has.
 */
public record Kpis(
        int children,
        int placed,
        int unplaced,
        double outOfAreaPercent,
        double over20MilesPercent,
        int moves,
        int siblingGroupsSplit,
        double weeklyCost,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double dfeOver20MilesPercent) {

    public Kpis(
            int children,
            int placed,
            int unplaced,
            double outOfAreaPercent,
            double over20MilesPercent,
            int moves,
            int siblingGroupsSplit,
            double weeklyCost) {
        this(
                children,
                placed,
                unplaced,
                outOfAreaPercent,
                over20MilesPercent,
                moves,
                siblingGroupsSplit,
                weeklyCost,
                null);
    }
}
