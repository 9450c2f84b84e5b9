package org.placementmatcher.sufficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.Assignment;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.RecordPaths;
import org.placementmatcher.register.ChildScope;
import org.placementmatcher.register.RunSight;

/** How a scenario's changes make its whole problem. */
class ScenarioReaderTest {

    static final String PROBLEM = """
            {"schemaVersion": 1, "name": "base", "referenceDate": "2026-11-22", "homeAuthority": "E1",
             "weights": {"cost": 3, "move": 100},
             "providers": [
               {"id": "P1", "type": "RESIDENTIAL_HOME", "localAuthority": "E2", "location": {"lat": 52.0, "lon": 0.1},
                "places": 3, "ageMin": 0, "ageMax": 17, "weeklyCost": 4000},
               {"id": "P2", "type": "IN_HOUSE_FOSTER", "localAuthority": "E1", "location": {"lat": 52.2, "lon": 0.3},
                "places": 2, "ageMin": 0, "ageMax": 17, "weeklyCost": 400}
             ],
             "children": [
               {"id": "C1", "dateOfBirth": "2012-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.1},
                "urgency": "PLANNED", "currentPlacement": "P1", "pinned": true, "siblingGroup": "S1"},
               {"id": "C2", "dateOfBirth": "2013-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.1},
                "urgency": "PLANNED", "currentPlacement": "P1", "pinned": true, "siblingGroup": "S1"},
               {"id": "C3", "dateOfBirth": "2014-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.1},
                "urgency": "PLANNED", "currentPlacement": "P2", "pinned": true}
             ]}
            """;

    static PlacementProblem scenario(String scenario) {
        String body = "{\"problem\": " + PROBLEM + ", \"scenarios\": [" + scenario + "]}";
        return ScenarioReader.read(body, 10).scenarios().getFirst().problem();
    }

    static Map<String, ChildInput> children(PlacementProblem problem) {
        return problem.children().stream().collect(Collectors.toMap(ChildInput::id, Function.identity()));
    }

    @Test
    void aRemovedProviderKeepsItsChildrenWhoMustNowMoveWithTheirGroupUnpinned() {
        PlacementProblem closed = scenario("{\"name\": \"close P1\", \"removeProviderIds\": [\"P1\"]}");
        assertEquals(0, closed.providers().getFirst().places());
        assertEquals(2, closed.providers().get(1).places());
        Map<String, ChildInput> children = children(closed);
        for (String id : new String[] {"C1", "C2"}) {
            assertEquals("P1", children.get(id).currentPlacement());
            assertTrue(children.get(id).needsMove());
            assertFalse(children.get(id).pinnedOrDefault());
        }
        assertTrue(children.get("C3").pinnedOrDefault(), "a child elsewhere stays pinned");
        assertNull(children.get("C3").needsMove());
        assertEquals("close P1", closed.name());
    }

    @Test
    void addedRecordsAreAppendedCostsReplacedAndWeightsLaidOver() {
        PlacementProblem changed = scenario("""
                {"name": "more", "weeklyCosts": [{"providerId": "P2", "weeklyCost": 450.5}],
                 "weights": {"move": 50},
                 "addProviders": [{"id": "P3", "type": "IN_HOUSE_FOSTER", "localAuthority": "E1",
                   "location": {"lat": 52.1, "lon": 0.2}, "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 300}],
                 "addChildren": [{"id": "C4", "dateOfBirth": "2015-01-01", "gender": "FEMALE",
                   "home": {"lat": 52.0, "lon": 0.1}, "urgency": "URGENT"}]}
                """);
        assertEquals(3, changed.providers().size());
        assertEquals("P3", changed.providers().get(2).id());
        assertEquals(450.5, changed.providers().get(1).weeklyCost());
        assertEquals(4000.0, changed.providers().getFirst().weeklyCost());
        assertEquals(Map.of("cost", 3L, "move", 50L), changed.weights());
        assertEquals(4, changed.children().size());
        assertEquals("C4", changed.children().get(3).id());
    }

