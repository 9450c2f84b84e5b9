package org.placementmatcher.data.postcode;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.placementmatcher.contract.GeoPoint;

/**
 * Postcodes resolved offline from an ONS Postcode Directory (ONSPD) file: CSV, gzip-compressed or not, with
 * at least the columns {@code pcd} (postcode), {@code laua} (local authority district), {@code oseast1m} and
 * {@code osnrth1m} (OS grid reference, metres), as in the full ONSPD and in its slim four-column form.
 * Postcodes without a grid reference are left out: they cannot be placed on a map.
 *
 * <p>The project ships a small extract ({@link #SHIPPED}, enough for its sample data and tests); the full
 * directory (2.7 million postcodes, about 50 MB held) loads the same way. Held as sorted parallel arrays
 * rather than objects, so that the full file fits comfortably in memory. Immutable once built.
 */
public final class PostcodeDirectory {

    /** The extract shipped on the classpath. */
    public static final String SHIPPED = "/postcodes/onspd-extract.csv.gz";

    private static final int CELL_METRES = 1000;
    private static final int MAX_SEARCH_CELLS = 50;

    private final long[] keys;
    private final short[] district;
    private final int[] easting;
    private final int[] northing;
    private final String[] districts;
    private volatile Map<Long, int[]> cells;

    private PostcodeDirectory(long[] keys, short[] district, int[] easting, int[] northing, String[] districts) {
        this.keys = keys;
        this.district = district;
        this.easting = easting;
        this.northing = northing;
        this.districts = districts;
    }

