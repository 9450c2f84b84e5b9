package org.placementmatcher.sufficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ChildInput;
import org.placementmatcher.contract.PlacementProblem;

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
}
