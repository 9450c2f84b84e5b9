package org.placementmatcher.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.placementmatcher.security.TestAccounts.COUNCIL_A_DIRECTOR;
import static org.placementmatcher.security.TestAccounts.COUNCIL_C_OFFICER;
import static org.placementmatcher.security.TestAccounts.OTHER_DIRECTOR;
import static org.placementmatcher.security.TestAccounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.register.SharedRegisterTest;
import org.placementmatcher.security.TestAccounts;

/**
 * The pages of a register shared by three authorities (contract section 8): a council's user sees only its
 * council's children on the register, child, find-a-placement and run pages; another council's child answers as
 * missing (404) and cannot be decided on.
 */
@QuarkusTest
class SharedRegisterPagesTest {

    private static final String SHARED = TestAccounts.SHARED_REGISTER;
    private static final String BASE = "/registers/" + SHARED;

    @BeforeEach
    void freshRegister() {
        given().contentType(ContentType.JSON)
                .body(SharedRegisterTest.REGISTER)
                .put("/api/register/" + SHARED)
                .then()
                .statusCode(200);
    }

    private static String page(String username, String path) {
        return as(username).get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void theRegisterAndChildPagesShowACouncilOnlyItsChildren() {
        String children = page(COUNCIL_A_DIRECTOR, BASE + "/children");
        assertThat(children).contains(BASE + "/children/A1", BASE + "/children/A2");
        assertThat(children).doesNotContain(BASE + "/children/B1", BASE + "/children/C1", BASE + "/children/H1");
        assertThat(page(TestAccounts.VIEWER, BASE + "/children")).contains(BASE + "/children/B1");
        assertThat(page(COUNCIL_A_DIRECTOR, BASE + "/providers")).contains(BASE + "/providers/P2");

        assertThat(page(COUNCIL_A_DIRECTOR, BASE + "/children/A1")).contains("Responsible authority");
        as(COUNCIL_A_DIRECTOR).get(BASE + "/children/B1").then().statusCode(404);
        as(COUNCIL_A_DIRECTOR).get(BASE + "/children/B1/edit").then().statusCode(404);
        as(COUNCIL_A_DIRECTOR).get(BASE + "/children/B1/delete").then().statusCode(404);
        as(OTHER_DIRECTOR).get(BASE + "/children").then().statusCode(404);
        page(COUNCIL_A_DIRECTOR, BASE);

        Response home = as(COUNCIL_A_DIRECTOR).redirects().follow(false).get("/");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.header("Location")).endsWith(BASE);
    }

    @Test
    void aNewChildIsOfTheUsersCouncilAndAnotherCouncilIsRefusedOnTheField() {
        assertThat(page(COUNCIL_A_DIRECTOR, BASE + "/children/new")).contains("value=\"COUNCIL-A\"");
        Map<String, String> child = Map.of(
                "id", "A9",
                "dateOfBirth", "2015-01-01",
                "gender", "MALE",
                "homeLat", "52.0",
                "homeLon", "0.0",
                "urgency", "PLANNED",
                "responsibleAuthority", "COUNCIL-B");
        Response refused = PageForms.post(COUNCIL_A_DIRECTOR, BASE + "/children/new", BASE + "/children/new", child);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("#responsibleAuthority");

        Map<String, String> own = new java.util.HashMap<>(child);
        own.put("responsibleAuthority", "COUNCIL-A");
        Response saved = PageForms.post(COUNCIL_A_DIRECTOR, BASE + "/children/new", BASE + "/children/new", own);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(page(COUNCIL_A_DIRECTOR, BASE + "/children")).contains(BASE + "/children/A9");
    }

    @Test
    void findAPlacementListsAndAnswersOnlyTheCouncilsWaitingChildren() {
        assertThat(page(TestAccounts.OFFICER, BASE + "/find")).contains("A1", "C1");
        String chooser = page(COUNCIL_C_OFFICER, BASE + "/find");
        assertThat(chooser).contains("C1").doesNotContain("A1");
        Response own = PageForms.post(COUNCIL_C_OFFICER, BASE + "/find", BASE + "/find", Map.of("child", "C1"));
        assertThat(own.statusCode()).isEqualTo(200);
        Response other = PageForms.post(COUNCIL_C_OFFICER, BASE + "/find", BASE + "/find", Map.of("child", "A1"));
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.asString()).contains("There is no child with the reference A1");
    }

    @Test
    void aRunsPageShowsACouncilOnlyItsChildrenAndRefusesItADecisionOnAnothers() throws Exception {
        String id = RunFixtures.finishedRun(SHARED);
        String run = BASE + "/runs/" + id;
        String all = page(TestAccounts.DIRECTOR, run);
        assertThat(all).contains("change-C1");
        String seenByA = page(COUNCIL_A_DIRECTOR, run);
        assertThat(seenByA).doesNotContain("change-C1").doesNotContain("C1 ");
        Response decided = RunFixtures.post(
                COUNCIL_A_DIRECTOR,
                run,
                run + "/decisions",
                "childId",
                "C1",
                "decision",
                "REJECT",
                "reason",
                "not ours");
        assertThat(decided.statusCode()).isEqualTo(404);
        assertThat(given().get("/api/register/" + SHARED + "/runs/" + id)
                        .jsonPath()
                        .getMap("changes.find { it.childId == 'C1' }"))
                .doesNotContainKey("decision");
    }

    @Test
    void aRunsExplanationsCountThePlacesOtherCouncilsChildrenHold() throws Exception {
        // P2's one place is council B's B1's: with P1 A2's, nothing is free for council A's waiting A1, which (not
        // urgent) gains nothing by taking another's place.
        given().contentType(ContentType.JSON)
                .body(SharedRegisterTest.REGISTER
                        .replace("\"places\": 3", "\"places\": 1")
                        .replace(
                                "\"URGENT\", \"responsibleAuthority\": \"COUNCIL-A\"",
                                "\"PLANNED\", \"responsibleAuthority\": \"COUNCIL-A\""))
                .put("/api/register/" + SHARED)
                .then()
                .statusCode(200);
        String id = RunFixtures.finishedRun(SHARED);
        assertThat(given().get("/api/register/" + SHARED + "/runs/" + id)
                        .jsonPath()
                        .getList("unplaced"))
                .contains("A1");
        String seenByA = page(COUNCIL_A_DIRECTOR, BASE + "/runs/" + id);
        assertThat(seenByA).contains("No placement can take A1");
        assertThat(seenByA).doesNotContain("free in this plan", "leaves free", "B1", "C1", "H1");
    }
}
