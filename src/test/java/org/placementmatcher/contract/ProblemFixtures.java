package org.placementmatcher.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.provider.Arguments;

/** A small valid problem and the bad-input cases derived from it, shared by the reader, CLI and REST tests. */
public final class ProblemFixtures {

    private ProblemFixtures() {}

    /** The problem scored by hand in HandScoredProblemTest (src/test/resources/hand-scored.json). */
    public static String handScored() {
        return resource("/hand-scored.json");
    }

    /** Three responsible authorities in one problem, scored by hand (contract section 8: ThreeAuthoritiesTest). */
    public static String threeAuthorities() {
        return resource("/three-authorities.json");
    }

    private static String resource(String name) {
        try (java.io.InputStream in = ProblemFixtures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A small valid problem; each bad-input case changes one thing in it. */
    public static final String VALID = """
            {"schemaVersion": 1, "referenceDate": "2026-11-22", "homeAuthority": "E1",
             "providers": [
               {"id": "P1", "type": "IN_HOUSE_FOSTER", "localAuthority": "E1", "location": {"lat": 52.0, "lon": 0.1},
                "places": 2, "ageMin": 0, "ageMax": 17, "weeklyCost": 400},
               {"id": "P2", "type": "CONNECTED_PERSON", "localAuthority": "E2", "location": {"lat": 52.2, "lon": 0.3},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 300, "connectedChildren": ["C2"]}
             ],
             "children": [
               {"id": "C1", "dateOfBirth": "2015-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.1},
                "urgency": "PLANNED", "currentPlacement": "P1", "pinned": true},
               {"id": "C2", "dateOfBirth": "2012-06-30", "gender": "FEMALE", "home": {"lat": 52.1, "lon": 0.2},
                "urgency": "EMERGENCY", "siblingGroup": "S1"}
             ]}
            """;

    /**
     * A child both pinned and needsMove (valid: contract section 1.4 does not refuse it), scored by hand. C1 must stay
     * at P1 (pinned) while its placement there is ending: H13 broken, one hard point that no plan avoids, though moving
     * it to P2 would be feasible. C2 waits and goes beside it at P1, the cheaper place (P2 costs 600). Every home is at
     * its provider's location (0 miles), all in area, no languages or religions: soft is the cost alone, 400 + 400.
     * Best plan: C1 P1, C2 P1, {@code -1hard/0medium/-800soft}, not feasible.
     */
    public static final String PINNED_AND_MOVING = """
            {"schemaVersion": 1, "name": "Pinned and moving", "referenceDate": "2026-11-22", "homeAuthority": "E1",
             "providers": [
               {"id": "P1", "type": "IN_HOUSE_FOSTER", "localAuthority": "E1", "location": {"lat": 52.0, "lon": 0.1},
                "places": 2, "ageMin": 0, "ageMax": 17, "weeklyCost": 400},
               {"id": "P2", "type": "IN_HOUSE_FOSTER", "localAuthority": "E1", "location": {"lat": 52.0, "lon": 0.1},
                "places": 1, "ageMin": 0, "ageMax": 17, "weeklyCost": 600}
             ],
             "children": [
               {"id": "C1", "dateOfBirth": "2015-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.1},
                "urgency": "URGENT", "currentPlacement": "P1", "pinned": true, "needsMove": true},
               {"id": "C2", "dateOfBirth": "2013-06-30", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.1},
                "urgency": "PLANNED"}
             ]}
            """;

    /** Each case: what is wrong, the JSON, and a path the error must name. */
    public static List<Arguments> invalidInputs() {
        return List.of(
                Arguments.of(
                        "wrong type", edit(root -> provider(root, 0).put("places", "two")), "$.providers[0].places"),
                Arguments.of("duplicate id", edit(root -> child(root, 1).put("id", "C1")), "$.children[1].id"),
                Arguments.of(
                        "unknown provider id",
                        edit(root -> child(root, 0).put("currentPlacement", "P9")),
                        "$.children[0].currentPlacement"),
                Arguments.of(
                        "pinned without currentPlacement",
                        edit(root -> child(root, 0).remove("currentPlacement")),
                        "$.children[0].pinned"),
                Arguments.of(
                        "ageMin > ageMax",
                        edit(root -> provider(root, 0).put("ageMin", 12).put("ageMax", 10)),
                        "$.providers[0].ageMin"),
                Arguments.of(
                        "supported lodgings under 16",
                        edit(root -> provider(root, 0)
                                .put("type", "SUPPORTED_LODGINGS")
                                .put("ageMin", 15)),
                        "$.providers[0].ageMin"),
                Arguments.of(
                        "foster places over 3 without exemption, two current children not siblings",
                        edit(root -> {
                            provider(root, 0).put("places", 4);
                            child(root, 1).put("currentPlacement", "P1");
                        }),
                        "$.providers[0].places"),
                Arguments.of(
                        "Ofsted judgement not one of the four",
                        edit(root -> provider(root, 0).put("ofstedJudgement", "SATISFACTORY")),
                        "$.providers[0].ofstedJudgement"),
                Arguments.of(
                        "minimum Ofsted judgement not one of the four",
                        edit(root -> root.put("minimumOfstedJudgement", "good")),
                        "$.minimumOfstedJudgement"),
                Arguments.of(
                        "registered not a boolean",
                        edit(root -> provider(root, 0).put("registered", "no")),
                        "$.providers[0].registered"),
                Arguments.of(
                        "Ofsted URN over 100 characters",
                        edit(root -> provider(root, 0).put("ofstedUrn", "SC" + "1".repeat(100))),
                        "$.providers[0].ofstedUrn"),
                Arguments.of(
                        "negative cost",
                        edit(root -> provider(root, 1).put("weeklyCost", -1)),
                        "$.providers[1].weeklyCost"),
                Arguments.of(
                        "missing required field",
                        edit(root -> child(root, 1).remove("dateOfBirth")),
                        "$.children[1].dateOfBirth"),
                Arguments.of("bad enum", edit(root -> child(root, 1).put("urgency", "SOON")), "$.children[1].urgency"),
                Arguments.of("bad date", edit(root -> root.put("referenceDate", "22/11/2026")), "$.referenceDate"),
                Arguments.of(
                        "unknown connected child",
                        edit(root -> ((ArrayNode) provider(root, 1).get("connectedChildren")).add("C7")),
                        "$.providers[1].connectedChildren[1]"),
                Arguments.of(
                        "placeTogether differs in a group",
                        edit(root -> {
                            child(root, 0).put("siblingGroup", "S1").put("placeTogether", false);
                        }),
                        "$.children[1].placeTogether"),
                Arguments.of(
                        "pinned differs in a placeTogether group",
                        edit(root -> child(root, 0).put("siblingGroup", "S1")),
                        "$.children[1].pinned"),
                Arguments.of("wrong schema version", edit(root -> root.put("schemaVersion", 2)), "$.schemaVersion"),
                Arguments.of(
                        "unknown weight", edit(root -> root.putObject("weights").put("speed", 3)), "$.weights.speed"),
                Arguments.of(
                        "negative weight",
                        edit(root -> root.putObject("weights").put("cost", -1)),
                        "$.weights.cost"),
                Arguments.of(
                        "latitude out of range",
                        edit(root -> ((ObjectNode) child(root, 0).get("home")).put("lat", 91)),
                        "$.children[0].home.lat"),
                Arguments.of("malformed JSON", "{\"schemaVersion\": 1,", "$"),
                Arguments.of("empty body", "", "$"),
                Arguments.of("not an object", "[1, 2]", "$"));
    }

    public static ObjectNode provider(ObjectNode root, int i) {
        return (ObjectNode) root.get("providers").get(i);
    }

    public static ObjectNode child(ObjectNode root, int i) {
        return (ObjectNode) root.get("children").get(i);
    }

    /** The valid problem with one change applied. */
    public static String edit(Consumer<ObjectNode> change) {
        try {
            JsonNode root = ContractJson.mapper().readTree(VALID);
            change.accept((ObjectNode) root);
            return ContractJson.mapper().writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
