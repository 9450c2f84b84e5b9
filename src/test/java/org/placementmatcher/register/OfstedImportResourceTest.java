package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.placementmatcher.security.TestAccounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.placementmatcher.security.TestAccounts;

/** POST /api/register/{authority}/import/ofsted: calls as director unless made {@code as} another account. */
@QuarkusTest
class OfstedImportResourceTest {

    /** A home with URN SC100001 (one child lives there), an agency household of SC900001, and an in-house carer. */
    private static String register(String authority) {
        return """
                {"schemaVersion": 1, "referenceDate": "2026-11-22", "homeAuthority": "%s",
                 "providers": [
                   {"id": "H1", "type": "RESIDENTIAL_HOME", "localAuthority": "%s", "location": {"lat": 52.2, "lon": 0.1},
                    "places": 3, "ageMin": 8, "ageMax": 17, "weeklyCost": 4000, "ofstedUrn": "SC100001"},
                   {"id": "F1", "type": "IFA_FOSTER", "localAuthority": "%s", "location": {"lat": 52.2, "lon": 0.1},
                    "places": 2, "ageMin": 0, "ageMax": 17, "weeklyCost": 900, "ofstedUrn": "SC900001"},
                   {"id": "F2", "type": "IN_HOUSE_FOSTER", "localAuthority": "%s", "location": {"lat": 52.2, "lon": 0.1},
                    "places": 2, "ageMin": 0, "ageMax": 17, "weeklyCost": 500}],
                 "children": [
                   {"id": "C1", "dateOfBirth": "2012-05-01", "gender": "FEMALE", "home": {"lat": 52.2, "lon": 0.1},
                    "urgency": "PLANNED", "currentPlacement": "H1"}]}""".formatted(authority, authority, authority, authority);
    }

    private static final String HEADER = "URN,Provider type,Provider subtype,Setting name,Registration status,"
            + "Registration date,Closed date,Places,Postcode,Local authority,Overall effectiveness\n";

    /** Ofsted's own shape: a title row above the header, words for judgements, dd/mm/yyyy dates. */
    private static final String LIST = "Children's social care providers (synthetic test list)\n"
            + HEADER
            + "SC100001,Children's home,Children's home,Home A,Active,01/04/2015,,4,CB1 0AA,Cambridgeshire,Good\n"
            + "SC100002,Children's home,,Home B,Closed,01/04/2015,30/09/2026,3,CB1 0BJ,Cambridgeshire,Inadequate\n"
            + "SC900001,Independent fostering agency,,Agency,Active,01/01/2010,,,,,Requires improvement to be good\n"
            + "SC555555,Voluntary adoption agency,,Adoption,Active,01/01/2010,,,,,Good\n";

    private static void putRegister(String authority) {
        RegisterResourceTest.put(authority, register(authority));
    }

    private static io.restassured.response.Response post(String authority, String query, String csv) {
        return as(TestAccounts.OFFICER)
                .contentType("text/csv")
                .body(csv)
                .post("/api/register/" + authority + "/import/ofsted" + query);
    }

