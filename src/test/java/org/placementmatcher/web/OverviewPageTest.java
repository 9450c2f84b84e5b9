package org.placementmatcher.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.security.TestAccounts;

/** {@code GET /registers/{authority}} and {@code GET /}: who sees which overview, and its figures. */
@QuarkusTest
class OverviewPageTest {

    /** Cambridgeshire: its published target (29% out of area) is in application.properties. */
    static final String AUTHORITY = "E10000003";

    /** Loads the hand-worked register of {@link OverviewFiguresTest} as the authority's (its home authority renamed). */
    static void loadRegister(String authority) {
        given().contentType(ContentType.JSON)
                .body(OverviewFiguresTest.REGISTER
                        .replace("\"homeAuthority\": \"E10000003\"", "\"homeAuthority\": \"" + authority + "\"")
                        .replace("\"localAuthority\": \"E10000003\"", "\"localAuthority\": \"" + authority + "\""))
                .put("/api/register/" + authority)
                .then()
                .statusCode(200);
    }

    /** Starts a run of one second as an officer and waits until it has finished. */
    static String finishedRun(String authority) throws InterruptedException {
        String id = TestAccounts.as(TestAccounts.OFFICER)
                .queryParam("seconds", 1)
                .post("/api/register/" + authority + "/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (List.of("QUEUED", "SOLVING")
                .contains(given().get("/api/register/" + authority + "/runs/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status"))) {
            assertThat(System.nanoTime())
                    .as("run %s finishes within a minute", id)
                    .isLessThan(end);
            Thread.sleep(100);
        }
        return id;
    }

    @Test
    void aViewerSeesTodayBesideTheLatestPlanAndTheTarget() throws InterruptedException {
        loadRegister(AUTHORITY);
        String before = TestAccounts.as(TestAccounts.VIEWER)
                .get("/registers/" + AUTHORITY)
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        assertThat(before)
                .contains("<h1 class=\"govuk-heading-l\">Cambridgeshire (E10000003)</h1>")
                .contains("There is no finished run yet")
                .contains("Children placed out of area: Today 33.3%, Latest plan not known; target 29.0% or less.")
                .contains("<td class=\"govuk-table__cell govuk-table__cell--numeric\">£5,000</td>")
                .contains("£260,000")
                .contains("Children without a placement, by urgency: Emergency today 1, Emergency in plan not known,"
                        + " Urgent today 1, Urgent in plan not known, Planned today 0, Planned in plan not known;"
                        + " no target set.")
                .contains("Sibling groups split: Today 1, Latest plan not known; no target set.")
                .contains("href=\"/app/home.css\"");

        String run = finishedRun(AUTHORITY);
        String after = TestAccounts.as(TestAccounts.VIEWER)
                .get("/registers/" + AUTHORITY)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(after)
                .doesNotContain("There is no finished run yet")
                .contains("href=\"/registers/" + AUTHORITY + "/runs/" + run + "\"")
                .doesNotContain("Latest plan not known")
                .contains("Children placed out of area: Today 33.3%, Latest plan 25.0%; target 29.0% or less.")
                // C4's emergency needs an emergency-approved carer, which the register lacks: the plan places C3 only.
                .contains("Children without a placement, by urgency: Emergency today 1, Emergency in plan 1,"
                        + " Urgent today 1, Urgent in plan 0,");
    }

    @Test
    void onlyTheAuthoritysUsersWithADataRoleSeeIt() {
        loadRegister(AUTHORITY);
        assertThat(TestAccounts.as(TestAccounts.ADMIN)
                        .get("/registers/" + AUTHORITY)
                        .then()
                        .statusCode(403)
                        .contentType(ContentType.HTML)
                        .extract()
                        .asString())
                .as("an ADMIN without a data role sees no children's data")
                .contains("You cannot do this");
        assertThat(TestAccounts.as(TestAccounts.OTHER_OFFICER)
                        .get("/registers/" + AUTHORITY)
                        .then()
                        .statusCode(404)
                        .contentType(ContentType.HTML)
                        .extract()
                        .asString())
                .contains("Page not found");
        given().get("/registers/E0600Z999").then().statusCode(404).contentType(ContentType.HTML);
        assertThat(given().get("/registers/E!!")
                        .then()
                        .statusCode(400)
                        .contentType(ContentType.HTML)
                        .extract()
                        .asString())
                .contains("must be an authority code");
        given().auth()
                .none()
                .redirects()
                .follow(false)
                .get("/registers/" + AUTHORITY)
                .then()
                .statusCode(302);
    }

    @Test
    void homeListsRegistersByNameOrGoesStraightToTheOnlyOne() {
        loadRegister(AUTHORITY);
        loadRegister("E06000031");
        loadRegister(TestAccounts.OTHER_AUTHORITY);
        assertThat(given().get("/").then().statusCode(200).extract().asString())
                .contains("<a class=\"govuk-link\" href=\"/registers/E10000003\">Cambridgeshire (E10000003)</a>")
                .contains("<a class=\"govuk-link\" href=\"/registers/E06000031\">Peterborough (E06000031)</a>");
        String location = TestAccounts.as(TestAccounts.OTHER_OFFICER)
                .redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertThat(location).endsWith("/registers/" + TestAccounts.OTHER_AUTHORITY);
    }
}
