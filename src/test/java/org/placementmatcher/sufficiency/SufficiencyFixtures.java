package org.placementmatcher.sufficiency;

import java.util.List;

/**
 * Tiny problems whose place values can be worked out by hand: every provider and every child's home at one point
 * (no distance points), so a child's soft points at a provider are its weekly cost, +250 out of the home authority
 * (E1). Reference date 2026-11-22; the children are 14.
 */
final class SufficiencyFixtures {

    private SufficiencyFixtures() {}

    static String provider(String id, String authority, int places, double cost, int ageMax) {
        return """
                {"id": "%s", "type": "IN_HOUSE_FOSTER", "localAuthority": "%s", "location": {"lat": 52.0, "lon": 0.0},
                 "places": %d, "ageMin": 0, "ageMax": %d, "weeklyCost": %s}""".formatted(id, authority, places, ageMax, cost);
    }

    static String child(String id, String urgency) {
        return """
                {"id": "%s", "dateOfBirth": "2012-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                 "urgency": "%s"}""".formatted(id, urgency);
    }

    static String problem(List<String> providers, List<String> children) {
        return """
                {"schemaVersion": 1, "name": "tiny", "referenceDate": "2026-11-22", "homeAuthority": "E1",
                 "providers": [%s],
                 "children": [%s]}""".formatted(String.join(",\n", providers), String.join(",\n", children));
    }

    /**
     * Two children; beds at P1 (£100, home), P2 (£5000, home), P3 (£100, out of area: £350 in points). The optimum
     * has one child at P1 and one at P3 (450 points). One more place at P1 takes the child from P3: 250 better.
     * At P2 or P3 nobody gains.
     */
    static final String ONE_CHILD_OUT_OF_AREA = problem(
            List.of(
                    provider("P1", "E1", 1, 100, 17),
                    provider("P2", "E1", 1, 5000, 17),
                    provider("P3", "E9", 1, 100, 17)),
            List.of(child("C1", "PLANNED"), child("C2", "PLANNED")));

    /**
     * Two URGENT children and one bed at P1 (£100): one waits (3 urgency weight). One more place at P1 places her:
     * medium 3 better, at £100 a week more. P2 takes only children up to 5: a place there helps nobody.
     */
    static final String ONE_CHILD_WAITING = problem(
            List.of(provider("P1", "E1", 1, 100, 17), provider("P2", "E1", 1, 100, 5)),
            List.of(child("C1", "URGENT"), child("C2", "URGENT")));
}
