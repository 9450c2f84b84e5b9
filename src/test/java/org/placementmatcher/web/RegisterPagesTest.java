package org.placementmatcher.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.security.TestAccounts;

/**
 * The register's pages by role (VIEWER reads, OFFICER changes, another authority's user finds nothing), their bad
 * input, and the API refusing unknown fields with their JSON paths.
 */
@QuarkusTest
class RegisterPagesTest {

    static final String AUTHORITY = "E0600W012";
    private static final String BASE = "/registers/" + AUTHORITY;

    @BeforeEach
    void loadTheSmallSample() throws IOException {
        given().contentType(ContentType.JSON)
                .body(sample(AUTHORITY))
                .put("/api/register/" + AUTHORITY)
                .then()
                .statusCode(200);
    }

    /** sample-data/small.json moved to the authority, its first provider named (a field shown to staff). */
    static String sample(String authority) throws IOException {
        ObjectNode root =
                (ObjectNode) ContractJson.mapper().readTree(Files.readString(Path.of("sample-data/small.json")));
        String old = root.get("homeAuthority").asText();
        root.put("homeAuthority", authority);
        root.withArray("providers").forEach(p -> {
            if (p.get("localAuthority").asText().equals(old)) {
                ((ObjectNode) p).put("localAuthority", authority);
            }
        });
        ((ObjectNode) root.withArray("providers").get(0))
                .put("name", "Ash House")
                .put("contact", "01234 567890");
        return root.toString();
    }

    @Test
    void aViewerReadsEveryPageAndSeesNoWayToChangeAnything() {
        String providers = TestAccounts.as(TestAccounts.VIEWER)
                .get(BASE + "/providers?sort=cost")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertThat(providers)
                .contains("Providers", "govuk-pagination", "why-no-changes")
                .doesNotContain("Add a provider");
        TestAccounts.as(TestAccounts.VIEWER)
                .get(BASE + "/children?status=waiting")
                .then()
                .statusCode(200)
                .body(containsString("Waiting"), not(containsString("Add a child")));
        String firstChild = firstLink(providers.isEmpty() ? "" : childrenPage(), "children");
        TestAccounts.as(TestAccounts.VIEWER)
                .get(BASE + "/children/" + firstChild)
                .then()
                .statusCode(200)
                .body(
                        containsString("Audit trail"),
                        containsString("Date of birth"),
                        not(containsString("Change this record")));
        String provider = TestAccounts.as(TestAccounts.VIEWER)
                .get(BASE + "/providers?sort=id")
                .then()
                .extract()
                .asString();
        TestAccounts.as(TestAccounts.VIEWER)
                .get(BASE + "/providers/" + firstLink(provider, "providers"))
                .then()
                .statusCode(200)
                .body(containsString("Weekly cost"), containsString("Children placed here"));
    }

    @Test
    void aViewerIsRefusedEveryChangeAndAnotherAuthorityFindsNothing() {
        TestAccounts.as(TestAccounts.VIEWER).get(BASE + "/children/new").then().statusCode(403);
        TestAccounts.as(TestAccounts.VIEWER).get(BASE + "/upload").then().statusCode(403);
        TestAccounts.as(TestAccounts.VIEWER)
                .contentType(ContentType.URLENC)
                .formParam("id", "X1")
                .post(BASE + "/children/new")
                .then()
                .statusCode(403);
        TestAccounts.as(TestAccounts.OTHER_OFFICER)
                .get(BASE + "/providers")
                .then()
                .statusCode(404);
        TestAccounts.as(TestAccounts.OTHER_OFFICER)
                .get(BASE + "/children/new")
                .then()
                .statusCode(404);
        TestAccounts.as(TestAccounts.OFFICER)
                .get(BASE + "/providers/NO-SUCH")
                .then()
                .statusCode(404);
    }

    @Test
    void anOfficersFormShowsTheRegistersOwnErrorsOnTheirFieldsThenSaves() {
        String page = PageForms.form(TestAccounts.OFFICER, BASE + "/children/new")
                .contentType(ContentType.URLENC)
                .formParam("id", "W12-NEW")
                .formParam("dateOfBirth", "2015-02-30")
                .formParam("gender", "FEMALE")
                .formParam("homeLat", "52.2")
                .formParam("homeLon", "200")
                .formParam("urgency", "URGENT")
                .post(BASE + "/children/new")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(page)
                .contains(
                        "govuk-error-summary", "id=\"dateOfBirth-error\"", "id=\"homeLon-error\"", "href=\"#homeLon\"")
                .contains("must be a number from -180 to 180");
        Response saved = PageForms.form(TestAccounts.OFFICER, BASE + "/children/new")
                .contentType(ContentType.URLENC)
                .formParam("id", "W12-NEW")
                .formParam("dateOfBirth", "2015-02-28")
                .formParam("gender", "FEMALE")
                .formParam("homeLat", "52.2")
                .formParam("homeLon", "0.1")
                .formParam("urgency", "URGENT")
                .post(BASE + "/children/new");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith(BASE + "/children/W12-NEW?saved=1");
        TestAccounts.as(TestAccounts.OFFICER)
                .get(BASE + "/children/W12-NEW?saved=1")
                .then()
                .statusCode(200)
                .body(containsString("record is saved."), containsString("Child added"));
    }

