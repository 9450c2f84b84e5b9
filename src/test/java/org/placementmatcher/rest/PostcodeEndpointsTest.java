package org.placementmatcher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.data.postcode.PostcodeDirectory;
import org.placementmatcher.data.postcode.ResolvedPostcode;

/**
 * docs/contract.md section 9 through every input path: a location given as {"postcode"} is resolved (200/202),
 * an unknown one is a 400 naming its path among the other problems and nothing is kept.
 */
@QuarkusTest
class PostcodeEndpointsTest {

    private static final ResolvedPostcode CB11AA =
            PostcodeDirectory.shipped().resolve("CB1 1AA").orElseThrow();

    private static ObjectNode postcode(String postcode) {
        return ContractJson.mapper().createObjectNode().put("postcode", postcode);
    }

    /** The fixture with P1 and C2's home given by postcode (P1 without its local authority). */
    private static String byPostcode(String providerPostcode, String homeAuthority) {
        return ProblemFixtures.edit(root -> {
            root.put("homeAuthority", homeAuthority);
            ProblemFixtures.provider(root, 0).remove("localAuthority");
            ProblemFixtures.provider(root, 0).set("location", postcode(providerPostcode));
            ProblemFixtures.child(root, 1).set("home", postcode("cb2 1tn"));
        });
    }

    private static String withBadPlaces(String json) {
        return json.replace("\"places\":1", "\"places\":-1");
    }

    private static String matchRequest(String problem) {
        return "{\"problem\": " + problem + ", \"childIds\": [\"C2\"]}";
    }

    @Test
    void plansAcceptPostcodesAndRefuseAnUnknownOneWithItsPath() {
        given().contentType(ContentType.JSON)
                .body(byPostcode("CB1 1AA", "E1"))
                .post("/api/plans")
                .then()
                .statusCode(202);
        given().contentType(ContentType.JSON)
                .body(withBadPlaces(byPostcode("ZZ9 9ZZ", "E1")))
                .post("/api/plans")
                .then()
                .statusCode(400)
                .body("errors.path", hasItems("$.providers[0].location.postcode", "$.providers[1].places"));
    }

    @Test
    void matchAndEmergencyAcceptPostcodesAndTheProviderTakesThePostcodesCounty() {
        // P1 in Cambridge, so in Cambridgeshire (E10000003): in area for a Cambridgeshire caseload.
        String planned = byPostcode("CB1 1AA", "E10000003").replace("\"EMERGENCY\"", "\"PLANNED\"");
        given().contentType(ContentType.JSON)
                .body(matchRequest(planned))
                .post("/api/match")
                .then()
                .statusCode(200)
                .body("options.find { it.providerId == 'P1' }.reasons", hasItem("in area"));
        given().contentType(ContentType.JSON)
                .body(matchRequest(byPostcode("ZZ9 9ZZ", "E10000003")))
                .post("/api/match")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.problem.providers[0].location.postcode"));
        given().contentType(ContentType.JSON)
                .body(matchRequest(byPostcode("CB1 1ZZ", "E10000003")))
                .post("/api/emergency")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.problem.providers[0].location.postcode"));
    }

    @Test
    void sufficiencyAndScenariosAcceptPostcodesAndNameAnUnknownOne() {
        given().contentType(ContentType.JSON)
                .body(byPostcode("CB1 1AA", "E1"))
                .queryParam("seconds", 1)
                .post("/api/sufficiency")
                .then()
                .statusCode(202);
        given().contentType(ContentType.JSON)
                .body(byPostcode("ZZ9 9ZZ", "E1"))
                .post("/api/sufficiency")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.providers[0].location.postcode"));
        String scenarios = "[{\"name\": \"a carer by postcode\", \"addProviders\": [{\"id\": \"P3\", \"type\": "
                + "\"IN_HOUSE_FOSTER\", \"location\": {\"postcode\": \"ZZ9 9ZZ\"}, \"places\": 1, \"ageMin\": 0, "
                + "\"ageMax\": 17, \"weeklyCost\": 300}]}]";
        given().contentType(ContentType.JSON)
                .body("{\"problem\": " + byPostcode("CB1 1AA", "E1") + ", \"scenarios\": " + scenarios + "}")
                .queryParam("seconds", 1)
                .post("/api/scenarios")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.scenarios[0].addProviders[0].location.postcode"));
        given().contentType(ContentType.JSON)
                .body("{\"problem\": " + byPostcode("CB1 1AA", "E1") + ", \"scenarios\": "
                        + scenarios.replace("ZZ9 9ZZ", "PE1 1HF") + "}")
                .queryParam("seconds", 1)
                .post("/api/scenarios")
                .then()
                .statusCode(202);
    }

