package org.placementmatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.placementmatcher.security.SignedOutByDefault;
import org.placementmatcher.security.TestAccounts;

/** Signing in and out in real Chromium, with and without JavaScript; the pages pass the accessibility scan. */
@QuarkusTest
@SignedOutByDefault
class SignInBrowserTest {

    @TestHTTPResource("/")
    URL app;

    @Test
    void aUserSignsInSeesTheirRegistersAndSignsOut() {
        try (Browser browser = Browser.open(app, true)) {
            browser.go("/");
            assertThat(browser.path()).as("a page asks for sign-in first").startsWith("/sign-in");
            assertThat(browser.headingOnceItIs("Sign in")).isEqualTo("Sign in");
            browser.assertAccessible().screenshots("sign-in");

            browser.signIn(TestAccounts.DIRECTOR);
            assertThat(browser.textOnceItContains("main", "Placement Matcher")).contains("Placement Matcher");
            assertThat(browser.find("body").getAttribute("class"))
                    .as("GOV.UK Frontend's script ran (served by the app)")
                    .contains("govuk-frontend-supported");
            browser.assertAccessible().screenshots("home");

            browser.signOut();
            assertThat(browser.pathWhen(path -> path.startsWith("/sign-in"))).startsWith("/sign-in");
            assertThat(browser.find("main").getText()).contains("You have signed out.");
            browser.go("/");
            assertThat(browser.path()).as("the session has ended").startsWith("/sign-in");
        }
    }

    @Test
    void aWrongPasswordShowsTheErrorSummary() {
        try (Browser browser = Browser.open(app, true)) {
            browser.go("/sign-in");
            browser.find("#username").sendKeys(TestAccounts.VIEWER);
            browser.find("#password").sendKeys("Not-the-password-1");
            browser.find("form[action='/j_security_check'] button[type=submit]").click();
            // Waits for the next page: read at once, the title was once still the form's (a CI run failed so).
            assertThat(browser.textOnceItContains(".govuk-error-summary", "Enter a correct username and password"))
                    .contains("Enter a correct username and password");
            assertThat(browser.driver().getTitle()).startsWith("Error: Sign in");
            browser.assertAccessible().screenshots("sign-in-error");
        }
    }

    @Test
    void signingInAndOutWorksWithJavaScriptSwitchedOff() {
        try (Browser browser = Browser.open(app, false)) {
            browser.signIn(TestAccounts.VIEWER);
            assertThat(browser.find("body").getAttribute("class")).doesNotContain("govuk-frontend-supported");
            browser.signOut();
            assertThat(browser.pathWhen(path -> path.startsWith("/sign-in"))).startsWith("/sign-in");
        }
    }

    @Test
    void anUnknownPageIsAnHtmlPageNotFound() {
        try (Browser browser = Browser.open(app, true)) {
            browser.signIn(TestAccounts.VIEWER).go("/no-such-page");
            assertThat(browser.headingOnceItIs("Page not found")).isEqualTo("Page not found");
            browser.assertAccessible().screenshots("not-found");
        }
    }
}
