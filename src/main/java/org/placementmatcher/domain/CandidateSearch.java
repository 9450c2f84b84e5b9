package org.placementmatcher.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Finds a unit's K cheapest eligible providers (by its static soft points, ties by index) without checking every
 * provider: exactly the first entries of the list {@link PlacementUnit#getCandidates()} works out by checking them all.
 * A national problem (tens of thousands of units and of providers) has billions of pairs; a unit's cheapest places
 * lie near it, so a spatial index ({@link ProviderGrid}) finds them after looking at a few thousand.
 *
 * <p>For a unit, the grid's blocks and buckets are visited best first by a lower bound on the unit's points at any
 * provider in them: the distance term at the least great-circle distance from each member to the area (rounded as the
 * term rounds, with a margin so that floating point never lifts the bound above the truth), the over-20-miles term
 * where that least distance is beyond 20 miles, the cost term of the bucket's cheapest provider, the out-of-area term
 * at the least of the area's authorities and the move term (the same for every provider but the members' current
 * placements, which are checked first, on their own). The other terms are never negative, so leaving them out keeps
 * the bound a bound. The search stops when the next area's bound exceeds the K-th best points found: nothing there
 * can enter the list. Within a bucket, the rules a provider's own numbers decide (H1, H2, H4, H5, H8, H9, H15) are read
 * from the bucket's arrays before every rule is asked of the providers left.
 *
 * <p>Connected-person providers take only the children they name (H7), so they are found by name, not by place.
 *
 * <p>Built once per problem, read only after: one search serves every unit, on every thread.
 */
public final class CandidateSearch {

    /** Miles the distance bound is lowered by, far more than a haversine's floating-point error. */
    private static final double MARGIN_MILES = 1e-6;

    /** One unit's K cheapest eligible providers, cheapest first, and a floor on the points of those left out. */
    public record Result(List<Provider> cheapestFirst, long omittedPointsAtLeast) {
        /** Whether the list holds every eligible provider. */
        public boolean isComplete() {
            return omittedPointsAtLeast == Long.MAX_VALUE;
        }
    }

    private final Provider[] byIndex;
    private final int indexBits;
    private final ProviderGrid grid;

