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
 * What building a flow of the caseload ({@link FlowNetwork}) and rounding it ({@link GreedyPlacement#decideFrom})
 * work out alike however the caseload is placed, kept from one to the next: the movable units, hardest first ({@link
 * UnitDifficulty}), and each unit's soft points at its candidates, as far down its list as anyone has looked, and at
 * the place it was last held. Each try of the retrial ({@link ApartGroupRetrial}) builds a flow of the whole caseload
 * and rounds it: on rcc sorting the units and working their points out again took about a quarter of a try
 * (solver-config/BENCHMARKS.md, "Tries made quicker"). For one thread at a time.
 */
final class CaseloadMemo {

    private final PlacementSolution solution;
    private final Map<PlacementUnit, CandidatePoints> points = new IdentityHashMap<>();
    /** Worked out when first asked for, and again once a unit's list has been replaced (its difficulty with it). */
    private List<PlacementUnit> movableHardestFirst;
    /** Each unit's candidates when they were sorted, in the same order. */
    private List<List<Provider>> listsWhenSorted;

    CaseloadMemo(PlacementSolution solution) {
        this.solution = solution;
    }

    /** The movable units, those in {@code first} before the others, each part hardest first. */
    List<PlacementUnit> hardestFirst(Set<PlacementUnit> first) {
        if (movableHardestFirst == null || anyListReplaced()) {
            List<PlacementUnit> movable = new ArrayList<>();
            for (PlacementUnit unit : solution.getUnits()) {
                if (!unit.isPinned()) {
                    movable.add(unit);
                }
            }
            movable.sort(new UnitDifficulty().reversed());
            movableHardestFirst = List.copyOf(movable);
            listsWhenSorted = movable.stream().map(PlacementUnit::getCandidates).toList();
        }
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

    /** Whether a unit's list has been replaced since the units were sorted (pricing widens a short list). */
    private boolean anyListReplaced() {
        for (int k = 0; k < movableHardestFirst.size(); k++) {
            if (movableHardestFirst.get(k).getCandidates() != listsWhenSorted.get(k)) {
                return true;
            }
        }
        return false;
    }

    /** The unit's soft points at its candidates. */
    CandidatePoints pointsOf(PlacementUnit unit) {
        return points.computeIfAbsent(unit, CandidatePoints::new);
    }

    /**
     * The unit's soft points ({@link PlacementUnit#staticSoftPoints}) at each of the {@code offered} providers, which
     * come in the order of its candidates, each among the first {@code stop} of them or after them all (its current
     * place, offered whatever its rank).
     */
    long[] pointsAt(PlacementUnit unit, List<Provider> offered, int stop) {
        CandidatePoints known = pointsOf(unit);
        List<Provider> candidates = unit.getCandidates();
        long[] at = new long[offered.size()];
        int k = 0;
        for (int a = 0; a < offered.size(); a++) {
            Provider p = offered.get(a);
            while (k < stop && candidates.get(k) != p) {
                k++;
            }
            at[a] = k < stop ? known.at(k) : unit.staticSoftPoints(p);
        }
        return at;
    }

    /** The unit's soft points at the provider where it is held (held units mostly stay put from try to try). */
    long pointsHeldAt(PlacementUnit unit, Provider provider) {
        return pointsOf(unit).heldAt(provider);
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
        private Provider heldAt;
        private long heldAtPoints;

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

        /** The points at the provider, kept for the last one asked about. */
        long heldAt(Provider provider) {
            if (provider != heldAt) {
                heldAtPoints = unit.staticSoftPoints(provider);
                heldAt = provider;
            }
            return heldAtPoints;
        }
    }
}
