package org.placementmatcher.domain;

/** How soon a child needs a bed; the weight is what leaving the child unplaced costs on the medium level. */
public enum Urgency {
    EMERGENCY(10),
    URGENT(3),
    PLANNED(1);

    private final int unplacedWeight;

    Urgency(int unplacedWeight) {
        this.unplacedWeight = unplacedWeight;
    }

    public int unplacedWeight() {
        return unplacedWeight;
    }
}
