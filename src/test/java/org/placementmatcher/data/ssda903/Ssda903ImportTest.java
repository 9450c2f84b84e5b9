package org.placementmatcher.data.ssda903;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.ImportReport.Changes;
import org.placementmatcher.contract.ImportReport.Problem;
import org.placementmatcher.contract.ImportReport.Skipped;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.ssda903.Ssda903Import.Outcome;

class Ssda903ImportTest {

    static final String HEADER = Ssda903Fixtures.HEADER;
    static final String EPISODES = Ssda903Fixtures.EPISODES;
    static final String UASC = Ssda903Fixtures.UASC;

    static final LocalDate D = LocalDate.of(2026, 11, 22);

    /** The shipped directory: real postcodes of the sample geography (Cambridge, South Cambridgeshire, Peterborough). */
    static final PostcodeDirectory POSTCODES = PostcodeDirectory.shipped();

    static Outcome run(String header, String episodes, String uasc, ObjectNode register) {
        Ssda903Problems problems = new Ssda903Problems();
        Ssda903Files files = Ssda903Csv.read(header, episodes, uasc, problems);
        return Ssda903Import.run(files, D, "E10000003", register, POSTCODES, problems);
    }

    static JsonNode record(ObjectNode register, String list, String id) {
        for (JsonNode r : register.path(list)) {
            if (r.path("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }

    static String typeOf(ObjectNode register, String childId) {
        String provider =
                record(register, "children", childId).path("currentPlacement").asText();
        return record(register, "providers", provider).path("type").asText();
    }

    @Test
    void eachChildWithAnOpenEpisodeIsPlacedByItsPlacementTypeAndTheOthersAreSkippedWithTheReason() {
        Outcome outcome = run(HEADER, EPISODES, UASC, null);
        assertThat(outcome.result().problems()).isEmpty();
        ObjectNode register = outcome.register();
        assertThat(typeOf(register, "A")).isEqualTo("RESIDENTIAL_HOME");
        assertThat(typeOf(register, "B")).isEqualTo("IFA_FOSTER");
        assertThat(typeOf(register, "C")).isEqualTo("CONNECTED_PERSON");
        assertThat(typeOf(register, "F")).isEqualTo("SUPPORTED_LODGINGS");
        assertThat(typeOf(register, "H")).isEqualTo("IFA_FOSTER");
        // B and H share the agency's URN but live in different households: two providers; same postcode, one.
        assertThat(record(register, "children", "B").path("currentPlacement"))
                .isEqualTo(record(register, "children", "H").path("currentPlacement"));
        assertThat(outcome.result().skipped()).extracting(Skipped::child).containsExactly("D", "E", "G");
        assertThat(outcome.result().skipped().get(0).reason()).contains("placed with parents", "P1");
        assertThat(outcome.result().skipped().get(1).reason()).isEqualTo("has no episode open on 22/11/2026");
        assertThat(outcome.result().skipped().get(2).reason()).contains("another council's provision", "PR2");
        assertThat(outcome.result().children().added()).containsExactly("A", "B", "C", "F", "H");
        assertThat(outcome.result().children().changed()).isEmpty();
        assertThat(outcome.result().placements().added()).containsExactly("A", "B", "C", "F", "H");
        assertThat(outcome.result().providers().added()).hasSize(4);
        assertThat(outcome.result().providers().changed()).isEmpty();

        JsonNode f = record(register, "children", "F");
        assertThat(f.path("needs").toString()).isEqualTo("[\"UASC_SUPPORT\"]");
        assertThat(f.path("gender").asText()).isEqualTo("MALE");
        assertThat(f.path("urgency").asText()).isEqualTo("PLANNED");
        assertThat(f.path("dateOfBirth").asText()).isEqualTo("2009-12-11");
        JsonNode lodgings =
                record(register, "providers", f.path("currentPlacement").asText());
        assertThat(lodgings.path("ageMin").asInt()).isEqualTo(16);
        assertThat(lodgings.path("capabilities").toString()).isEqualTo("[\"UASC_SUPPORT\"]");
        assertThat(lodgings.path("weeklyCost").asInt()).isEqualTo(600);
        JsonNode home = record(
                register,
                "providers",
                record(register, "children", "A").path("currentPlacement").asText());
        assertThat(home.path("localAuthority").asText()).isEqualTo("E06000031");
        assertThat(home.path("places").asInt()).isEqualTo(1);
        JsonNode connected = record(
                register,
                "providers",
                record(register, "children", "C").path("currentPlacement").asText());
        assertThat(connected.path("connectedChildren").toString()).isEqualTo("[\"C\"]");
        assertThat(record(register, "children", "C").path("gender").asText()).isEqualTo("MALE");
        assertThat(record(register, "children", "B")
                        .path("home")
                        .path("postcode")
                        .asText())
                .isEqualTo("CB1 0BJ");
        assertThat(home.path("location").path("postcode").asText()).isEqualTo("PE1 1AA");
    }

    @Test
    void aSecondImportOfTheSameFilesChangesNothingAndMatchesTheProvidersItMade() {
        ObjectNode first = run(HEADER, EPISODES, UASC, null).register();
        Outcome again = run(HEADER, EPISODES, UASC, first);
        assertThat(again.result().children()).isEqualTo(Changes.NONE);
        assertThat(again.result().placements()).isEqualTo(Changes.NONE);
        assertThat(again.result().providers()).isEqualTo(Changes.NONE);
        assertThat(again.register()).isEqualTo(first);
    }

    @Test
    void aBrokenFileSetHasEveryProblemByTableLineAndColumn() {
        String episodes = EPISODES.replace("A,01/03/2026,P,C2,N1,K2", "A,01/02/2026,P,C2,N1,K2") // overlap, line 3
                .replace("B,01/05/2026,S,C2,N1,U5", "B,31/02/2026,S,C2,N1,U5") // bad date, line 4
                .replace("CB1 0JN", "ZZ9 9ZZ") // unknown postcode, line 5
                .replace("D,01/05/2026,S,C2,N1,P1", "D,01/05/2026,S,C2,N1,Q9"); // bad code, line 6
        String header = HEADER.replace("E,U,", "E,X,"); // bad code, line 6
        String uasc = UASC.replace("11/12/2027", "2027-12-11"); // bad date, line 2
        Outcome outcome = run(header, episodes, uasc, null);
        assertThat(outcome.refused()).isTrue();
        assertThat(outcome.register()).isNull();
        assertThat(outcome.result().problems())
                .extracting(p -> p.table() + ":" + p.line() + ":" + p.column())
                .containsExactlyInAnyOrder(
                        "Header:6:SEX",
                        "Episodes:4:DECOM",
                        "Episodes:5:PL_POST",
                        "Episodes:6:PLACE",
                        "Episodes:3:DECOM",
                        "UASC:2:DUC");
        assertThat(outcome.result().problems())
                .filteredOn(p -> p.line() == 3)
                .first()
                .satisfies(p -> assertThat(p.message()).contains("line 2", "overlap"));
        // What it would do with the children without problems is answered beside them (a dry run's answer).
        assertThat(outcome.result().children().added()).containsExactly("H");
        assertThat(outcome.result().placements().added()).containsExactly("H");
        assertThat(outcome.result().skipped()).extracting(Skipped::child).containsExactly("G");
    }

    @Test
    void aMissingRequiredColumnIsAProblemOfTheHeaderRow() {
        Outcome outcome = run(HEADER, EPISODES.replace(",PL_POST,", ",PLACE_POSTCODE,"), UASC, null);
        assertThat(outcome.result().problems())
                .containsExactly(new Problem("Episodes", 1, "PL_POST", "the required column PL_POST is missing"));
        assertThat(outcome.result().children()).isEqualTo(Changes.NONE);
    }

    @Test
    void codeListsFollowTheYears() {
        // H5 is a code until 2023/24: an H5 episode open in 2026 is skipped, an H5 episode started in 2025 is refused.
        String episodes = """
                CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
                A,01/01/2024,S,C2,N1,H5,PR4,,,,CB1 0AA,CB1 0SA,
                B,01/05/2025,S,C2,N1,H5,PR4,,,,CB1 0AA,CB1 0SA,
                C,01/05/2025,S,C2,N1,Z1,PR4,,,,CB1 0AA,CB1 0SA,
                D,01/05/2025,S,C2,N1,Z12,PR4,,,,CB1 0AA,CB1 0SA,
                """;
        Outcome outcome = run(HEADER, episodes, null, null);
        assertThat(outcome.result().problems())
                .extracting(p -> p.line() + ":" + p.column())
                .containsExactly("3:PLACE", "4:PLACE");
        assertThat(outcome.result().problems().getFirst().message()).contains("2025/26", "K3", "Z14");
        Outcome valid = run(
                HEADER,
                episodes.lines()
                        .filter(l -> !l.startsWith("B,") && !l.startsWith("C,"))
                        .reduce("", (a, b) -> a + b + "\n"),
                null,
                null);
        assertThat(valid.result().problems()).isEmpty();
        assertThat(valid.result().skipped()).extracting(Skipped::child).contains("A", "D");
        assertThat(valid.result().skipped().getFirst().reason()).contains("H5", "before 2024/25");
    }

    @Test
    void aFosterPlacementWithoutItsProviderIsAProblemAndAnUnknownProviderWithoutPostcodeToo() {
        String episodes = """
                CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
                A,01/01/2026,S,C2,N1,U4,,,,,CB1 0AA,CB1 0SA,
                B,01/01/2026,S,C2,N1,K2,PR4,,,,CB1 0AA,,SC1
                C,01/01/2026,S,C2,N1,K2,PR4,,,,,CB1 0SA,SC1
                """;
        assertThat(run(HEADER, episodes, null, null).result().problems())
                .extracting(p -> p.line() + ":" + p.column())
                .containsExactly("2:PLACE_PROVIDER", "3:PL_POST", "4:HOME_POST");
    }

    @Test
    void registerProvidersAreMatchedByUrnAndFosterHouseholdsByUrnAndPostcode() {
        ObjectNode register = ContractJson.mapper().createObjectNode();
        register.put("schemaVersion", 1).put("referenceDate", D.toString()).put("homeAuthority", "E10000003");
        register.putArray("children");
        register.putArray("providers")
                .add(provider("HOME-1", "RESIDENTIAL_HOME", "SC123456", "PE1 1AA", 52.5))
                .add(provider("IFA-1", "IFA_FOSTER", "SC900001", "CB1 0DA", 52.03))
                .add(provider("IFA-2", "IFA_FOSTER", "SC900001", "CB1 0SA", 52.02));
        Outcome outcome = run(HEADER, EPISODES, UASC, register);
        assertThat(outcome.result().problems()).isEmpty();
        assertThat(record(outcome.register(), "children", "A")
                        .path("currentPlacement")
                        .asText())
                .isEqualTo("HOME-1");
        assertThat(record(outcome.register(), "children", "B")
                        .path("currentPlacement")
                        .asText())
                .isEqualTo("IFA-1");
        assertThat(record(outcome.register(), "children", "H")
                        .path("currentPlacement")
                        .asText())
                .isEqualTo("IFA-1");
    }

    static ObjectNode provider(String id, String type, String urn, String postcode, double lat) {
        ObjectNode p = ContractJson.mapper().createObjectNode();
        p.put("id", id).put("type", type).put("localAuthority", "E10000003");
        p.putObject("location").put("lat", lat).put("lon", 0.1).put("postcode", postcode.toLowerCase(Locale.ROOT));
        p.put("places", 4)
                .put("ageMin", 0)
                .put("ageMax", 18)
                .put("weeklyCost", 900)
                .put("ofstedUrn", urn);
        p.put("fosteringLimitExemption", true);
        return p;
    }

    @Test
    void pastAHundredProblemsTheRestAreCounted() {
        StringBuilder header = new StringBuilder("CHILD,SEX,DOB\n");
        for (int i = 0; i < 150; i++) {
            header.append("K").append(i).append(",Q,01/01/2015\n");
        }
        List<Problem> problems = run(
                        header.toString(), "CHILD,DECOM,PLACE,PLACE_PROVIDER,DEC,HOME_POST,PL_POST,URN\n", null, null)
                .result()
                .problems();
        assertThat(problems).hasSize(101);
        assertThat(problems.getLast()).isEqualTo(new Problem(null, null, null, "and 50 more"));
    }
}
