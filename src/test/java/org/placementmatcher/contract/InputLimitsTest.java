package org.placementmatcher.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.placementmatcher.contract.ProblemFixtures.child;
import static org.placementmatcher.contract.ProblemFixtures.edit;
import static org.placementmatcher.contract.ProblemFixtures.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.placementmatcher.domain.ScoringWeights;

/** Contract section 10, one rule at a time: the value at its limit is accepted, one past it refused with its path. */
class InputLimitsTest {

    /** Each numeric rule: where it sits, how to set it, the limit and the first value past it. */
    static Stream<Arguments> numbers() {
        Stream<Arguments> fields = Stream.of(
                Arguments.of(
                        "$.providers[1].weeklyCost",
                        (BiConsumer<ObjectNode, Double>)
                                (root, v) -> provider(root, 1).put("weeklyCost", v),
                        1_000_000.0,
                        1_000_000.01),
                Arguments.of(
                        "$.providers[0].places",
                        (BiConsumer<ObjectNode, Double>) (root, v) -> provider(root, 0)
                                .put("fosteringLimitExemption", true)
                                .put("places", v.intValue()),
                        1000.0,
                        1001.0),
                Arguments.of(
                        "$.children[1].excludedAreas[0].radiusMiles",
                        (BiConsumer<ObjectNode, Double>) (root, v) -> child(root, 1)
                                .putArray("excludedAreas")
                                .addObject()
                                .put("lat", 52.5)
                                .put("lon", 0.5)
                                .put("radiusMiles", v),
                        1000.0,
                        1000.001));
        Stream<Arguments> weights = ScoringWeights.KEYS.stream()
                .map(key -> Arguments.of(
                        "$.weights." + key,
                        (BiConsumer<ObjectNode, Double>)
                                (root, v) -> root.putObject("weights").put(key, v.longValue()),
                        1_000_000.0,
                        1_000_001.0));
        return Stream.concat(fields, weights);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbers")
    void aNumberAtItsLimitIsAcceptedAndOnePastItRefused(
            String path, BiConsumer<ObjectNode, Double> set, double limit, double past) {
        ProblemReader.read(edit(root -> set.accept(root, limit)));

        assertRefusedAt(edit(root -> set.accept(root, past)), path);
    }

    @Test
    void atMostOneHundredThousandProvidersAndChildren() {
        assertThat(ProblemReader.read(withCopies(InputLimits.MAX_PROVIDERS, InputLimits.MAX_CHILDREN), "$")
                        .providers())
                .hasSize(InputLimits.MAX_PROVIDERS);

        for (ObjectNode tooMany :
                List.of(withCopies(InputLimits.MAX_PROVIDERS + 1, 2), withCopies(2, InputLimits.MAX_CHILDREN + 1))) {
            String path = tooMany.get("providers").size() > 2 ? "$.providers" : "$.children";
            assertThatThrownBy(() -> ProblemReader.read(tooMany, "$"))
                    .isInstanceOfSatisfying(
                            InvalidProblemException.class,
                            e -> assertThat(e.errors())
                                    .extracting(ProblemError::path)
                                    .contains(path));
        }
    }

    /** The valid problem (as a tree: the reader takes one) grown to that many providers and children. */
    private static ObjectNode withCopies(int providers, int children) {
        try {
            ObjectNode root = (ObjectNode) ContractJson.mapper().readTree(ProblemFixtures.VALID);
            grow((ArrayNode) root.get("providers"), providers, "P-");
            grow((ArrayNode) root.get("children"), children, "C-");
            return root;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void grow(ArrayNode records, int size, String idPrefix) {
        ObjectNode template = ((ObjectNode) records.get(1)).deepCopy();
        template.remove("connectedChildren");
        template.remove("siblingGroup");
        if (template.has("type")) {
            template.put("type", "RESIDENTIAL_HOME");
        }
        for (int i = records.size(); i < size; i++) {
            records.add(template.deepCopy().put("id", idPrefix + i));
        }
    }

    /** Every string of the problem, each set to a text (ids consistently, so references still hold). */
    private static String everyString(String text) {
        return edit(root -> {
            root.put("name", text)
                    .put("homeAuthority", text)
                    .putArray("adjoiningAuthorities")
                    .add(text);
            ObjectNode p1 = provider(root, 0);
            p1.put("localAuthority", text).put("religion", text);
            p1.putArray("acceptsGenders").add(text).add("MALE").add("FEMALE");
            p1.putArray("capabilities").add(text);
            p1.putArray("languages").add(text);
            ObjectNode c1 = child(root, 0);
            c1.put("religion", text).putArray("languages").add(text);
            c1.putArray("needs");
            ObjectNode c2 = child(root, 1);
            c2.put("id", text).put("siblingGroup", text).put("gender", text);
            ((ArrayNode) provider(root, 1).get("connectedChildren")).removeAll().add(text);
        });
    }

    @Test
    void stringsOfOneHundredCharactersAreAccepted() {
        String hundred = "x".repeat(TextRules.MAX_CODE_LENGTH);
        PlacementProblem problem = ProblemReader.read(everyString(hundred));

        assertThat(problem.children().get(1).id()).isEqualTo(hundred);
        assertThat(problem.providers().get(0).localAuthority()).isEqualTo(hundred);
        // Characters, not UTF-16 units: 100 characters outside the Basic Multilingual Plane are 100.
        String wide = "\uD83D\uDE00".repeat(TextRules.MAX_CODE_LENGTH);
        assertThat(ProblemReader.read(everyString(wide)).name()).isEqualTo(wide);
    }

    static List<String> stringPaths() {
        return List.of(
                "$.name",
                "$.homeAuthority",
                "$.adjoiningAuthorities[0]",
                "$.providers[0].localAuthority",
                "$.providers[0].religion",
                "$.providers[0].acceptsGenders[0]",
                "$.providers[0].capabilities[0]",
                "$.providers[0].languages[0]",
                "$.children[0].religion",
                "$.children[0].languages[0]",
                "$.children[1].id",
                "$.children[1].siblingGroup",
                "$.children[1].gender",
                "$.providers[1].connectedChildren[0]");
    }

    @ParameterizedTest
    @MethodSource("stringPaths")
    void aStringOfOneHundredAndOneCharactersIsRefusedWithItsPath(String path) {
        assertRefusedAt(everyString("x".repeat(TextRules.MAX_CODE_LENGTH + 1)), path);
    }

    @Test
    void idsAndReferencesOfOneHundredAndOneCharactersAreRefused() {
        String long101 = "P".repeat(TextRules.MAX_CODE_LENGTH + 1);
        assertRefusedAt(edit(root -> provider(root, 0).put("id", long101)), "$.providers[0].id");
        assertRefusedAt(
                edit(root -> child(root, 0).put("currentPlacement", long101)), "$.children[0].currentPlacement");
        assertRefusedAt(edit(root -> child(root, 1).putArray("needs").add(long101)), "$.children[1].needs[0]");
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreRefusedWithTheirPath() {
        assertRefusedAt(edit(root -> child(root, 1).put("id", "C\u00002")), "$.children[1].id");
        assertRefusedAt(edit(root -> root.put("name", "run\nnight")), "$.name");
        assertRefusedAt(edit(root -> provider(root, 0).put("religion", "\u0085")), "$.providers[0].religion");
        assertRefusedAt(edit(root -> child(root, 1).put("siblingGroup", "S\uD800")), "$.children[1].siblingGroup");
        assertRefusedAt(edit(root -> child(root, 1).put("gender", "\uDC00F")), "$.children[1].gender");
    }

    @Test
    void aHugeValueIsNotEchoedWhole() {
        String huge = "Z".repeat(1_000_000);
        InvalidProblemException e =
                refused(edit(root -> child(root, 1).put("urgency", huge).put("gender", huge)));

        assertThat(e.errors())
                .allSatisfy(error -> assertThat(
                                error.message().length() + error.path().length())
                        .isLessThan(300));
    }

    @Test
    void errorListsStopAtOneHundredThenCountTheRest() {
        String json = edit(root -> {
            grow((ArrayNode) root.get("children"), 1000, "C-");
            root.get("children").forEach(c -> ((ObjectNode) c).put("urgency", "SOON"));
        });

        InvalidProblemException e = refused(json);

        assertThat(e.errors()).hasSize(ProblemErrors.MAX_LISTED);
        assertThat(e.omitted()).isEqualTo(900);
        assertThat(e.reported()).hasSize(101).last().isEqualTo(new ProblemError("$", "and 900 more"));
    }

    @Test
    void anErrorListOfAtMostOneHundredIsReportedWhole() {
        InvalidProblemException e = refused(edit(root -> child(root, 1).put("urgency", "SOON")));

        assertThat(e.reported()).isEqualTo(e.errors()).hasSize(1);
    }

    private static InvalidProblemException refused(String json) {
        try {
            ProblemReader.read(json);
        } catch (InvalidProblemException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json.substring(0, Math.min(200, json.length())));
    }

    private static void assertRefusedAt(String json, String path) {
        assertThatThrownBy(() -> ProblemReader.read(json))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(ProblemError::path)
                                .contains(path));
    }
}
