package org.placementmatcher.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.placementmatcher.security.TestAccounts.as;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;

/**
 * A small register whose run proposes a change of each approval level, leaves one child unplaced and places one
 * child away from its best single match; and the form posts of the pages' tests (session-less: HTTP Basic, with the
 * CSRF cookie and field of a page the user opened).
 */
final class RunFixtures {

    /**
     * C0 (a boy) and C1 (a girl) wait; both would do best alone at H0 (cheapest), but H1 takes girls only, so the plan
     * gives H0 to C0 and H1 to C1 (C1 is not at its best single match). CA needs a carer only XA (adjoining:
     * NOMINATED_OFFICER) offers, CD one only XD (at a distance: DIRECTOR) offers; CU's need nobody meets.
     */
    static final String REGISTER = """
            {"schemaVersion": 1, "name": "Runs pages", "referenceDate": "2026-11-22", "homeAuthority": "%s",
             "adjoiningAuthorities": ["E-ADJ"],
             "providers": [
               {"id": "H0", "type": "IN_HOUSE_FOSTER", "localAuthority": "%1$s", "location": {"lat": 52.0, "lon": 0.0},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 500},
               {"id": "H1", "type": "IN_HOUSE_FOSTER", "localAuthority": "%1$s", "location": {"lat": 52.0, "lon": 0.0},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 800, "acceptsGenders": ["FEMALE"]},
               {"id": "XA", "type": "IFA_FOSTER", "localAuthority": "E-ADJ", "location": {"lat": 52.0, "lon": 0.0},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 900, "capabilities": ["THERAPEUTIC"]},
               {"id": "XD", "type": "IFA_FOSTER", "localAuthority": "E-FAR", "location": {"lat": 52.0, "lon": 0.0},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 900, "capabilities": ["MEDICAL"]}
             ],
             "children": [
               {"id": "C0", "dateOfBirth": "2013-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "URGENT"},
               {"id": "C1", "dateOfBirth": "2013-06-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "URGENT"},
               {"id": "CA", "dateOfBirth": "2014-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "URGENT", "needs": ["THERAPEUTIC"]},
               {"id": "CD", "dateOfBirth": "2015-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "URGENT", "needs": ["MEDICAL"]},
               {"id": "CU", "dateOfBirth": "2012-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "PLANNED", "needs": ["SECURE_UNIT"]}
             ]}
            """;

    private RunFixtures() {}

    /** The register of this class's own authority (tests share one database). */
    static void register(String authority) {
        given().contentType(ContentType.JSON)
                .body(REGISTER.formatted(authority))
                .put("/api/register/" + authority)
                .then()
                .statusCode(200);
    }

    /** A run of the register, through the API, finished. */
    static String finishedRun(String authority) throws InterruptedException {
        String id = as("officer")
                .queryParam("seconds", 2)
                .post("/api/register/" + authority + "/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        waitUntilDone(authority, id);
        return id;
    }

    static void waitUntilDone(String authority, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            String status = given().get("/api/register/" + authority + "/runs/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("status");
            if (!List.of("QUEUED", "SOLVING").contains(status)) {
                assertThat(status).isEqualTo("DONE");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    /** Where the register places the child now (null: waiting). */
    static String placement(String authority, String childId) {
        return given().get("/api/register/" + authority + "/children/" + childId)
                .then()
                .statusCode(200)
                .extract()
                .path("currentPlacement");
    }

    /** A form post as the user, with the CSRF token of the page at {@code pagePath}. */
    static Response post(String user, String pagePath, String action, Object... fields) {
        var request = PageForms.form(user, pagePath).contentType(ContentType.URLENC);
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam((String) fields[i], fields[i + 1]);
        }
        return request.post(action);
    }
}
