package org.placementmatcher.register;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.placementmatcher.security.TestAccounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.register.RegisterChange.AcceptProposal;
import org.placementmatcher.register.RegisterChange.Kind;
import org.placementmatcher.register.RegisterChange.Move;
import org.placementmatcher.security.TestAccounts;

/** Calls are made as director (security.AuthenticatedByDefault) unless made {@code as} another test account. */
@QuarkusTest
class RegisterResourceTest {

    static void put(String authority, String json) {
        given().contentType(ContentType.JSON)
                .body(json)
                .put("/api/register/" + authority)
                .then()
                .statusCode(200);
    }

    static PlacementProblem get(String authority) {
        return RegisterFixtures.problem(given().get("/api/register/" + authority)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    @Test
    void aPutRegisterReadsBackExactlyAsTheContractProblem() {
        String small = RegisterFixtures.forAuthority(RegisterFixtures.sample("small.json"), "RT-ROUND");

        given().contentType(ContentType.JSON)
                .body(small)
                .put("/api/register/RT-ROUND")
                .then()
                .statusCode(200)
                .body("authority", equalTo("RT-ROUND"))
                .body("providers", equalTo(90))
                .body("children", equalTo(100));

        assertThat(get("RT-ROUND")).isEqualTo(RegisterFixtures.problem(small));
        Response response = given().get("/api/register/RT-ROUND");
        assertThat(response.header("X-Register-Version")).isNotBlank();
        given().get("/api/register").then().statusCode(200).body("authority", hasItem("RT-ROUND"));
    }

    @Test
    void anInvalidImportIsRefusedWholeAndTheRegisterStaysAsItWas() {
        String valid = RegisterFixtures.forAuthority(ProblemFixtures.VALID, "RT-BAD");
        put("RT-BAD", valid);
        String bad = RegisterFixtures.forAuthority(
                ProblemFixtures.edit(root -> {
                    ProblemFixtures.provider(root, 0).put("places", "two");
                    ProblemFixtures.child(root, 1).put("id", "C1");
                }),
                "RT-BAD");

        given().contentType(ContentType.JSON)
                .body(bad)
                .put("/api/register/RT-BAD")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("errors.path", hasItem("$.providers[0].places"))
                .body("errors.path", hasItem("$.children[1].id"));
        given().contentType(ContentType.JSON)
                .body(valid)
                .put("/api/register/OTHER")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$.homeAuthority"));
        given().contentType(ContentType.JSON)
                .body("{")
                .put("/api/register/RT-BAD")
                .then()
                .statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("malformed JSON"));
        given().contentType(ContentType.JSON)
                .body(valid)
                .put("/api/register/bad%20code")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("authority"));

        assertThat(get("RT-BAD")).isEqualTo(RegisterFixtures.problem(valid));
    }

