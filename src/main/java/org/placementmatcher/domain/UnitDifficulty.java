package org.placementmatcher.domain;

import java.util.Comparator;

/**
 * Orders units from easiest to hardest to place, for the construction heuristic (which places the
 * hardest first): urgency weight, then group size, then fewer eligible providers.
 */
public class UnitDifficulty implements Comparator<PlacementUnit> {

    private static final Comparator<PlacementUnit> ORDER = Comparator.comparingInt(PlacementUnit::getUnplacedWeight)
            .thenComparingInt(PlacementUnit::size)
            .thenComparing(Comparator.comparingInt(
                            (PlacementUnit unit) -> unit.getCandidates().size())
                    .reversed())
            .thenComparing(PlacementUnit::getId);

    @Override
    public int compare(PlacementUnit a, PlacementUnit b) {
        return ORDER.compare(a, b);
    }
}
