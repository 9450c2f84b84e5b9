package org.placementmatcher.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.GeoPoint;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.data.Geography.Town;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.postcode.ResolvedPostcode;

/**
 * The postcode extract the project ships ({@code src/main/resources/postcodes/onspd-extract.csv.gz}), chosen
 * from a full ONS Postcode Directory: the nearest postcode of every location of the sample data (every size,
 * default seed), so the shipped extract labels them exactly as the full file would; one postcode per square
 * kilometre of the sample geography's authorities, so other seeds still get a postcode within about a mile;
 * and the postcodes the tests name. Written in the slim ONSPD form, gzip, in postcode order (byte-identical
 * for the same directory).
 */
public final class SamplePostcodeExtract {

    /** Postcodes named by tests, besides those of the sample data. */
    static final List<String> NAMED =
            List.of("CB1 1AA", "CB2 1TN", "PE1 1HF", "IP1 2DE", "NR2 1NH", "B1 1AA", "M1 1AE");

    private static final int THINNING_METRES = 1000;

    private SamplePostcodeExtract() {}

    /** The extract's postcodes, in postcode order. */
    public static List<ResolvedPostcode> select(PostcodeDirectory full) {
        TreeMap<String, ResolvedPostcode> chosen = new TreeMap<>();
        for (SampleSize size : SampleSize.values()) {
            if (!size.committed()) {
                continue; // national: generated on demand, its labels taken from whatever directory is given
            }
            PlacementProblem problem = SampleDataGenerator.generate(size, SampleDataGenerator.DEFAULT_SEED, full);
            Stream<GeoPoint> points = Stream.concat(
                    problem.providers().stream().map(p -> p.location()),
                    problem.children().stream().flatMap(SamplePostcodeExtract::pointsOf));
            points.map(GeoPoint::postcode)
                    .filter(p -> p != null)
                    .forEach(p -> chosen.put(p, full.resolve(p).orElseThrow()));
        }
        Set<String> authorities = new HashSet<>(Geography.ADJOINING_AUTHORITIES);
        authorities.add(Geography.CAMBRIDGESHIRE);
        for (Collection<Town> towns : List.of(
                Geography.HOME_COUNTY,
                Geography.FAMILY_HOMES,
                Geography.RISK_AREAS,
                Geography.ADJOINING,
                Geography.FAR)) {
            towns.forEach(t -> authorities.add(t.authority()));
        }
        Set<Long> cellsTaken = new HashSet<>();
        for (ResolvedPostcode p : full.all()) {
            long cell = ((long) Math.floorDiv((int) p.easting(), THINNING_METRES) << 32)
                    ^ Math.floorDiv((int) p.northing(), THINNING_METRES);
            if (authorities.contains(p.upperTierAuthority()) && cellsTaken.add(cell)) {
                chosen.putIfAbsent(p.postcode(), p);
            }
        }
        for (String named : NAMED) {
            chosen.put(
                    named,
                    full.resolve(named)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "the postcode directory has no " + named + " (a postcode the tests name)")));
        }
        return new ArrayList<>(chosen.values());
    }

    private static Stream<GeoPoint> pointsOf(ChildInput child) {
        return Stream.of(child.home(), child.school()).filter(p -> p != null);
    }

    /** The slim ONSPD CSV of these postcodes, gzip-compressed (no timestamp, so byte-identical each time). */
    public static byte[] gzipCsv(List<ResolvedPostcode> postcodes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
            out.write("pcd,laua,oseast1m,osnrth1m\n");
            for (ResolvedPostcode p : postcodes) {
                out.write(p.postcode() + "," + p.districtCode() + "," + (long) p.easting() + "," + (long) p.northing()
                        + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