    @Test
    void aScenariosRecordsAreNamedWhereTheRequestHasThem() {
        RecordPaths paths = ScenarioReader.inScenario("$.scenarios[1]", 2, 3);
        assertEquals("$.scenarios[1]", paths.root());
        assertEquals("$.providers[1]", paths.provider(1));
        assertEquals("$.scenarios[1].addProviders[0]", paths.provider(2));
        assertEquals("$.children[2]", paths.child(2));
        assertEquals("$.scenarios[1].addChildren[1]", paths.child(4));
    }

    @Test
    void anErrorOnARecordOfTheStartTheScenarioMadeWrongNamesIt() {
        String body = "{\"problem\": " + PROBLEM + ", \"scenarios\": [{\"name\": \"big\", \"addChildren\": ["
                + ADDED.formatted("\"id\": \"C4\", \"currentPlacement\": \"P2\"") + "],"
                + " \"addProviders\": [{\"id\": \"P3\", \"type\": \"IN_HOUSE_FOSTER\", \"localAuthority\": \"E1\","
                + " \"location\": {\"lat\": 52.1, \"lon\": 0.2}, \"places\": 0, \"ageMin\": 9, \"ageMax\": 3,"
                + " \"weeklyCost\": 1}], \"weeklyCosts\": [{\"providerId\": \"P2\", \"weeklyCost\": 1}]}]}";
        // P2 with 4 places holds C3 alone (valid: one child is all one sibling group); the scenario adds C4 there.
        String withFourPlaces = body.replace("\"places\": 2", "\"places\": 4");
        InvalidProblemException refused =
                assertThrows(InvalidProblemException.class, () -> ScenarioReader.read(withFourPlaces, 10));
        assertTrue(
                refused.errors()
                        .contains(new ProblemError(
                                "$.scenarios[0]",
                                "with this scenario, $.providers[1].places 4 places exceeds the usual fostering limit of"
                                        + " 3 without fosteringLimitExemption, and the children placed there are not"
                                        + " all one sibling group")),
                refused.errors().toString());
        assertTrue(
                refused.errors().stream().anyMatch(e -> e.path().equals("$.scenarios[0].addProviders[0].ageMin")),
                refused.errors().toString());
    }

    /** The one error of a scenario adding a child at this provider id (a value the user typed). */
    private static ProblemError placedAt(String request, String providerId) {
        InvalidProblemException refused = assertThrows(
                InvalidProblemException.class,
                () -> ScenarioReader.read(
                        request.formatted(
                                ADDED.formatted("\"id\": \"C9\", \"currentPlacement\": \"" + providerId + "\"")),
                        10));
        assertEquals(1, refused.errors().size(), refused.errors().toString());
        return refused.errors().getFirst();
    }

    @Test
    void aValueTheUserTypedIsRepeatedAsTyped() {
        String request = "{\"problem\": " + PROBLEM + ", \"scenarios\": [{\"name\": \"x\", \"addChildren\": [%s]}]}";
        for (String typed : List.of("$.children[1000]", "$.providers[3]", "$.children[99999999999]", "$.children[4]")) {
            assertEquals(
                    new ProblemError(
                            "$.scenarios[0].addChildren[0].currentPlacement", "unknown provider id '" + typed + "'"),
                    placedAt(request, typed));
        }
    }

    @Test
    void aValueTheUserTypedOnASharedRegisterTellsNothingOfTheChildrenItDoesNotSee() throws Exception {
        PlacementProblem shared = register(C1_OF_E9, C1_OF_E9 + " \"responsibleAuthority\": \"E9\",");
        String request = "{\"scenarios\": [{\"name\": \"x\", \"addChildren\": [%s]}]}";
        for (String typed : List.of(
                "$.children[2]",
                "$.problem.children[2]",
                "$.children[99999999999]",
                "~1:child-1",
                "a ~1:child-1",
                "'~1:group-1'")) {
            InvalidProblemException refused = assertThrows(
                    InvalidProblemException.class,
                    () -> ScenarioReader.readOn(
                            request.formatted(ADDED.formatted("\"id\": \"C9\", \"currentPlacement\": "
                                    + ContractJson.mapper().writeValueAsString(typed))),
                            shared,
                            E1_ONLY,
                            10));
            assertEquals(
                    List.of(new ProblemError(
                            "$.scenarios[0].addChildren[0].currentPlacement", "unknown provider id '" + typed + "'")),
                    refused.errors());
        }
    }

