package org.placementmatcher.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.placementmatcher.security.TestAccounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.security.TestAccounts;

/** The runs pages over HTTP: who may see, start and decide what, bad input, and what the review explains. */
@QuarkusTest
class RunPagesTest {

    private static final String AUTHORITY = "E0600W041";
    private static final String RUNS = "/registers/" + AUTHORITY + "/runs";

    private static String runId;

    /** One finished run for the class, made by the first test that needs it (RestAssured is set up by then). */
    private static synchronized String run() throws InterruptedException {
        if (runId == null) {
            RunFixtures.register(AUTHORITY);
            runId = RunFixtures.finishedRun(AUTHORITY);
        }
        return runId;
    }

    private static int runCount() throws InterruptedException {
        run();
        return given().get("/api/register/" + AUTHORITY + "/runs")
                .jsonPath()
                .getList("$")
                .size();
    }

    private static String runPage() throws InterruptedException {
        return RUNS + "/" + run();
    }

    @Test
    void aViewerReadsTheRunsButCannotStartOne() throws InterruptedException {
        run();
        as(TestAccounts.VIEWER)
                .get(RUNS)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"runs\""))
                .body(not(containsString("id=\"start-run\"")));
        int before = runCount();
        RunFixtures.post(TestAccounts.VIEWER, RUNS, RUNS, "seconds", "2")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("You cannot do this"));
        assertThat(runCount()).isEqualTo(before);
    }

    @Test
    void anotherAuthoritysUserFindsNoSuchPage() throws InterruptedException {
        as(TestAccounts.OTHER_OFFICER).get(RUNS).then().statusCode(404).contentType(containsString("text/html"));
        as(TestAccounts.OTHER_OFFICER).get(runPage()).then().statusCode(404).contentType(containsString("text/html"));
    }

    @Test
    void aBadTimeLimitIsShownOnTheFormAndStartsNothing() throws InterruptedException {
        int before = runCount();
        for (String bad : List.of("0", "abc", "", "999999")) {
            RunFixtures.post(TestAccounts.OFFICER, RUNS, RUNS, "seconds", bad)
                    .then()
                    .statusCode(400)
                    .contentType(containsString("text/html"))
                    .body(containsString("govuk-error-summary"))
                    .body(containsString("href=\"#seconds\""))
                    .body(containsString("id=\"seconds-error\""))
                    .body(containsString("from 1 to"));
        }
        assertThat(runCount()).isEqualTo(before);
    }

    @Test
    void anOfficerStartsARunAndIsSentToItsPage() throws InterruptedException {
        Response started = RunFixtures.post(TestAccounts.OFFICER, RUNS, RUNS, "seconds", "1");
        started.then().statusCode(303);
        String location = started.getHeader("Location");
        assertThat(location).contains(RUNS + "/").endsWith("?done=started");
        as(TestAccounts.OFFICER)
                .get(location)
                .then()
                .statusCode(200)
                .body(containsString("The run has started."))
                .body(containsString("id=\"run-status\""));
    }

    @Test
    void theReviewExplainsTheChangesInWords() throws InterruptedException {
        String page = as(TestAccounts.MANAGER)
                .get(runPage())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page)
                .contains("id=\"kpis\"", "Children without a placement", "Annual cost (52 weeks)")
                .contains("id=\"change-C0\"", "id=\"change-C1\"", "id=\"change-CA\"", "id=\"change-CD\"")
                .contains("id=\"accept-C0\"", "id=\"reject-CA\"")
                .doesNotContain("id=\"accept-CA\"", "id=\"accept-CD\"")
                .contains("Needs a nominated officer: this placement is out of area in an adjoining authority.")
                .contains("Needs the director: this placement is out of area, beyond the adjoining authorities.");
        // C1's best single match is H0, which the plan gives to C0.
        assertThat(page).contains("Their best single match is H0").contains("that place goes to C0");
        // CU stays unplaced: nobody meets its need.
        assertThat(page)
                .contains("id=\"unplaced-CU\"", "No placement can take CU")
                .contains("Does not meet every need: 4 placements");
        // The plan's proof in words; the bound's score text only inside the details element.
        assertThat(page)
                .containsPattern("id=\"run-proof\">(Proven to be the best possible plan"
                        + "|At most \\d+\\.\\d\\d% from the best possible plan)<")
                .containsPattern("(?s)<details(?:(?!</details>).)*id=\"run-best-bound\">-?\\d+hard/");
        // Words, not score text: the raw score only inside the details element.
        String outsideDetails = page.replaceAll("(?s)<details.*?</details>", "");
        assertThat(outsideDetails).doesNotContainPattern("-?\\d+hard/");
    }

    @Test
    void theReviewFiltersByApprovalAndKind() throws InterruptedException {
        String director = as(TestAccounts.MANAGER)
                .get(runPage() + "?approval=DIRECTOR")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(director).contains("id=\"change-CD\"").doesNotContain("id=\"change-C0\"", "id=\"change-CA\"");
        assertThat(director).contains("1 of 4 decisions match");
        String moves = as(TestAccounts.MANAGER)
                .get(runPage() + "?kind=MOVE")
                .then()
                .extract()
                .asString();
        assertThat(moves).contains("0 of 4 decisions match");
    }

    @Test
    void anOfficerCannotDecideAndNothingChanges() throws InterruptedException {
        String page = as(TestAccounts.OFFICER)
                .get(runPage())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page)
                .doesNotContain("id=\"accept-")
                .doesNotContain("id=\"reject-")
                .contains("id=\"refused-C0\"");
        RunFixtures.post(
                        TestAccounts.OFFICER,
                        runPage(),
                        runPage() + "/decisions",
                        "childId",
                        "C0",
                        "decision",
                        "ACCEPT",
                        "reason",
                        "officer tries")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"));
        assertThat(RunFixtures.placement(AUTHORITY, "C0")).isNull();
        assertThat(decisions()).isEmpty();
    }

    @Test
    void aManagerCannotAcceptWhatNeedsANominatedOfficer() throws InterruptedException {
        RunFixtures.post(
                        TestAccounts.MANAGER,
                        runPage(),
                        runPage() + "/decisions",
                        "childId",
                        "CA",
                        "decision",
                        "ACCEPT",
                        "reason",
                        "manager tries")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("NOMINATED_OFFICER"));
        assertThat(RunFixtures.placement(AUTHORITY, "CA")).isNull();
    }

    @Test
    void rejectingWithoutAReasonShowsTheFieldError() throws InterruptedException {
        RunFixtures.post(
                        TestAccounts.MANAGER,
                        runPage(),
                        runPage() + "/decisions",
                        "childId",
                        "C1",
                        "decision",
                        "REJECT",
                        "reason",
                        " ")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("href=\"#reason-C1\""))
                .body(containsString("id=\"reason-C1-error\""))
                .body(containsString("Enter the reason for rejecting this change"));
        assertThat(decisions()).isEmpty();
    }

    private static List<Object> decisions() throws InterruptedException {
        return given().get("/api/register/" + AUTHORITY + "/runs/" + run())
                .jsonPath()
                .getList("changes.findAll { it.decision != null }");
    }
}
