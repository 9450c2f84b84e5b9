package org.placementmatcher.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Finds a unit's K cheapest eligible providers (by its static soft points, ties by index) without checking every
 * provider: exactly the first entries of the list {@link PlacementUnit#getCandidates()} works out by checking them all.
 * A national problem (tens of thousands of units and of providers) has billions of pairs; a unit's cheapest places
 * lie near it, so a spatial index finds them after looking at a few thousand.
 *
 * <p>The providers are put in cells of a latitude/longitude grid, each cell's by type (so each bucket is cheap or
 * dear together), each bucket's by weekly cost; cells are grouped in blocks. For a unit, blocks and buckets are
 * visited best first by a lower bound on the unit's points at any provider in them: the distance term at the
 * least great-circle distance from each member to the area (rounded as the term rounds, with a margin so that
 * floating point never lifts the bound above the truth), the over-20-miles term where that least distance is
 * beyond 20 miles, the cost term of the bucket's cheapest provider, the out-of-area term at the least of the area's
 * authorities and the move term (the same for every provider but the members' current placements, which are checked
 * first, on their own). The other terms are never negative, so leaving them out keeps the bound a bound. Within a
 * bucket, the places, age ranges and capabilities (H1, H2, H4) are read from arrays before the rules are asked. The search stops when the next area's bound exceeds the K-th best
 * points found: nothing there can enter the list.
 *
 * <p>Connected-person providers take only the children they name (H7), so they are found by name, not by place.
 *
 * <p>Built once per problem, read only after: one search serves every unit, on every thread.
 */
public final class CandidateSearch {

    /** A cell's size: about 7 by 6 miles in England, a few providers each. */
    static final double CELL_LAT_DEGREES = 0.1;

    static final double CELL_LON_DEGREES = 0.15;
    /** Cells per block side: a block is about 50 miles across. */
    static final int BLOCK_CELLS = 8;

    /** Miles the distance bound is lowered by, far more than a haversine's floating-point error. */
    private static final double MARGIN_MILES = 1e-6;

    /** One unit's K cheapest eligible providers, cheapest first, and a floor on the points of those left out. */
    public record Result(List<Provider> cheapestFirst, long omittedPointsAtLeast) {
        /** Whether the list holds every eligible provider. */
        public boolean isComplete() {
            return omittedPointsAtLeast == Long.MAX_VALUE;
        }
    }

    /**
     * Providers of one type in one cell, cheapest (weekly cost) first, and the cell's area; with what the search reads
     * of each provider copied into arrays (cost points per child at the problem's weight, places, age range,
     * capabilities as bits), read in a row where the providers themselves lie all over the heap, and their summary,
     * which turns a unit away from a bucket where none of them could take it.
     */
    private record Bucket(
            Provider[] byCost,
            Area area,
            long[] cost,
            int[] places,
            int[] ageMin,
            int[] ageMax,
            long[] capabilities,
            int[] genders,
            long[] availableFrom,
            boolean[] emergencyApproved,
            boolean[] barred,
            int[] authorities,
            int[] distinctAuthorities,
            int maxPlaces,
            int leastAgeMin,
            int greatestAgeMax,
            long anyCapabilities) {}

    /** A block of cells: its area, its buckets, its cheapest provider (of any type) and its providers' authorities. */
    private record Block(Area area, int[] buckets, Provider cheapest, int[] distinctAuthorities) {}

    /** A latitude/longitude rectangle, with the least cosine of its latitudes (for the haversine's bound). */
    private record Area(double latLo, double latHi, double lonLo, double lonHi, double minCosLat) {
        static Area of(double latLo, double latHi, double lonLo, double lonHi) {
            double cos = Math.min(Math.cos(Math.toRadians(latLo)), Math.cos(Math.toRadians(latHi)));
            return new Area(latLo, latHi, lonLo, lonHi, Math.max(0, cos));
        }
    }

    private final Provider[] byIndex;
    /** The cost weight the buckets' cost points are at. */
    private final long costWeight;
    /** A bit for each of the first 64 capabilities met (the rest are left to the rules themselves). */
    private final Map<String, Long> capabilityBits = new HashMap<>();
    /** A bit for each of the first 31 genders providers accept (the rest are left to the rules themselves). */
    private final Map<String, Integer> genderBits = new HashMap<>();
    /** A number for each provider's local authority, for the out-of-area term's bound. */
    private final Map<String, Integer> authorityIds = new HashMap<>();

