package org.placementmatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.placementmatcher.security.SignedOutByDefault;
import org.placementmatcher.security.TestAccounts;

/**
 * Find a placement and the emergency page in real Chromium: an officer finds options for a waiting child and
 * opens the exclusions, asks who can take a register child and a typed referral tonight, and does the same with
 * JavaScript switched off and with the keyboard alone. Every page passes the accessibility scan.
 */
@QuarkusTest
@SignedOutByDefault
class FindBrowserTest {

    static final String AUTHORITY = "E0600F002";
    static final String FIND = "/registers/" + AUTHORITY + "/find";
    static final String EMERGENCY = "/registers/" + AUTHORITY + "/emergency";

    @TestHTTPResource("/")
    URL app;

    @BeforeEach
    void loadTheSmallSample() {
        FindPagesTest.loadSmallSample(AUTHORITY);
    }

    @Test
    void findAPlacementForAWaitingChildAndSeeItsOptionsAndExclusions() {
        try (Browser browser = Browser.open(app, true)) {
            browser.signIn(TestAccounts.OFFICER).go(FIND);
            assertThat(browser.headingOnceItIs("Find a placement")).isEqualTo("Find a placement");
            browser.assertAccessible().screenshots("find");

            browser.find("a[href$='find?child=C-0001']").click();
            assertThat(browser.headingOnceItIs("Options for child C-0001")).isEqualTo("Options for child C-0001");
            assertThat(browser.findAll("#options > li")).isNotEmpty();
            assertThat(browser.find("#option-1").getText())
                    .contains("Weekly cost", "£", "miles from school", "Approval needed", "£-equivalent per week");
            assertThat(browser.find("#map title").getAttribute("textContent")).contains("Map");
            WebElement needs = browser.find("#excluded-H4");
            needs.findElement(org.openqa.selenium.By.cssSelector("summary")).click();
            assertThat(needs.getText()).contains("Does not meet every need", "complex behaviour: not met by");
            browser.assertAccessible().screenshots("find-options");
        }
    }

    @Test
    void emergencyForARegisterChildAndForATypedReferral() {
        try (Browser browser = Browser.open(app, true)) {
            browser.signIn(TestAccounts.OFFICER).go(EMERGENCY);
            assertThat(browser.headingOnceItIs("Emergency: who can take this child tonight"))
                    .isEqualTo("Emergency: who can take this child tonight");
            browser.assertAccessible().screenshots("emergency");

            browser.find("#child").sendKeys("C-0003");
            browser.find("#ask-child").click();
            assertThat(browser.textOnceItContains("h1", "Tonight: child C-0003"))
                    .isEqualTo("Tonight: child C-0003");
            assertThat(browser.find("#exclusions").getText()).contains("Not approved for same-day emergencies");

            browser.go(EMERGENCY);
            browser.find("#reference").sendKeys("NEW-7");
            browser.find("#dob-day").sendKeys("14");
            browser.find("#dob-month").sendKeys("6");
            browser.find("#dob-year").sendKeys("2013");
            browser.find("label[for='gender-male']").click();
            browser.find("#home-lat").sendKeys("52.3");
            browser.find("#home-lon").sendKeys("0.05");
            browser.find("#ask-referral").click();
            assertThat(browser.headingOnceItIs("Tonight: new referral NEW-7")).isEqualTo("Tonight: new referral NEW-7");
            assertThat(browser.find("#asked").getText()).contains("Age 13", "Male", "measured from home");
            browser.assertAccessible().screenshots("emergency-options");

            browser.go(EMERGENCY);
            browser.find("#home-lat").sendKeys("north");
            browser.find("#ask-referral").click();
            assertThat(browser.titleOnceItStartsWith("Error: Emergency")).startsWith("Error: Emergency");
            assertThat(browser.find(".govuk-error-summary").getText()).contains("Date of birth", "Home latitude");
            browser.assertAccessible();
        }
    }

    @Test
    void findAPlacementWorksWithJavaScriptSwitchedOff() {
        try (Browser browser = Browser.open(app, false)) {
            browser.signIn(TestAccounts.OFFICER).go(FIND);
            browser.find("#child").sendKeys("C-0031");
            browser.find("#find-options").click();
            assertThat(browser.headingOnceItIs("Options for sibling group C-0031, C-0032"))
                    .isEqualTo("Options for sibling group C-0031, C-0032");
            assertThat(browser.find("#excluded-heading").getText()).contains("providers excluded");
            browser.find("#exclusions details summary").click();
            assertThat(browser.find("#exclusions details").getAttribute("open"))
                    .as("details open without scripts")
                    .isNotNull();
        }
    }

    @Test
    void findAPlacementByKeyboardAlone() {
        try (Browser browser = Browser.open(app, true)) {
            browser.signIn(TestAccounts.OFFICER).go(FIND);
            tabUntil(browser, e -> "child".equals(e.getAttribute("id")));
            new Actions(browser.driver())
                    .sendKeys("C-0003")
                    .sendKeys(Keys.ENTER)
                    .perform();
            assertThat(browser.headingOnceItIs("Options for child C-0003")).isEqualTo("Options for child C-0003");
            tabUntil(
                    browser,
                    e -> "summary".equals(e.getTagName()) && e.getText().startsWith("Raw score"));
            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            assertThat(browser.find("#option-1 details").getAttribute("open"))
                    .as("the raw score opened from the keyboard")
                    .isNotNull();
        }
    }

    /** Presses TAB until the focused element is the one wanted (at most 80 times). */
    private static void tabUntil(Browser browser, Predicate<WebElement> wanted) {
        for (int i = 0; i < 80; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.driver().switchTo().activeElement();
            if (wanted.test(focused)) {
                return;
            }
        }
        throw new AssertionError("never reached by TAB");
    }
}
