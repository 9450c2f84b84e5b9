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
    void anErrorInAScenariosProblemIsPlacedAtTheScenariosPath() {
        assertEquals(
                "$.scenarios[1].addProviders[0].places",
                ScenarioReader.scenarioPath("$.providers[2].places", "$.scenarios[1]", 2, 3));
        assertEquals(
                "$.scenarios[0].addChildren[1]", ScenarioReader.scenarioPath("$.children[4]", "$.scenarios[0]", 2, 3));
        assertEquals(
                "$.scenarios[0].weights.bogus", ScenarioReader.scenarioPath("$.weights.bogus", "$.scenarios[0]", 2, 3));
        assertEquals("$.scenarios[0]", ScenarioReader.scenarioPath("$.providers[1].places", "$.scenarios[0]", 2, 3));
    }

    @Test
    void aMessageNamesTheRecordsAScenarioAddedAtTheirPathsInTheRequest() {
        assertEquals(
                "differs ($.scenarios[2].addChildren[0] has true), as $.children[1] and $.scenarios[2].addProviders[1]",
                ScenarioReader.inRequestTerms(
                        "differs ($.children[3] has true), as $.children[1] and $.providers[3]",
                        "$.scenarios[2]",
                        2,
                        3));
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
