package org.placementmatcher.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Each authority's targets for its overview page, from {@code placement.targets."<code>".<figure>} (e.g.
 * {@code placement.targets."E10000003".out-of-area-percent=29}); {@code placement.targets."*".<figure>} applies to
 * every authority without its own. A figure without a target has no target line. Every target is an upper
 * bound: "this or less".
 */
@ConfigMapping(prefix = "placement.targets")
public interface Targets {

    @WithParentName
    Map<String, Of> authorities();

    /** One authority's targets. */
    interface Of {
        OptionalDouble outOfAreaPercent();

        OptionalDouble over20MilesPercent();

        OptionalDouble siblingGroupsSplit();

        /** Children without a placement, all urgencies together. */
        OptionalDouble unplaced();

        OptionalDouble weeklyCost();

        OptionalDouble moves();
    }

    /** The authority's target for one figure, else the one for every authority ("*"), else null. */
    default Double of(String authority, java.util.function.Function<Of, OptionalDouble> figure) {
        for (String key : new String[] {authority, "*"}) {
            Of targets = authorities().get(key);
            if (targets != null && figure.apply(targets).isPresent()) {
                return figure.apply(targets).getAsDouble();
            }
        }
        return null;
    }
}
