package org.placementmatcher.data.postcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.placementmatcher.contract.GeoPoint;
import org.placementmatcher.domain.Geo;

class PostcodeDirectoryTest {

    private static final PostcodeDirectory SHIPPED = PostcodeDirectory.shipped();
    private static final double METRES_PER_MILE = 1609.344;

    @Test
    void aKnownPostcodeResolvesToItsDistrictCountyAndGrid() {
        ResolvedPostcode cb11aa = SHIPPED.resolve("CB1 1AA").orElseThrow();

        // The ONSPD row: CB1 1AA,E07000008,545800.0,258200.0 (Cambridge, in Cambridgeshire).
        assertThat(cb11aa.postcode()).isEqualTo("CB1 1AA");
        assertThat(cb11aa.districtCode()).isEqualTo("E07000008");
        assertThat(cb11aa.upperTierAuthority()).isEqualTo("E10000003");
        assertThat(cb11aa.easting()).isEqualTo(545800);
        assertThat(cb11aa.northing()).isEqualTo(258200);
        GeoPoint exact = OsGrid.toWgs84(545800, 258200);
        assertThat(cb11aa.lat()).isCloseTo(exact.lat(), org.assertj.core.data.Offset.offset(0.0000005));
        assertThat(cb11aa.lon()).isCloseTo(exact.lon(), org.assertj.core.data.Offset.offset(0.0000005));
        assertThat(cb11aa.lat()).isBetween(52.19, 52.21);
        assertThat(cb11aa.lon()).isBetween(0.12, 0.14);
    }

    @ParameterizedTest
    @CsvSource({"cb1 1aa", "cb11aa", "CB11AA", " Cb1  1Aa "})
    void lowerCaseAndSpacingDoNotMatter(String written) {
        assertThat(SHIPPED.resolve(written).orElseThrow().postcode()).isEqualTo("CB1 1AA");
    }

    @Test
    void aTwoCharacterOutwardCodeIsFoundThoughTheFileWritesItWithTwoSpaces() {
        // ONSPD's 7-character form writes "B1  1AA".
        assertThat(SHIPPED.resolve("b11aa").orElseThrow().postcode()).isEqualTo("B1 1AA");
        assertThat(SHIPPED.resolve("B1 1AA").orElseThrow().districtCode()).isEqualTo("E08000025");
    }

    @ParameterizedTest
    @CsvSource({"ZZ9 9ZZ", "CB1 1ZZ", "not a postcode", "CB1", "''"})
    void anUnknownOrMalformedPostcodeResolvesToNothing(String written) {
        assertThat(SHIPPED.resolve(written)).isEmpty();
    }

