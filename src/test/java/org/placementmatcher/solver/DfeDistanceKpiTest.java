package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.data.postcode.PostcodeDirectory;

/**
 * The extension KPI {@code dfeOver20MilesPercent}: over 20 miles as the DfE counts it, the straight line between
 * the two postcodes' OS grid references in miles of 1.6093 km to one decimal, over the placed children whose
 * distance origin and provider both have postcodes. Figures worked by hand from the ONSPD grid references.
 */
class DfeDistanceKpiTest {

    @Test
    void theDistanceIsTheGridStraightLineInMilesOf1609Point3MetresToOneDecimal() throws IOException {
        PostcodeDirectory grid = PostcodeDirectory.read(new ByteArrayInputStream(("pcd,laua,oseast1m,osnrth1m\n"
                        + "AA1 1AA,E06000001,500000,200000\n"
                        + "AA1 1AB,E06000001,532200,200000\n"
                        + "AA1 1AD,E06000001,532300,200000\n"
                        + "AA1 1AE,E06000001,503000,204000\n")
                .getBytes(StandardCharsets.UTF_8)));

        // 32,200 m / 1,609.3 = 20.008 -> 20.0 (not over 20); 32,300 m -> 20.071 -> 20.1.
        assertThat(grid.dfeMiles("AA1 1AA", "AA1 1AB")).contains(20.0);
        assertThat(grid.dfeMiles("aa11aa", "AA1 1AD")).contains(20.1);
        // A 3-4-5 triangle: 5,000 m = 3.107 -> 3.1.
        assertThat(grid.dfeMiles("AA1 1AA", "AA1 1AE")).contains(3.1);
        assertThat(grid.dfeMiles("AA1 1AA", "ZZ9 9ZZ")).isEmpty();
    }

    /**
     * ONSPD grid references: CB1 1AA (545800, 258200), PE1 1HF (519240, 298522), CB2 1TN (544705, 258430).
     * CB1 1AA to PE1 1HF: sqrt(26560^2 + 40322^2) = 48,283.5 m = 30.0 miles (over 20);
     * CB1 1AA to CB2 1TN: sqrt(1095^2 + 230^2) = 1,118.9 m = 0.7 miles.
     */
    @Test
    void onlyPlacedChildrenWithBothPostcodesCountAndTheGreatCircleKpiStaysAsItWas() {
        String json = """
                {"schemaVersion": 1, "referenceDate": "2026-11-22", "homeAuthority": "E10000003",
                 "providers": [
                   {"id": "P1", "type": "IN_HOUSE_FOSTER", "location": {"postcode": "PE1 1HF"},
                    "places": 3, "ageMin": 0, "ageMax": 17, "weeklyCost": 400},
                   {"id": "P2", "type": "IN_HOUSE_FOSTER", "location": {"postcode": "CB2 1TN"},
                    "places": 3, "ageMin": 0, "ageMax": 17, "weeklyCost": 400},
                   {"id": "P3", "type": "IN_HOUSE_FOSTER", "localAuthority": "E10000029",
                    "location": {"lat": 52.0567, "lon": 1.1482}, "places": 3, "ageMin": 0, "ageMax": 17,
                    "weeklyCost": 400}
                 ],
                 "children": [
                   {"id": "C1", "dateOfBirth": "2015-01-01", "gender": "MALE", "home": {"postcode": "CB1 1AA"},
                    "urgency": "PLANNED", "currentPlacement": "P1", "pinned": true},
                   {"id": "C2", "dateOfBirth": "2015-01-01", "gender": "MALE", "home": {"postcode": "CB1 1AA"},
                    "urgency": "PLANNED", "currentPlacement": "P2", "pinned": true},
                   {"id": "C3", "dateOfBirth": "2015-01-01", "gender": "MALE", "home": {"postcode": "CB1 1AA"},
                    "urgency": "PLANNED", "currentPlacement": "P3", "pinned": true},
                   {"id": "C4", "dateOfBirth": "2015-01-01", "gender": "MALE", "home": {"lat": 52.2, "lon": 0.13},
                    "urgency": "PLANNED", "currentPlacement": "P1", "pinned": true},
                   {"id": "C5", "dateOfBirth": "2015-01-01", "gender": "MALE", "home": {"postcode": "CB1 1AA"},
                    "urgency": "PLANNED"}
                 ]}
                """;
        PlacementProblem problem = ProblemReader.read(json);

        Kpis kpis = PlanWriter.toPlan(ProblemMapper.asToday(problem)).kpis();

        // Counted: C1 (30.0, over) and C2 (0.7); not C3 (P3 has no postcode), C4 (no postcode), C5 (unplaced).
        assertThat(kpis.dfeOver20MilesPercent()).isEqualTo(50.0);
        // The contract's KPI: great-circle over all 4 placed; C1, C3 (Ipswich, ~44 miles) and C4 are over 20.
        assertThat(kpis.over20MilesPercent()).isEqualTo(75.0);
        assertThat(kpis.placed()).isEqualTo(4);
    }

    @Test
    void withoutPostcodesTheExtensionIsAbsent() {
        PlacementProblem problem = ProblemReader.read(org.placementmatcher.contract.ProblemFixtures.VALID);

        assertThat(PlanWriter.toPlan(ProblemMapper.asToday(problem)).kpis().dfeOver20MilesPercent())
                .isNull();
    }
}