    @Test
    void theApiRefusesUnknownFieldsNamingEachByItsPath() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"type\": \"IN_HOUSE_FOSTER\", \"localAuthority\": \"E1\", \"location\": {\"lat\": 52, \"lon\": 0},"
                                + " \"places\": 1, \"ageMin\": 0, \"ageMax\": 17, \"weeklyCost\": 500, \"nmae\": \"Ash\"}")
                .put("/api/register/" + AUTHORITY + "/providers/NEW-P")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.nmae"), "errors.message", hasItem("unknown field"));
        given().contentType("application/merge-patch+json")
                .body("{\"contcat\": \"x\"}")
                .patch("/api/register/" + AUTHORITY + "/providers/" + firstLink(providersPage(), "providers"))
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.contcat"));
        given().contentType(ContentType.JSON)
                .body(sampleWithUnknownField())
                .put("/api/register/" + AUTHORITY)
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.providers[3].nmae"));
        given().contentType("text/csv")
                .body("id,type,localAuthority,lat,lon,places,ageMin,ageMax,weeklyCost,nmae\n")
                .post("/api/register/" + AUTHORITY + "/providers/csv")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("line 1, column 10"));
    }

    @Test
    void readingAChildsRecordOrAuditOrAProvidersAuditIsAccessLogged() {
        String child = firstLink(childrenPage(), "children");
        String provider = firstLink(providersPage(), "providers");
        TestAccounts.as(TestAccounts.VIEWER)
                .get(BASE + "/children/" + child)
                .then()
                .statusCode(200);
        TestAccounts.as(TestAccounts.VIEWER)
                .get(BASE + "/providers/" + provider)
                .then()
                .statusCode(200);
        TestAccounts.as(TestAccounts.OFFICER)
                .get(BASE + "/children/" + child + "/edit")
                .then()
                .statusCode(200);
        // Neither a provider's form nor a record that is not there reads a child.
        TestAccounts.as(TestAccounts.OFFICER)
                .get(BASE + "/providers/" + provider + "/edit")
                .then()
                .statusCode(200);
        TestAccounts.as(TestAccounts.OFFICER)
                .get(BASE + "/children/NO-SUCH/edit")
                .then()
                .statusCode(404);
        TestAccounts.as(TestAccounts.VIEWER)
                .get(BASE + "/children/NO-SUCH")
                .then()
                .statusCode(404);

        JsonPath newest = given().queryParam("limit", 5)
                .get("/api/register/" + AUTHORITY + "/access-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(newest.getList("kind"))
                .containsExactly("CHILD_RECORD", "PROVIDER_AUDIT", "CHILD_AUDIT", "CHILD_RECORD", "ALL_CHILDREN");
        assertThat(newest.getList("childId")).containsExactly(child, null, child, child, null);
        assertThat(newest.getList("username"))
                .containsExactly(
                        TestAccounts.OFFICER,
                        TestAccounts.VIEWER,
                        TestAccounts.VIEWER,
                        TestAccounts.VIEWER,
                        TestAccounts.VIEWER);
    }

    @Test
    void anUploadIsNotAppliedWhenTheRegisterChangedAfterItsPreview() {
        String provider = firstLink(providersPage(), "providers");
        String csv = "id,type,localAuthority,lat,lon,places,ageMin,ageMax,weeklyCost\n" + "W12-UP,IN_HOUSE_FOSTER,"
                + AUTHORITY + ",52.0,0.1,1,0,17,500\n";
        String preview = PageForms.form(TestAccounts.OFFICER, BASE + "/upload")
                .multiPart("list", "providers")
                .multiPart("mode", "upsert")
                .multiPart("file", "providers.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post(BASE + "/upload")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher action =
                Pattern.compile("action=\"(" + BASE + "/upload/[0-9a-f]+)\"").matcher(preview);
        assertThat(action.find()).as("the preview's confirm form").isTrue();
        // Someone else changes the register between the preview and the confirmation.
        given().contentType("application/merge-patch+json")
                .body("{\"contact\": \"09999 999999\"}")
                .patch("/api/register/" + AUTHORITY + "/providers/" + provider)
                .then()
                .statusCode(200);
        String again = PageForms.form(TestAccounts.OFFICER, BASE + "/upload")
                .contentType(ContentType.URLENC)
                .post(action.group(1))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(again).contains("The register changed after your preview");
        assertThat(again).contains("id=\"added-count\">1<");
        TestAccounts.as(TestAccounts.VIEWER)
                .get(BASE + "/providers/W12-UP")
                .then()
                .statusCode(404);
    }

    private static String sampleWithUnknownField() {
        try {
            ObjectNode root = (ObjectNode) ContractJson.mapper().readTree(sample(AUTHORITY));
            ((ObjectNode) root.withArray("providers").get(3)).put("nmae", "typo");
            return root.toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String childrenPage() {
        return TestAccounts.as(TestAccounts.VIEWER)
                .get(BASE + "/children?sort=id")
                .asString();
    }

    private static String providersPage() {
        return TestAccounts.as(TestAccounts.VIEWER)
                .get(BASE + "/providers?sort=id")
                .asString();
    }

    private static String firstLink(String page, String list) {
        Matcher m =
                Pattern.compile("href=\"" + BASE + "/" + list + "/([^\"/?]+)\"").matcher(page);
        while (m.find()) {
            if (!m.group(1).equals("new")) {
                return m.group(1);
            }
        }
        throw new AssertionError("no record link on the page");
    }
}
