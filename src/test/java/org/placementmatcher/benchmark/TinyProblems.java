package org.placementmatcher.benchmark;

import java.util.List;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.solver.ProblemMapper;

/**
 * Tiny problems for hand-checked tests. Every provider and every child's home is at the same point, so
 * distance points are 0 and a child's soft points at a provider are its cost (+250 out of area, +2000 a
 * move, ...): easy to add up by hand. Reference date 2026-11-22; ages by date of birth.
 */
final class TinyProblems {

    static final String AGE_14 = "2012-01-01";
    static final String AGE_15 = "2011-01-01";
    static final String AGE_10 = "2016-01-01";

    private TinyProblems() {}

    /** A provider in the home authority E1; {@code extra} is more JSON fields (e.g. {@code "emergencyApproved": true}) or "". */
    static String provider(String id, String type, int places, double cost, String extra) {
        return providerIn("E1", id, type, places, cost, extra);
    }

    /** A provider in the given local authority (anything but E1 is out of area: +250 a child). */
    static String providerIn(String authority, String id, String type, int places, double cost, String extra) {
        return """
                {"id": "%s", "type": "%s", "localAuthority": "%s", "location": {"lat": 52.0, "lon": 0.0},
                 "places": %d, "ageMin": 0, "ageMax": 17, "weeklyCost": %s%s}""".formatted(id, type, authority, places, cost, extra.isEmpty() ? "" : ", " + extra);
    }

    static String child(String id, String dateOfBirth, String urgency, String extra) {
        return """
                {"id": "%s", "dateOfBirth": "%s", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                 "urgency": "%s"%s}""".formatted(id, dateOfBirth, urgency, extra.isEmpty() ? "" : ", " + extra);
    }

    static String problem(String weights, List<String> providers, List<String> children) {
        return """
                {"schemaVersion": 1, "name": "tiny", "referenceDate": "2026-11-22", "homeAuthority": "E1",%s
                 "providers": [%s],
                 "children": [%s]}""".formatted(
                        weights.isEmpty() ? "" : " \"weights\": " + weights + ",",
                        String.join(",\n", providers),
                        String.join(",\n", children));
    }

    static PlacementSolution solution(String json) {
        return ProblemMapper.toSolution(ProblemReader.read(json));
    }

    /** The provider id of the unit holding that child, or null when unplaced. */
    static String providerOf(PlacementSolution solution, String childId) {
        for (PlacementUnit unit : solution.getUnits()) {
            if (unit.getMembers().stream().anyMatch(c -> c.getId().equals(childId))) {
                Provider p = unit.getProvider();
                return p == null ? null : p.getId();
            }
        }
        throw new IllegalArgumentException("no child " + childId);
    }
}