    @Test
    void aFosterCarerHoldingOnlyChildrenTheUserDoesNotSeeIsAnsweredAsAnEmptyOne() throws Exception {
        // P2, a foster carer of 4 places, holds C3 (of sibling group S3) alone: E9's in one register; in the other
        // none.
        String fourPlaces = "\"places\": 2";
        PlacementProblem heldByE9 = register(
                fourPlaces,
                "\"places\": 4",
                "\"id\": \"C3\",",
                "\"id\": \"C3\", \"responsibleAuthority\": \"E9\", \"siblingGroup\": \"S3\",");
        PlacementProblem empty =
                register(fourPlaces, "\"places\": 4", ", \"currentPlacement\": \"P2\", \"pinned\": true}", "}");
        String scenario = "{\"name\": \"at P2\", \"addChildren\": [%s]}"
                .formatted(ADDED.formatted("\"id\": \"C9\", \"siblingGroup\": \"S9\", \"currentPlacement\": \"P2\""));
        onRegister(empty, scenario);
        PlacementProblem whole =
                onRegister(heldByE9, scenario).scenarios().getFirst().problem();
        assertEquals(4, whole.children().size());
        assertEquals("C9", whole.children().get(3).id());
        assertEquals("P2", whole.children().get(2).currentPlacement(), "the child the user does not see stays");
        assertEquals(4, whole.providers().get(1).places());
    }

    // On a shared register (contract section 8): the user holds E1 alone; E9's children are hidden from it.

    private static final ChildScope E1_ONLY = new ChildScope(Set.of("E1"));

    /** The problem as a register whose children are E9's where the replacements say, read without validation. */
    private static PlacementProblem register(String... replacements) throws Exception {
        String json = PROBLEM;
        for (int i = 0; i < replacements.length; i += 2) {
            json = json.replace(replacements[i], replacements[i + 1]);
        }
        return ContractJson.mapper().readValue(json, PlacementProblem.class);
    }

    private static final String C1_OF_E9 = "\"id\": \"C1\",";
    private static final String ADDED = """
            {"dateOfBirth": "2015-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.1}, "urgency": "URGENT", %s}
            """;

    private static ScenarioReader.Request onRegister(PlacementProblem register, String scenario) {
        return ScenarioReader.readOn("{\"scenarios\": [" + scenario + "]}", register, E1_ONLY, 10);
    }

    @Test
    void aChildTheUserDoesNotSeeLeavesItsIdFreeAndIsNamedBackOnlyInThePlan() throws Exception {
        PlacementProblem shared = register(
                C1_OF_E9,
                C1_OF_E9 + " \"responsibleAuthority\": \"E9\",",
                "\"weeklyCost\": 400}",
                "\"weeklyCost\": 400, \"connectedChildren\": [\"C1\"]}");
        ScenarioReader.Request request = onRegister(shared, """
                {"name": "C1 again", "addChildren": [%s],
                 "addProviders": [{"id": "P3", "type": "CONNECTED_PERSON", "localAuthority": "E1",
                   "location": {"lat": 52.1, "lon": 0.2}, "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 300,
                   "connectedChildren": ["C1"]}]}
                """.formatted(ADDED.formatted("\"id\": \"C1\"")));

        PlacementProblem baseline = request.baseline();
        String hiddenC1 = baseline.children().getFirst().id();
        assertNotEquals("C1", hiddenC1);
        assertEquals(
                List.of(hiddenC1, "C2", "C3"),
                baseline.children().stream().map(ChildInput::id).toList());
        assertEquals("S1", baseline.children().getFirst().siblingGroup(), "a group with a child the user sees stays");
        assertEquals(List.of(hiddenC1), baseline.providers().get(1).connectedChildren());

        PlacementProblem scenario = request.scenarios().getFirst().problem();
        assertEquals(
                List.of(hiddenC1, "C2", "C3", "C1"),
                scenario.children().stream().map(ChildInput::id).toList());
        assertEquals(List.of("C1"), scenario.providers().get(2).connectedChildren(), "the added child");

        HiddenChildren hidden = request.hidden();
        PlacementPlan plan = new PlacementPlan(
                "C1 again",
                "0hard/0medium/0soft",
                true,
                List.of(new Assignment(hiddenC1, "P1", false), new Assignment("C1", "P3", false)),
                null);
        assertEquals(
                List.of(new Assignment("C1", "P3", false)),
                RunSight.plan(plan, hidden.shown(Set.of("C1")), hidden::registerId, null)
                        .assignments(),
                "the user who started the job is shown the child it added");
        assertEquals(
                List.of(new Assignment("C1", "P1", false), new Assignment("C1", "P3", false)),
                RunSight.plan(plan, hidden.shown(Set.of()), hidden::registerId, null)
                        .assignments(),
                "who sees every child is shown both");
    }