    private final int indexBits;
    private final List<Bucket> buckets = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    /** Connected-person providers by the children they name. */
    private final Map<String, List<Provider>> connectedByChild = new HashMap<>();

    /**
     * @param providers every provider of the problem, each at its index ({@link Provider#getIndex()})
     * @param weights the problem's weights (a unit with others is searched as well, only slower)
     */
    public CandidateSearch(List<Provider> providers, ScoringWeights weights) {
        this.costWeight = weights.cost();
        this.byIndex = providers.toArray(Provider[]::new);
        for (int i = 0; i < byIndex.length; i++) {
            if (byIndex[i].getIndex() != i) {
                throw new IllegalArgumentException("providers must sit at their index");
            }
        }
        this.indexBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, byIndex.length - 1));
        List<Provider> placed = new ArrayList<>();
        for (Provider p : providers) {
            if (p.getType() == ProviderType.CONNECTED_PERSON) {
                for (String child : p.getConnectedChildren()) {
                    connectedByChild
                            .computeIfAbsent(child, c -> new ArrayList<>())
                            .add(p);
                }
            } else {
                placed.add(p);
            }
        }
        index(placed);
    }

    private void index(List<Provider> placed) {
        if (placed.isEmpty()) {
            return;
        }
        double lat0 = placed.stream().mapToDouble(Provider::getLat).min().orElseThrow();
        double lon0 = placed.stream().mapToDouble(Provider::getLon).min().orElseThrow();
        // Cell -> type -> providers; cells keyed by row and column.
        Map<Long, Map<ProviderType, List<Provider>>> cells = new HashMap<>();
        for (Provider p : placed) {
            long row = (long) Math.floor((p.getLat() - lat0) / CELL_LAT_DEGREES);
            long col = (long) Math.floor((p.getLon() - lon0) / CELL_LON_DEGREES);
            cells.computeIfAbsent(row << 32 | col, k -> new HashMap<>())
                    .computeIfAbsent(p.getType(), t -> new ArrayList<>())
                    .add(p);
        }
        Map<Long, List<Integer>> blockBuckets = new HashMap<>();
        Map<Long, Provider> blockCheapest = new HashMap<>();
        Comparator<Provider> byCost =
                Comparator.comparingDouble(Provider::getWeeklyCost).thenComparingInt(Provider::getIndex);
        for (var cell : cells.entrySet()) {
            long row = cell.getKey() >> 32;
            long col = (int) (long) cell.getKey();
            // A provider exactly on an edge belongs to both neighbours' areas: the bound holds for either.
            Area area = Area.of(
                    lat0 + row * CELL_LAT_DEGREES,
                    lat0 + (row + 1) * CELL_LAT_DEGREES,
                    lon0 + col * CELL_LON_DEGREES,
                    lon0 + (col + 1) * CELL_LON_DEGREES);
            long block = (row / BLOCK_CELLS) << 32 | (col / BLOCK_CELLS);
            for (List<Provider> ofType : cell.getValue().values()) {
                Provider[] sorted = ofType.toArray(Provider[]::new);
                Arrays.sort(sorted, byCost);
                blockBuckets.computeIfAbsent(block, b -> new ArrayList<>()).add(buckets.size());
                buckets.add(bucket(sorted, widened(area, sorted)));
                blockCheapest.merge(block, sorted[0], (a, b) -> byCost.compare(a, b) <= 0 ? a : b);
            }
        }
        for (var block : blockBuckets.entrySet()) {
            long row = block.getKey() >> 32;
            long col = (int) (long) block.getKey();
            double latLo = Double.MAX_VALUE,
                    latHi = -Double.MAX_VALUE,
                    lonLo = Double.MAX_VALUE,
                    lonHi = -Double.MAX_VALUE;
            for (int b : block.getValue()) {
                Area a = buckets.get(b).area();
                latLo = Math.min(latLo, a.latLo());
                latHi = Math.max(latHi, a.latHi());
                lonLo = Math.min(lonLo, a.lonLo());
                lonHi = Math.max(lonHi, a.lonHi());
            }
            assert row >= 0 && col >= 0;
            blocks.add(new Block(
                    Area.of(latLo, latHi, lonLo, lonHi),
                    block.getValue().stream().mapToInt(Integer::intValue).toArray(),
                    blockCheapest.get(block.getKey()),
                    block.getValue().stream()
                            .flatMapToInt(b -> Arrays.stream(buckets.get(b).distinctAuthorities()))
                            .distinct()
                            .toArray()));
        }
    }

    private Bucket bucket(Provider[] sorted, Area area) {
        int n = sorted.length;
        long[] cost = new long[n];
        int[] places = new int[n];
        int[] ageMin = new int[n];
        int[] ageMax = new int[n];
        long[] capabilities = new long[n];
        int[] genders = new int[n];
        long[] availableFrom = new long[n];
        boolean[] emergencyApproved = new boolean[n];
        boolean[] barred = new boolean[n];
        int[] authorities = new int[n];
        int maxPlaces = 0;
        int leastAgeMin = Integer.MAX_VALUE;
        int greatestAgeMax = Integer.MIN_VALUE;
        long any = 0;
        for (int i = 0; i < n; i++) {
            Provider p = sorted[i];
            cost[i] = p.costPoints(costWeight);
            places[i] = p.getPlaces();
            ageMin[i] = p.getAgeMin();
            ageMax[i] = p.getAgeMax();
            for (String capability : p.getCapabilities()) {
                capabilities[i] |= bitOf(capability);
            }
            genders[i] = genderMask(p);
            availableFrom[i] = p.getAvailableFrom().toEpochDay();
            emergencyApproved[i] = p.isEmergencyApproved();
            barred[i] = PlacementRules.registrationBar(p) != null;
            authorities[i] = authorityIds.computeIfAbsent(p.getLocalAuthority(), a -> authorityIds.size());
            maxPlaces = Math.max(maxPlaces, places[i]);
            leastAgeMin = Math.min(leastAgeMin, ageMin[i]);
            greatestAgeMax = Math.max(greatestAgeMax, ageMax[i]);
            any |= capabilities[i];
        }
        return new Bucket(
                sorted,
                area,
                cost,
                places,
                ageMin,
                ageMax,
                capabilities,
                genders,
                availableFrom,
                emergencyApproved,
                barred,
                authorities,
                java.util.Arrays.stream(authorities).distinct().toArray(),
                maxPlaces,
                leastAgeMin,
                greatestAgeMax,
                any);
    }

    /** The bits of the genders the provider accepts (every bit when it accepts any). */
    private int genderMask(Provider p) {
        if (p.getAcceptsGenders() == null) {
            return -1;
        }
        int mask = 0;
        for (String gender : p.getAcceptsGenders()) {
            Integer bit = genderBits.get(gender);
            if (bit == null && genderBits.size() < Integer.SIZE - 1) {
                bit = 1 << genderBits.size();
                genderBits.put(gender, bit);
            }
            mask |= bit == null ? 0 : bit;
        }
        return mask;
    }

    /** The capability's bit, given to the first 64 met; 0 for the rest. */
    private long bitOf(String capability) {
        Long bit = capabilityBits.get(capability);
        if (bit == null && capabilityBits.size() < Long.SIZE) {
            bit = 1L << capabilityBits.size();
            capabilityBits.put(capability, bit);
        }
        return bit == null ? 0 : bit;
    }

    /** The cell's area, stretched to hold every one of its providers even where division rounded them astray. */
    private static Area widened(Area cell, Provider[] providers) {
        double latLo = cell.latLo(), latHi = cell.latHi(), lonLo = cell.lonLo(), lonHi = cell.lonHi();
        for (Provider p : providers) {
            latLo = Math.min(latLo, p.getLat());
            latHi = Math.max(latHi, p.getLat());
            lonLo = Math.min(lonLo, p.getLon());
            lonHi = Math.max(lonHi, p.getLon());
        }
        return Area.of(latLo, latHi, lonLo, lonHi);
    }

    /**
     * The unit's {@code k} cheapest eligible providers (H1's places and every per-child rule for every member), by
     * {@link PlacementUnit#staticSoftPoints} then index, with every provider tied at the k-th points; and a number
     * that every eligible provider left out has at least as many points ({@link Long#MAX_VALUE}: none left out).
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
            this.keys = new long[Math.min(2 * k + 1, byIndex.length + 1)];
            this.atBuiltWeight = weights.cost() == costWeight;
            int youngestAge = Integer.MAX_VALUE;
            int eldestAge = Integer.MIN_VALUE;
            long needBits = 0;
            for (Child c : members) {
                youngestAge = Math.min(youngestAge, c.getAge());
                eldestAge = Math.max(eldestAge, c.getAge());
                for (String need : c.getNeeds()) {
                    needBits |= capabilityBits.getOrDefault(need, 0L);
                }
            }
            this.youngest = youngestAge;
            this.eldest = eldestAge;
            this.needs = needBits;
            int genderBitsOfMembers = 0;
            long earliest = Long.MAX_VALUE;
            boolean anyEmergency = false;
            for (Child c : members) {
                genderBitsOfMembers |= genderBits.getOrDefault(c.getGender(), 0);
                earliest = Math.min(earliest, c.getNeededBy().toEpochDay());
                anyEmergency |= c.getUrgency() == Urgency.EMERGENCY;
            }
            this.genders = genderBitsOfMembers;
            this.neededBy = earliest;
            this.emergency = anyEmergency;
            this.memberAuthorities = members.stream()
                    .mapToInt(c -> authorityIds.getOrDefault(c.getResponsibleAuthority(), -1))
                    .toArray();
        }

        Result run() {
            for (Child c : members) {
                checkOnItsOwn(c.getCurrentPlacement());
            }
            for (Provider p : connectedByChild.getOrDefault(members.getFirst().getId(), List.of())) {
                checkOnItsOwn(p);
            }
            PriorityQueue<long[]> queue = new PriorityQueue<>(Comparator.comparingLong((long[] e) -> e[0]));
            for (int b = 0; b < blocks.size(); b++) {
                Block block = blocks.get(b);
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
                    for (int b : blocks.get((int) (-1 - next[1])).buckets()) {
                        Bucket bucket = buckets.get(b);
                        if (mayTake(bucket)) {
                            queue.add(new long[] {
                                bound(bucket.area(), bucket.byCost()[0]) + leastOutOfArea(bucket.distinctAuthorities()),
                                b
                            });
                        }
                    }
                } else {
                    visit(buckets.get((int) next[1]), next[0]);
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
        private boolean mayTake(Bucket bucket) {
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

        private void visit(Bucket bucket, long areaBound) {
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

        private long costPoints(Bucket bucket, int i) {
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
            if (count >= k && (threshold == Long.MAX_VALUE || count >= 2 * k)) {
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

        /** Sorts the keys found, keeps the k cheapest and those tied with the k-th, and lowers the threshold. */
        private void cut() {
            Arrays.sort(keys, 0, count);
            if (count < k) {
                return;
            }
            long kth = keys[k - 1] >>> indexBits;
            int kept = k;
            while (kept < count && keys[kept] >>> indexBits == kth) {
                kept++;
            }
            if (kept < count) {
                anyLeftOut = true;
            }
            count = kept;
            threshold = kth;
        }

        private Result result(boolean complete) {
            List<Provider> list = new ArrayList<>(count);
            long positionMask = (1L << indexBits) - 1;
            for (int i = 0; i < count; i++) {
                list.add(byIndex[(int) (keys[i] & positionMask)]);
            }
            return new Result(list, complete ? Long.MAX_VALUE : threshold + 1);
        }

        private long costPoints(Provider p) {
            return members.size() * p.costPoints(weights.cost());
        }

        /** A lower bound on the unit's points at any provider in the area no dearer than {@code cheapest}. */
        private long bound(Area area, Provider cheapest) {
            long points = moveConstant + costPoints(cheapest);
            for (Child c : members) {
                double miles = leastMiles(c, area) * (1 - 1e-12) - MARGIN_MILES;
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

    /**
     * The least great-circle distance from the child to any point of the area, by the haversine with each of its
     * terms at its least: the latitude gap, the longitude gap and the least cosine of the area's latitudes.
     */
    private static double leastMiles(Child c, Area area) {
        double lat = c.getFromLat();
        double dLat = lat < area.latLo() ? area.latLo() - lat : lat > area.latHi() ? lat - area.latHi() : 0;
        double lon = c.getFromLon();
        double dLon = lon >= area.lonLo() && lon <= area.lonHi()
                ? 0
                : Math.min(circular(lon, area.lonLo()), circular(lon, area.lonHi()));
        double sinHalfDPhi = Math.sin(Math.toRadians(dLat) / 2);
        double sinHalfDLambda = Math.sin(Math.toRadians(dLon) / 2);
        double a = sinHalfDPhi * sinHalfDPhi
                + Math.cos(Math.toRadians(lat)) * area.minCosLat() * sinHalfDLambda * sinHalfDLambda;
        return 2 * Geo.EARTH_RADIUS_MILES * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    /** Degrees between two longitudes, the short way round. */
    private static double circular(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return Math.min(d, 360 - d);
    }
}
