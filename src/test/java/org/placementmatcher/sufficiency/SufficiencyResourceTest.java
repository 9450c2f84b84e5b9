package org.placementmatcher.sufficiency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SufficiencyResourceTest {

    private static String start(String path, String body, Object seconds) {
        var request = given().contentType(ContentType.JSON).queryParam("seconds", seconds);
        if (body != null) {
            request = request.body(body);
        }
        return request.when()
                .post(path)
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/sufficiency/"))
                .body("id", notNullValue())
                .extract()
                .path("id");
    }

    private static JsonPath waitUntilDone(String id) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonPath view = given().get("/api/sufficiency/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (!view.getString("status").equals("QUEUED")
                            && !view.getString("status").equals("SOLVING")
                    || System.nanoTime() > end) {
                return view;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void reportsThePlanEveryProvidersValueSegmentsAndUnmetNeedAlsoAsCsv() throws Exception {
        String id = start("/api/sufficiency", SufficiencyFixtures.ONE_CHILD_OUT_OF_AREA, 1);

        JsonPath view = waitUntilDone(id);

        assertThat(view.getString("status")).isEqualTo("DONE");
        assertThat(view.getString("id")).isEqualTo(id);
        assertThat(view.getString("report.plan.score")).isEqualTo("0hard/0medium/-450soft");
        assertThat(view.getList("report.placeValues.providerId")).containsExactly("P1", "P2", "P3");
        assertThat(view.getLong("report.placeValues[0].soft")).isEqualTo(250);
        assertThat(view.getDouble("report.placeValues[0].weeklyValue")).isEqualTo(250.0);
        assertThat(view.getLong("report.placeValues[1].soft")).isZero();
        assertThat(view.getString("report.segments[0].reason"))
                .isEqualTo("1 teenager aged 11-15 now placed out of area");
        assertThat(view.getInt("report.unmetNeed[0].outOfArea")).isEqualTo(1);

        String segments = given().get("/api/sufficiency/" + id + "/segments.csv")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        assertThat(segments.lines().findFirst().orElseThrow())
                .isEqualTo("providerType,inHomeAuthority,ageBand,needsMet,providers,medium,soft,weeklyValue,"
                        + "childrenBenefiting,reason");
        assertThat(segments)
                .contains(
                        "IN_HOUSE_FOSTER,true,0-4,none,2,0,250,250.0,1,\"1 teenager aged 11-15 now placed out of area\"");
        String unmet = given().get("/api/sufficiency/" + id + "/unmet-need.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(unmet.lines().toList())
                .containsExactly(
                        "ageBand,needs,siblingGroupSize,urgency,children,unplaced,outOfArea,over20Miles,residential,weeklyCost",
                        "11-15,none,1,PLANNED,1,0,1,0,0,100.0");
    }

    @Test
    void aRegistersReportRestsOnItsCurrentState() throws Exception {
        String problem = SufficiencyFixtures.ONE_CHILD_WAITING.replace("\"E1\"", "\"SUFF-REG\"");
        given().contentType(ContentType.JSON)
                .body(problem)
                .put("/api/register/SUFF-REG")
                .then()
                .statusCode(200);

        JsonPath view = waitUntilDone(start("/api/register/SUFF-REG/sufficiency", null, 1));

        assertThat(view.getString("status")).isEqualTo("DONE");
        assertThat(view.getString("report.plan.score")).isEqualTo("0hard/-3medium/-100soft");
        assertThat(view.getList("report.placeValues.providerId")).containsExactly("P1", "P2");
        assertThat(view.getLong("report.placeValues[0].medium")).isEqualTo(3);
    }

    @Test
    void anInvalidProblemIsRefusedWithItsJsonPathsAndNothingStarts() {
        String invalid = SufficiencyFixtures.ONE_CHILD_WAITING.replace("\"places\": 1", "\"places\": -1");
        given().contentType(ContentType.JSON)
                .body(invalid)
                .post("/api/sufficiency")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.providers[0].places"));
        given().contentType(ContentType.JSON)
                .body("{\"providers\": ")
                .post("/api/sufficiency")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$"));
    }

    @Test
    void aBadTimeLimitIsRefusedNamingSeconds() {
        for (String seconds : new String[] {"0", "601", "abc"}) {
            given().contentType(ContentType.JSON)
                    .body(SufficiencyFixtures.ONE_CHILD_WAITING)
                    .queryParam("seconds", seconds)
                    .post("/api/sufficiency")
                    .then()
                    .statusCode(400)
                    .body("errors[0].path", equalTo("seconds"));
        }
        given().queryParam("seconds", "0")
                .post("/api/register/SUFF-ANY/sufficiency")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("seconds"));
    }

    @Test
    void unknownReportsAndRegistersAre404AndCsvWaitsForTheReport() {
        given().get("/api/sufficiency/no-such-id").then().statusCode(404).body("errors[0].path", equalTo("$"));
        given().get("/api/sufficiency/no-such-id/segments.csv").then().statusCode(404);
        given().post("/api/register/NO-SUCH-REGISTER/sufficiency").then().statusCode(404);

        String id = start("/api/sufficiency", SufficiencyFixtures.ONE_CHILD_WAITING, 600);
        given().delete("/api/sufficiency/" + id).then().statusCode(200).body("id", equalTo(id));
        JsonPath stopped =
                given().get("/api/sufficiency/" + id).then().extract().jsonPath();
        if (!stopped.getString("status").equals("DONE")) {
            given().get("/api/sufficiency/" + id + "/unmet-need.csv")
                    .then()
                    .statusCode(409)
                    .body("errors[0].message", startsWith("the report is not ready yet"));
        }
    }
}
