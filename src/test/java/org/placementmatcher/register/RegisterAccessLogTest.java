package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.placementmatcher.security.TestAccounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The access log (contract section 6): reads of one child's record, of a child's audit, and of a run's plan,
 * snapshot and analysis are recorded with their kind and the child or run; so are reads of many children at
 * once (the register, its children, its audit, a provider's audit); reads that fail are not; the log pages
 * newest first.
 */
@QuarkusTest
class RegisterAccessLogTest {

    private static final String AUTHORITY = "RA-ACCESS";
    private static final String BASE = "/api/register/" + AUTHORITY;

    @Test
    void readsAreRecordedWithKindAndChildOrRunFailedReadsAreNotAndTheLogPagesNewestFirst() throws Exception {
        RegisterResourceTest.put(AUTHORITY, RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, AUTHORITY));
        String run = RunResourceTest.startRun(AUTHORITY, 1);
        RunResourceTest.waitUntilFinished(AUTHORITY, run, Duration.ofSeconds(60));
        Instant from = Instant.now().minusSeconds(1);

        as("viewer").get(BASE + "/children/C1").then().statusCode(200);
        given().get(BASE + "/children/C2/audit").then().statusCode(200);
        given().get(BASE + "/runs/" + run).then().statusCode(200);
        given().get(BASE + "/runs/" + run + "/snapshot").then().statusCode(200);
        given().get(BASE + "/runs/" + run + "/analysis").then().statusCode(200);
        // Not found: nothing was read, nothing is recorded.
        given().get(BASE + "/children/NOPE").then().statusCode(404);
        given().get(BASE + "/children/NOPE/audit").then().statusCode(404);
        given().get(BASE + "/runs/no-such-run").then().statusCode(404);
        // A provider's own record holds no child's data: not recorded.
        given().get(BASE + "/providers/F1").then().statusCode(200);

        JsonPath newest = page(null, 5);
        assertThat(newest.getList("kind"))
                .containsExactly("RUN_ANALYSIS", "RUN_SNAPSHOT", "RUN_PLAN", "CHILD_AUDIT", "CHILD_RECORD");
        assertThat(newest.getList("runId")).containsExactly(run, run, run, null, null);
        assertThat(newest.getList("childId")).containsExactly(null, null, null, "C2", "C1");
        assertThat(newest.getList("authority")).containsOnly(AUTHORITY);
        // Who read it: the authenticated user, whoever it was.
        assertThat(newest.getList("username"))
                .containsExactly("director", "director", "director", "director", "viewer");
        for (String at : newest.<String>getList("accessedAt")) {
            assertThat(Instant.parse(at)).isAfter(from);
        }

        // Paging: after = the last seq seen gives the older entries, without overlap, down to the run's polls.
        List<Long> seqs = new ArrayList<>();
        Long after = null;
        for (int i = 0; i < 3; i++) {
            JsonPath page = page(after, 2);
            List<Long> pageSeqs = page.getList("seq", Long.class);
            assertThat(pageSeqs).hasSize(2).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            seqs.addAll(pageSeqs);
            after = pageSeqs.getLast();
        }
        assertThat(seqs).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(seqs.subList(0, 5)).isEqualTo(newest.getList("seq", Long.class));
        Map<String, Object> poll = page(seqs.get(4), 1).getMap("[0]");
        assertThat(poll).containsEntry("kind", "RUN_PLAN").containsEntry("runId", run);
    }

    @Test
    void readsOfManyChildrenAtOnceAreRecordedToo() {
        String base = "/api/register/RA-ACCESS3";
        RegisterResourceTest.put("RA-ACCESS3", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "RA-ACCESS3"));
        given().get(base).then().statusCode(200);
        given().get(base + "/children").then().statusCode(200);
        given().get(base + "/audit").then().statusCode(200);
        as("viewer").get(base + "/providers/F1/audit").then().statusCode(200);
        given().get(base + "/providers").then().statusCode(200);

        JsonPath newest = given().queryParam("limit", 10)
                .get(base + "/access-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(newest.getList("kind"))
                .containsExactly("PROVIDER_AUDIT", "WHOLE_AUDIT", "ALL_CHILDREN", "WHOLE_REGISTER");
        assertThat(newest.getList("username")).containsExactly("viewer", "director", "director", "director");
        assertThat(newest.getList("childId")).containsOnlyNulls();
        assertThat(newest.getList("runId")).containsOnlyNulls();
    }

    @Test
    void theLogOfAnUnknownAuthorityIs404AndBadPagingIsNamed() {
        given().get("/api/register/RA-NOWHERE/access-log").then().statusCode(404);
        RegisterResourceTest.put("RA-ACCESS2", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "RA-ACCESS2"));
        given().get("/api/register/RA-ACCESS2/access-log")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().queryParam("limit", 0)
                .get("/api/register/RA-ACCESS2/access-log")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("limit"));
        given().queryParam("after", "x")
                .get("/api/register/RA-ACCESS2/access-log")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("after"));
    }

    private static JsonPath page(Long after, int limit) {
        var request = given().queryParam("limit", limit);
        if (after != null) {
            request = request.queryParam("after", after);
        }
        return request.get(BASE + "/access-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
