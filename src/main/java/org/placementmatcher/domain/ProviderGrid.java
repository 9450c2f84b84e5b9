package org.placementmatcher.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The providers of one problem as {@link CandidateSearch} reads them: in cells of a latitude/longitude grid, each
 * cell's by type, each type's by weekly cost (a bucket), cells grouped in blocks; with what the search checks of each
 * provider copied into the bucket's arrays, and each bucket's and block's summary for the search's bounds.
 * Connected-person providers are kept by the children they name instead. Built once, read only after.
 */
final class ProviderGrid {

    /** A cell's size: about 7 by 6 miles in England, a few providers each. */
    static final double CELL_LAT_DEGREES = 0.1;

    static final double CELL_LON_DEGREES = 0.15;
    /** Cells per block side: a block is about 50 miles across. */
    static final int BLOCK_CELLS = 8;

    /**
     * Providers of one type in one cell, cheapest (weekly cost) first, and the cell's area; with what the search reads
     * of each provider copied into arrays (cost points per child at the problem's weight, places, age range,
     * capabilities as bits, accepted genders as bits, availability, emergency approval, registration), read in a row where the providers themselves lie all over the heap, and their summary,
     * which turns a unit away from a bucket where none of them could take it.
     */
    record Bucket(
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
    record Block(Area area, int[] buckets, Provider cheapest, int[] distinctAuthorities) {}

    /** A latitude/longitude rectangle, with the least cosine of its latitudes (for the haversine's bound). */
    record Area(double latLo, double latHi, double lonLo, double lonHi, double minCosLat) {
        static Area of(double latLo, double latHi, double lonLo, double lonHi) {
            double cos = Math.min(Math.cos(Math.toRadians(latLo)), Math.cos(Math.toRadians(latHi)));
            return new Area(latLo, latHi, lonLo, lonHi, Math.max(0, cos));
        }
    }

    /** The cost weight the buckets' cost points are at. */
    final long costWeight;
    /** A bit for each of the first 64 capabilities met (the rest are left to the rules themselves). */
    final Map<String, Long> capabilityBits = new HashMap<>();
    /** A bit for each of the first 31 genders providers accept (the rest are left to the rules themselves). */
    final Map<String, Integer> genderBits = new HashMap<>();
    /** A number for each provider's local authority, for the out-of-area term's bound. */
    final Map<String, Integer> authorityIds = new HashMap<>();

    final List<Bucket> buckets = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();
    /** Connected-person providers by the children they name. */
    final Map<String, List<Provider>> connectedByChild = new HashMap<>();

    ProviderGrid(List<Provider> providers, long costWeight) {
        this.costWeight = costWeight;
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
     * The least great-circle distance from the child to any point of the area, by the haversine with each of its
     * terms at its least: the latitude gap, the longitude gap and the least cosine of the area's latitudes.
     */
    static double leastMiles(Child c, Area area) {
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
