package org.placementmatcher.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.data.ssda903.Ssda903Fixtures;
import org.placementmatcher.security.TestAccounts.TestAccount;

/**
 * The permission table of contract section 6, proved for EVERY endpoint of the OpenAPI document (a new endpoint
 * without a row here fails the test, as does a row whose endpoint is gone): without credentials 401; for each
 * test account, the table's answer: allowed (neither 401 nor 403), or 403 with the JSON error body and nothing
 * changed (the register's version, its audit log and its runs as before); and a user of another authority gets
 * exactly the 404 of a missing register, for a plan the 404 of an unknown one.
 * <p>
 * {@code /q/*} is not a REST endpoint of the document (health stays open; metrics, OpenAPI and Swagger UI are
 * closed to ADMIN by configuration, tested with the observability). The sign-in pages are not in the document;
 * SignInTest tests them.
 */
@QuarkusTest
class EndpointPermissionsTest {

    static final String AUTHORITY = "EP-PERM";
    private static final String PROBLEM = ProblemFixtures.VALID.replace("\"E1\"", "\"" + AUTHORITY + "\"");

    /** The least role of every endpoint, "METHOD path" as the OpenAPI document names it. */
    static final Map<String, Role> LEAST_ROLE = Map.ofEntries(
            Map.entry("GET /api/register", Role.VIEWER),
            Map.entry("PUT /api/register/{authority}", Role.OFFICER),
            Map.entry("GET /api/register/{authority}", Role.VIEWER),
            Map.entry("GET /api/register/{authority}/providers", Role.VIEWER),
            Map.entry("GET /api/register/{authority}/children", Role.VIEWER),
            Map.entry("GET /api/register/{authority}/providers/{id}", Role.VIEWER),
            Map.entry("GET /api/register/{authority}/children/{id}", Role.VIEWER),
            Map.entry("PUT /api/register/{authority}/providers/{id}", Role.OFFICER),
            Map.entry("PUT /api/register/{authority}/children/{id}", Role.OFFICER),
            Map.entry("PATCH /api/register/{authority}/providers/{id}", Role.OFFICER),
            Map.entry("PATCH /api/register/{authority}/children/{id}", Role.OFFICER),
            Map.entry("DELETE /api/register/{authority}/providers/{id}", Role.OFFICER),
            Map.entry("DELETE /api/register/{authority}/children/{id}", Role.OFFICER),
            Map.entry("POST /api/register/{authority}/children/{id}/placement/start", Role.OFFICER),
            Map.entry("POST /api/register/{authority}/children/{id}/placement/end", Role.OFFICER),
            Map.entry("POST /api/register/{authority}/providers/csv", Role.OFFICER),
            Map.entry("POST /api/register/{authority}/children/csv", Role.OFFICER),
            Map.entry("POST /api/register/{authority}/import/ssda903", Role.OFFICER),
            Map.entry("POST /api/register/{authority}/import/ofsted", Role.OFFICER),
            Map.entry("GET /api/register/{authority}/children/{id}/audit", Role.VIEWER),
            Map.entry("GET /api/register/{authority}/providers/{id}/audit", Role.VIEWER),
            Map.entry("GET /api/register/{authority}/audit", Role.VIEWER),
            Map.entry("GET /api/register/{authority}/access-log", Role.DIRECTOR),
            Map.entry("POST /api/register/{authority}/match", Role.OFFICER),
            Map.entry("POST /api/register/{authority}/emergency", Role.OFFICER),
            Map.entry("POST /api/register/{authority}/runs", Role.OFFICER),
            Map.entry("GET /api/register/{authority}/runs", Role.VIEWER),
            Map.entry("GET /api/register/{authority}/runs/{id}", Role.VIEWER),
            Map.entry("GET /api/register/{authority}/runs/{id}/snapshot", Role.VIEWER),
            Map.entry("GET /api/register/{authority}/runs/{id}/analysis", Role.VIEWER),
            Map.entry("GET /api/register/{authority}/runs/{id}/audit", Role.VIEWER),
            Map.entry("POST /api/register/{authority}/runs/{id}/restart", Role.OFFICER),
            Map.entry("DELETE /api/register/{authority}/runs/{id}", Role.OFFICER),
            // The least role; accepting some changes needs more (security.ApprovalPolicy, RunDecisionApprovalTest).
            Map.entry("POST /api/register/{authority}/runs/{id}/decisions", Role.MANAGER),
            Map.entry("POST /api/plans", Role.OFFICER),
            Map.entry("GET /api/plans/{id}", Role.VIEWER),
            Map.entry("GET /api/plans/{id}/analysis", Role.VIEWER),
            Map.entry("DELETE /api/plans/{id}", Role.OFFICER),
            Map.entry("POST /api/match", Role.OFFICER),
            Map.entry("POST /api/emergency", Role.OFFICER),
            Map.entry("POST /api/scenarios", Role.OFFICER),
            Map.entry("GET /api/scenarios/{id}", Role.VIEWER),
            Map.entry("DELETE /api/scenarios/{id}", Role.OFFICER),
            Map.entry("POST /api/register/{authority}/scenarios", Role.OFFICER),
            Map.entry("POST /api/sufficiency", Role.OFFICER),
            Map.entry("GET /api/sufficiency/{id}", Role.VIEWER),
            Map.entry("GET /api/sufficiency/{id}/segments.csv", Role.VIEWER),
            Map.entry("GET /api/sufficiency/{id}/unmet-need.csv", Role.VIEWER),
            Map.entry("DELETE /api/sufficiency/{id}", Role.OFFICER),
            Map.entry("POST /api/register/{authority}/sufficiency", Role.OFFICER),
            Map.entry("GET /api/admin/users", Role.ADMIN),
            Map.entry("POST /api/admin/users", Role.ADMIN),
            Map.entry("GET /api/admin/users/{username}", Role.ADMIN),
            Map.entry("GET /api/admin/users/{username}/audit", Role.ADMIN),
            Map.entry("PATCH /api/admin/users/{username}", Role.ADMIN),
            Map.entry("DELETE /api/admin/users/{username}", Role.ADMIN),
            Map.entry("POST /api/admin/overnight", Role.ADMIN));

