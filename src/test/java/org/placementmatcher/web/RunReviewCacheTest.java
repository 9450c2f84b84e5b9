package org.placementmatcher.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.placementmatcher.security.TestAccounts.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.placementmatcher.security.TestAccounts;

/**
 * A finished run's review is kept parsed and explained between views (RunViews, RunExplanations): a decision taken
 * after the review was first seen shows on the next view, on the page and in the REST view alike.
 */
@QuarkusTest
class RunReviewCacheTest {

    private static final String AUTHORITY = "E0600W045";
    private static final String RUNS = "/registers/" + AUTHORITY + "/runs";

    @Test
    void aDecisionTakenAfterTheFirstViewShowsOnTheNext() throws InterruptedException {
        RunFixtures.register(AUTHORITY);
        String id = RunFixtures.finishedRun(AUTHORITY);
        String runPage = RUNS + "/" + id;
        String api = "/api/register/" + AUTHORITY + "/runs/" + id;
        String before = as(TestAccounts.MANAGER)
                .get(runPage)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(before)
                .contains("id=\"reject-C1\"", "Their best single match is H0")
                .doesNotContain("id=\"decision-C1\"");
        assertThat(given().get(api).jsonPath().getList("changes.findAll { it.decision != null }"))
                .isEmpty();

        RunFixtures.post(
                        TestAccounts.MANAGER,
                        runPage,
                        runPage + "/decisions",
                        "childId",
                        "C1",
                        "decision",
                        "REJECT",
                        "reason",
                        "kept where it is")
                .then()
                .statusCode(303);

        String after = as(TestAccounts.MANAGER)
                .get(runPage)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(after)
                .contains("id=\"decision-C1\"", "Rejected by " + TestAccounts.MANAGER + ": kept where it is")
                .doesNotContain("id=\"reject-C1\"", "Their best single match is H0")
                // The other changes are as they were: still to decide, still explained.
                .contains("id=\"accept-C0\"", "id=\"unplaced-CU\"", "No placement can take CU");
        assertThat(given().get(api).jsonPath().getString("changes.find { it.childId == 'C1' }.decision.decision"))
                .isEqualTo("REJECT");
        assertThat(given().get(api).jsonPath().getString("changes.find { it.childId == 'C0' }.decision"))
                .isNull();
    }
}
