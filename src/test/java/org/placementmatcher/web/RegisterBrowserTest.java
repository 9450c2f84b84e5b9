package org.placementmatcher.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.placementmatcher.security.TestAccounts;

/** The register's pages in real Chromium: browsing as a VIEWER, editing as an OFFICER with JavaScript off, uploading CSV. */
@QuarkusTest
class RegisterBrowserTest {

    private static final String AUTHORITY = "E0600W013";
    private static final String BASE = "/registers/" + AUTHORITY;

    @TestHTTPResource("/")
    URL app;

    @BeforeEach
    void loadTheSmallSample() throws IOException {
        given().contentType(ContentType.JSON)
                .body(RegisterPagesTest.sample(AUTHORITY))
                .put("/api/register/" + AUTHORITY)
                .then()
                .statusCode(200);
    }

    @Test
    void aViewerBrowsesProvidersWithAFilterAndPagingAndSeesNoEditButtons() {
        try (Browser browser = Browser.open(app, true)) {
            browser.signIn(TestAccounts.VIEWER).go(BASE + "/providers");
            assertThat(browser.headingOnceItIs("Providers")).isEqualTo("Providers");
            int all = browser.findAll("#providers tbody tr").size();
            assertThat(all).as("50 a page").isEqualTo(50);
            browser.find(".govuk-pagination__next a").click();
            assertThat(browser.pathWhen(path -> path.contains("page=2"))).contains("page=2");
            browser.find("#type option[value='IN_HOUSE_FOSTER']").click();
            browser.find("#apply-filters").click();
            assertThat(browser.pathWhen(path -> path.contains("type=IN_HOUSE_FOSTER")))
                    .contains("type=IN_HOUSE_FOSTER");
            for (WebElement cell : browser.findAll("#providers tbody tr td:nth-child(2)")) {
                assertThat(cell.getText()).isEqualTo("In-house foster carer");
            }
            assertThat(browser.findAll("a.govuk-button"))
                    .as("no button to change anything")
                    .isEmpty();
            assertThat(browser.find("#why-no-changes").getText()).contains("placement officer role");
            browser.assertAccessible().screenshots("providers");

            browser.find("#providers tbody tr a").click();
            assertThat(browser.heading()).startsWith("Provider ");
            assertThat(browser.findAll("a.govuk-button")).isEmpty();
            browser.assertAccessible().screenshots("provider");

            browser.go(BASE + "/children?status=placed");
            assertThat(browser.findAll("#children tbody tr")).isNotEmpty();
            browser.assertAccessible().screenshots("children");
            browser.find("#children tbody tr a").click();
            assertThat(browser.heading()).startsWith("Child ");
            assertThat(browser.find("#placement").getText())
                    .containsPattern("Placed at .*, \\d+\\.\\d miles from (school|home)");
            assertThat(browser.findAll("a.govuk-button")).isEmpty();
            browser.assertAccessible().screenshots("child");
        }
    }

    @Test
    void anOfficerEditsAChildWithJavaScriptOffSeesTheFieldErrorThenSaves() {
        try (Browser browser = Browser.open(app, false)) {
            browser.signIn(TestAccounts.OFFICER).go(BASE + "/children?sort=id");
            browser.find("#children tbody tr a").click();
            String id = browser.heading().substring("Child ".length());
            browser.find("a[href$='/edit']").click();
            WebElement dateOfBirth = browser.find("#dateOfBirth");
            dateOfBirth.clear();
            dateOfBirth.sendKeys("not a date");
            browser.find("#save").click();
            assertThat(browser.find(".govuk-error-summary").getText()).contains("Date of birth");
            assertThat(browser.driver().getTitle()).startsWith("Error: ");
            assertThat(browser.find("#dateOfBirth-error").getText()).isNotBlank();
            browser.assertAccessible().screenshots("child-edit-error");

            dateOfBirth = browser.find("#dateOfBirth");
            dateOfBirth.clear();
            dateOfBirth.sendKeys("2014-03-01");
            browser.find("#save").click();
            assertThat(browser.pathWhen(path -> path.startsWith(BASE + "/children/" + id)))
                    .startsWith(BASE + "/children/" + id);
            assertThat(browser.find(".govuk-notification-banner").getText()).contains("saved");
            assertThat(browser.find("#fields").getText()).contains("2014-03-01");
            assertThat(browser.find("#audit").getText())
                    .contains(TestAccounts.OFFICER)
                    .contains("dateOfBirth");
        }
    }

    @Test
    void aCsvUploadShowsItsPreviewAndErrorsByLineAndColumn() throws IOException {
        Path good = Files.createTempFile("providers", ".csv");
        Files.writeString(
                good,
                "id,type,localAuthority,lat,lon,places,ageMin,ageMax,weeklyCost,name\n" + "UP-1,IN_HOUSE_FOSTER,"
                        + AUTHORITY + ",52.2,0.1,2,0,17,650,Birch House\n");
        Path bad = Files.createTempFile("providers", ".csv");
        Files.writeString(
                bad,
                "id,type,localAuthority,lat,lon,places,ageMin,ageMax,weeklyCost\n"
                        + "UP-2,IN_HOUSE_FOSTER," + AUTHORITY + ",52.2,0.1,2,0,17,lots\n"
                        + "UP-3,CASTLE," + AUTHORITY + ",52.2,0.1,2,0,17,650\n");
        try (Browser browser = Browser.open(app, true)) {
            browser.signIn(TestAccounts.OFFICER).go(BASE + "/upload");
            browser.assertAccessible();
            browser.find("#list-providers").click();
            browser.find("#file").sendKeys(bad.toAbsolutePath().toString());
            browser.find("#preview-upload").click();
            String errors = browser.find("#csv-errors").getText();
            assertThat(errors).contains("line 2, column weeklyCost").contains("line 3, column type");
            browser.assertAccessible().screenshots("upload-errors");

            browser.go(BASE + "/upload");
            browser.find("#list-providers").click();
            browser.find("#file").sendKeys(good.toAbsolutePath().toString());
            browser.find("#preview-upload").click();
            assertThat(browser.headingOnceItIs("Check what this upload changes"))
                    .isEqualTo("Check what this upload changes");
            assertThat(browser.find("#added-count").getText()).isEqualTo("1");
            assertThat(browser.find("#added").getText()).contains("UP-1");
            browser.assertAccessible().screenshots("upload-preview");
            given().get("/api/register/" + AUTHORITY + "/providers/UP-1").then().statusCode(404);

            browser.find("#confirm-upload").click();
            assertThat(browser.find("#applied").getText()).contains("1 added");
            given().get("/api/register/" + AUTHORITY + "/providers/UP-1").then().statusCode(200);
        } finally {
            Files.deleteIfExists(good);
            Files.deleteIfExists(bad);
        }
    }
}
