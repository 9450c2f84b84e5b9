package org.placementmatcher.contract;

/** The plan's headline figures, as defined in docs/contract.md section 4. */
public record Kpis(
        int children,
        int placed,
        int unplaced,
        double outOfAreaPercent,
        double over20MilesPercent,
        int moves,
        int siblingGroupsSplit,
        double weeklyCost) {}
