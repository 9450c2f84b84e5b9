package org.placementmatcher.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.placementmatcher.security.TestAccounts;

/**
 * The runs pages in real Chromium: an officer starts a run and watches it, a manager accepts a change and sees the
 * register and audit change, an officer and a viewer change nothing; a decision with JavaScript off, and one taken by
 * keyboard alone.
 */
@QuarkusTest
class RunPagesBrowserTest {

    @TestHTTPResource("/")
    URL app;

    @Test
    void startARunWatchItAndAcceptAChangeAsAManager() throws InterruptedException {
        String authority = "E0600W042";
        String runs = "/registers/" + authority + "/runs";
        RunFixtures.register(authority);
        try (Browser browser = Browser.open(app, true)) {
            browser.signIn(TestAccounts.OFFICER).go(runs);
            assertThat(browser.headingOnceItIs("Runs")).isEqualTo("Runs");
            browser.assertAccessible().screenshots("runs");
            WebElement seconds = browser.find("#seconds");
            seconds.clear();
            seconds.sendKeys("30");
            browser.find("#start-run").click();
            assertThat(browser.pathWhen(path -> path.startsWith(runs + "/"))).startsWith(runs + "/");
            assertThat(browser.find("#done").getText()).contains("The run has started.");
            String runPage = browser.path().replaceFirst("\\?.*", "");
            if (!browser.findAll("#run-progress").isEmpty()) {
                assertThat(browser.find("#run-status").getText()).isIn("Waiting to start", "Working out a plan");
                assertThat(browser.find("#run-elapsed").getText()).endsWith("of 30 seconds");
                browser.assertAccessible().screenshots("run-progress");
                if (!browser.findAll("#stop-run").isEmpty()) {
                    browser.find("#stop-run").click();
                }
            }
            // The page's script notices the run has finished and reloads it: nobody clicks.
            waitFor(browser, () -> browser.find("#run-status").getText().equals("Finished"));
            assertThat(browser.findAll("button[id^='accept-']"))
                    .as("an officer sees no accept button")
                    .isEmpty();
            assertThat(browser.find("#refused-C0").getText()).contains("Needs a manager");
            browser.signOut();

            browser.signIn(TestAccounts.VIEWER).go(runs);
            assertThat(browser.findAll("#start-run"))
                    .as("a viewer cannot start a run")
                    .isEmpty();
            browser.go(runPage);
            assertThat(browser.findAll("main form[method='post']"))
                    .as("a viewer has nothing to submit")
                    .isEmpty();
            assertThat(browser.findAll("#stop-run, #restart-run")).isEmpty();
            browser.signOut();

            browser.signIn(TestAccounts.MANAGER).go(runPage);
            assertThat(browser.find("#kpis").getText()).contains("Children without a placement");
            assertThat(browser.find("#change-CA").getText())
                    .contains("Needs a nominated officer: this placement is out of area in an adjoining authority.");
            assertThat(browser.find("#change-CA button[value='ACCEPT']").getAttribute("disabled"))
                    .isNotNull();
            browser.assertAccessible().screenshots("run-review");
            assertThat(RunFixtures.placement(authority, "C0")).isNull();
            browser.find("#reason-C0").sendKeys("Closest in-area carer with a place");
            browser.find("#accept-C0").click();
            assertThat(browser.find("#done").getText()).contains("Change for C0 accepted");
            assertThat(browser.find("#decision-C0").getText())
                    .contains("Accepted by manager: Closest in-area carer with a place");
            assertThat(browser.find("#decision-C0 a").getAttribute("href"))
                    .endsWith("/registers/" + authority + "/children/C0");
            assertThat(browser.find("#run-audit").getText()).contains("Change accepted for C0: to H0");
        }
        assertThat(RunFixtures.placement(authority, "C0")).isEqualTo("H0");
        List<String> actions = given().get("/api/register/" + authority + "/children/C0/audit")
                .jsonPath()
                .getList("findAll { it.actor == 'manager' }.action");
        assertThat(actions).contains("DECISION_ACCEPTED", "PLACEMENT_STARTED");
    }

    @Test
    void aDecisionWorksWithJavaScriptSwitchedOff() throws InterruptedException {
        String authority = "E0600W043";
        RunFixtures.register(authority);
        String runId = RunFixtures.finishedRun(authority);
        try (Browser browser = Browser.open(app, false)) {
            browser.signIn(TestAccounts.MANAGER).go("/registers/" + authority + "/runs/" + runId);
            browser.find("#reject-C1").click();
            assertThat(browser.find(".govuk-error-summary").getText())
                    .contains("Enter the reason for rejecting this change");
            browser.find("#reason-C1").sendKeys("The family has asked to wait for H0");
            browser.find("#reject-C1").click();
            assertThat(browser.find("#done").getText()).contains("Change for C1 rejected.");
            assertThat(browser.find("#decision-C1").getText())
                    .contains("Rejected by manager: The family has asked to wait for H0");
        }
        assertThat(RunFixtures.placement(authority, "C1")).isNull();
    }

    @Test
    void aDecisionTakenByKeyboardAlone() throws InterruptedException {
        String authority = "E0600W044";
        RunFixtures.register(authority);
        String runId = RunFixtures.finishedRun(authority);
        try (Browser browser = Browser.open(app, true)) {
            browser.signIn(TestAccounts.DIRECTOR).go("/registers/" + authority + "/runs/" + runId);
            tabTo(browser, "reason-CD");
            active(browser).sendKeys("No nearer carer meets the medical need");
            active(browser).sendKeys(Keys.TAB);
            assertThat(active(browser).getAttribute("id")).isEqualTo("accept-CD");
            active(browser).sendKeys(Keys.ENTER);
            waitFor(browser, () -> !browser.findAll("#done").isEmpty());
            assertThat(browser.find("#done").getText()).contains("Change for CD accepted");
        }
        assertThat(RunFixtures.placement(authority, "CD")).isEqualTo("XD");
    }

    private static WebElement active(Browser browser) {
        return browser.driver().switchTo().activeElement();
    }

    /** Presses TAB from the top of the page until the element with this id has the focus. */
    private static void tabTo(Browser browser, String id) {
        for (int i = 0; i < 200; i++) {
            active(browser).sendKeys(Keys.TAB);
            if (id.equals(active(browser).getAttribute("id"))) {
                return;
            }
        }
        throw new AssertionError("TAB never reached #" + id);
    }

    private interface Check {
        boolean holds();
    }

    private static void waitFor(Browser browser, Check check) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (org.openqa.selenium.WebDriverException reloading) {
                // The page is being reloaded: look again.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited 60 s in vain on " + browser.path());
    }
}
