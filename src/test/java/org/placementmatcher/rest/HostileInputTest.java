package org.placementmatcher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.security.AuthenticatedByDefault;
import org.placementmatcher.security.TestAccounts;

/** Contract section 10 over HTTP: what the HTTP layer refuses, and that every refusal is the JSON error body. */
@QuarkusTest
class HostileInputTest {

    /** %test.quarkus.http.limits.max-body-size. */
    private static final int TEST_BODY_LIMIT = 3_000_000;

    @TestHTTPResource("/api/plans")
    URL plans;

    @Test
    void aChunkedBodyOverTheLimitGetsTheJson413() throws Exception {
        byte[] huge = ("{\"pad\": \"" + "x".repeat(TEST_BODY_LIMIT + 100_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = postChunked(huge, "application/json");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode errors = ContractJson.mapper().readTree(response.body()).get("errors");
        assertThat(errors.get(0).get("path").asText()).isEqualTo("$");
        assertThat(errors.get(0).get("message").asText()).contains(String.valueOf(TEST_BODY_LIMIT));
    }

    @Test
    void aChunkedBodyUnderTheLimitIsReadWhole() throws Exception {
        HttpResponse<String> response =
                postChunked(ProblemFixtures.VALID.getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private HttpResponse<String> postChunked(byte[] body, String contentType) throws Exception {
        // An InputStream publisher of unknown length: the client sends it chunked, with no Content-Length.
        HttpRequest request = HttpRequest.newBuilder(URI.create(plans + "?seconds=1"))
                .header("Authorization", AuthenticatedByDefault.basicAuthorization())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitGetsTheJson413() {
        given().contentType(ContentType.JSON)
                .body("{\"pad\": \"" + "x".repeat(TEST_BODY_LIMIT) + "\"}")
                .post("/api/plans")
                .then()
                .statusCode(413)
                .contentType(ContentType.JSON)
                .body("errors[0].path", equalTo("$"));
    }

    @Test
    void aBodyWithoutContentTypeIs415() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(plans.toURI())
                .header("Authorization", AuthenticatedByDefault.basicAuthorization())
                .POST(HttpRequest.BodyPublishers.ofString(ProblemFixtures.VALID))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(request.headers().firstValue("Content-Type")).isEmpty();
            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(ContractJson.mapper()
                            .readTree(response.body())
                            .at("/errors/0/message")
                            .asText())
                    .startsWith("the request body must say its Content-Type");
        }
        // What a cross-site form can send is no JSON either, nor is any other type.
        for (String type : List.of(
                "text/plain",
                "application/x-www-form-urlencoded",
                "application/octet-stream",
                "application/octet-stream; charset=ISO-8859-1")) {
            HttpRequest typed = HttpRequest.newBuilder(plans.toURI())
                    .header("Authorization", AuthenticatedByDefault.basicAuthorization())
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(ProblemFixtures.VALID))
                    .build();
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> response = client.send(typed, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(type).isEqualTo(415);
                assertThat(response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            }
        }
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[] valid = ProblemFixtures.VALID.getBytes(StandardCharsets.UTF_8);
        byte[] body = ProblemFixtures.VALID.replace("\"C2\"", "\"C?\"").getBytes(StandardCharsets.UTF_8);
        int at = ProblemFixtures.VALID.indexOf("\"C2\"") + 2;
        body[at] = (byte) 0xFF;
        assertThat(valid).hasSameSizeAs(body);

        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/plans")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("errors[0].path", equalTo("$"))
                .body(
                        "errors[0].message",
                        equalTo("the body is not valid UTF-8: an invalid byte sequence at byte " + (at + 1)));
    }

    @Test
    void duplicateKeysAndTrailingDataAre400() {
        given().contentType(ContentType.JSON)
                .body(ProblemFixtures.VALID.replaceFirst("\\{", "{\"name\": \"a\", \"name\": \"b\", "))
                .post("/api/plans")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$"));
        given().contentType(ContentType.JSON)
                .body(ProblemFixtures.VALID + "[]")
                .post("/api/plans")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$"));
    }

    @Test
    void errorListsAreCappedAtOneHundredThenCounted() {
        String json = ProblemFixtures.edit(root -> {
            ArrayNode children = (ArrayNode) root.get("children");
            for (int i = 0; i < 5000; i++) {
                children.add(((ObjectNode) children.get(1))
                        .deepCopy()
                        .put("id", "C-" + i)
                        .put("urgency", "SOON")
                        .put("gender", 7));
            }
        });

        String answer = given().contentType(ContentType.JSON)
                .body(json)
                .post("/api/plans")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("errors", hasSize(101))
                .body("errors[100].path", equalTo("$"))
                .body("errors[100].message", equalTo("and 9900 more"))
                .extract()
                .asString();
        assertThat(answer.length()).isLessThan(20_000);
    }

    @Test
    void queryParametersAreWholeNumbersNamedWhenWrong() {
        given().contentType(ContentType.JSON)
                .body(ProblemFixtures.VALID)
                .queryParam("seconds", "1e3")
                .post("/api/plans")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("errors[0].path", equalTo("seconds"))
                .body("errors[0].message", equalTo("must be a whole number from 1 to 2147483647, got '1e3'"));
        // Only a minimum declared: past an int, the message names the int's maximum, not just the minimum.
        given().contentType(ContentType.JSON)
                .body(ProblemFixtures.VALID)
                .queryParam("seconds", "99999999999")
                .post("/api/plans")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("seconds"))
                .body("errors[0].message", equalTo("must be a whole number from 1 to 2147483647, got 99999999999"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .queryParam("limit", "many")
                .post("/api/match")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("limit"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .queryParam("limit", 1001)
                .post("/api/emergency")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("limit"))
                .body("errors[0].message", equalTo("must be a whole number from 1 to 1000, got 1001"));
    }

    @Test
    void unknownRoutesAndMethodsAnswerJsonOrAnErrorPage() {
        // A page path needs a signed-in user first (else: the sign-in page); then it is the web app's 404 page.
        given().auth()
                .none()
                .redirects()
                .follow(false)
                .get("/no/such/route")
                .then()
                .statusCode(302);
        TestAccounts.as(TestAccounts.DIRECTOR)
                .get("/no/such/route")
                .then()
                .statusCode(404)
                .contentType(ContentType.HTML)
                .body(containsString("Page not found"));
        given().get("/api/no-such-resource").then().statusCode(404).contentType(ContentType.JSON);
        given().put("/api/plans")
                .then()
                .statusCode(405)
                .contentType(ContentType.JSON)
                .body("errors[0].path", equalTo("$"));
    }

    @Test
    void noMessageNamesAJavaClass() {
        for (String body : List.of(
                "[]",
                "null",
                "{\"schemaVersion\": \"1\"}",
                "{\"providers\": {}}",
                "\"text\"",
                "1e999",
                "[".repeat(1_200) + "]".repeat(1_200))) {
            String answer = given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/plans")
                    .then()
                    .statusCode(400)
                    .contentType(ContentType.JSON)
                    .extract()
                    .asString();
            // Nor a Java method or setting (Jackson's limits name e.g. StreamReadConstraints.getMaxNestingDepth()).
            assertThat(answer).doesNotContainPattern("java\\.|jakarta\\.|Exception|com\\.fasterxml|\\w\\(\\)");
        }
    }
}
