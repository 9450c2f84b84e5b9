package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

class GreedyPlacementTest {

    /** One emergency bed (E, 1 place) and one ordinary foster place (F); R lives at E today, not pinned. */
    private static final String ONE_EMERGENCY_BED = """
            {"schemaVersion": 1, "referenceDate": "2026-11-22", "homeAuthority": "E1",
             "providers": [
               {"id": "E", "type": "IN_HOUSE_FOSTER", "localAuthority": "E1", "location": {"lat": 52.0, "lon": 0.0},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 400, "emergencyApproved": true},
               {"id": "F", "type": "IFA_FOSTER", "localAuthority": "E1", "location": {"lat": 52.1, "lon": 0.0},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 800}
             ],
             "children": [
               {"id": "R", "dateOfBirth": "2015-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "PLANNED", "currentPlacement": "E"},
               {"id": "U", "dateOfBirth": "2014-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "URGENT"},
               {"id": "X", "dateOfBirth": "2013-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "EMERGENCY"}
             ]}
            """;

    private static Map<String, String> placements(PlacementSolution solution) {
        return solution.getUnits().stream()
                .collect(Collectors.toMap(
                        u -> u.getMembers().getFirst().getId(),
                        u -> u.getProvider() == null ? "-" : u.getProvider().getId()));
    }

    @Test
    void placesWaitingChildrenInTheirCheapestRuleAbidingPlaceAndMovesNobody() {
        PlacementSolution solution = ProblemMapper.toSolution(ProblemReader.read(ProblemFixtures.handScored()));

        GreedyPlacement.apply(solution);

        // C2 takes P1's free place; C4 (EMERGENCY) has no emergency-approved provider; C1, C3 stay.
        assertThat(placements(solution))
                .containsEntry("C1", "P1")
                .containsEntry("C2", "P1")
                .containsEntry("C3", "P2")
                .containsEntry("C4", "-");
    }

    @Test
    void theMostUrgentIsPlacedFirstAndNobodyAlreadyPlacedMovesInTheBaseline() {
        PlacementSolution solution = ProblemMapper.toSolution(ProblemReader.read(ONE_EMERGENCY_BED));

        Map<PlacementUnit, Provider> decisions = GreedyPlacement.decide(solution, false);
        decisions.forEach(PlacementUnit::setProvider);

        // X (EMERGENCY) can only go to E, which R fills: the baseline leaves X waiting; U takes F.
        assertThat(placements(solution))
                .containsEntry("R", "E")
                .containsEntry("U", "F")
                .containsEntry("X", "-");
    }

    @Test
    void theConstructionRepairFreesAPlaceWhenAResidentCanGoElsewhere() {
        String problem = ONE_EMERGENCY_BED.replace(
                "\"places\": 1, \"ageMin\": 0, \"ageMax\": 17, \"weeklyCost\": 800",
                "\"places\": 2, \"ageMin\": 0, \"ageMax\": 17, \"weeklyCost\": 800");
        PlacementSolution solution = ProblemMapper.toSolution(ProblemReader.read(problem));

        GreedyPlacement.decide(solution, true).forEach(PlacementUnit::setProvider);

        // X needs E; R can move on to F (which has two places, one taken by U): everyone is placed.
        assertThat(placements(solution))
                .containsEntry("X", "E")
                .containsEntry("R", "F")
                .containsEntry("U", "F");
        assertThat(PlacementSolver.fromClasspathConfig().score(solution).hardScore())
                .isZero();
    }
}
