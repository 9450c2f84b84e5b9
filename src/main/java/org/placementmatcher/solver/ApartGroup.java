package org.placementmatcher.solver;

import static org.placementmatcher.solver.LagrangianBound.INF;
import static org.placementmatcher.solver.LagrangianBound.ONE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * One placeTogether=false sibling group's free members, solved exactly for given multipliers. Every block (a
 * subset of members sharing a provider) has its own options, with siblingsApart's weight already in the cost
 * for a provider no pinned member uses; a dynamic programme over subsets then picks the best partition into
 * blocks and unplaced members. Two blocks at one provider overcount, but the merged block is also a candidate
 * and never dearer, so the minimum is exact. Where members' candidates are only their cheapest few, each block also
 * has an option beyond the providers enumerated for it ({@link UnitsSide#blockBeyondCost}): a relaxation, no longer
 * exact.
 */
final class ApartGroup {
    private final LagrangianBound b;
    private final int members;
    private final long[] memberWeight;
    private final long apartWeight;
    private final boolean anyPinned;
    /** Per block (bit mask of members): its range in the option arrays. */
    private final int[] blockStart;

    /** Per block: its option beyond the providers enumerated for it ({@link UnitsSide#blockBeyondCost}), fixed point. */
    private final long[] blockBeyond;

    private final long[] blockBest;
    private final int[] blockChoice;
    private final long[] none;
    private final long[] some;
    private final int[] someBlock;
    private final boolean[] someRestNone;

    ApartGroup(
            LagrangianBound b,
            List<PlacementUnit> free,
            Set<Provider> pinnedProviders,
            long apartWeight,
            PinnedPlaces pinned) {
        this.b = b;
        this.members = free.size();
        this.apartWeight = apartWeight;
        this.anyPinned = !pinnedProviders.isEmpty();
        int subsets = 1 << members;
        memberWeight = new long[members];
        // Each member's soft points per provider index, -1 where it cannot go.
        Map<Integer, long[]> pointsAt = new LinkedHashMap<>();
        Map<Integer, Provider> providerOf = new HashMap<>();
        long[] cheapest = new long[members];
        for (int i = 0; i < members; i++) {
            PlacementUnit unit = free.get(i);
            memberWeight[i] = unit.getUnplacedWeight();
            long[] memberOptions = pinned.options(unit);
            cheapest[i] = memberOptions.length == 0 ? FlowOffers.NONE : memberOptions[0] >>> 20;
            for (long packed : memberOptions) {
                long[] points = pointsAt.computeIfAbsent((int) (packed & 0xFFFFF), p -> {
                    long[] a = new long[members];
                    Arrays.fill(a, -1);
                    return a;
                });
                points[i] = packed >>> 20;
            }
            for (Provider p : unit.getCandidates()) {
                providerOf.putIfAbsent(p.getIndex(), p);
            }
        }
        blockStart = new int[subsets + 1];
        blockBeyond = new long[subsets];
        for (int block = 1; block < subsets; block++) {
            blockStart[block] = b.optionCount;
            List<Child> children = new ArrayList<>();
            boolean sole = false;
            for (int i = 0; i < members; i++) {
                if ((block & 1 << i) != 0) {
                    children.addAll(free.get(i).getMembers());
                    sole |= free.get(i).isAnySolePlacement();
                }
            }
            if (PinnedPlaces.hasInternalConflict(children)) {
                blockBeyond[block] = INF;
                continue;
            }
            blockBeyond[block] = UnitsSide.blockBeyondCost(block, free, cheapest, anyPinned ? 0 : apartWeight);
            List<long[]> options = new ArrayList<>(); // {cost, provider}
            for (Map.Entry<Integer, long[]> e : pointsAt.entrySet()) {
                long cost = 0;
                for (int i = 0; i < members && cost >= 0; i++) {
                    if ((block & 1 << i) != 0) {
                        cost = e.getValue()[i] < 0 ? -1 : cost + e.getValue()[i];
                    }
                }
                Provider p = providerOf.get(e.getKey());
                if (cost < 0
                        || Integer.bitCount(block) > 1
                                && !pinned.mayJoin(children, free.getFirst().getSiblingKey(), p)) {
                    continue;
                }
                options.add(new long[] {cost + (pinnedProviders.contains(p) ? 0 : apartWeight), e.getKey()});
            }
            options.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
            for (long[] option : options) {
                b.addOption((int) option[1], option[0], sole ? 0 : children.size());
            }
        }
        // Blocks follow one another, so a block's options end where the next one's start.
        blockStart[subsets] = b.optionCount;
        blockBest = new long[subsets];
        blockChoice = new int[subsets];
        none = new long[subsets];
        some = new long[subsets];
        someBlock = new int[subsets];
        someRestNone = new boolean[subsets];
    }

    /** The urgency weight of the group's free members. */
    long weight() {
        return Arrays.stream(memberWeight).sum();
    }

    /**
     * An upper bound on the group's minimum at phase 1's {@code price} (in double, where the fixed-point sums might
     * overflow): every member unplaced, or all together at the first option of theirs or beyond.
     */
    double mostAt(long[] price) {
        int full = (1 << members) - 1;
        double most = (double) b.mu * weight();
        if (blockBeyond[full] < INF) {
            most = Math.min(most, blockBeyond[full]);
        }
        int first = blockStart[full];
        if (first < blockStart[full + 1]) {
            most = Math.min(
                    most,
                    (double) b.optionCost[first] * ONE
                            + price[b.optionProvider[first] * b.kinds + b.optionKind[first]]);
        }
        return most;
    }

    /**
     * The group's minimum at the multipliers, in fixed point: with phase 1's {@code price} per provider and kind,
     * or phase 2's {@code pi} per option (the other null). Records its relaxed plan as the phase needs it.
     */
    long evaluate(long[] price, long[] pi) {
        int full = (1 << members) - 1;
        for (int block = 1; block <= full; block++) {
            long best = blockBeyond[block];
            int choice = -1;
            for (int k = blockStart[block], end = blockStart[block + 1]; k < end; k++) {
                long v = b.optionCost[k] * ONE;
                if (v >= best) {
                    break; // cheapest first, and the multipliers only add
                }
                v += pi == null ? price[b.optionProvider[k] * b.kinds + b.optionKind[k]] : -pi[k];
                if (v < best) {
                    best = v;
                    choice = k;
                }
            }
            blockBest[block] = best;
            blockChoice[block] = choice;
        }
        // none[S]: the members of S all unplaced; some[S]: at least one block among them. The lowest member
        // of S is either unplaced or in the block chosen with it.
        none[0] = 0;
        some[0] = INF;
        for (int set = 1; set <= full; set++) {
            int low = set & -set;
            long lowUnplaced = b.mu * memberWeight[Integer.numberOfTrailingZeros(low)];
            none[set] = none[set ^ low] + lowUnplaced;
            long best = some[set ^ low] < INF ? some[set ^ low] + lowUnplaced : INF;
            int bestBlock = 0;
            boolean bestRestNone = false;
            int rest = set ^ low;
            for (int sub = rest; ; sub = (sub - 1) & rest) {
                int block = sub | low;
                if (blockBest[block] < INF) {
                    int r = set ^ block;
                    boolean restNone = none[r] <= some[r];
                    long v = blockBest[block] + (restNone ? none[r] : some[r]);
                    if (v < best) {
                        best = v;
                        bestBlock = block;
                        bestRestNone = restNone;
                    }
                }
                if (sub == 0) {
                    break;
                }
            }
            some[set] = best;
            someBlock[set] = bestBlock;
            someRestNone[set] = bestRestNone;
        }
        // Without pinned members the first provider used is free of siblingsApart.
        long someTotal = some[full] >= INF ? INF : some[full] - (anyPinned ? 0 : apartWeight * ONE);
        boolean placeSome = someTotal < none[full];
        int set = full;
        while (set != 0) {
            if (!placeSome) {
                for (int i = 0; i < members; i++) {
                    if ((set & 1 << i) != 0) {
                        b.unplaced += memberWeight[i];
                    }
                }
                break;
            }
            int block = someBlock[set];
            if (block == 0) {
                int low = set & -set;
                b.unplaced += memberWeight[Integer.numberOfTrailingZeros(low)];
                set ^= low;
            } else {
                if (blockChoice[block] >= 0) {
                    b.take(blockChoice[block], pi == null); // else beyond its list: no provider to count
                }
                placeSome = !someRestNone[set];
                set ^= block;
            }
        }
        return Math.min(someTotal, none[full]);
    }
}