    @Test
    void theRegisterStoresThePostcodeAndItsCoordinatesFromPutPatchAndCsv() {
        String base = "/api/register/PC-REG";
        given().contentType(ContentType.JSON)
                .body(byPostcode("CB1 1AA", "PC-REG"))
                .put(base)
                .then()
                .statusCode(200);
        given().get(base + "/providers/P1")
                .then()
                .statusCode(200)
                .body("location.postcode", equalTo("CB1 1AA"))
                .body("location.lat", equalTo((float) CB11AA.lat()))
                .body("localAuthority", equalTo("E10000003"));

        // A PATCH by postcode replaces the old coordinates.
        given().contentType("application/merge-patch+json")
                .body("{\"home\": {\"postcode\": \"cb11aa\"}}")
                .patch(base + "/children/C1")
                .then()
                .statusCode(200);
        given().get(base + "/children/C1")
                .then()
                .body("home.postcode", equalTo("CB1 1AA"))
                .body("home.lon", equalTo((float) CB11AA.lon()));
        given().contentType("application/merge-patch+json")
                .body("{\"home\": {\"postcode\": \"ZZ9 9ZZ\"}, \"gender\": 5}")
                .patch(base + "/children/C1")
                .then()
                .statusCode(400)
                .body("errors.path", hasItems("$.home.postcode", "$.gender"));
        given().contentType(ContentType.JSON)
                .body("{\"id\": \"P7\", \"type\": \"IN_HOUSE_FOSTER\", \"location\": {\"postcode\": \"PE1 1HF\"}, "
                        + "\"places\": 1, \"ageMin\": 0, \"ageMax\": 17, \"weeklyCost\": 300}")
                .put(base + "/providers/P7")
                .then()
                .statusCode(201);
        given().get(base + "/providers/P7").then().body("localAuthority", equalTo("E06000031"));

        String csv = "id,type,locationPostcode,places,ageMin,ageMax,weeklyCost\n"
                + "P8,IN_HOUSE_FOSTER,ip1 2de,1,0,17,300\n"
                + "P9,IN_HOUSE_FOSTER,ZZ9 9ZZ,1,0,17,-5\n";
        given().contentType("text/csv")
                .body(csv)
                .post(base + "/providers/csv")
                .then()
                .statusCode(400)
                .body("errors.path", hasItems("line 3, column locationPostcode", "line 3, column weeklyCost"))
                .body("errors.message", hasItem(containsString("'ZZ9 9ZZ'")));
        given().get(base + "/providers/P8").then().statusCode(404);
        given().contentType("text/csv")
                .body(csv.replace("ZZ9 9ZZ", "NR2 1NH").replace("-5", "300"))
                .post(base + "/providers/csv")
                .then()
                .statusCode(200);
        given().get(base + "/providers/P8")
                .then()
                .body("location.postcode", equalTo("IP1 2DE"))
                .body("localAuthority", equalTo("E10000029"));

        String children = "id,dateOfBirth,gender,homePostcode,schoolPostcode,urgency,excludedAreas\n"
                + "C5,2013-04-04,FEMALE,PE1 1HF,pe1 1zz,URGENT,CB1 1AA:1.5\n";
        given().contentType("text/csv")
                .body(children)
                .post(base + "/children/csv")
                .then()
                .statusCode(400)
                .body("errors.path", equalTo(java.util.List.of("line 2, column schoolPostcode")));
        given().contentType("text/csv")
                .body(children.replace("pe1 1zz", "CB2 1TN"))
                .post(base + "/children/csv")
                .then()
                .statusCode(200);
        String c5 = given().get(base + "/children/C5")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(c5).contains("\"postcode\":\"PE1 1HF\"", "\"postcode\":\"CB2 1TN\"", "\"postcode\":\"CB1 1AA\"");
    }
}
