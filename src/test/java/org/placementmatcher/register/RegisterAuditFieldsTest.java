package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Audit entries record the fields that changed and their new values (contract section 6), not whole records. */
@QuarkusTest
class RegisterAuditFieldsTest {

    private static final String BASE = "/api/register/RA-FIELDS";

    @Inject
    Database db;

    @Test
    void anUpdateRecordsExactlyTheChangedFieldsAnAdditionItsFieldsARemovalNone() {
        RegisterResourceTest.put("RA-FIELDS", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "RA-FIELDS"));
        given().contentType(ContentType.JSON)
                .body("{\"dateOfBirth\": \"2014-02-01\", \"urgency\": \"PLANNED\", \"gender\": \"FEMALE\"}")
                .patch(BASE + "/children/C3")
                .then()
                .statusCode(200);
        given().contentType("application/merge-patch+json")
                .body("{\"needs\": null}")
                .patch(BASE + "/children/C3")
                .then()
                .statusCode(200);
        // A whole record put back with one field different: only that field is recorded.
        Map<String, Object> c1 =
                given().get(BASE + "/children/C1").then().extract().jsonPath().getMap("");
        c1.put("urgency", "URGENT");
        given().contentType(ContentType.JSON)
                .body(c1)
                .put(BASE + "/children/C1")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"dateOfBirth\": \"2013-03-03\", \"gender\": \"MALE\", \"home\": {\"lat\": 52.0, \"lon\": 0.0},"
                        + " \"urgency\": \"PLANNED\"}")
                .put(BASE + "/children/C7")
                .then()
                .statusCode(201);
        given().delete(BASE + "/children/C7").then().statusCode(204);

        JsonPath c3 = audit("C3");
        assertThat(c3.getList("action")).containsExactly("CHILD_ADDED", "CHILD_CHANGED", "CHILD_CHANGED");
        // gender was FEMALE already: not a change.
        assertThat(c3.getMap("[1].detail.fields"))
                .containsOnly(Map.entry("dateOfBirth", "2014-02-01"), Map.entry("urgency", "PLANNED"));
        assertThat(c3.getMap("[2].detail.fields")).containsOnlyKeys("needs").containsEntry("needs", null);
        assertThat(c3.getString("[2].detail.via")).isEqualTo("PATCH child");
        assertThat(c3.getMap("[1].detail")).doesNotContainKeys("record", "changedFields");
        assertThat(audit("C1").getMap("[-1].detail.fields")).containsOnly(Map.entry("urgency", "URGENT"));

        JsonPath c7 = audit("C7");
        assertThat(c7.getList("action")).containsExactly("CHILD_ADDED", "CHILD_REMOVED");
        assertThat(c7.getMap("[0].detail.fields"))
                .containsOnlyKeys("id", "dateOfBirth", "gender", "home", "urgency")
                .containsEntry("dateOfBirth", "2013-03-03");
        assertThat(c7.getMap("[1].detail")).containsOnlyKeys("via", "registerVersion");
        assertThat(c7.getString("[1].childId")).isEqualTo("C7");
    }

    @Test
    void quarkusRanTheJavaMigrationFive() {
        int applied = db.transaction(c -> {
            try (Statement select = c.createStatement();
                    ResultSet rs = select.executeQuery("SELECT COUNT(*) FROM flyway_schema_history"
                            + " WHERE version = '5' AND type = 'JDBC' AND success")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(applied).isEqualTo(1);
    }

    private static JsonPath audit(String child) {
        return given().get(BASE + "/children/" + child + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
