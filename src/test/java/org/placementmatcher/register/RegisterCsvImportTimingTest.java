package org.placementmatcher.register;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.placementmatcher.contract.ProblemFixtures;

/**
 * A harness, not a test: times a CSV import of many providers through the REST endpoint. Off unless asked for:
 * {@code ./mvnw test -Dtest=RegisterCsvImportTimingTest -Dcsv.timing.rows=100000}. Prints the seconds taken by
 * an import into a small register, and by the same rows again (every row replaces itself, nothing changes),
 * on a cold JVM and then on a warm one.
 */
@QuarkusTest
@TestProfile(RegisterCsvImportTimingTest.LargeBodies.class)
@EnabledIfSystemProperty(named = "csv.timing.rows", matches = "\\d+")
class RegisterCsvImportTimingTest {

    /** The tests' small body limit lifted: 100,000 rows are some 6 MB. */
    public static class LargeBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "256M", "quarkus.http.test-timeout", "10m");
        }
    }

    @Test
    void timeACsvImportThroughTheEndpoint() {
        int rows = Integer.getInteger("csv.timing.rows");
        // Twice, into two authorities: the first import runs on a cold JVM, the second on a warm one.
        for (String authority : new String[] {"RT-TIMING-1", "RT-TIMING-2"}) {
            given().contentType(ContentType.JSON)
                    .body(RegisterFixtures.forAuthority(ProblemFixtures.handScored(), authority))
                    .put("/api/register/" + authority)
                    .then()
                    .statusCode(200);
            String csv = RegisterFixtures.providerRows(rows, authority);
            time(rows, authority + ", new rows", csv, authority, "upsert");
            time(rows, authority + ", the same rows again", csv, authority, "upsert");
        }
    }

    private static void time(int rows, String what, String csv, String authority, String mode) {
        long start = System.nanoTime();
        given().contentType("text/csv")
                .body(csv)
                .queryParam("mode", mode)
                .post("/api/register/" + authority + "/providers/csv")
                .then()
                .statusCode(200);
        System.out.printf(
                "CSV import timing: %d provider rows, %s (%s): %.1f s%n",
                rows, what, mode, (System.nanoTime() - start) / 1e9);
    }
}
