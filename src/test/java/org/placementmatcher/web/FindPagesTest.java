package org.placementmatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.security.TestAccounts;

/**
 * Find a placement and emergency pages over HTTP: who may ask (OFFICER) and who may only look (VIEWER), another
 * authority's register as not found, bad input as a 400 page naming each field, and the answers in words.
 */
@QuarkusTest
class FindPagesTest {

    /** This class's own register (the test database is shared by all test classes). */
    static final String AUTHORITY = "E0600F001";

    static final String FIND = "/registers/" + AUTHORITY + "/find";
    static final String EMERGENCY = "/registers/" + AUTHORITY + "/emergency";

    @BeforeEach
    void loadTheSmallSample() {
        loadSmallSample(AUTHORITY);
    }

    /** sample-data/small.json as the register of {@code authority}, its home providers moved with it. */
    static void loadSmallSample(String authority) {
        try {
            ObjectNode root =
                    (ObjectNode) ContractJson.mapper().readTree(Files.readString(Path.of("sample-data", "small.json")));
            String old = root.get("homeAuthority").asText();
            root.put("homeAuthority", authority);
            for (JsonNode provider : root.get("providers")) {
                if (provider.path("localAuthority").asText().equals(old)) {
                    ((ObjectNode) provider).put("localAuthority", authority);
                }
            }
            TestAccounts.as(TestAccounts.OFFICER)
                    .contentType("application/json")
                    .body(ContractJson.mapper().writeValueAsString(root))
                    .put("/api/register/" + authority)
                    .then()
                    .statusCode(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anOfficerSeesWhoIsWaitingAndTheOptionsOfOneChild() {
        String list = TestAccounts.as(TestAccounts.OFFICER)
                .get(FIND)
                .then()
                .statusCode(200)
                .contentType("text/html")
                .extract()
                .asString();
        assertThat(list)
                .contains("id=\"waiting\"", "C-0003", "id=\"find-options\"")
                .as("a sibling group placed together is one row")
                .contains("<td class=\"govuk-table__cell\">C-0031, C-0032</td>");

        String options = TestAccounts.as(TestAccounts.OFFICER)
                .queryParam("child", "C-0003")
                .get(FIND)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(options)
                .contains("Options for child C-0003", "id=\"option-1\"", "from school", "£", "a week")
                .contains("£-equivalent per week", "Approval needed", "providers excluded")
                .contains("<svg class=\"pm-map\"", "<title id=\"map-title\">", "miles</text>")
                .contains("hard/");
        assertThat(options.replaceAll("(?s)<details.*?</details>", ""))
                .as("the raw score is only inside details elements")
                .doesNotContain("hard/", "medium/", "soft");
    }

    @Test
    void aSiblingGroupTravelsTogether() {
        String options = TestAccounts.as(TestAccounts.OFFICER)
                .queryParam("child", "C-0032")
                .get(FIND)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(options).contains("sibling group C-0031, C-0032");
        if (options.contains("id=\"option-1\"")) {
            assertThat(options).contains("keeps the siblings together");
        }
    }

    @Test
    void aChildWithNeedsSeesWhichNeedEachExcludedProviderCannotMeet() {
        String options = TestAccounts.as(TestAccounts.OFFICER)
                .queryParam("child", "C-0002")
                .get(FIND)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(options)
                .contains("id=\"excluded-H4\"", "Does not meet every need")
                .containsPattern("wheelchair access: not met by \\d+ providers");
    }

    @Test
    void theFormPostAsksTheSameQuestion() {
        PageForms.form(TestAccounts.OFFICER, FIND)
                .formParam("child", "C-0003")
                .post(FIND)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Options for child C-0003"));
    }

    @Test
    void aViewerSeesTheWaitingListButMayNotAsk() {
        String list = TestAccounts.as(TestAccounts.VIEWER)
                .get(FIND)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(list).contains("C-0003", "id=\"cannot-ask\"").doesNotContain("id=\"find-options\"");
        String refused = TestAccounts.as(TestAccounts.VIEWER)
                .queryParam("child", "C-0003")
                .get(FIND)
                .then()
                .statusCode(403)
                .contentType("text/html")
                .extract()
                .asString();
        assertThat(refused).contains("You cannot do this", "OFFICER");
        TestAccounts.as(TestAccounts.VIEWER)
                .queryParam("child", "C-0003")
                .get(EMERGENCY)
                .then()
                .statusCode(403)
                .contentType("text/html");
        TestAccounts.as(TestAccounts.VIEWER)
                .formParam("child", "C-0003")
                .post(FIND)
                .then()
                .statusCode(403);
    }

    @Test
    void anotherAuthoritysRegisterIsNotFound() {
        for (String path : new String[] {FIND, EMERGENCY}) {
            String page = TestAccounts.as(TestAccounts.OTHER_OFFICER)
                    .queryParam("child", "C-0003")
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("text/html")
                    .extract()
                    .asString();
            assertThat(page).contains("Page not found").doesNotContain("C-0003");
        }
    }

    @Test
    void anUnknownChildIsA400PageAtTheReferenceBox() {
        for (String path : new String[] {FIND, EMERGENCY}) {
            String page = TestAccounts.as(TestAccounts.OFFICER)
                    .queryParam("child", "C-9999")
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("text/html")
                    .extract()
                    .asString();
            assertThat(page)
                    .contains("govuk-error-summary", "href=\"#child\"", "id=\"child-error\"")
                    .contains("There is no child with the reference C-9999 on this register");
        }
    }

    @Test
    void anEmergencyForARegisterChildListsOnlyEmergencyApprovedCarers() {
        String page = TestAccounts.as(TestAccounts.OFFICER)
                .queryParam("child", "C-0003")
                .get(EMERGENCY)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page).contains("Tonight: child C-0003", "Not approved for same-day emergencies");
    }

    @Test
    void aTypedReferralIsAnswered() {
        String page = PageForms.form(TestAccounts.OFFICER, EMERGENCY)
                .formParam("reference", "NEW-1")
                .formParam("dob-day", "3")
                .formParam("dob-month", "4")
                .formParam("dob-year", "2014")
                .formParam("gender", "FEMALE")
                .formParam("home-lat", "52.2")
                .formParam("home-lon", "0.12")
                .formParam("languages", "en, pl")
                .post(EMERGENCY)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page)
                .contains("Tonight: new referral NEW-1", "from home", "Age 12")
                .contains("Not approved for same-day emergencies");
        // The referral is not saved.
        TestAccounts.as(TestAccounts.OFFICER)
                .get("/api/register/" + AUTHORITY + "/children/NEW-1")
                .then()
                .statusCode(404);
    }

    @Test
    void anInvalidReferralIsA400PageWithEveryFieldError() {
        String page = PageForms.form(TestAccounts.OFFICER, EMERGENCY)
                .formParam("reference", "C-0001")
                .formParam("dob-day", "31")
                .formParam("dob-month", "2")
                .formParam("dob-year", "2015")
                .formParam("home-lat", "north")
                .formParam("home-lon", "0.1")
                .formParam("school-lat", "52.1")
                .post(EMERGENCY)
                .then()
                .statusCode(400)
                .contentType("text/html")
                .extract()
                .asString();
        assertThat(page)
                .contains("Error: Emergency")
                .contains("href=\"#reference\"", "id=\"reference-error\"", "already on the register")
                .contains("href=\"#dob-day\"", "id=\"dob-error\"")
                .contains("href=\"#gender\"", "id=\"gender-error\"")
                .contains("href=\"#home-lat\"", "id=\"home-lat-error\"")
                .contains("href=\"#school-lon\"", "id=\"school-lon-error\"")
                .as("what was typed is kept")
                .contains("value=\"north\"");
    }

    @Test
    void aReferralNeedsAnOfficerAndTheCsrfToken() {
        PageForms.form(TestAccounts.VIEWER, EMERGENCY)
                .formParam("dob-day", "3")
                .post(EMERGENCY)
                .then()
                .statusCode(403);
        TestAccounts.as(TestAccounts.OFFICER)
                .formParam("dob-day", "3")
                .post(EMERGENCY)
                .then()
                .statusCode(400);
    }
}