    @Test
    void nothingResolvesNull() {
        assertThat(SHIPPED.resolve(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"cb11aa, CB1 1AA", "sw1a2aa, SW1A 2AA", "w1a 0ax, W1A 0AX", "m11ae, M1 1AE", "ec1a1bb, EC1A 1BB"})
    void theNormaliserWritesOneSpaceBeforeTheInwardCode(String written, String canonical) {
        assertThat(Postcodes.normalise(written)).contains(canonical);
    }

    @ParameterizedTest
    @CsvSource({"'', ", "1AA 1AA", "CB1 1A", "CB1-1AA", "CB123 1AA"})
    void theNormaliserRefusesWhatCannotBeAPostcode(String written) {
        assertThat(Postcodes.normalise(written)).isEmpty();
    }

    /**
     * Published WGS84 (ETRS89, within a metre of it) positions of OS grid references, transformed by the OS's
     * OSTN15: AB1 0AA as the ONS Postcode Directory gives it, and two OS AddressBase records (10 Downing Street,
     * a pond near Stamford). The Helmert transformation is good to a few metres; 10 m is the bound asked.
     */
    @ParameterizedTest
    @CsvSource({
        "385386, 801193, 57.101474, -2.242851",
        "530047.00, 179951.00, 51.5035410, -0.1276700",
        "497657.18, 319960.70, 52.7684428, -0.5539914"
    })
    void osgb36GridReferencesConvertToWgs84WithinTenMetres(double easting, double northing, double lat, double lon) {
        GeoPoint converted = OsGrid.toWgs84(easting, northing);

        assertThat(Geo.miles(converted.lat(), converted.lon(), lat, lon) * METRES_PER_MILE)
                .isLessThan(10.0);
        double[] back = OsGrid.fromWgs84(lat, lon);
        assertThat(Math.hypot(back[0] - easting, back[1] - northing)).isLessThan(10.0);
    }

    @ParameterizedTest
    @CsvSource({
        "E07000008, E10000003", // Cambridge, Cambridgeshire
        "E07000011, E10000003", // Huntingdonshire
        "E07000146, E10000020", // King's Lynn and West Norfolk, Norfolk
        "E07000245, E10000029", // West Suffolk, Suffolk
        "E07000243, E10000015", // Stevenage, Hertfordshire
        "E07000112, E10000016", // Folkestone and Hythe, Kent
        "E06000031, E06000031", // Peterborough: unitary, its own
        "E08000025, E08000025", // Birmingham: metropolitan
        "E09000010, E09000010", // Enfield: a London borough
        "W06000015, W06000015", // Cardiff
        "S12000033, S12000033" // Aberdeen City
    })
    void districtsMapToTheirUpperTierAuthority(String district, String upperTier) {
        assertThat(UpperTierAuthorities.of(district)).isEqualTo(upperTier);
    }

    @Test
    void everyTwoTierDistrictOfTheShippedExtractIsInTheTable() {
        var unlisted = SHIPPED.all().stream()
                .map(ResolvedPostcode::districtCode)
                .filter(d -> d.startsWith("E07"))
                .filter(d -> !UpperTierAuthorities.lists(d))
                .distinct()
                .toList();
        assertThat(unlisted).isEmpty();
        assertThat(SHIPPED.all())
                .extracting(ResolvedPostcode::upperTierAuthority)
                .doesNotContainNull();
    }

    @Test
    void aFileNamedByPathIsReadPlainOrGzippedWithQuotedColumnsAndBlankGridReferencesLeftOut(@TempDir Path dir)
            throws IOException {
        String csv = "\"pcd\",\"pcd2\",\"laua\",\"oseast1m\",\"osnrth1m\"\n"
                + "\"CB1 1AA\",\"CB1  1AA\",\"E07000008\",\"545800\",\"0258200\"\n"
                + "\"ZE3 9JZ\",\"ZE3  9JZ\",\"S12000027\",\"\",\"\"\n";
        Path plain = Files.writeString(dir.resolve("onspd.csv"), csv);
        PostcodeDirectory directory = PostcodeDirectory.of(plain);

        assertThat(directory.size()).isEqualTo(1);
        assertThat(directory.resolve("cb11aa").orElseThrow().northing()).isEqualTo(258200);
        assertThat(directory.resolve("ZE3 9JZ")).isEmpty();
    }

    @Test
    void aFileWithoutThePostcodeColumnsIsRefusedNamingThem() {
        var in = new ByteArrayInputStream("postcode,lat,long\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> PostcodeDirectory.read(in)).hasMessageContaining("no column pcd");
    }

    @Test
    void theNearestPostcodeOfAPointIsTheOneWithTheNearestGridReference() {
        ResolvedPostcode cb11aa = SHIPPED.resolve("CB1 1AA").orElseThrow();
        assertThat(SHIPPED.nearest(cb11aa.lat(), cb11aa.lon()).orElseThrow().postcode())
                .isEqualTo("CB1 1AA");
        // Far out at sea: nothing within 50 km.
        assertThat(SHIPPED.nearest(50.0, -9.0)).isEmpty();
    }

    @Test
    void postcodesRoundTripThroughTheirNumericKey() {
        for (String postcode : new String[] {"CB1 1AA", "B1 1AA", "EC1A 1BB", "W1A 0AX", "M1 1AE"}) {
            assertThat(PostcodeDirectory.canonical(PostcodeDirectory.key(postcode)))
                    .isEqualTo(postcode);
        }
    }
}
