package org.placementmatcher.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.placementmatcher.security.SignedOutByDefault;
import org.placementmatcher.security.TestAccounts;

/** GOV.UK Frontend is served by the app itself (no CDN), to anyone (the sign-in page needs it); errors are pages. */
@QuarkusTest
@SignedOutByDefault
class WebAssetsTest {

    @Test
    void govukFrontendAndTheAppsOwnAssetsAreServedWithoutSigningIn() {
        given().redirects()
                .follow(false)
                .get("/assets/govuk-frontend.min.css")
                .then()
                .statusCode(200)
                .contentType(containsString("text/css"));
        given().redirects()
                .follow(false)
                .get("/assets/govuk-frontend.min.js")
                .then()
                .statusCode(200);
        given().redirects()
                .follow(false)
                .get("/assets/rebrand/images/favicon.ico")
                .then()
                .statusCode(200);
        given().redirects().follow(false).get("/app/app.css").then().statusCode(200);
        given().redirects().follow(false).get("/app/app.js").then().statusCode(200);
    }

    @Test
    void pagesUseNoOtherOrigin() {
        given().get("/sign-in")
                .then()
                .statusCode(200)
                .body(containsString("/assets/govuk-frontend.min.css"))
                .body(not(containsString("http://")))
                .body(not(containsString("https://")));
    }

    @Test
    void aPageErrorIsAnHtmlPageAndAnApiErrorStaysJson() {
        TestAccounts.as(TestAccounts.VIEWER)
                .get("/no-such-page")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Page not found"))
                .body(not(containsString("resource method")));
        TestAccounts.as(TestAccounts.VIEWER)
                .get("/api/no-such-endpoint")
                .then()
                .statusCode(404)
                .contentType(containsString("application/json"));
    }

    @Test
    void aRegisterTheUserDoesNotHoldIsAnHtml404() {
        TestAccounts.as(TestAccounts.OTHER_OFFICER)
                .get("/registers/E10000003")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"));
    }
}