    /**
     * @param providers every provider of the problem, each at its index ({@link Provider#getIndex()})
     * @param weights the problem's weights (a unit with others is searched as well, only slower)
     */
    public CandidateSearch(List<Provider> providers, ScoringWeights weights) {
        this.byIndex = providers.toArray(Provider[]::new);
        for (int i = 0; i < byIndex.length; i++) {
            if (byIndex[i].getIndex() != i) {
                throw new IllegalArgumentException("providers must sit at their index");
            }
        }
        this.indexBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, byIndex.length - 1));
        this.grid = new ProviderGrid(providers, weights.cost());
    }

    /**
     * The unit's {@code k} cheapest eligible providers (H1's places and every per-child rule for every member), by
     * {@link PlacementUnit#staticSoftPoints} then index (the first k of the whole list); and a number that every
     * eligible provider left out has at least as many points ({@link Long#MAX_VALUE}: none left out).
     */
    public Result cheapest(PlacementUnit unit, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        return new Query(unit, k).run();
    }

    /** One unit's search: its found providers as packed keys (points, then index). */
    private final class Query {
        private final PlacementUnit unit;
        private final List<Child> members;
        private final int k;
        private final ScoringWeights weights;
        private final long moveConstant;
        private final boolean atBuiltWeight;
        private final int youngest;
        private final int eldest;
        /** The members' needs that have a bit ({@link #capabilityBits}). */
        private final long needs;
        /** The members' genders that have a bit ({@link #genderBits}). */
        private final int genders;
        /** The earliest day a member is needed by (H8), and whether one is an emergency (H9). */
        private final long neededBy;

        private final boolean emergency;
        /** Each member's responsible authority's number ({@link #authorityIds}; -1: no provider's). */
        private final int[] memberAuthorities;
        /** Providers checked on their own before the areas (current placements, connected persons). */
        private final List<Provider> checkedFirst = new ArrayList<>();

        private long[] keys;
        private int count;
        /** The k-th points among those found once k are found: points above can never enter the list. */
        private long threshold = Long.MAX_VALUE;
        /** Whether an eligible provider (or one that might be) was left out. */
        private boolean anyLeftOut;

        Query(PlacementUnit unit, int k) {
            this.unit = unit;
            this.members = unit.getMembers();
            this.k = k;
            this.weights = unit.getWeights();
            long move = 0;
            for (Child c : members) {
                if (c.getCurrentPlacement() != null && !c.isNeedsMove()) {
                    move += weights.move();
                }
            }
            this.moveConstant = move;
            this.keys = new long[(int) Math.min(2L * k + 1, byIndex.length + 1L)];
            this.atBuiltWeight = weights.cost() == grid.costWeight;
            int youngestAge = Integer.MAX_VALUE;
            int eldestAge = Integer.MIN_VALUE;
            long needBits = 0;
            for (Child c : members) {
                youngestAge = Math.min(youngestAge, c.getAge());
                eldestAge = Math.max(eldestAge, c.getAge());
                for (String need : c.getNeeds()) {
                    needBits |= grid.capabilityBits.getOrDefault(need, 0L);
                }
            }
            this.youngest = youngestAge;
            this.eldest = eldestAge;
            this.needs = needBits;
            int genderBitsOfMembers = 0;
            long earliest = Long.MAX_VALUE;
            boolean anyEmergency = false;
            for (Child c : members) {
                genderBitsOfMembers |= grid.genderBits.getOrDefault(c.getGender(), 0);
                earliest = Math.min(earliest, c.getNeededBy().toEpochDay());
                anyEmergency |= c.getUrgency() == Urgency.EMERGENCY;
            }
            this.genders = genderBitsOfMembers;
            this.neededBy = earliest;
            this.emergency = anyEmergency;
            this.memberAuthorities = members.stream()
                    .mapToInt(c -> grid.authorityIds.getOrDefault(c.getResponsibleAuthority(), -1))
                    .toArray();
        }

        Result run() {
            for (Child c : members) {
                checkOnItsOwn(c.getCurrentPlacement());
            }
            for (Provider p :
                    grid.connectedByChild.getOrDefault(members.getFirst().getId(), List.of())) {
                checkOnItsOwn(p);
            }
            PriorityQueue<long[]> queue = new PriorityQueue<>(Comparator.comparingLong((long[] e) -> e[0]));
            for (int b = 0; b < grid.blocks.size(); b++) {
                ProviderGrid.Block block = grid.blocks.get(b);
                queue.add(new long[] {
                    bound(block.area(), block.cheapest()) + leastOutOfArea(block.distinctAuthorities()), -1 - b
                });
            }
            boolean exhausted = true;
            while (!queue.isEmpty()) {
                long[] next = queue.poll();
                if (next[0] > threshold) {
                    exhausted = false;
                    break;
                }
                if (next[1] < 0) {
                    for (int b : grid.blocks.get((int) (-1 - next[1])).buckets()) {
                        ProviderGrid.Bucket bucket = grid.buckets.get(b);
                        if (mayTake(bucket)) {
                            queue.add(new long[] {
                                bound(bucket.area(), bucket.byCost()[0]) + leastOutOfArea(bucket.distinctAuthorities()),
                                b
                            });
                        }
                    }
                } else {
                    visit(grid.buckets.get((int) next[1]), next[0]);
                }
            }
            cut();
            return result(exhausted && !anyLeftOut);
        }

        /**
         * Whether any provider of the bucket might take every member: not where none has places enough (H1), where
         * a member is outside every age range (H2), where a need is met by none (H4), or where they are supported
         * lodgings and a member is under 16 (H6). None of these rules spares a current placement.
         */
        private boolean mayTake(ProviderGrid.Bucket bucket) {
            if (bucket.maxPlaces() < members.size()
                    || youngest < bucket.leastAgeMin()
                    || eldest > bucket.greatestAgeMax()
                    || (needs & ~bucket.anyCapabilities()) != 0) {
                return false;
            }
            if (bucket.byCost()[0].getType() == ProviderType.SUPPORTED_LODGINGS) {
                for (Child c : members) {
                    if (c.getAge() < PlacementRules.SUPPORTED_LODGINGS_MIN_AGE) {
                        return false;
                    }
                }
            }
            return true;
        }

        private void checkOnItsOwn(Provider p) {
            if (p == null || checkedFirst.contains(p)) {
                return;
            }
            checkedFirst.add(p);
            consider(p);
        }

        private void visit(ProviderGrid.Bucket bucket, long areaBound) {
            Provider[] byCost = bucket.byCost();
            long leastOutOfArea = leastOutOfArea(bucket.distinctAuthorities());
            long distanceBound = areaBound - leastOutOfArea - moveConstant - costPoints(bucket, 0);
            int size = members.size();
            for (int i = 0; i < byCost.length; i++) {
                if (distanceBound + moveConstant + costPoints(bucket, i) > threshold) {
                    // Dearer ones follow: none of them can enter the list either.
                    anyLeftOut = true;
                    return;
                }
                // H1, H2, H4, H5, H8, H9 and H15 from the bucket's arrays first: most providers a unit cannot go to
                // fail one of them. (H8, H9 and H15 spare a current placement, but those are checked on their own.)
                if (bucket.places()[i] < size
                        || youngest < bucket.ageMin()[i]
                        || eldest > bucket.ageMax()[i]
                        || (needs & ~bucket.capabilities()[i]) != 0
                        || (genders & ~bucket.genders()[i]) != 0
                        || bucket.availableFrom()[i] > neededBy
                        || emergency && !bucket.emergencyApproved()[i]
                        || bucket.barred()[i]) {
                    continue;
                }
                if (leastOutOfArea != 0 || bucket.distinctAuthorities().length > 1) {
                    long outOfArea = outOfArea(bucket.authorities()[i]);
                    if (distanceBound + moveConstant + costPoints(bucket, i) + outOfArea > threshold) {
                        anyLeftOut = true;
                        continue;
                    }
                }
                Provider p = byCost[i];
                if (!checkedFirst.contains(p)) {
                    consider(p);
                }
            }
        }

        /** The out-of-area term's points at a provider of that authority. */
        private long outOfArea(int authority) {
            long points = 0;
            for (int member : memberAuthorities) {
                if (member != authority) {
                    points += weights.outOfArea();
                }
            }
            return points;
        }

        /** The out-of-area term's least points at any provider of these authorities. */
        private long leastOutOfArea(int[] authorities) {
            long least = Long.MAX_VALUE;
            for (int authority : authorities) {
                least = Math.min(least, outOfArea(authority));
            }
            return least == Long.MAX_VALUE ? 0 : least;
        }

        private long costPoints(ProviderGrid.Bucket bucket, int i) {
            return atBuiltWeight ? members.size() * bucket.cost()[i] : costPoints(bucket.byCost()[i]);
        }

        private void consider(Provider p) {
            if (PlacementRules.capacityPoints(p, members.size()) != 0 || !everyMemberEligible(p)) {
                return;
            }
            long points = unit.staticSoftPoints(p);
            if (points > threshold) {
                anyLeftOut = true;
                return;
            }
            if (points > Long.MAX_VALUE >>> indexBits) {
                throw new ArithmeticException("soft points too large to rank: " + points);
            }
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, keys.length * 2);
            }
            keys[count++] = points << indexBits | p.getIndex();
            // The threshold as soon as k are found, and lowered each time as many again are.
            if (count >= k && (threshold == Long.MAX_VALUE || count >= 2L * k)) {
                cut();
            }
        }

        private boolean everyMemberEligible(Provider p) {
            for (Child child : members) {
                if (!PlacementRules.isEligible(child, p)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Sorts the keys found, keeps the k first (by points, then index, as the whole list is ordered) and lowers the
         * threshold to the k-th points. Exactly k, not every one tied with the k-th: where the weights leave few
         * distinct points (cost and distance weighted 0), ties would otherwise bring back whole lists. A provider tied
         * with the k-th is still looked at (the search skips only those above the threshold), so the k kept are the
         * first k of the whole list.
         */
        private void cut() {
            Arrays.sort(keys, 0, count);
            if (count < k) {
                return;
            }
            if (count > k) {
                anyLeftOut = true;
            }
            count = k;
            threshold = keys[k - 1] >>> indexBits;
        }

        private Result result(boolean complete) {
            List<Provider> list = new ArrayList<>(count);
            long positionMask = (1L << indexBits) - 1;
            for (int i = 0; i < count; i++) {
                list.add(byIndex[(int) (keys[i] & positionMask)]);
            }
            // Those left out have at least the k-th points (one tied with it may be among them).
            return new Result(list, complete ? Long.MAX_VALUE : threshold);
        }

        private long costPoints(Provider p) {
            return members.size() * p.costPoints(weights.cost());
        }

        /** A lower bound on the unit's points at any provider in the area no dearer than {@code cheapest}. */
        private long bound(ProviderGrid.Area area, Provider cheapest) {
            long points = moveConstant + costPoints(cheapest);
            for (Child c : members) {
                double miles = ProviderGrid.leastMiles(c, area) * (1 - 1e-12) - MARGIN_MILES;
                if (miles > 0) {
                    points += (long) Math.floor(weights.distancePerMile() * miles + 0.5);
                    if (miles > SoftTerms.FAR_MILES) {
                        points += weights.over20Miles();
                    }
                }
            }
            return points;
        }
    }
}
