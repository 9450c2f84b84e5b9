package org.placementmatcher.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.placementmatcher.contract.ProblemFixtures.VALID;
import static org.placementmatcher.contract.ProblemFixtures.child;
import static org.placementmatcher.contract.ProblemFixtures.edit;
import static org.placementmatcher.contract.ProblemFixtures.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProblemReaderTest {

    @Test
    void readsAValidProblemWithDefaultsLeftNull() {
        PlacementProblem problem = ProblemReader.read(VALID);

        assertThat(problem.providers()).extracting(ProviderInput::id).containsExactly("P1", "P2");
        assertThat(problem.children().get(1).placeTogetherOrDefault()).isTrue();
        assertThat(problem.children().get(0).pinnedOrDefault()).isTrue();
        assertThat(problem.weights()).isNull();
    }

    /** Contract section 1.4 does not list pinned with needsMove among the invalid: the child stays, breaking H13. */
    @Test
    void aChildBothPinnedAndNeedsMoveIsValid() {
        PlacementProblem problem = ProblemReader.read(ProblemFixtures.PINNED_AND_MOVING);

        ChildInput child = problem.children().getFirst();
        assertThat(child.pinnedOrDefault()).isTrue();
        assertThat(child.needsMove()).isTrue();
        assertThat(child.currentPlacement()).isEqualTo("P1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.placementmatcher.contract.ProblemFixtures#invalidInputs")
    void rejectsInvalidInputNamingTheJsonPath(String what, String json, String path) {
        assertThatThrownBy(() -> ProblemReader.read(json))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(ProblemError::path)
                                .contains(path));
    }

    @Test
    void adjoiningAuthoritiesReadsAsAListOrAnObjectAndWritesBackAsWritten() throws Exception {
        String list =
                edit(root -> root.putArray("adjoiningAuthorities").add("E2").add("E3"));
        String object = edit(root -> {
            ObjectNode adjoining = root.putObject("adjoiningAuthorities");
            adjoining.putArray("E1").add("E2");
            adjoining.putArray("E2").add("E1").add("E3");
            adjoining.putArray("E3");
        });

        PlacementProblem fromList = ProblemReader.read(list);
        PlacementProblem fromObject = ProblemReader.read(object);

        assertThat(fromList.adjoiningTo("E1")).containsExactlyInAnyOrder("E2", "E3");
        assertThat(fromList.adjoiningTo("E2")).isEmpty(); // the list form speaks of the home authority only
        assertThat(fromObject.adjoiningTo("E2")).containsExactlyInAnyOrder("E1", "E3");
        assertThat(fromObject.adjoiningTo("E3")).isEmpty();
        assertThat(fromObject.adjoiningTo("E9")).isEmpty();
        for (String json : List.of(list, object)) {
            PlacementProblem read = ProblemReader.read(json);
            JsonNode written = ContractJson.mapper().valueToTree(read);
            assertThat(written.get("adjoiningAuthorities"))
                    .isEqualTo(ContractJson.mapper().readTree(json).get("adjoiningAuthorities"));
            assertThat(ProblemReader.read(ContractJson.mapper().writeValueAsString(read)))
                    .isEqualTo(read);
        }
    }

    @Test
    void everyBadKeyAndCodeOfAdjoiningAuthoritiesIsNamedByItsPath() {
        String json = edit(root -> {
            ObjectNode adjoining = root.putObject("adjoiningAuthorities");
            adjoining.putArray("E1").add("E2").add(7).add("x".repeat(101));
            adjoining.put("E2", "E1");
            adjoining.putArray("bad\u0000key");
            adjoining.putArray(" ");
        });

        assertRejectedAt(
                json,
                "$.adjoiningAuthorities.E1[1]",
                "$.adjoiningAuthorities.E1[2]",
                "$.adjoiningAuthorities.E2",
                "$.adjoiningAuthorities.'bad\\u0000key'",
                "$.adjoiningAuthorities.' '");
        assertRejectedAt(edit(root -> root.put("adjoiningAuthorities", "E2")), "$.adjoiningAuthorities");
    }

    @Test
    void aBlankResponsibleAuthorityIsRefusedRatherThanMakingEveryPlacementOutOfArea() {
        String json = edit(root -> ((ObjectNode) root.withArray("children").get(0)).put("responsibleAuthority", " "));

        assertRejectedAt(json, "$.children[0].responsibleAuthority");
    }

    @Test
    void aPlanStoredBeforeKpisByAuthorityReadsBack() throws Exception {
        String older = """
                {"name": "n", "score": "0hard/0medium/-400soft", "feasible": true,
                 "assignments": [{"childId": "C1", "providerId": "P1", "moved": false}],
                 "kpis": {"children": 1, "placed": 1, "unplaced": 0, "outOfAreaPercent": 0.0,
                  "over20MilesPercent": 0.0, "moves": 0, "siblingGroupsSplit": 0, "weeklyCost": 400.0}}
                """;

        PlacementPlan plan = ContractJson.mapper().readValue(older, PlacementPlan.class);

        assertThat(plan.kpis().placed()).isEqualTo(1);
        assertThat(plan.kpisByAuthority()).isNull();
        assertThat(ContractJson.mapper().valueToTree(plan).has("kpisByAuthority"))
                .isFalse();
    }

    @Test
    void readsTheOfstedFieldsOfAProviderAndDefaultsRegisteredToTrue() {
        String json = edit(root -> provider(root, 0)
                .put("ofstedUrn", "SC123456")
                .put("registered", false)
                .put("ofstedJudgement", "REQUIRES_IMPROVEMENT"));

        PlacementProblem problem = ProblemReader.read(json);

        ProviderInput first = problem.providers().get(0);
        assertThat(first.ofstedUrn()).isEqualTo("SC123456");
        assertThat(first.registeredOrDefault()).isFalse();
        assertThat(first.ofstedJudgement()).isEqualTo(org.placementmatcher.domain.OfstedJudgement.REQUIRES_IMPROVEMENT);
        assertThat(problem.providers().get(1).registeredOrDefault()).isTrue();
        assertThat(problem.providers().get(1).ofstedJudgement()).isNull();
    }

    @Test
    void listsEveryProblemNotOnlyTheFirst() {
        String json = edit(root -> {
            provider(root, 0).put("places", "two").put("ageMin", -1);
            child(root, 1).put("gender", 7).remove("home");
        });

        assertRejectedAt(
                json, "$.providers[0].places", "$.providers[0].ageMin", "$.children[1].gender", "$.children[1].home");
    }

    @Test
    void acceptsFosterPlacesOverThreeForOneSiblingGroupOrWithExemption() {
        String siblingsOnly = edit(root -> {
            provider(root, 0).put("places", 4);
            child(root, 0).put("siblingGroup", "S0");
        });
        String exempt = edit(root -> provider(root, 0).put("places", 4).put("fosteringLimitExemption", true));

        assertThat(ProblemReader.read(siblingsOnly).providers().get(0).places()).isEqualTo(4);
        assertThat(ProblemReader.read(exempt).providers().get(0).places()).isEqualTo(4);
    }

    /**
     * Contract section 1.4 refuses more than 3 foster places without exemption only while the current children are
     * "not all siblings": one child (C1, no siblingGroup) cannot be, like none; two unrelated ones are.
     */
    @Test
    void fosterPlacesOverThreeWithOneCurrentChildAreAcceptedAndWithTwoUnrelatedRefused() {
        String oneChild = edit(root -> provider(root, 0).put("places", 4));
        String twoUnrelated = edit(root -> {
            provider(root, 0).put("places", 4);
            child(root, 1).put("currentPlacement", "P1");
        });
        String twoSiblings = edit(root -> {
            provider(root, 0).put("places", 4);
            child(root, 0).put("siblingGroup", "S1").put("pinned", false);
            child(root, 1).put("currentPlacement", "P1");
        });

        assertThat(ProblemReader.read(oneChild).children().get(0).siblingGroup())
                .isNull();
        assertThat(ProblemReader.read(oneChild).providers().get(0).places()).isEqualTo(4);
        assertThat(ProblemReader.read(twoSiblings).providers().get(0).places()).isEqualTo(4);
        assertRejectedAt(twoUnrelated, "$.providers[0].places");
    }

    @Test
    void strictJsonRefusesDuplicateKeysAndDataAfterTheValue() {
        String duplicate = VALID.replaceFirst("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"schemaVersion\": 1,");
        String trailing = VALID + " {}";

        assertThatThrownBy(() -> ProblemReader.read(duplicate))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.path()).isEqualTo("$");
                            assertThat(error.message())
                                    .contains("malformed JSON")
                                    .contains("Duplicate field 'schemaVersion'");
                        }));
        assertThatThrownBy(() -> ProblemReader.read(trailing))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(ProblemError::message)
                                .singleElement()
                                .asString()
                                .contains("malformed JSON")
                                .contains("Trailing token"));
    }

    @Test
    void ignoresUnknownFieldsSoTheContractCanBeExtended() {
        String extended = edit(root -> root.put("comment", "from case system"));

        assertThat(ProblemReader.read(extended).children()).hasSize(2);
    }

    @Test
    void jsonPastJacksonsReadLimitsIsRefusedInPlainWords() {
        String deep = "[".repeat(1_200) + "]".repeat(1_200);
        String longString = "{\"name\": \""
                + "x"
                        .repeat(ContractJson.mapper()
                                        .getFactory()
                                        .streamReadConstraints()
                                        .getMaxStringLength()
                                + 1) + "\"}";

        for (var body : java.util.Map.of(deep, "nested too deeply", longString, "a string is too long")
                .entrySet()) {
            assertThatThrownBy(() -> ProblemReader.read(body.getKey()))
                    .isInstanceOfSatisfying(
                            InvalidProblemException.class,
                            e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                                assertThat(error.path()).isEqualTo("$");
                                assertThat(error.message())
                                        .contains(body.getValue())
                                        // No Java class, method or setting: Jackson's own message names them.
                                        .doesNotContainPattern(
                                                "java\\.|jakarta\\.|Exception|com\\.fasterxml|\\w\\(\\)|StreamReadConstraints");
                            }));
        }
    }

    /** Reading the JSON fails with errors at exactly these paths, in any order. */
    private static void assertRejectedAt(String json, String... paths) {
        assertThatThrownBy(() -> ProblemReader.read(json))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(ProblemError::path)
                                .containsExactlyInAnyOrder(paths));
    }
}
