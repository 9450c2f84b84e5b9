package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.placementmatcher.security.TestAccounts.COUNCIL_A_DIRECTOR;
import static org.placementmatcher.security.TestAccounts.as;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.security.TestAccounts;

/**
 * Which of a shared register's run's children a council's user sees is worked out from the run's snapshot once per
 * attempt of the run and per set of authorities, not on every view; once the snapshot is deleted, from the register.
 */
@QuarkusTest
class SharedRunSightTest {

    private static final String BASE = SharedRegisterTest.BASE;

    @Inject
    Database db;

    private static List<String> changesSeenByA(String path) {
        return as(COUNCIL_A_DIRECTOR)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("changes.childId", String.class);
    }

    @Test
    void aRunsSnapshotIsReadForACouncilOncePerAttemptAndTheRegisterOnceItIsDeleted() throws Exception {
        given().contentType(ContentType.JSON)
                .body(SharedRegisterTest.REGISTER)
                .put(BASE)
                .then()
                .statusCode(200);
        String id = RunResourceTest.startRun(SharedRegisterTest.SHARED, 2);
        JsonPath all = RunResourceTest.waitUntilFinished(SharedRegisterTest.SHARED, id, Duration.ofSeconds(60));
        assertThat(all.getList("changes.childId")).contains("A1", "C1");
        String path = BASE + "/runs/" + id;
        assertThat(changesSeenByA(path)).contains("A1").doesNotContain("C1");

        // The stored snapshot now says C1 is council A's: the sight worked out for this attempt still holds.
        ObjectNode snapshot = (ObjectNode)
                ContractJson.mapper().readTree(RunWorkerRacesTest.row(db, id).snapshotJson());
        snapshot.withArray("children").forEach(child -> {
            if (child.path("id").asText().equals("C1")) {
                ((ObjectNode) child).put("responsibleAuthority", "COUNCIL-A");
            }
        });
        RunWorkerRacesTest.setSnapshot(db, id, snapshot.toString());
        assertThat(changesSeenByA(path)).contains("A1").doesNotContain("C1");

        // Another attempt of the run reads its snapshot again.
        update("UPDATE plan_run SET attempts = attempts + 1 WHERE run_id = ?", id);
        assertThat(changesSeenByA(path)).contains("A1", "C1");

        // With the snapshot deleted under the retention policy, the register as it stands says C1 is council C's (the
        // decided changes stay, by their key fields).
        for (String childId : List.of("A1", "C1")) {
            as(TestAccounts.DIRECTOR)
                    .contentType(ContentType.JSON)
                    .body("{\"childId\": \"" + childId + "\", \"decision\": \"REJECT\", \"reason\": \"kept\"}")
                    .post(path + "/decisions")
                    .then()
                    .statusCode(200);
        }
        boolean deleted = db.transaction(c -> RunRetentionStore.deleteData(c, id, Instant.now()));
        assertThat(deleted).isTrue();
        assertThat(changesSeenByA(path)).contains("A1").doesNotContain("C1");
    }

    private void update(String sql, String id) {
        db.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                update.setString(1, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            return null;
        });
    }
}