    /** The extract shipped with the project. */
    public static PostcodeDirectory shipped() {
        try (InputStream in = PostcodeDirectory.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + SHIPPED);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ONSPD file (gzip or plain CSV), e.g. the full directory. */
    public static PostcodeDirectory of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the postcode directory " + file + ": " + e.getMessage(), e);
        }
    }

    /** ONSPD rows from a stream (gzip or plain CSV, told apart by the gzip magic number). */
    public static PostcodeDirectory read(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        InputStream body = gzip ? new GZIPInputStream(in, 1 << 16) : in;
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
        return new Loader().load(reader);
    }

    /** The postcode, written in any case and spacing; empty when it is not in the directory (or not a postcode). */
    public Optional<ResolvedPostcode> resolve(String postcode) {
        return Postcodes.normalise(postcode).flatMap(canonical -> {
            int i = Arrays.binarySearch(keys, key(canonical));
            return i < 0 ? Optional.empty() : Optional.of(resolved(canonical, i));
        });
    }

    /**
     * The DfE's distance between two postcodes, as the SSDA903 statistics count it: the straight line between
     * their OS grid references, in miles to one decimal ({@link OsGrid#dfeMiles}); empty unless both are in
     * the directory.
     */
    public Optional<Double> dfeMiles(String from, String to) {
        int a = indexOf(from);
        int b = indexOf(to);
        if (a < 0 || b < 0) {
            return Optional.empty();
        }
        double miles = OsGrid.dfeMiles(easting[a], northing[a], easting[b], northing[b]);
        return Optional.of(Math.round(miles * 10.0) / 10.0);
    }

    private int indexOf(String postcode) {
        return Postcodes.normalise(postcode)
                .map(canonical -> Arrays.binarySearch(keys, key(canonical)))
                .filter(i -> i >= 0)
                .orElse(-1);
    }

    /** How many postcodes the directory holds. */
    public int size() {
        return keys.length;
    }

    /**
     * The postcode whose grid reference is nearest the point (ties to the first in postcode order, so the answer
     * does not depend on load order); empty when none lies within 50 km.
     */
    public Optional<ResolvedPostcode> nearest(double lat, double lon) {
        double[] grid = OsGrid.fromWgs84(lat, lon);
        Map<Long, int[]> index = cells();
        long cx = Math.floorDiv((long) grid[0], CELL_METRES);
        long cy = Math.floorDiv((long) grid[1], CELL_METRES);
        int best = -1;
        double bestSquared = Double.MAX_VALUE;
        for (int ring = 0; ring <= MAX_SEARCH_CELLS; ring++) {
            // Every postcode in this ring or beyond is at least (ring - 1) cells away.
            double nearestPossible = Math.max(0, ring - 1) * (double) CELL_METRES;
            if (best >= 0 && nearestPossible * nearestPossible > bestSquared) {
                break;
            }
            for (long x = cx - ring; x <= cx + ring; x++) {
                for (long y = cy - ring; y <= cy + ring; y++) {
                    if (Math.max(Math.abs(x - cx), Math.abs(y - cy)) != ring) {
                        continue;
                    }
                    for (int i : index.getOrDefault(cellKey(x, y), NONE)) {
                        double dx = easting[i] - grid[0];
                        double dy = northing[i] - grid[1];
                        double squared = dx * dx + dy * dy;
                        if (squared < bestSquared || (squared == bestSquared && i < best)) {
                            best = i;
                            bestSquared = squared;
                        }
                    }
                }
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(resolved(canonical(keys[best]), best));
    }

    /** Every postcode in postcode order (for building extracts). */
    public List<ResolvedPostcode> all() {
        return java.util.stream.IntStream.range(0, keys.length)
                .mapToObj(i -> resolved(canonical(keys[i]), i))
                .toList();
    }

    private static final int[] NONE = new int[0];

    private ResolvedPostcode resolved(String canonical, int i) {
        GeoPoint point = OsGrid.toWgs84(easting[i], northing[i]);
        String districtCode = districts[district[i]];
        return new ResolvedPostcode(
                canonical,
                districtCode,
                UpperTierAuthorities.of(districtCode),
                easting[i],
                northing[i],
                round6(point.lat()),
                round6(point.lon()));
    }

    /** Degrees to 6 decimals (about 0.1 m): finer than the grid reference's metre, and easy to read. */
    private static double round6(double degrees) {
        return Math.round(degrees * 1_000_000.0) / 1_000_000.0;
    }

    private Map<Long, int[]> cells() {
        Map<Long, int[]> index = cells;
        if (index == null) {
            synchronized (this) {
                if (cells == null) {
                    Map<Long, int[]> counts = new HashMap<>();
                    for (int i = 0; i < keys.length; i++) {
                        counts.computeIfAbsent(cellOf(i), c -> new int[1])[0]++;
                    }
                    Map<Long, int[]> built = new HashMap<>();
                    counts.forEach((cell, count) -> built.put(cell, new int[count[0]]));
                    Map<Long, int[]> filled = new HashMap<>();
                    for (int i = 0; i < keys.length; i++) {
                        long cell = cellOf(i);
                        built.get(cell)[filled.computeIfAbsent(cell, c -> new int[1])[0]++] = i;
                    }
                    cells = built;
                }
                index = cells;
            }
        }
        return index;
    }

    private long cellOf(int i) {
        return cellKey(Math.floorDiv(easting[i], CELL_METRES), Math.floorDiv(northing[i], CELL_METRES));
    }

    private static long cellKey(long x, long y) {
        return (x << 32) ^ (y & 0xffffffffL);
    }

    /** A canonical postcode as a number (base 37 over its letters and digits), so that it sorts and searches. */
    static long key(String canonical) {
        long key = 0;
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c != ' ') {
                key = key * 37 + (Character.isDigit(c) ? c - '0' + 1 : c - 'A' + 11);
            }
        }
        return key;
    }

    static String canonical(long key) {
        StringBuilder compact = new StringBuilder();
        for (long k = key; k > 0; k /= 37) {
            int d = (int) (k % 37);
            compact.append(d <= 10 ? (char) ('0' + d - 1) : (char) ('A' + d - 11));
        }
        compact.reverse();
        return Postcodes.normalise(compact.toString()).orElseThrow();
    }

    /** Reads rows into growing arrays, then sorts them by postcode. */
    private static final class Loader {
        private long[] keys = new long[1 << 12];
        private short[] district = new short[1 << 12];
        private int[] easting = new int[1 << 12];
        private int[] northing = new int[1 << 12];
        private int size;
        private final Map<String, Short> districtIndex = new HashMap<>();

        PostcodeDirectory load(BufferedReader reader) throws IOException {
            String header = reader.readLine();
            if (header == null) {
                throw new IOException("the postcode directory is empty");
            }
            List<String> names = Arrays.stream(header.split(",", -1))
                    .map(Loader::unquoted)
                    .map(s -> s.toLowerCase(Locale.ROOT))
                    .toList();
            int pcd = column(names, "pcd");
            int laua = column(names, "laua");
            int east = column(names, "oseast1m");
            int north = column(names, "osnrth1m");
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",", -1);
                if (cells.length <= Math.max(Math.max(pcd, laua), Math.max(east, north))) {
                    continue;
                }
                String e = unquoted(cells[east]);
                String n = unquoted(cells[north]);
                Optional<String> canonical = Postcodes.normalise(unquoted(cells[pcd]));
                if (e.isEmpty() || n.isEmpty() || canonical.isEmpty()) {
                    continue;
                }
                add(key(canonical.get()), unquoted(cells[laua]), (int) Double.parseDouble(e), (int)
                        Double.parseDouble(n));
            }
            return sorted();
        }

        private void add(long key, String laua, int e, int n) {
            if (size == keys.length) {
                int grown = size * 2;
                keys = Arrays.copyOf(keys, grown);
                district = Arrays.copyOf(district, grown);
                easting = Arrays.copyOf(easting, grown);
                northing = Arrays.copyOf(northing, grown);
            }
            keys[size] = key;
            district[size] = districtIndex.computeIfAbsent(laua, d -> (short) districtIndex.size());
            easting[size] = e;
            northing[size] = n;
            size++;
        }

        private PostcodeDirectory sorted() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
            long[] k = new long[size];
            short[] d = new short[size];
            int[] e = new int[size];
            int[] n = new int[size];
            int kept = 0;
            for (int i : order) {
                if (kept > 0 && k[kept - 1] == keys[i]) {
                    continue; // a postcode listed twice: the first row stands
                }
                k[kept] = keys[i];
                d[kept] = district[i];
                e[kept] = easting[i];
                n[kept] = northing[i];
                kept++;
            }
            String[] names = new String[districtIndex.size()];
            districtIndex.forEach((name, index) -> names[index] = name);
            return new PostcodeDirectory(
                    Arrays.copyOf(k, kept),
                    Arrays.copyOf(d, kept),
                    Arrays.copyOf(e, kept),
                    Arrays.copyOf(n, kept),
                    names);
        }

        private static int column(List<String> names, String name) throws IOException {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new IOException("the postcode directory has no column " + name + " (columns: " + names + ")");
            }
            return i;
        }

        private static String unquoted(String cell) {
            String s = cell.strip();
            return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
        }
    }
}
