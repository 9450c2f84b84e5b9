package org.placementmatcher.solver;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/** The pinned children at each provider, and the options they leave a unit or a block of siblings. */
record PinnedPlaces(List<List<PlacementUnit>> at, long[] freePlaces) {

    /**
     * The unit's options as (soft points << 20 | provider index), cheapest first: providers it is eligible for
     * and could join the pinned children at without a hard point.
     */
    long[] options(PlacementUnit unit) {
        if (hasInternalConflict(unit.getMembers())) {
            return new long[0];
        }
        List<Provider> candidates = unit.getCandidates();
        long[] packed = new long[candidates.size()];
        int n = 0;
        for (Provider p : candidates) {
            if (unit.isEligible(p) && mayJoin(unit.getMembers(), unit.getSiblingKey(), p)) {
                long points = unit.staticSoftPoints(p);
                if (points >= 1L << 43 || p.getIndex() >= 1 << 20) {
                    throw new IllegalStateException("soft points or provider count beyond the packed range");
                }
                packed[n++] = points << 20 | p.getIndex();
            }
        }
        packed = Arrays.copyOf(packed, n);
        Arrays.sort(packed);
        return packed;
    }

    /** Whether these children (one unit, or one block of an apart group) could join the pinned ones at p. */
    boolean mayJoin(List<Child> children, String siblingKey, Provider p) {
        if (freePlaces[p.getIndex()] < children.size()) {
            return false;
        }
        int total = children.size();
        Set<String> keys = new HashSet<>();
        keys.add(siblingKey);
        for (PlacementUnit other : at.get(p.getIndex())) {
            total += other.size();
            keys.add(other.getSiblingKey());
            if (!PlacementRules.mayShare(children, other.getMembers())) {
                return false;
            }
        }
        return PlacementRules.fosteringLimitPoints(p, total, keys.size() == 1) == 0;
    }

    static boolean hasInternalConflict(List<Child> children) {
        return PlacementRules.pairsWithin(children, HardRule.H10) > 0
                || PlacementRules.pairsWithin(children, HardRule.H11) > 0;
    }
}
