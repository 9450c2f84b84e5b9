package org.placementmatcher.domain;

import java.util.List;
import java.util.Map;

/**
 * The soft weights of docs/contract.md section 3, in pounds-per-week equivalents.
 * A weight of 0 switches its term off.
 */
public record ScoringWeights(
        long cost,
        long outOfArea,
        long distancePerMile,
        long over20Miles,
        long move,
        long siblingsApart,
        long language,
        long religion) {

    public static final ScoringWeights DEFAULT = new ScoringWeights(1, 250, 10, 200, 2000, 500, 100, 50);

    /** The keys of the input's {@code weights} object, in the contract's order. */
    public static final List<String> KEYS = List.of(
            "cost", "outOfArea", "distancePerMile", "over20Miles", "move", "siblingsApart", "language", "religion");

    /** The defaults with the given keys overridden; omitted keys keep their default. */
    public static ScoringWeights withOverrides(Map<String, Long> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return DEFAULT;
        }
        ScoringWeights d = DEFAULT;
        return new ScoringWeights(
                overrides.getOrDefault("cost", d.cost),
                overrides.getOrDefault("outOfArea", d.outOfArea),
                overrides.getOrDefault("distancePerMile", d.distancePerMile),
                overrides.getOrDefault("over20Miles", d.over20Miles),
                overrides.getOrDefault("move", d.move),
                overrides.getOrDefault("siblingsApart", d.siblingsApart),
                overrides.getOrDefault("language", d.language),
                overrides.getOrDefault("religion", d.religion));
    }

    public long of(SoftTerm term) {
        return switch (term) {
            case COST -> cost;
            case OUT_OF_AREA -> outOfArea;
            case DISTANCE -> distancePerMile;
            case OVER_20_MILES -> over20Miles;
            case MOVE -> move;
            case SIBLINGS_APART -> siblingsApart;
            case LANGUAGE -> language;
            case RELIGION -> religion;
        };
    }
}