    @Test
    void unknownAuthoritiesRecordsAndRunsAre404() {
        given().get("/api/register/RT-NONE")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("no register for authority RT-NONE"));
        put("RT-404", RegisterFixtures.forAuthority(ProblemFixtures.VALID, "RT-404"));
        given().get("/api/register/RT-404/children/C9").then().statusCode(404);
        given().get("/api/register/RT-404/providers/P9").then().statusCode(404);
        given().get("/api/register/RT-404/children/C9/audit").then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{\"childIds\": [\"C1\"]}")
                .post("/api/register/RT-NONE/match")
                .then()
                .statusCode(404);
    }

    @Test
    void twoAuthoritiesWithTheSameIdsNeverMix() {
        // Both registers use the ids P1, P2, C1, C2: every read, change, query and audit stays in its own authority.
        String a = RegisterFixtures.forAuthority(ProblemFixtures.VALID, "RT-A");
        String b = RegisterFixtures.forAuthority(ProblemFixtures.handScored(), "RT-B");
        put("RT-A", a);
        put("RT-B", b);

        given().contentType(ContentType.JSON)
                .body("{\"dateOfBirth\": \"2016-03-03\"}")
                .patch("/api/register/RT-A/children/C2")
                .then()
                .statusCode(200)
                .body("dateOfBirth", equalTo("2016-03-03"));
        given().contentType(ContentType.JSON)
                .body("{\"weeklyCost\": 999}")
                .patch("/api/register/RT-B/providers/P1")
                .then()
                .statusCode(200);

        PlacementProblem storedA = get("RT-A");
        PlacementProblem storedB = get("RT-B");
        assertThat(storedA.children()).extracting("id").containsExactly("C1", "C2");
        assertThat(storedB.children()).extracting("id").containsExactly("C1", "C2", "C3", "C4");
        assertThat(storedA.providers().get(0).weeklyCost()).isEqualTo(400.0);
        assertThat(storedB.providers().get(0).weeklyCost()).isEqualTo(999.0);
        assertThat(storedB.children().get(1).dateOfBirth()).hasToString("2018-05-01");

        JsonPath matchA = given().contentType(ContentType.JSON)
                .body("{\"childIds\": [\"C2\"]}")
                .post("/api/register/RT-A/match")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> seenA = new ArrayList<>(matchA.getList("options.providerId"));
        seenA.addAll(matchA.getList("excluded.providerId"));
        assertThat(seenA).containsExactlyInAnyOrder("P1", "P2");
        given().contentType(ContentType.JSON)
                .body("{\"childIds\": [\"C3\"]}")
                .post("/api/register/RT-A/match")
                .then()
                .statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("unknown child id 'C3'"));

        List<Map<String, Object>> auditA = given().get("/api/register/RT-A/children/C2/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(auditA).extracting(e -> e.get("authority")).containsOnly("RT-A");
        assertThat(auditA).extracting(e -> e.get("action")).containsExactly("CHILD_ADDED", "CHILD_CHANGED");
        List<Map<String, Object>> auditB = given().get("/api/register/RT-B/providers/P1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(auditB).extracting(e -> e.get("authority")).containsOnly("RT-B");
        assertThat(auditB).extracting(e -> e.get("action")).contains("PROVIDER_ADDED", "PROVIDER_CHANGED");
    }

    @Test
    void concurrentImportsToOneAuthorityNeverInterleave() throws Exception {
        String county = RegisterFixtures.forAuthority(RegisterFixtures.sample("county.json"), "RT-RACE");
        String small = RegisterFixtures.forAuthority(RegisterFixtures.sample("small.json"), "RT-RACE");
        PlacementProblem countyProblem = RegisterFixtures.problem(county);
        PlacementProblem smallProblem = RegisterFixtures.problem(small);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                List<Callable<Integer>> imports = List.of(
                        () -> given().contentType(ContentType.JSON)
                                .body(county)
                                .put("/api/register/RT-RACE")
                                .statusCode(),
                        () -> given().contentType(ContentType.JSON)
                                .body(small)
                                .put("/api/register/RT-RACE")
                                .statusCode());
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(imports)) {
                    statuses.add(f.get());
                }
                assertThat(statuses).allMatch(s -> s == 200 || s == 409).contains(200);
                PlacementProblem stored = get("RT-RACE");
                assertThat(stored).isIn(countyProblem, smallProblem);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneRecordAtATimeWithPlacementsStartingAndEndingAllAudited() {
        put("RT-EDIT", RegisterFixtures.forAuthority(ProblemFixtures.handScored(), "RT-EDIT"));
        String base = "/api/register/RT-EDIT";

        as("officer")
                .contentType(ContentType.JSON)
                .body("{\"dateOfBirth\": \"2012-02-02\", \"gender\": \"MALE\", \"home\": {\"lat\": 52.1, \"lon\": 0.1},"
                        + " \"urgency\": \"PLANNED\"}")
                .put(base + "/children/C9")
                .then()
                .statusCode(201)
                .body("id", equalTo("C9"));
        given().contentType(ContentType.JSON)
                .body("{\"id\": \"C8\", \"dateOfBirth\": \"2012-02-02\"}")
                .put(base + "/children/C9")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$.id"));
        given().contentType(ContentType.JSON)
                .body("{\"dateOfBirth\": \"yesterday\", \"urgency\": \"SOON\"}")
                .patch(base + "/children/C9")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.dateOfBirth"))
                .body("errors.path", hasItem("$.urgency"));
        given().contentType("application/merge-patch+json")
                .body("{\"needs\": [\"MEDICAL\"], \"religion\": null}")
                .patch(base + "/children/C9")
                .then()
                .statusCode(200)
                .body("needs[0]", equalTo("MEDICAL"));

        as("officer")
                .contentType(ContentType.JSON)
                .header("X-Actor", "officer")
                .body("{\"providerId\": \"P2\", \"startDate\": \"2026-11-23\", \"reason\": \"planned move\"}")
                .post(base + "/children/C9/placement/start")
                .then()
                .statusCode(200)
                .body("currentPlacement", equalTo("P2"));
        given().contentType(ContentType.JSON)
                .body("{\"providerId\": \"P7\"}")
                .post(base + "/children/C9/placement/start")
                .then()
                .statusCode(404);
        given().delete(base + "/providers/P2")
                .then()
                .statusCode(409)
                .body("errors.path", hasItem("register.children[C9].currentPlacement"));
        as("manager")
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"returned home\"}")
                .post(base + "/children/C9/placement/end")
                .then()
                .statusCode(200)
                .body("currentPlacement", org.hamcrest.Matchers.nullValue());
        given().contentType(ContentType.JSON)
                .body("{}")
                .post(base + "/children/C9/placement/end")
                .then()
                .statusCode(409);

        JsonPath child = given().get(base + "/children/C9/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(child.getList("action"))
                .containsExactly("CHILD_ADDED", "CHILD_CHANGED", "PLACEMENT_STARTED", "PLACEMENT_ENDED");
        assertThat(child.getList("actor")).containsExactly("officer", "director", "officer", "manager");
        // The fields that changed with their new values, never the whole record (religion was not there).
        assertThat(child.getMap("[1].detail.fields")).containsOnly(Map.entry("needs", List.of("MEDICAL")));
        assertThat(child.getMap("[1].detail")).doesNotContainKey("record");
        assertThat(child.getString("[2].detail.reason")).isEqualTo("planned move");
        assertThat(child.getString("[3].providerId")).isEqualTo("P2");
        JsonPath provider = given().get(base + "/providers/P2/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(provider.getList("action")).contains("PROVIDER_ADDED", "PLACEMENT_STARTED", "PLACEMENT_ENDED");

        given().delete(base + "/children/C9").then().statusCode(204);
        given().get(base + "/children/C9").then().statusCode(404);
        JsonPath removed = given().get(base + "/children/C9/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(removed.getString("[-1].action")).isEqualTo("CHILD_REMOVED");
        assertThat(removed.getMap("[-1].detail")).doesNotContainKeys("record", "fields");
    }

    /**
     * A child both pinned and needsMove is valid input (contract section 1.4): the register stores it, whether the
     * whole register is put or a child is changed to it, and matches it away from the placement that is ending.
     */
    @Test
    void aChildPinnedAndNeedingAMoveIsStoredAndMatched() {
        put("RT-PINMOVE", RegisterFixtures.forAuthority(ProblemFixtures.PINNED_AND_MOVING, "RT-PINMOVE"));
        String base = "/api/register/RT-PINMOVE";

        given().get(base + "/children/C1")
                .then()
                .statusCode(200)
                .body("pinned", equalTo(true))
                .body("needsMove", equalTo(true));
        given().contentType("application/merge-patch+json")
                .body("{\"currentPlacement\": \"P2\", \"pinned\": true, \"needsMove\": true}")
                .patch(base + "/children/C2")
                .then()
                .statusCode(200)
                .body("pinned", equalTo(true))
                .body("needsMove", equalTo(true));
        given().contentType(ContentType.JSON)
                .body("{\"childIds\": [\"C1\"]}")
                .post(base + "/match")
                .then()
                .statusCode(200)
                .body("currentScore", equalTo("-2hard/0medium/-1000soft"))
                .body("options.providerId", equalTo(List.of()))
                .body("excluded.providerId", equalTo(List.of("P1", "P2")))
                .body("excluded.codes", equalTo(List.of(List.of("H13"), List.of("H1"))));
    }

    @Test
    void providersAndChildrenImportFromCsvAllOrNothingWithErrorsByLine() {
        put("RT-CSV", RegisterFixtures.forAuthority(ProblemFixtures.handScored(), "RT-CSV"));
        String base = "/api/register/RT-CSV";
        String providers =
                "id,type,localAuthority,lat,lon,places,ageMin,ageMax,weeklyCost,capabilities,emergencyApproved\r\n"
                        + "P1,IN_HOUSE_FOSTER,RT-CSV,52.0,0.0,2,0,17,425,,no\r\n"
                        + "P9,\"IFA_FOSTER\",E2,52.4,0.1,2,0,17,950,MEDICAL;THERAPEUTIC,yes\r\n";
        given().contentType("text/csv")
                .body(providers)
                .post(base + "/providers/csv")
                .then()
                .statusCode(200)
                .body("providers", equalTo(3));
        given().get(base + "/providers/P9")
                .then()
                .statusCode(200)
                .body("capabilities", equalTo(List.of("MEDICAL", "THERAPEUTIC")))
                .body("emergencyApproved", equalTo(true))
                .body("location.lat", equalTo(52.4f));
        given().get(base + "/providers/P1").then().statusCode(200).body("weeklyCost", equalTo(425.0f));

        String children = "id,dateOfBirth,gender,homeLat,homeLon,urgency,siblingGroup,currentPlacement,excludedAreas\n"
                + "C5,2013-04-04,FEMALE,52.1,0.1,URGENT,S9,,52.2:0.2:1.5\n"
                + "C6,2011-04-04,MALE,52.1,0.1,PLANNED,S9,P77,\n";
        given().contentType("text/csv")
                .body(children)
                .post(base + "/children/csv")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("line 3, column currentPlacement"));
        String bad = "id,dateOfBirth,gender,homeLat,homeLon,urgency\n"
                + "C5,2013-04-04,FEMALE,52.1,0.1,URGENT\n"
                + "C6,someday,MALE,91,0.1,PLANNED\n";
        given().contentType("text/csv")
                .body(bad)
                .post(base + "/children/csv")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("line 3, column dateOfBirth"))
                .body("errors.path", hasItem("line 3, column home.lat"));
        given().contentType("text/csv")
                .body("id,colour\nC5,red\n")
                .post(base + "/children/csv")
                .then()
                .statusCode(400)
                .body("errors.message", hasItem(org.hamcrest.Matchers.startsWith("unknown column 'colour'")));
        assertThat(get("RT-CSV").children()).extracting("id").containsExactly("C1", "C2", "C3", "C4");

        String good = "id,dateOfBirth,gender,homeLat,homeLon,urgency,excludedAreas,needs\n"
                + "C5,2013-04-04,FEMALE,52.1,0.1,URGENT,52.2:0.2:1.5,\n"
                + "C6,2011-04-04,MALE,52.1,0.1,PLANNED,,MEDICAL\n";
        given().contentType("text/csv")
                .body(good)
                .post(base + "/children/csv")
                .then()
                .statusCode(200)
                .body("children", equalTo(6));
        given().get(base + "/children/C5").then().body("excludedAreas[0].radiusMiles", equalTo(1.5f));
        given().contentType("text/csv")
                .body(good)
                .queryParam("mode", "replace")
                .post(base + "/children/csv")
                .then()
                .statusCode(200)
                .body("children", equalTo(2));
        assertThat(get("RT-CSV").children()).extracting("id").containsExactly("C5", "C6");
        given().get(base + "/children/C1/audit").then().statusCode(200).body("action", hasItem("CHILD_REMOVED"));
        given().contentType("text/csv")
                .body(good)
                .queryParam("mode", "merge")
                .post(base + "/children/csv")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("mode"));
    }

    @Test
    void matchAndEmergencyAgainstTheRegisterAnswerAsWithTheProblemInTheBody() throws Exception {
        String problem = RegisterFixtures.forAuthority(ProblemFixtures.handScored(), "RT-MATCH");
        put("RT-MATCH", problem);
        for (String kind : List.of("match", "emergency")) {
            String fromBody = given().contentType(ContentType.JSON)
                    .body("{\"problem\": " + problem + ", \"childIds\": [\"C2\"]}")
                    .queryParam("limit", 5)
                    .post("/api/" + kind)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            String fromRegister = given().contentType(ContentType.JSON)
                    .body("{\"childIds\": [\"C2\"]}")
                    .queryParam("limit", 5)
                    .post("/api/register/RT-MATCH/" + kind)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(ContractJson.mapper().readTree(fromRegister))
                    .isEqualTo(ContractJson.mapper().readTree(fromBody));
        }
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/register/RT-MATCH/match")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("$.childIds"));
        given().contentType(ContentType.JSON)
                .body("{\"childIds\": [\"C2\"]}")
                .queryParam("limit", 0)
                .post("/api/register/RT-MATCH/match")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("limit"));
    }

    @Test
    void aFewThousandCsvRowsImportEachStoredAndAuditedWithErrorsStillByLine() {
        put("RT-VOLUME", RegisterFixtures.forAuthority(ProblemFixtures.handScored(), "RT-VOLUME"));
        String base = "/api/register/RT-VOLUME";
        int before = get("RT-VOLUME").providers().size();
        int rows = 3000;
        String csv = RegisterFixtures.providerRows(rows, "RT-VOLUME");

        String bad = csv.replace("P-002500,IN_HOUSE_FOSTER,RT-VOLUME,", "P-002500,IN_HOUSE_FOSTER,RT-VOLUME,91,");
        given().contentType("text/csv")
                .body(bad)
                .post(base + "/providers/csv")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("line 2501"));
        String badPlaces = csv.replaceFirst("(P-002500,IN_HOUSE_FOSTER,RT-VOLUME,[^,]*,[^,]*,)\\d+,", "$1many,");
        given().contentType("text/csv")
                .body(badPlaces)
                .post(base + "/providers/csv")
                .then()
                .statusCode(400)
                .body("errors.path", equalTo(List.of("line 2501, column places")));
        assertThat(get("RT-VOLUME").providers()).hasSize(before);

        given().contentType("text/csv")
                .body(csv)
                .post(base + "/providers/csv")
                .then()
                .statusCode(200)
                .body("providers", equalTo(before + rows));
        given().get(base + "/providers/P-002995")
                .then()
                .statusCode(200)
                .body("places", equalTo(2))
                .body("weeklyCost", equalTo(895.0f))
                .body("capabilities", equalTo(List.of("MEDICAL", "THERAPEUTIC")));
        List<String> added = given().queryParam("limit", 10000)
                .get(base + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.action == 'PROVIDER_ADDED' && it.providerId.startsWith('P-') }.providerId");
        assertThat(added).hasSize(rows).startsWith("P-000001", "P-000002").endsWith("P-003000");

        // The same rows again change nothing: no record is rewritten, no entry added but the import's own.
        long seq = given().queryParam("limit", 10000)
                .get(base + "/audit")
                .then()
                .extract()
                .jsonPath()
                .getLong("seq.max()");
        given().contentType("text/csv")
                .body(csv)
                .post(base + "/providers/csv")
                .then()
                .statusCode(200)
                .body("providers", equalTo(before + rows));
        given().queryParam("after", seq)
                .get(base + "/audit")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    // It reads /q/metrics or /q/openapi, which answer ADMIN only, and uses the register as a director.
    void queryParametersAreTypedAndABadValueIsA400NamingTheParameter() throws Exception {
        put("RT-QUERY", RegisterFixtures.forAuthority(ProblemFixtures.handScored(), "RT-QUERY"));
        String base = "/api/register/RT-QUERY";
        given().queryParam("limit", 2)
                .get(base + "/audit")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2));
        given().queryParam("limit", "two")
                .get(base + "/audit")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("errors[0].path", equalTo("limit"))
                .body("errors[0].message", equalTo("must be a whole number from 1 to 10000, got 'two'"));
        given().queryParam("limit", 10001)
                .get(base + "/audit")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("limit"));
        given().queryParam("after", -1)
                .get(base + "/audit")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("after"));
        given().contentType(ContentType.JSON)
                .body("{\"childIds\": [\"C2\"]}")
                .queryParam("limit", 1001)
                .post(base + "/match")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("limit"));
        given().contentType("text/csv")
                .body("id\n")
                .queryParam("mode", "REPLACE")
                .post(base + "/providers/csv")
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("mode"))
                .body("errors[0].message", equalTo("must be one of upsert, replace, got 'REPLACE'"));

        com.fasterxml.jackson.databind.JsonNode audit = ContractJson.mapper()
                .readTree(TestAccounts.as(TestAccounts.ADMIN)
                        .queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .path("paths")
                .path("/api/register/{authority}/audit")
                .path("get")
                .path("parameters");
        com.fasterxml.jackson.databind.JsonNode limit = null;
        for (com.fasterxml.jackson.databind.JsonNode parameter : audit) {
            if (parameter.path("name").asText().equals("limit")) {
                limit = parameter.path("schema");
            }
        }
        assertThat(limit).isNotNull();
        assertThat(limit.path("type").asText()).isEqualTo("integer");
        assertThat(limit.path("maximum").asInt()).isEqualTo(10000);
        assertThat(limit.path("default").asInt()).isEqualTo(1000);
    }

    @Inject
    RegisterService registerService;

    @Test
    void anAcceptedProposalMovesItsChildrenAllOrNoneAndIsRefusedWhenTheRegisterChangedUnderIt() {
        put("RT-ACCEPT", RegisterFixtures.forAuthority(RegisterFixtures.STEP_DOWN, "RT-ACCEPT"));
        RegisterService.Applied applied = registerService.apply(
                "RT-ACCEPT",
                "lead-1",
                new AcceptProposal(
                        "run-1", "agreed", "C1", List.of(new Move("C1", "R1", "F1"), new Move("C3", null, "F2"))));
        assertThat(applied.record(Kind.CHILD, "C1").path("currentPlacement").asText())
                .isEqualTo("F1");
        assertThat(applied.record(Kind.CHILD, "C3").path("currentPlacement").asText())
                .isEqualTo("F2");
        JsonPath audit = given().get("/api/register/RT-ACCEPT/children/C1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(audit.getString("[-1].action")).isEqualTo("PLACEMENT_MOVED");
        assertThat(audit.getString("[-1].runId")).isEqualTo("run-1");
        assertThat(audit.getString("[-1].otherProviderId")).isEqualTo("R1");
        assertThat(audit.getString("[-1].detail.reason")).isEqualTo("agreed");

        assertThatThrownBy(() -> registerService.apply(
                        "RT-ACCEPT",
                        "lead-1",
                        new AcceptProposal("run-2", "stale", "C1", List.of(new Move("C1", "R1", "F2")))))
                .isInstanceOf(RegisterErrors.Conflict.class)
                .hasMessageContaining("the register has changed since the run");
        assertThatThrownBy(() -> registerService.apply(
                        "RT-ACCEPT",
                        "lead-1",
                        new AcceptProposal(
                                "run-3",
                                "gone",
                                "C2",
                                List.of(new Move("C2", "P3", "F1"), new Move("C1", "F1", "GONE")))))
                .isInstanceOf(RegisterErrors.Conflict.class)
                .hasMessageContaining("provider GONE is no longer in the register");
        assertThat(get("RT-ACCEPT").children()).extracting("currentPlacement").containsExactly("F1", "P3", "F2");
    }
}