    record Call(String method, String template) {
        String key() {
            return method + " " + template;
        }

        /** Paths of one authority's register, and in-memory plans: seen only within the authority. */
        boolean scoped() {
            return template.contains("{authority}") || template.startsWith("/api/plans/{id}");
        }
    }

    /** What a register (its version, audit log and runs) looks like, to see that a refusal changed nothing. */
    record State(String version, int auditEntries, int runs) {
        static State now() {
            return new State(
                    given().get("/api/register/" + AUTHORITY).then().extract().header("X-Register-Version"),
                    given().get("/api/register/" + AUTHORITY + "/audit?limit=10000")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("$")
                            .size(),
                    given().get("/api/register/" + AUTHORITY + "/runs?limit=10000")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("$")
                            .size());
        }
    }

    /** Every operation of the OpenAPI document (read as ADMIN, who alone may once it is closed). */
    static List<Call> endpoints() {
        JsonPath doc = TestAccounts.as(TestAccounts.ADMIN)
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Call> calls = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> {
            if (path.startsWith("/q/")) {
                return;
            }
            for (String method : operations.keySet()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options")
                        .contains(method)) {
                    calls.add(new Call(method.toUpperCase(java.util.Locale.ROOT), path));
                }
            }
        });
        calls.sort(Comparator.comparing(Call::key));
        return calls;
    }

    @Test
    void everyEndpointAnswersAnonymousCallsAndEachTestAccountAsThePermissionTableSays() throws Exception {
        List<Call> calls = endpoints();
        Set<String> documented = new TreeSet<>();
        calls.forEach(call -> documented.add(call.key()));
        assertThat(documented)
                .as("every endpoint has a row in LEAST_ROLE, and every row an endpoint")
                .isEqualTo(new TreeSet<>(LEAST_ROLE.keySet()));

        putRegister();
        String runId = doneRun();
        String planId = plan();
        SoftAssertions soft = new SoftAssertions();
        for (Call call : calls) {
            // Runs started by an earlier endpoint's calls audit their end: wait for it, not to take it for a change.
            awaitRunsFinished();
            putRegister();
            String path = path(call, runId, planId);

            Response anonymous = send(given().auth().none(), call, path);
            soft.assertThat(anonymous.statusCode())
                    .as(call.key() + " without credentials")
                    .isEqualTo(401);
            soft.assertThat(anonymous.contentType())
                    .as(call.key() + " 401 body")
                    .startsWith("application/json");
            soft.assertThat(anonymous.jsonPath().getString("errors[0].message"))
                    .as(call.key() + " 401 body")
                    .isNotBlank();

            List<String> accounts = new ArrayList<>(
                    TestAccounts.ALL.stream().map(TestAccount::username).toList());
            // Refusals first, while the register is as put: a wrongly allowed change would show.
            accounts.sort(
                    Comparator.comparing((String a) -> expected(a, call) == 0).thenComparing(a -> a));
            for (String account : accounts) {
                int expected = expected(account, call);
                State before = expected == 0 ? null : State.now();
                Response answer = send(TestAccounts.as(account), call, path);
                String as = call.key() + " as " + account;
                if (expected == 0) {
                    soft.assertThat(answer.statusCode())
                            .as(as)
                            .isNotIn(401, 403)
                            .isLessThan(500);
                    if (answer.statusCode() == 404 && call.template().contains("{authority}")) {
                        soft.assertThat(answer.asString())
                                .as(as + ": the register is there for a user who holds it")
                                .doesNotContain("no register for authority");
                    }
                    continue;
                }
                soft.assertThat(answer.statusCode()).as(as).isEqualTo(expected);
                soft.assertThat(answer.contentType()).as(as).startsWith("application/json");
                soft.assertThat(answer.jsonPath().getString("errors[0].message"))
                        .as(as)
                        .isNotBlank();
                if (expected == 404 && call.template().contains("{authority}")) {
                    soft.assertThat(answer.jsonPath().getString("errors[0].message"))
                            .as(as + ": the answer of a missing register")
                            .isEqualTo("no register for authority " + AUTHORITY + ": import one with PUT /api/register/"
                                    + AUTHORITY);
                }
                soft.assertThat(State.now()).as(as + ": nothing changed").isEqualTo(before);
            }
        }
        soft.assertAll();
    }

    /** 401, 403, 404, or 0 for allowed. */
    static int expected(String username, Call call) {
        TestAccount account = TestAccounts.named(username);
        if (!account.role().withIncluded().contains(LEAST_ROLE.get(call.key()))) {
            return 403;
        }
        boolean holds = account.authorities().contains(Role.ANY_AUTHORITY)
                || account.authorities().contains(AUTHORITY);
        return call.scoped() && !holds ? 404 : 0;
    }

    private static String path(Call call, String runId, String planId) {
        String template = call.template().replace("{authority}", AUTHORITY);
        String id = template.startsWith("/api/plans/")
                ? planId
                : template.contains("/runs/") ? runId : template.contains("/providers/") ? "P1" : "C1";
        // No such user: an allowed call finds nobody (404) rather than changing a test account.
        return template.replace("{id}", id).replace("{username}", "no-such-user");
    }

    /** A request that, where the endpoint changes something, would change it if wrongly allowed. */
    private static Response send(RequestSpecification request, Call call, String path) {
        String key = call.key();
        String body = null;
        String type = ContentType.JSON.toString();
        if (key.equals("PUT /api/register/{authority}")) {
            body = PROBLEM;
        } else if (key.equals("PUT /api/register/{authority}/providers/{id}")) {
            body = "{\"id\": \"P1\", \"type\": \"IN_HOUSE_FOSTER\", \"localAuthority\": \"" + AUTHORITY + "\", "
                    + "\"location\": {\"lat\": 52.0, \"lon\": 0.1}, \"places\": 3, \"ageMin\": 0, \"ageMax\": 17, "
                    + "\"weeklyCost\": 450}";
        } else if (key.equals("PUT /api/register/{authority}/children/{id}")) {
            body = "{\"dateOfBirth\": \"2015-01-01\", \"gender\": \"MALE\", \"home\": {\"lat\": 52.0, \"lon\": 0.1},"
                    + " \"urgency\": \"PLANNED\"}";
        } else if (key.startsWith("PATCH ")) {
            type = "application/merge-patch+json";
            body = key.contains("/providers/") ? "{\"weeklyCost\": 460}" : "{\"needs\": [\"MEDICAL\"]}";
        } else if (key.endsWith("/placement/start")) {
            body = "{\"providerId\": \"P2\", \"reason\": \"permission test\"}";
        } else if (key.endsWith("/placement/end")) {
            body = "{\"reason\": \"permission test\"}";
        } else if (key.endsWith("/providers/csv")) {
            type = "text/csv";
            body = "id,type,localAuthority,lat,lon,places,ageMin,ageMax,weeklyCost,capabilities\n"
                    + "P-9,IN_HOUSE_FOSTER," + AUTHORITY + ",52.0,0.1,1,0,17,400,\n";
        } else if (key.endsWith("/import/ofsted")) {
            type = "text/csv";
            body = "URN,Provider type,Registration status\nSC000001,Independent fostering agency,Active\n";
        } else if (key.endsWith("/children/csv")) {
            type = "text/csv";
            body = "id\n";
        } else if (key.endsWith("/import/ssda903")) {
            request = request.queryParam("referenceDate", "2026-11-22");
            for (String[] part : new String[][] {
                {"header", Ssda903Fixtures.HEADER},
                {"episodes", Ssda903Fixtures.EPISODES},
                {"uasc", Ssda903Fixtures.UASC}
            }) {
                request = request.multiPart(
                        part[0],
                        part[0] + ".csv",
                        part[1].getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "text/csv");
            }
        } else if (key.endsWith("/{authority}/match") || key.endsWith("/{authority}/emergency")) {
            body = "{\"childIds\": [\"C2\"]}";
        } else if (key.endsWith("/decisions")) {
            body = "{\"childId\": \"C1\", \"decision\": \"REJECT\", \"reason\": \"permission test\"}";
        } else if (key.equals("POST /api/plans")
                || key.equals("POST /api/match")
                || key.equals("POST /api/emergency")) {
            // Nothing of a register to change: an empty object (400 when allowed) keeps solvers free.
            body = "{}";
        }
        if (key.equals("POST /api/register/{authority}/runs")) {
            request = request.queryParam("seconds", 1);
        }
        if (key.equals("POST /api/admin/overnight")) {
            // This register's only: the other test classes' registers are left alone.
            request = request.queryParam("seconds", 1).queryParam("authority", AUTHORITY);
        }
        if (body != null) {
            request = request.contentType(type).body(body);
        }
        return request.request(call.method(), path).then().extract().response();
    }

    private static void putRegister() {
        given().contentType(ContentType.JSON)
                .body(PROBLEM)
                .put("/api/register/" + AUTHORITY)
                .then()
                .statusCode(200);
    }

    private static void awaitRunsFinished() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end
                && given()
                        .get("/api/register/" + AUTHORITY + "/runs?limit=10000")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("status", String.class)
                        .stream()
                        .anyMatch(status -> status.equals("QUEUED") || status.equals("SOLVING"))) {
            Thread.sleep(100);
        }
    }

    private static String doneRun() throws InterruptedException {
        String id = given().queryParam("seconds", 1)
                .post("/api/register/" + AUTHORITY + "/runs")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            String status = given().get("/api/register/" + AUTHORITY + "/runs/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("status");
            if (!List.of("QUEUED", "SOLVING").contains(status)) {
                break;
            }
            Thread.sleep(100);
        }
        return id;
    }

    private static String plan() {
        return given().contentType(ContentType.JSON)
                .queryParam("seconds", 1)
                .body(ProblemFixtures.VALID)
                .post("/api/plans")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }
}
