package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.TextRules;

/**
 * Section 10: ids and codes of {@value TextRules#MAX_CODE_LENGTH} characters and free text of
 * {@value TextRules#MAX_FREE_TEXT_LENGTH} pass validation, so the database must hold them and give them back
 * exactly, non-ASCII letters and letters outside the Basic Multilingual Plane (one character each) included.
 * Named Register* so that the CI runs it against PostgreSQL too.
 */
@QuarkusTest
class RegisterStorageWidthsTest {

    @Inject
    RegisterService register;

    /** The longest authority a register path takes. */
    static final int PATH_AUTHORITY_LENGTH = 100;

    /** An actor at the limit (ASCII, as usernames come from HTTP headers). */
    static final String ACTOR = "ACTOR-" + "x".repeat(94);

    /** Exactly {@code characters} code points: the prefix, then "é😀" repeated (the emoji is a surrogate pair). */
    static String longText(String prefix, int characters) {
        StringBuilder text = new StringBuilder(prefix);
        for (int i = 0; text.codePointCount(0, text.length()) < characters; i++) {
            text.append(i % 2 == 0 ? "é" : "😀");
        }
        assertThat(TextRules.problem(text.toString(), characters)).isNull();
        assertThat(TextRules.problem(text + "x", characters)).isNotNull();
        return text.toString();
    }

    /** A JSON object's fields in order (Map.of stops at ten). */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    static String code(String prefix) {
        return longText(prefix, TextRules.MAX_CODE_LENGTH);
    }

    @Test
    void idsCodesAndReasonsAtTheContractsLimitsReadBackExactly() throws Exception {
        // The register's own authority is also a path segment, of letters, digits, '_', '-' or '.' (RegisterService).
        String authority = "SW-" + "a".repeat(PATH_AUTHORITY_LENGTH - 3);
        String provider = code("P-");
        String otherAuthority = code("LA-");
        String child = code("C-");
        String need = code("NEED-");
        String language = code("LANG-");
        String religion = code("REL-");
        String siblingGroup = code("SG-");
        Map<String, Object> problem = fields(
                "schemaVersion",
                1,
                "name",
                code("NAME-"),
                "referenceDate",
                "2026-11-22",
                "homeAuthority",
                authority,
                "adjoiningAuthorities",
                List.of(otherAuthority),
                "providers",
                List.of(
                        fields(
                                "id",
                                provider,
                                "type",
                                "IN_HOUSE_FOSTER",
                                "localAuthority",
                                authority,
                                "location",
                                Map.of("lat", 52.0, "lon", 0.0),
                                "places",
                                2,
                                "ageMin",
                                0,
                                "ageMax",
                                17,
                                "weeklyCost",
                                500,
                                "capabilities",
                                List.of(need),
                                "languages",
                                List.of(language),
                                "religion",
                                religion),
                        fields(
                                "id",
                                code("Q-"),
                                "type",
                                "IFA_FOSTER",
                                "localAuthority",
                                otherAuthority,
                                "location",
                                Map.of("lat", 52.0, "lon", 0.0),
                                "places",
                                1,
                                "ageMin",
                                0,
                                "ageMax",
                                17,
                                "weeklyCost",
                                900)),
                "children",
                List.of(fields(
                        "id",
                        child,
                        "dateOfBirth",
                        "2015-01-01",
                        "gender",
                        "FEMALE",
                        "home",
                        Map.of("lat", 52.0, "lon", 0.0),
                        "urgency",
                        "PLANNED",
                        "siblingGroup",
                        siblingGroup,
                        "needs",
                        List.of(need),
                        "languages",
                        List.of(language),
                        "religion",
                        religion)));
        String json = ContractJson.mapper().writeValueAsString(problem);

        given().contentType(ContentType.JSON)
                .body(json)
                .put("/api/register/{authority}", authority)
                .then()
                .statusCode(200)
                .body("authority", equalTo(authority));

        assertThat(RegisterFixtures.problem(given().get("/api/register/{authority}", authority)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()))
                .isEqualTo(RegisterFixtures.problem(json));

        String reason = longText("moved because ", TextRules.MAX_FREE_TEXT_LENGTH);
        // The actor is the signed-in user's name now; an actor at the limit is recorded through the service.
        register.apply(
                authority,
                ACTOR,
                new RegisterChange.StartPlacement(
                        child, provider, null, Map.of("startDate", "2026-11-23", "reason", reason)));
        given().get("/api/register/{authority}/children/{child}", authority, child)
                .then()
                .statusCode(200)
                .body("currentPlacement", equalTo(provider));
        JsonPath audit = given().get("/api/register/{authority}/children/{child}/audit", authority, child)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(audit.getString("[-1].action")).isEqualTo("PLACEMENT_STARTED");
        assertThat(audit.getString("[-1].authority")).isEqualTo(authority);
        assertThat(audit.getString("[-1].providerId")).isEqualTo(provider);
        assertThat(audit.getString("[-1].detail.reason")).isEqualTo(reason);
        assertThat(audit.getString("[-1].actor")).isEqualTo(ACTOR);
    }

    @Test
    void anAuthorityPastTheLimitInThePathIsAJsonAnswerNeverAServerError() {
        String tooLong = "SW-" + "a".repeat(TextRules.MAX_CODE_LENGTH - 2);
        int read = given().get("/api/register/{authority}", tooLong)
                .then()
                .contentType(ContentType.JSON)
                .extract()
                .statusCode();
        assertThat(read).isIn(400, 404);
        int write = given().contentType(ContentType.JSON)
                .body(RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, tooLong))
                .put("/api/register/{authority}", tooLong)
                .then()
                .contentType(ContentType.JSON)
                .extract()
                .statusCode();
        assertThat(write).isEqualTo(400);
    }
}
