package org.placementmatcher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.placementmatcher.LogCapture;

/**
 * Contract section 10: the HTTP layer's own refusals and failures outside the REST resources answer with
 * the JSON error body, never an empty answer or Quarkus' error page (which names the exception's class).
 */
@QuarkusTest
class HttpLayerErrorsTest {

    /** placement.http.max-uri-length and max-header-size. */
    private static final int MAX_URI_LENGTH = 8192;

    private static final int MAX_HEADER_BYTES = 20 * 1024;

    private static final String NO_JAVA_NAMES = "java\\.|jakarta\\.|io\\.|Exception|com\\.fasterxml";

    @Test
    void aUriOverOurLimitGetsTheJson414() {
        String path = "/api/" + "a".repeat(10_000 - "/api/".length());
        assertThat(path).hasSize(10_000);

        given().get(path)
                .then()
                .statusCode(414)
                .contentType(ContentType.JSON)
                .body("errors[0].path", equalTo("$"))
                .body(
                        "errors[0].message",
                        equalTo("the request URI is longer than the " + MAX_URI_LENGTH + " characters accepted"));
        // A query string counts too.
        given().queryParam("q", "b".repeat(MAX_URI_LENGTH))
                .get("/api/plans")
                .then()
                .statusCode(414)
                .contentType(ContentType.JSON);
    }

    @Test
    void aUriUnderOurLimitButOverNettysDefaultReachesTheRoutes() {
        // Past Netty's default of 4096 characters, an empty 414 would come before any route.
        given().get("/api/" + "a".repeat(MAX_URI_LENGTH - "/api/".length()))
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("errors[0].path", equalTo("$"));
    }

    @Test
    void headersOverOurLimitGetTheJson431() {
        given().header("X-Padding", "p".repeat(MAX_HEADER_BYTES + 1))
                .get("/api/plans/none")
                .then()
                .statusCode(431)
                .contentType(ContentType.JSON)
                .body("errors[0].path", equalTo("$"))
                .body(
                        "errors[0].message",
                        equalTo("the request headers are larger than the " + MAX_HEADER_BYTES + " bytes accepted"));
        // Under our limit but over the 8 KB of Netty's default: the request reaches its resource.
        given().header("X-Padding", "p".repeat(MAX_HEADER_BYTES - 1000))
                .get("/api/plans/none")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON);
    }

    @Test
    void aFailureOutsideTheResourcesIsAJson500LoggedWithoutItsMessage() {
        String[] answer = new String[1];
        List<String> errors = errorsLoggedBy(() -> answer[0] = given().get(FailingRoutes.THROWS)
                .then()
                .statusCode(500)
                .contentType(ContentType.JSON)
                .body("errors[0].path", equalTo("$"))
                .body("errors[0].message", matchesPattern("internal error \\(error id [0-9a-f-]{36}\\)"))
                .extract()
                .asString());

        assertThat(answer[0]).doesNotContainPattern(NO_JAVA_NAMES).doesNotContain("Jane");
        String errorId = answer[0].replaceAll("(?s).*error id ([0-9a-f-]{36}).*", "$1");
        assertThat(errors)
                .singleElement()
                .satisfies(m -> assertThat(m).contains(errorId, "IllegalStateException", "FailingRoutes"))
                .satisfies(m -> assertThat(m).doesNotContain("Jane", " WITH "));
    }

    @Test
    void noFreeWorkerIs503AndAHandlersOwn4xxKeepsItsStatus() {
        String busy = given().get(FailingRoutes.BUSY)
                .then()
                .statusCode(503)
                .contentType(ContentType.JSON)
                .body("errors[0].message", equalTo("the service is busy; try again shortly"))
                .extract()
                .asString();
        assertThat(busy).doesNotContainPattern(NO_JAVA_NAMES).doesNotContain("Jane");
        given().get(FailingRoutes.BAD_REQUEST)
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("errors[0].message", equalTo("the request cannot be answered (HTTP 400)"));
    }

    @Test
    void aClientGoneAwayIsNoErrorOfOurs() {
        List<String> errors = errorsLoggedBy(() -> {
            given().get(FailingRoutes.CLIENT_GONE).then().statusCode(500).contentType(ContentType.JSON);
            given().get(FailingRoutes.THROWS).then().statusCode(500);
        });

        // Only the second failure is logged as an error.
        assertThat(errors).singleElement().asString().contains("IllegalStateException");
    }

    /** What HttpLayer logs at ERROR while the requests run, each with " WITH " and the exception if one is logged. */
    private static List<String> errorsLoggedBy(Runnable requests) {
        return LogCapture.recordsWhile(HttpLayer.class, Level.SEVERE, requests).stream()
                .map(record -> record.getMessage() + (record.getThrown() == null ? "" : " WITH " + record.getThrown()))
                .toList();
    }
}
