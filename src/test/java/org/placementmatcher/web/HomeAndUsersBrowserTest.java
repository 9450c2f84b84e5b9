package org.placementmatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.placementmatcher.security.TestAccounts;

/** The overview of an authority and the users pages in real Chromium; every page passes the accessibility scan. */
@QuarkusTest
class HomeAndUsersBrowserTest {

    @TestHTTPResource("/")
    URL app;

    @Test
    void aDirectorSeesAnAuthoritysOverviewWithCharts() {
        OverviewPageTest.loadRegister(OverviewPageTest.AUTHORITY);
        try (Browser browser = Browser.open(app, true)) {
            browser.signIn(TestAccounts.DIRECTOR).go("/registers/" + OverviewPageTest.AUTHORITY);
            assertThat(browser.headingOnceItIs("Cambridgeshire (E10000003)")).isEqualTo("Cambridgeshire (E10000003)");
            assertThat(browser.findAll("figure.pm-chart-figure svg.pm-chart")).hasSize(6);
            assertThat(browser.find("#chart-out-of-area figcaption").getText())
                    .startsWith("Children placed out of area: Today 33.3%")
                    .endsWith("target 29.0% or less.");
            assertThat(browser.findAll("#chart-out-of-area line.pm-chart__target"))
                    .as("Cambridgeshire's target drawn")
                    .hasSize(1);
            assertThat(browser.find(".govuk-service-navigation__item--active").getText())
                    .isEqualTo("Overview");
            assertThat(browser.findAll("form[action='/sign-out']"))
                    .as("the page has its CSRF token")
                    .hasSize(1);
            browser.assertAccessible().screenshots("overview");
        }
    }

    @Test
    void anAdminAddsAUserThroughTheFormAndChangesItsRoles() {
        String name = "browser-user-" + System.nanoTime();
        try (Browser browser = Browser.open(app, true)) {
            browser.signIn(TestAccounts.ADMIN).go("/users");
            assertThat(browser.headingOnceItIs("Users")).isEqualTo("Users");
            browser.assertAccessible().screenshots("users");

            browser.find("a[href='/users/new']").click();
            browser.find("#username").sendKeys(name);
            browser.find("#password").sendKeys("too-short");
            browser.find("#roles").click();
            browser.find("#authorities").sendKeys("E10000003");
            browser.find("form[action='/users'] button[type=submit]").click();
            assertThat(browser.titleOnceItStartsWith("Error: Add a user")).startsWith("Error: Add a user");
            assertThat(browser.find(".govuk-error-summary").getText())
                    .contains("Password is too weak: at least 12 characters");
            assertThat(browser.find("#password-error").getText()).contains("at least 12 characters");
            assertThat(browser.find("#username").getAttribute("value")).isEqualTo(name);
            assertThat(browser.find("#roles").isSelected())
                    .as("the roles chosen are kept")
                    .isTrue();
            browser.assertAccessible().screenshots("user-new-error");

            browser.find("#password").sendKeys("Browser-password-1");
            browser.find("form[action='/users'] button[type=submit]").click();
            assertThat(browser.headingOnceItIs(name)).isEqualTo(name);
            assertThat(browser.textOnceItContains(".govuk-notification-banner", "User " + name + " created"))
                    .contains("User " + name + " created");
            assertThat(browser.find("#account").getText()).contains("Cambridgeshire (E10000003)");

            browser.find("#roles-OFFICER").click();
            browser.find("form[action='/users/" + name + "'] button[type=submit]")
                    .click();
            assertThat(browser.textOnceItContains(".govuk-notification-banner", "Changes saved"))
                    .contains("Changes saved");
            assertThat(browser.find("#account").getText()).contains("VIEWER, OFFICER");
            assertThat(browser.find("#audit").getText()).contains("Created").contains("roles: VIEWER, OFFICER");
            browser.assertAccessible().screenshots("user-edit");

            browser.find("a[href='/users/" + name + "/delete']").click();
            browser.assertAccessible().screenshots("user-delete");
            browser.find("form[action='/users/" + name + "/delete'] button[type=submit]")
                    .click();
            assertThat(browser.textOnceItContains(".govuk-notification-banner", "User " + name + " deleted"))
                    .contains("User " + name + " deleted");
        }
    }

    @Test
    void aViewerIsRefusedTheUsersAndAnotherAuthoritysOverview() {
        OverviewPageTest.loadRegister(OverviewPageTest.AUTHORITY);
        try (Browser browser = Browser.open(app, false)) {
            browser.signIn(TestAccounts.VIEWER).go("/users");
            assertThat(browser.headingOnceItIs("You cannot do this")).isEqualTo("You cannot do this");
            browser.assertAccessible();
        }
        try (Browser browser = Browser.open(app, false)) {
            browser.signIn(TestAccounts.OTHER_OFFICER).go("/registers/" + OverviewPageTest.AUTHORITY);
            assertThat(browser.headingOnceItIs("Page not found")).isEqualTo("Page not found");
        }
    }
}