    private static JsonPath provider(String authority, String id) {
        return given().get("/api/register/" + authority + "/providers/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aListUpdatesProvidersByUrnAddsNewHomesLocatedByPostcodeAndIsAuditedAsTheOfficer() {
        putRegister("OF-OK");

        JsonPath report =
                post("OF-OK", "", LIST).then().statusCode(200).extract().jsonPath();

        assertThat(report.getList("providers.added")).containsExactly("SC100002");
        assertThat(report.getList("providers.changed")).containsExactly("H1", "F1");
        assertThat(report.getList("children.added")).isEmpty();
        assertThat(report.getList("placements.changed")).isEmpty();
        assertThat(report.getList("skipped.urn")).containsExactly("SC555555");
        assertThat(report.getList("skipped.line")).containsExactly(6);
        // The contract's keys of a skipped entry are on every entry: an Ofsted row is no child, so child is null.
        assertThat(report.getList("skipped", Map.class))
                .singleElement()
                .satisfies(
                        entry -> assertThat(entry).containsEntry("child", null).containsKey("reason"));
        assertThat(report.getList("problems")).isEmpty();
        JsonPath home = provider("OF-OK", "H1");
        assertThat(home.getInt("places")).isEqualTo(4);
        assertThat(home.getString("ofstedJudgement")).isEqualTo("GOOD");
        assertThat(home.get("registered") == null).isTrue();
        assertThat(provider("OF-OK", "F1").getString("ofstedJudgement")).isEqualTo("REQUIRES_IMPROVEMENT");
        assertThat(provider("OF-OK", "F1").getInt("places")).isEqualTo(2);
        JsonPath closed = provider("OF-OK", "SC100002");
        assertThat(closed.getBoolean("registered")).isFalse();
        assertThat(closed.getString("type")).isEqualTo("RESIDENTIAL_HOME");
        assertThat(closed.getString("localAuthority")).isEqualTo("E10000003");
        assertThat(closed.getString("location.postcode")).isEqualTo("CB1 0BJ");
        assertThat(closed.getDouble("location.lat")).isBetween(52.0, 52.4);
        assertThat(closed.getDouble("weeklyCost")).isEqualTo(4000.0);
        assertThat(closed.getString("ofstedJudgement")).isEqualTo("INADEQUATE");
        List<Map<String, Object>> audit = given().get("/api/register/OF-OK/providers/SC100002/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.get("actor")).isEqualTo(TestAccounts.OFFICER);
            assertThat(entry.toString()).contains("Ofsted list");
        });
        // The closed home takes no new child: H15 excludes it in a match, with its reason.
        String reasons = given().contentType(ContentType.JSON)
                .body("{\"childIds\": [\"C1\"]}")
                .post("/api/register/OF-OK/match?limit=10")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("excluded.find { it.providerId == 'SC100002' }.reasons");
        assertThat(reasons).contains("H15 registration: not registered with Ofsted on the reference date");
    }

    @Test
    void registrationIsJudgedOnTheReferenceDateAsked() {
        putRegister("OF-DAY");

        post("OF-DAY", "?referenceDate=2026-09-01", LIST).then().statusCode(200);

        // Closed on 30/09/2026: still registered on 1 September.
        assertThat(provider("OF-DAY", "SC100002").get("registered") == null).isTrue();
    }

    @Test
    void aDryRunAnswersWhatWouldChangeAndKeepsNothing() {
        putRegister("OF-DRY");
        String version = given().get("/api/register/OF-DRY").then().extract().header("X-Register-Version");

        JsonPath report = post("OF-DRY", "?dryRun=true", LIST)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(report.getList("providers.added")).containsExactly("SC100002");
        assertThat(report.getList("providers.changed")).containsExactly("H1", "F1");
        assertThat(given().get("/api/register/OF-DRY").then().extract().header("X-Register-Version"))
                .isEqualTo(version);
        given().get("/api/register/OF-DRY/providers/SC100002").then().statusCode(404);
        assertThat(provider("OF-DRY", "H1").getInt("places")).isEqualTo(3);
    }

    private static final String BROKEN = HEADER
            + "SC100001,Children's home,,Home A,Active,31/02/2015,,4,CB1 0AA,Cambridgeshire,Satisfying\n"
            + "SC100003,Children's home,,Home C,Active,01/04/2015,,two,ZZ9 9ZZ,Cambridgeshire,Good\n"
            + "SC100004,Supported accommodation,,Home D,Active,01/04/2015,,5,ZZ9 9ZZ,Cambridgeshire,Good\n"
            + "SC100005,Children's home,,Home E,Pending,01/04/2015,,2,CB1 0AA,Cambridgeshire,Good\n";

