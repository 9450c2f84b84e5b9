package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.placementmatcher.security.TestAccounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.data.ssda903.Ssda903Fixtures;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.security.TestAccounts;

/** Calls are made as director (security.AuthenticatedByDefault) unless made {@code as} another test account. */
@QuarkusTest
class Ssda903ImportResourceTest {

    static final String D = "2026-11-22";

    static String path(String authority) {
        return "/api/register/" + authority + "/import/ssda903";
    }

    static RequestSpecification part(RequestSpecification request, String name, String text) {
        return request.multiPart(name, name + ".csv", text.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    static RequestSpecification tables(RequestSpecification request, String header, String episodes, String uasc) {
        return part(part(part(request, "header", header), "episodes", episodes), "uasc", uasc);
    }

    static void emptyRegister(String authority) {
        given().contentType(ContentType.JSON)
                .body("{\"schemaVersion\": 1, \"referenceDate\": \"" + D + "\", \"homeAuthority\": \"" + authority
                        + "\", \"providers\": [], \"children\": []}")
                .put("/api/register/" + authority)
                .then()
                .statusCode(200);
    }

    static String version(String authority) {
        return given().get("/api/register/" + authority)
                .then()
                .statusCode(200)
                .extract()
                .header("X-Register-Version");
    }

    @Test
    void aDryRunChangesNothingAndTheImportAddsTheChildrenInOneAuditedChangeByTheUser() {
        emptyRegister("S903-A");
        String before = version("S903-A");
        JsonPath dry = tables(
                        as(TestAccounts.OFFICER),
                        Ssda903Fixtures.HEADER,
                        Ssda903Fixtures.EPISODES,
                        Ssda903Fixtures.UASC)
                .queryParam("referenceDate", D)
                .queryParam("dryRun", true)
                .post(path("S903-A"))
                .then()
                .statusCode(200)
                .body("children.added", contains("A", "B", "C", "F", "H"))
                .body("children.changed", empty())
                .body("placements.added", contains("A", "B", "C", "F", "H"))
                .body("providers.added.size()", equalTo(4))
                .body("problems.size()", equalTo(0))
                .extract()
                .jsonPath();
        assertThat(dry.getList("skipped.child")).containsExactly("D", "E", "G");
        assertThat(version("S903-A")).isEqualTo(before);

        JsonPath applied = tables(
                        as(TestAccounts.OFFICER),
                        Ssda903Fixtures.HEADER,
                        Ssda903Fixtures.EPISODES,
                        Ssda903Fixtures.UASC)
                .queryParam("referenceDate", D)
                .post(path("S903-A"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(applied.getMap("$")).isEqualTo(dry.getMap("$"));
        assertThat(Long.parseLong(version("S903-A"))).isEqualTo(Long.parseLong(before) + 1);

        JsonPath register = given().get("/api/register/S903-A")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(register.getList("children.id")).containsExactly("A", "B", "C", "F", "H");
        String home = register.getString("children.find { it.id == 'A' }.currentPlacement");
        assertThat(register.getString("providers.find { it.id == '" + home + "' }.type"))
                .isEqualTo("RESIDENTIAL_HOME");
        assertThat(register.getString("providers.find { it.id == '" + home + "' }.ofstedUrn"))
                .isEqualTo("SC123456");
        assertThat(register.getString("children.find { it.id == 'A' }.home.postcode"))
                .isEqualTo("CB1 0AA");

        List<Map<String, Object>> audit = given().get("/api/register/S903-A/children/A/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.get("actor")).isEqualTo(TestAccounts.OFFICER);
            assertThat(entry.get("action")).isEqualTo("CHILD_ADDED");
            assertThat(entry.get("detail").toString()).contains("SSDA903 import", D);
        });

        // The same files again: everything matches what the first import made; nothing changes.
        tables(as(TestAccounts.OFFICER), Ssda903Fixtures.HEADER, Ssda903Fixtures.EPISODES, Ssda903Fixtures.UASC)
                .queryParam("referenceDate", D)
                .post(path("S903-A"))
                .then()
                .statusCode(200)
                .body("children.added", empty())
                .body("children.changed", empty())
                .body("placements.added", empty())
                .body("placements.changed", empty())
                .body("providers.added", empty())
                .body("providers.changed", empty());
    }

    @Test
    void aFileSetWithProblemsIsRefusedWithTheSameBodyAndNothingIsKept() {
        emptyRegister("S903-BAD");
        String before = version("S903-BAD");
        int audited = given().get("/api/register/S903-BAD/audit")
                .then()
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        String episodes = Ssda903Fixtures.EPISODES.replace(",K2,", ",K9,");
        // A dry run answers what the import would do with the children without problems, beside the problems.
        JsonPath dry = tables(given(), Ssda903Fixtures.HEADER, episodes, Ssda903Fixtures.UASC)
                .queryParam("referenceDate", D)
                .queryParam("dryRun", "true")
                .post(path("S903-BAD"))
                .then()
                .statusCode(200)
                .body("children.added", contains("B", "C", "F", "H"))
                .body("placements.added", contains("B", "C", "F", "H"))
                .body("providers.added.size()", equalTo(3))
                .body("skipped.child", contains("D", "E", "G"))
                .body("skipped.reason.size()", equalTo(3))
                .extract()
                .jsonPath();
        JsonPath refused = tables(given(), Ssda903Fixtures.HEADER, episodes, Ssda903Fixtures.UASC)
                .queryParam("referenceDate", D)
                .queryParam("dryRun", "false")
                .post(path("S903-BAD"))
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(refused.getMap("$")).isEqualTo(dry.getMap("$"));
        assertThat(refused.getList("problems")).hasSize(1);
        assertThat(refused.getString("problems[0].table")).isEqualTo("Episodes");
        assertThat(refused.getInt("problems[0].line")).isEqualTo(3);
        assertThat(refused.getString("problems[0].column")).isEqualTo("PLACE");
        assertThat(refused.getString("problems[0].message")).startsWith("'K9' is not a PLACE code of 2025/26");
        assertThat(version("S903-BAD")).isEqualTo(before);
        given().get("/api/register/S903-BAD/audit").then().statusCode(200).body("size()", equalTo(audited));
    }

    @Test
    void theXmlPartCreatesTheRegisterWhenThereIsNone() {
        String xml = """
                <EXPSSDA903><CHILD><HEADER><CHILDID>X1</CHILDID><SEX>F</SEX><DOB>03/04/2015</DOB></HEADER>
                <EPISODE><DECOM>01/05/2026</DECOM><PL>U4</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER>
                <HOME_POST>CB1 0BJ</HOME_POST><PL_POST>CB1 0DA</PL_POST></EPISODE></CHILD></EXPSSDA903>
                """;
        given().multiPart("xml", "return.xml", xml.getBytes(StandardCharsets.UTF_8), "application/xml")
                .queryParam("referenceDate", D)
                .post(path("S903-XML"))
                .then()
                .statusCode(200)
                .body("children.added", contains("X1"))
                .body("placements.added", contains("X1"))
                .body("providers.added.size()", equalTo(1));
        JsonPath register = given().get("/api/register/S903-XML")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(register.getString("homeAuthority")).isEqualTo("S903-XML");
        assertThat(register.getString("referenceDate")).isEqualTo(D);
        assertThat(register.getString("providers[0].type")).isEqualTo("IN_HOUSE_FOSTER");
        assertThat(register.getString("children[0].currentPlacement")).isEqualTo(register.getString("providers[0].id"));
    }

    @Test
    void badParametersAndPartsAreRefusedByName() {
        Response noDate = tables(given(), Ssda903Fixtures.HEADER, Ssda903Fixtures.EPISODES, Ssda903Fixtures.UASC)
                .queryParam("dryRun", "maybe")
                .post(path("S903-P"));
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(noDate.jsonPath().getList("errors.path")).containsExactly("referenceDate", "dryRun");

        Response both = part(given(), "header", Ssda903Fixtures.HEADER)
                .multiPart("xml", "r.xml", "<EXPSSDA903/>".getBytes(StandardCharsets.UTF_8), "application/xml")
                .queryParam("referenceDate", D)
                .post(path("S903-P"));
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.jsonPath().getString("errors[0].path")).isEqualTo("xml");

        Response noEpisodes = part(given(), "header", Ssda903Fixtures.HEADER)
                .queryParam("referenceDate", D)
                .post(path("S903-P"));
        assertThat(noEpisodes.statusCode()).isEqualTo(400);
        assertThat(noEpisodes.jsonPath().getString("errors[0].path")).isEqualTo("episodes");

        Response notUtf8 = given().multiPart("header", "h.csv", new byte[] {'C', (byte) 0xff}, "text/csv")
                .multiPart("episodes", "e.csv", "CHILD\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .queryParam("referenceDate", D)
                .post(path("S903-P"));
        assertThat(notUtf8.statusCode()).isEqualTo(400);
        assertThat(notUtf8.jsonPath().getString("errors[0].path")).isEqualTo("header");

        Response noType = given().body("CHILD\n").queryParam("referenceDate", D).post(path("S903-P"));
        assertThat(noType.statusCode()).isEqualTo(415);
        assertThat(noType.jsonPath().getString("errors[0].message")).isNotBlank();
    }

    @Test
    void aViewerMayNotImportAndNothingChanges() {
        emptyRegister("S903-V");
        String before = version("S903-V");
        tables(as(TestAccounts.VIEWER), Ssda903Fixtures.HEADER, Ssda903Fixtures.EPISODES, Ssda903Fixtures.UASC)
                .queryParam("referenceDate", D)
                .post(path("S903-V"))
                .then()
                .statusCode(403);
        assertThat(version("S903-V")).isEqualTo(before);
    }

    static String sample(String name) throws IOException {
        return Files.readString(Path.of("sample-data", "ssda903", name), StandardCharsets.UTF_8);
    }

    @Test
    void theSampleFileSetImportsIntoAnEmptyRegisterWithEachOpenEpisodesPlacementType() throws IOException {
        emptyRegister("S903-SAMPLE");
        JsonPath answer = tables(given(), sample("Header.csv"), sample("Episodes.csv"), sample("UASC.csv"))
                .queryParam("referenceDate", D)
                .post(path("S903-SAMPLE"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        PlacementProblem county = RegisterFixtures.problem(RegisterFixtures.sample("county.json"));
        PlacementProblem register = get("S903-SAMPLE");
        Map<String, ProviderType> types = new HashMap<>();
        register.providers().forEach(p -> types.put(p.id(), p.type()));
        Map<String, ProviderType> countyTypes = new HashMap<>();
        county.providers().forEach(p -> countyTypes.put(p.id(), p.type()));
        Map<String, ChildInput> imported = new HashMap<>();
        register.children().forEach(c -> imported.put(c.id(), c));
        List<ChildInput> placed = county.children().stream()
                .filter(c -> c.currentPlacement() != null)
                .toList();
        for (ChildInput child : placed) {
            assertThat(imported).as(child.id()).containsKey(child.id());
            assertThat(types.get(imported.get(child.id()).currentPlacement()))
                    .as(child.id())
                    .isEqualTo(countyTypes.get(child.currentPlacement()));
        }
        assertThat(register.children()).hasSize(placed.size());
        assertThat(answer.getList("children.added")).hasSize(placed.size());
        assertThat(answer.getList("skipped.child", String.class)).allMatch(id -> id.startsWith("C-9"));
    }

    @Test
    void aBrokenSampleFileSetHasEveryProblemByTableLineAndColumnFromADryRunAndNothingIsKept() throws IOException {
        emptyRegister("S903-BROKEN");
        String before = version("S903-BROKEN");
        List<String> header = new ArrayList<>(sample("Header.csv").lines().toList());
        List<String> episodes = new ArrayList<>(sample("Episodes.csv").lines().toList());
        // An overlap: a closed episode left open, so the child's next (and last) episode starts before it ends.
        int open = 1;
        while (cell(episodes, open, 7).isEmpty()
                || !cell(episodes, open + 1, 0).equals(cell(episodes, open, 0))
                || cell(episodes, open + 2, 0).equals(cell(episodes, open, 0))) {
            open++; // a closed episode followed by its child's last one
        }
        set(episodes, open, 7, "");
        set(episodes, open, 8, "");
        int badCode = open + 2;
        set(episodes, badCode, 5, "U9");
        int unknownPostcode = open + 3;
        set(episodes, unknownPostcode, 11, "ZZ9 9ZZ");
        set(header, 2, 2, "31/02/2015");
        List<String> expected = List.of(
                "Header:3:DOB",
                "Episodes:" + (open + 2) + ":DECOM",
                "Episodes:" + (badCode + 1) + ":PLACE",
                "Episodes:" + (unknownPostcode + 1) + ":PL_POST");

        for (String dryRun : List.of("true", "false")) {
            JsonPath answer = tables(given(), text(header), text(episodes), sample("UASC.csv"))
                    .queryParam("referenceDate", D)
                    .queryParam("dryRun", dryRun)
                    .post(path("S903-BROKEN"))
                    .then()
                    .statusCode(dryRun.equals("true") ? 200 : 400)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> problems = answer.getList("problems");
            assertThat(problems)
                    .extracting(p -> p.get("table") + ":" + p.get("line") + ":" + p.get("column"))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(problems)
                    .allSatisfy(p -> assertThat((String) p.get("message")).isNotBlank());
            assertThat(version("S903-BROKEN")).isEqualTo(before);
        }
        assertThat(get("S903-BROKEN").children()).isEmpty();
    }

    private static String cell(List<String> lines, int index, int column) {
        return lines.get(index).split(",", -1)[column];
    }

    private static void set(List<String> lines, int index, int column, String value) {
        String[] cells = lines.get(index).split(",", -1);
        cells[column] = value;
        lines.set(index, String.join(",", cells));
    }

    private static String text(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    static PlacementProblem get(String authority) {
        return RegisterFixtures.problem(given().get("/api/register/" + authority)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