    @Test
    void theIdsAChildTheUserDoesNotSeeIsGivenAreNoneTheRequestNames() throws Exception {
        PlacementProblem shared = register(C1_OF_E9, C1_OF_E9 + " \"responsibleAuthority\": \"E9\",");
        String taken = onRegister(shared, "{\"name\": \"any\"}")
                .baseline()
                .children()
                .getFirst()
                .id();
        ScenarioReader.Request request = onRegister(
                shared,
                "{\"name\": \"same\", \"addChildren\": [%s]}".formatted(ADDED.formatted("\"id\": \"" + taken + "\"")));
        assertNotEquals(taken, request.baseline().children().getFirst().id());
        assertEquals(
                taken,
                request.scenarios().getFirst().problem().children().get(3).id());
    }

    @Test
    void aSiblingGroupOfChildrenTheUserDoesNotSeeIsFreeForAnAddedChild() throws Exception {
        PlacementProblem shared = register(
                C1_OF_E9,
                C1_OF_E9 + " \"responsibleAuthority\": \"E9\",",
                "\"id\": \"C2\",",
                "\"id\": \"C2\", \"responsibleAuthority\": \"E9\",");
        PlacementProblem scenario = onRegister(
                        shared,
                        "{\"name\": \"S1 too\", \"addChildren\": [%s]}"
                                .formatted(ADDED.formatted("\"id\": \"C4\", \"siblingGroup\": \"S1\"")))
                .scenarios()
                .getFirst()
                .problem();
        Map<String, ChildInput> children = children(scenario);
        assertEquals("S1", children.get("C4").siblingGroup());
        assertFalse(children.get("C4").pinnedOrDefault(), "not pinned, unlike the S1 the user does not see");
        assertEquals(
                scenario.children().get(0).siblingGroup(),
                scenario.children().get(1).siblingGroup());
        assertNotEquals("S1", scenario.children().get(0).siblingGroup());
    }

    @Test
    void errorsOfARegisterInvalidAsStoredNameNoChildTheUserDoesNotSee() throws Exception {
        PlacementProblem invalid = register(
                C1_OF_E9,
                C1_OF_E9 + " \"responsibleAuthority\": \"E9\",",
                "\"id\": \"C2\",",
                "\"id\": \"C2\", \"responsibleAuthority\": \"E9\", \"placeTogether\": false,");
        InvalidProblemException refused =
                assertThrows(InvalidProblemException.class, () -> onRegister(invalid, "{\"name\": \"any\"}"));
        assertEquals(
                List.of(new ProblemError(
                        "$.problem.children[a child of another authority].placeTogether",
                        "placeTogether differs within sibling group of another authority"
                                + " ($.problem.children[a child of another authority] has true)")),
                refused.errors());

        InvalidProblemException seenByAll = assertThrows(
                InvalidProblemException.class,
                () -> ScenarioReader.readOn("{\"scenarios\": [{\"name\": \"any\"}]}", invalid, ChildScope.ALL, 10));
        assertEquals(
                List.of(new ProblemError(
                        "$.problem.children[1].placeTogether",
                        "placeTogether differs within sibling group 'S1' ($.problem.children[0] has true)")),
                seenByAll.errors());
    }
}
