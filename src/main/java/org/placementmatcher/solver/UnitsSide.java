package org.placementmatcher.solver;

import static org.placementmatcher.solver.LagrangianBound.INF;
import static org.placementmatcher.solver.LagrangianBound.ONE;

import java.util.List;
import org.placementmatcher.domain.PlacementUnit;

/**
 * The units' side of {@link LagrangianBound}'s dual functions, and every unit's and block's option "somewhere beyond
 * its list". Where a unit's candidates are only its cheapest few ({@link PlacementUnit#omittedPointsAtLeast()} T below
 * MAX), options read from them alone would bound a restricted problem, and could claim better than the true optimum.
 * Every eligible provider left out costs the unit at least T soft points, plus a multiplier of at least zero (phase 1's
 * prices are at least zero, phase 2's −π too), so one more option at T, with no provider, no capacity and no
 * multiplier, is at most the cheapest of them all: the duals stay lower bounds. Phase 2's provider knapsacks do not see
 * it, as no provider's copy has it.
 */
final class UnitsSide {

    private UnitsSide() {}

    /** {@link #of}'s choice for a unit that takes its option beyond the list: placed, at no provider. */
    private static final int BEYOND = -2;

    /** The unit's option beyond its candidates in fixed point, or {@link LagrangianBound#INF} where it has none. */
    static long beyondCost(PlacementUnit unit) {
        long t = unit.omittedPointsAtLeast();
        if (t >= INF / ONE || PinnedPlaces.hasInternalConflict(unit.getMembers())) {
            return INF; // never placed in a plan with the best hard score (H10, H11 inside): nowhere beyond either
        }
        return t * ONE;
    }

    /**
     * A block's option beyond the enumerated providers in fixed point (or INF): a provider is enumerated for a block
     * where every member has it among its options, so at one that is not, some member j is there beyond its list (at
     * least T_j) and each other member i at least m_i, the least of its cheapest option and T_i. Hence Σ m_i + the
     * least T_j − m_j, plus siblingsApart's weight unless a pinned member's provider (which costs none) might be it.
     *
     * @param cheapest per member, its cheapest option's points ({@link FlowOffers#NONE} where it has none)
     * @param apart the weight to add: siblingsApart's, or 0 where some member is pinned
     */
    static long blockBeyondCost(int block, List<PlacementUnit> free, long[] cheapest, long apart) {
        long sum = 0;
        long leastExtra = INF;
        for (int i = 0; i < free.size(); i++) {
            if ((block & 1 << i) == 0) {
                continue;
            }
            long t = free.get(i).omittedPointsAtLeast();
            long m = Math.min(cheapest[i], t);
            if (m >= INF / ONE) {
                return INF; // this member goes nowhere
            }
            sum += m;
            if (t < INF / ONE) {
                leastExtra = Math.min(leastExtra, t - m);
            }
        }
        long points = leastExtra >= INF ? INF : sum + leastExtra + apart;
        return points >= INF / ONE ? INF : points * ONE;
    }

    /**
     * The units' side of either dual at its multipliers, in fixed point: each unit relaxed on its own takes its
     * cheapest option, with phase 1's {@code price} per provider and kind added to its cost or phase 2's {@code pi}
     * per option taken from it (the other null), or its option beyond its list, or stays unplaced at μ·weight. Records
     * the relaxed plan ({@link LagrangianBound#take}) and adds the unplaced weight to {@link LagrangianBound#unplaced}.
     */
    static long of(LagrangianBound b, long[] price, long[] pi) {
        long total = 0;
        for (int u = 0; u < b.unitCount; u++) {
            long best = b.mu * b.unitWeight[u];
            int choice = -1;
            if (b.unitBeyond[u] < Math.min(best, INF)) { // INF: none, whatever μ is
                best = b.unitBeyond[u];
                choice = BEYOND;
            }
            for (int k = b.unitStart[u], end = b.unitStart[u + 1]; k < end; k++) {
                long cost = b.optionCost[k] * ONE;
                if (cost >= best) {
                    break; // cheapest first, and the multipliers only add (prices >= 0, π <= 0)
                }
                long v = cost + (pi == null ? price[b.optionProvider[k] * b.kinds + b.optionKind[k]] : -pi[k]);
                if (v < best) {
                    best = v;
                    choice = k;
                }
            }
            total += best;
            if (choice == -1) {
                b.unplaced += b.unitWeight[u];
            } else if (choice >= 0) {
                b.take(choice, pi == null);
            }
        }
        return total;
    }
}
