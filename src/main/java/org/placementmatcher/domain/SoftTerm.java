package org.placementmatcher.domain;

/** The soft terms of docs/contract.md section 3; {@link #key()} is the key in the input's {@code weights}. */
public enum SoftTerm {
    COST("cost"),
    OUT_OF_AREA("outOfArea"),
    DISTANCE("distancePerMile"),
    OVER_20_MILES("over20Miles"),
    MOVE("move"),
    SIBLINGS_APART("siblingsApart"),
    LANGUAGE("language"),
    RELIGION("religion");

    private final String key;

    SoftTerm(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Terms scored for each placed child at its provider (siblingsApart is scored per group). */
    public boolean isPerChildAtProvider() {
        return this != SIBLINGS_APART;
    }
}
