package org.placementmatcher.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.UnitDifficulty;

/**
 * What the rounding ({@link GreedyPlacement#decideFrom}) works out alike however the caseload is placed, kept from one
 * rounding to the next: the movable units, hardest first ({@link UnitDifficulty}), and each unit's soft points at its
 * candidates, as far down its list as a rounding has looked. A round of the retrial ({@link ApartGroupRetrial}) rounds
 * the whole caseload again for each try: on rcc sorting the units and working their points out again took about a
 * fifth of a try (solver-config/BENCHMARKS.md, "Tries made quicker"). For one thread at a time.
 */
final class RoundingMemo {

    private final List<PlacementUnit> movableHardestFirst;
    private final Map<PlacementUnit, CandidatePoints> points = new IdentityHashMap<>();

    RoundingMemo(PlacementSolution solution) {
        List<PlacementUnit> movable = new ArrayList<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (!unit.isPinned()) {
                movable.add(unit);
            }
        }
        movable.sort(new UnitDifficulty().reversed());
        this.movableHardestFirst = movable;
    }

    /** The movable units, those in {@code first} before the others, each part hardest first. */
    List<PlacementUnit> hardestFirst(Set<PlacementUnit> first) {
        if (first.isEmpty()) {
            return movableHardestFirst;
        }
        List<PlacementUnit> ordered = new ArrayList<>(movableHardestFirst.size());
        List<PlacementUnit> rest = new ArrayList<>(movableHardestFirst.size());
        for (PlacementUnit unit : movableHardestFirst) {
            (first.contains(unit) ? ordered : rest).add(unit);
        }
        ordered.addAll(rest);
        return ordered;
    }

    /** The unit's soft points at its candidates. */
    CandidatePoints pointsOf(PlacementUnit unit) {
        return points.computeIfAbsent(unit, CandidatePoints::new);
    }

    /**
     * A unit's soft points ({@link PlacementUnit#staticSoftPoints}) at its candidates, worked out on first asking and
     * kept: the rounding walks the same units' cheapest candidates again and again (a resident is asked where it would
     * go for every place a waiting unit looks at), and only as far down as a place with room. Worked out afresh where
     * the unit's list has been replaced (pricing widens a short list).
     */
    static final class CandidatePoints {
        private final PlacementUnit unit;
        private List<Provider> candidates;
        private long[] points = new long[16];
        private int known;

        CandidatePoints(PlacementUnit unit) {
            this.unit = unit;
        }

        /** The points at the unit's {@code k}th candidate. */
        long at(int k) {
            List<Provider> now = unit.getCandidates();
            if (now != candidates) {
                candidates = now;
                known = 0;
            }
            if (k >= known) {
                if (k >= points.length) {
                    points = Arrays.copyOf(points, Math.max(k + 1, 2 * points.length));
                }
                for (; known <= k; known++) {
                    points[known] = unit.staticSoftPoints(candidates.get(known));
                }
            }
            return points[k];
        }
    }
}
