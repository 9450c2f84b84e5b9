package org.placementmatcher.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.placementmatcher.contract.ContractJson;
import org.placementmatcher.contract.PlacementProblem;

/** Problems for the register tests, moved to an authority of the test's own (tests share one database). */
public final class RegisterFixtures {

    private RegisterFixtures() {}

    /**
     * A caseload with one of each proposed change: C1 in a children's home where a foster carer could
     * take it (a step-down), C2 whose placement is ending and who needs the one carer meeting its medical
     * need (a move), C3 waiting with a need only that carer meets too (a new placement). Everyone lives
     * where the placements are (0 miles), so the best plan is worked out by hand: C2 and C3 fill F2, and
     * C1 (a boy; P3 takes girls only) moves to F1 (500 + 2000 for the move, against 4000 in the home); soft -(500 + 2000 + 900 + 900).
     */
    static final String STEP_DOWN = """
            {"schemaVersion": 1, "name": "Step-down example", "referenceDate": "2026-11-22", "homeAuthority": "E1",
             "providers": [
               {"id": "R1", "type": "RESIDENTIAL_HOME", "localAuthority": "E1", "location": {"lat": 52.0, "lon": 0.0},
                "places": 2, "ageMin": 0, "ageMax": 17, "weeklyCost": 4000},
               {"id": "F1", "type": "IN_HOUSE_FOSTER", "localAuthority": "E1", "location": {"lat": 52.0, "lon": 0.0},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 500},
               {"id": "F2", "type": "IFA_FOSTER", "localAuthority": "E1", "location": {"lat": 52.0, "lon": 0.0},
                "places": 2, "ageMin": 0, "ageMax": 17, "weeklyCost": 900, "capabilities": ["MEDICAL", "THERAPEUTIC"]},
               {"id": "P3", "type": "IN_HOUSE_FOSTER", "localAuthority": "E1", "location": {"lat": 52.0, "lon": 0.0},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 450, "acceptsGenders": ["FEMALE"]}
             ],
             "children": [
               {"id": "C1", "dateOfBirth": "2016-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "PLANNED", "currentPlacement": "R1"},
               {"id": "C2", "dateOfBirth": "2015-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "URGENT", "currentPlacement": "P3", "needsMove": true, "needs": ["MEDICAL"]},
               {"id": "C3", "dateOfBirth": "2014-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                "urgency": "URGENT", "needs": ["THERAPEUTIC"]}
             ]}
            """;

    public static String sample(String file) {
        try {
            return Files.readString(Path.of("sample-data", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problem with its home authority renamed, and every provider in the old home authority moved with it. */
    public static String forAuthority(String json, String authority) {
        try {
            ObjectNode root = (ObjectNode) ContractJson.mapper().readTree(json);
            String old = root.get("homeAuthority").asText();
            root.put("homeAuthority", authority);
            for (JsonNode provider : root.get("providers")) {
                if (provider.path("localAuthority").asText().equals(old)) {
                    ((ObjectNode) provider).put("localAuthority", authority);
                }
            }
            return ContractJson.mapper().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PlacementProblem problem(String json) {
        try {
            return ContractJson.mapper().readValue(json, PlacementProblem.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A providers CSV of {@code rows} valid foster carers, ids P-000001 up, in {@code authority}. */
    static String providerRows(int rows, String authority) {
        StringBuilder csv =
                new StringBuilder("id,type,localAuthority,lat,lon,places,ageMin,ageMax,weeklyCost,capabilities\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(String.format(
                    java.util.Locale.ROOT,
                    "P-%06d,IN_HOUSE_FOSTER,%s,%.4f,%.4f,%d,0,17,%d,%s%n",
                    i,
                    authority,
                    52.0 + (i % 100) / 1000.0,
                    0.1 + (i % 37) / 1000.0,
                    1 + i % 3,
                    400 + i % 500,
                    i % 5 == 0 ? "MEDICAL;THERAPEUTIC" : ""));
        }
        return csv.toString();
    }
}