    @Test
    void everyProblemIsNamedByLineAndColumnAndNothingIsKept() {
        putRegister("OF-BAD");
        String version = given().get("/api/register/OF-BAD").then().extract().header("X-Register-Version");

        JsonPath report =
                post("OF-BAD", "", BROKEN).then().statusCode(400).extract().jsonPath();

        List<String> problems = report.getList("problems", Map.class).stream()
                .map(p -> p.get("table") + ":" + p.get("line") + ":" + p.get("column"))
                .toList();
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "ofsted:2:Registration date",
                        "ofsted:2:Overall effectiveness",
                        "ofsted:3:Places",
                        "ofsted:4:Postcode",
                        "ofsted:4:Provider type",
                        "ofsted:5:Registration status");
        assertThat(report.getString("problems.find { it.column == 'Postcode' }.message"))
                .contains("unknown postcode 'ZZ9 9ZZ'");
        assertThat(report.getString("problems.find { it.column == 'Provider type' }.message"))
                .contains("no SUPPORTED_LODGINGS");
        assertThat(given().get("/api/register/OF-BAD").then().extract().header("X-Register-Version"))
                .isEqualTo(version);
        // A dry run lists the same problems, with 200.
        post("OF-BAD", "?dryRun=true", BROKEN).then().statusCode(200).body("problems.size()", equalTo(6));
    }

    @Test
    void badParametersAndAFileWithoutTheRequiredColumnsAreRefused() {
        putRegister("OF-PARAM");

        post("OF-PARAM", "?referenceDate=22/11/2026", LIST)
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("referenceDate"));
        post("OF-PARAM", "?dryRun=maybe", LIST).then().statusCode(400).body("errors[0].path", equalTo("dryRun"));
        JsonPath noColumns = post("OF-PARAM", "", "Setting name,Places\nHome,3\n")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        assertThat(noColumns.getString("problems[0].message")).contains("URN");
        as(TestAccounts.OFFICER)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/register/OF-PARAM/import/ofsted")
                .then()
                .statusCode(415);
    }

    @Test
    void anXlsxWorkbookWithANotesSheetFirstImportsAsTheCsvDoes() throws IOException {
        putRegister("OF-XLSX");
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Notes").createRow(0).createCell(0).setCellValue("About this list");
            Sheet data = book.createSheet("Providers");
            String[] lines = LIST.split("\n");
            for (int r = 0; r < lines.length; r++) {
                Row row = data.createRow(r);
                String[] cells = lines[r].split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    if (r > 1 && c == 7 && !cells[c].isEmpty()) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c])); // places as a number
                    } else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            book.write(out);
            workbook = out.toByteArray();
        }

        JsonPath report = as(TestAccounts.OFFICER)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(workbook)
                .post("/api/register/OF-XLSX/import/ofsted")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(report.getList("providers.added")).containsExactly("SC100002");
        assertThat(report.getList("providers.changed")).containsExactly("H1", "F1");
        assertThat(provider("OF-XLSX", "H1").getInt("places")).isEqualTo(4);
        as(TestAccounts.OFFICER)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(new byte[] {1, 2, 3})
                .post("/api/register/OF-XLSX/import/ofsted")
                .then()
                .statusCode(400)
                .body("problems[0].message", equalTo("cannot be read as an XLSX workbook"));
    }

    @Test
    void aWorkbookWhosePartsInflateFarPastTheirSizeIsRefusedBeforeItIsBuilt() throws IOException {
        putRegister("OF-BOMB");
        // 32 MB of zeros deflate to some 32 KB: a ratio POI's limits refuse before any of it is held in memory.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 32; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        as(TestAccounts.OFFICER)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(out.toByteArray())
                .post("/api/register/OF-BOMB/import/ofsted")
                .then()
                .statusCode(400)
                .body("problems.size()", equalTo(1))
                .body("problems[0].table", equalTo("ofsted"))
                .body("problems[0].message", startsWith("is refused: a part of the workbook inflates past 64 MB"));
    }

    @Test
    void aViewerIsRefusedAndAnAuthorityNotHeldIsNotFound() {
        putRegister("OF-PERM");

        as(TestAccounts.VIEWER)
                .contentType("text/csv")
                .body(LIST)
                .post("/api/register/OF-PERM/import/ofsted")
                .then()
                .statusCode(403);
        as(TestAccounts.OTHER_OFFICER)
                .contentType("text/csv")
                .body(LIST)
                .post("/api/register/OF-PERM/import/ofsted")
                .then()
                .statusCode(404);
        assertThat(provider("OF-PERM", "H1").getInt("places")).isEqualTo(3);
    }
}
