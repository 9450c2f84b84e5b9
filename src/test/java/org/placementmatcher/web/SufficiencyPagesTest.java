package org.placementmatcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placementmatcher.register.RegisterFixtures;
import org.placementmatcher.security.TestAccounts;

/** The sufficiency pages: start a report on a register (OFFICER), read it (VIEWER), in words and CSV. */
@QuarkusTest
class SufficiencyPagesTest {

    private static final String AUTHORITY = "E0600W0S1";
    private static final String PAGE = "/registers/" + AUTHORITY + "/sufficiency";

    @TestHTTPResource("/")
    URL app;

    private static boolean registered;

    @BeforeEach
    void register() {
        if (registered) {
            return;
        }
        registered = true;
        TestAccounts.as(TestAccounts.DIRECTOR)
                .contentType(ContentType.JSON)
                .body(RegisterFixtures.forAuthority(RegisterFixtures.sample("small.json"), AUTHORITY))
                .put("/api/register/" + AUTHORITY)
                .then()
                .statusCode(200);
    }

    @Test
    void anOfficerStartsAReportAndAViewerReadsItInWords() {
        Response started = PageForms.post(TestAccounts.OFFICER, PAGE, PAGE, Map.of("seconds", "1"));
        started.then().statusCode(303).header("Location", containsString(PAGE + "/"));
        String report = started.header("Location").replaceAll("^https?://[^/]+", "");
        String page = readyPage(report);
        assertThat(page)
                .contains("Kinds of place worth commissioning")
                .contains("Where one more place would do the most good")
                .contains("Children whose need the plan meets least well")
                .doesNotContain("hard/")
                .doesNotContain("medium/");
        TestAccounts.as(TestAccounts.VIEWER)
                .get(report + "/segments.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("providerType"));
        TestAccounts.as(TestAccounts.VIEWER)
                .get(report + "/unmet-need.csv")
                .then()
                .statusCode(200)
                .body(containsString("ageBand"));
    }

    @Test
    void aViewerSeesNoStartButtonAndIsRefusedTheStart() {
        TestAccounts.as(TestAccounts.VIEWER)
                .get(PAGE)
                .then()
                .statusCode(200)
                .body(not(containsString("Start the report")))
                .body(containsString("needs the officer role"));
        PageForms.post(TestAccounts.VIEWER, TestAccounts.OFFICER, PAGE, PAGE, Map.of("seconds", "1"))
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("You cannot do this"));
    }

    @Test
    void aBadTimeLimitIsAFieldErrorAndStartsNothing() {
        for (String seconds : new String[] {"soon", "0", "100000"}) {
            PageForms.post(TestAccounts.OFFICER, PAGE, PAGE, Map.of("seconds", seconds))
                    .then()
                    .statusCode(400)
                    .contentType(containsString("text/html"))
                    .body(containsString("govuk-error-summary"))
                    .body(containsString("href=\"#seconds\""));
        }
    }

    @Test
    void anotherAuthoritysUserAndAnUnknownReportGet404() {
        TestAccounts.as(TestAccounts.OTHER_OFFICER).get(PAGE).then().statusCode(404);
        TestAccounts.as(TestAccounts.VIEWER)
                .get(PAGE + "/no-such-report")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"));
    }

    @Test
    void inChromiumTheReportIsAccessibleAndWorksWithoutJavaScript() {
        try (Browser browser = Browser.open(app, false)) {
            browser.signIn(TestAccounts.OFFICER).go(PAGE);
            browser.find("#seconds").clear();
            browser.find("#seconds").sendKeys("1");
            browser.find("form[action='" + PAGE + "'] button[type=submit]").click();
            assertThat(browser.pathWhen(path -> path.startsWith(PAGE + "/"))).startsWith(PAGE + "/");
            String report = browser.path();
            readyPage(report);
            browser.go(report);
            assertThat(browser.find("#report-status").getText()).isEqualTo("Ready");
        }
        try (Browser browser = Browser.open(app, true)) {
            browser.signIn(TestAccounts.OFFICER).go(PAGE);
            browser.assertAccessible().screenshots("sufficiency");
            browser.find("form[action='" + PAGE + "'] button[type=submit]").click();
            // The report's own page, once the click has led there (on a loaded machine the form may still be showing).
            String report = browser.pathWhen(path -> path.startsWith(PAGE + "/"));
            assertThat(report).startsWith(PAGE + "/");
            readyPage(report);
            browser.go(report);
            assertThat(browser.find("#kinds").getText()).contains("Kinds of place");
            browser.assertAccessible().screenshots("sufficiency-report");
        }
    }

    /** Polls the report page until the report is ready; the page's HTML. */
    private static String readyPage(String report) {
        for (int i = 0; i < 240; i++) {
            String page = TestAccounts.as(TestAccounts.VIEWER)
                    .get(report)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            if (page.contains(">Ready<")) {
                return page;
            }
            assertThat(page).doesNotContain(">Failed<");
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the report at " + report + " was not ready in 2 minutes");
    }
}
