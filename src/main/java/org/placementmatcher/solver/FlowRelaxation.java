package org.placementmatcher.solver;

/**
 * The result of a {@link PlacementFlow} in the score's own terms: what the construction and the bound read from a
 * flow, kept apart from the flow so that they can hold it without the flow's arrays.
 */
public record FlowRelaxation(
        /** Urgency weight left unplaced, times {@link #scale}. */
        long unplacedWeightScaled,
        /** Soft points of the flow (pinned children's included), times {@link #scale}. */
        long softScaled,
        long scale,
        /**
         * True when this bounds every plan: the flow is complete, apart groups were not modelled, no unit but the
         * pinned ones was held, and the weights let medium come lexicographically first.
         */
        boolean isBound,
        /** False when the solve was stopped before every child was routed. */
        boolean complete) {

    /** Less urgency weight unplaced, or as much and fewer soft points (totals of flows on the same network). */
    public boolean isBetterThan(FlowRelaxation other) {
        return unplacedWeightScaled != other.unplacedWeightScaled
                ? unplacedWeightScaled < other.unplacedWeightScaled
                : softScaled < other.softScaled;
    }

    /** The unplaced weight is a whole number: then {@link #softPointsBound()} bounds plans with that medium. */
    public boolean wholeUnplacedWeight() {
        return unplacedWeightScaled % scale == 0;
    }

    /** No plan leaves less urgency weight unplaced than this (rounded up: it is a whole number in a plan). */
    public long unplacedWeightBound() {
        return Math.floorDiv(unplacedWeightScaled + scale - 1, scale);
    }

    /** No plan with {@link #unplacedWeightBound()} unplaced has fewer soft points (rounded up likewise). */
    public long softPointsBound() {
        return Math.floorDiv(softScaled + scale - 1, scale);
    }
}
