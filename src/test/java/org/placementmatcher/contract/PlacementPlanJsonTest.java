package org.placementmatcher.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's proof in its JSON (docs/contract.md, "Extensions"): written when there is one, and optional to read. */
class PlacementPlanJsonTest {

    private static final Kpis KPIS = new Kpis(1, 1, 0, 0.0, 0.0, 0, 0, 100.0, null);

    @Test
    void aPlanWithItsProofWritesTheBoundAndTheGap() throws Exception {
        PlacementPlan plan = new PlacementPlan(
                "p",
                "0hard/-1medium/-1012soft",
                true,
                List.of(new Assignment("C1", "P1", false)),
                KPIS,
                null,
                "0hard/-1medium/-1000soft",
                1.2,
                0L);

        JsonNode json = ContractJson.mapper().readTree(ContractJson.mapper().writeValueAsString(plan));

        assertThat(json.get("bestBound").asText()).isEqualTo("0hard/-1medium/-1000soft");
        assertThat(json.get("gapPercent").asDouble()).isEqualTo(1.2);
        assertThat(json.get("mediumGap").asLong()).isZero();
        assertThat(ContractJson.mapper().treeToValue(json, PlacementPlan.class)).isEqualTo(plan);
    }

    @Test
    void aPlanWithoutAProofHasNoSuchFields() throws Exception {
        PlacementPlan plan = new PlacementPlan("p", "0hard/0medium/0soft", true, List.of(), KPIS);

        JsonNode json = ContractJson.mapper().readTree(ContractJson.mapper().writeValueAsString(plan));

        assertThat(json.has("bestBound")).isFalse();
        assertThat(json.has("gapPercent")).isFalse();
        assertThat(json.has("mediumGap")).isFalse();
    }

    /**
     * Contract section 4 writes {@code name} in every plan: null when the problem has none. The optional extensions
     * stay out when they have no value (here all of them: by authority, the proof, the DfE distance KPI).
     */
    @Test
    void aPlanWithoutANameWritesNameAsNullAndLeavesEmptyExtensionsOut() throws Exception {
        PlacementPlan plan = new PlacementPlan(null, "0hard/0medium/0soft", true, List.of(), KPIS);

        JsonNode json = ContractJson.mapper().readTree(ContractJson.mapper().writeValueAsString(plan));

        assertThat(json.has("name")).isTrue();
        assertThat(json.get("name").isNull()).isTrue();
        assertThat(json.properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly("name", "score", "feasible", "assignments", "kpis");
        assertThat(json.get("kpis").has("dfeOver20MilesPercent")).isFalse();
        assertThat(ContractJson.mapper().treeToValue(json, PlacementPlan.class)).isEqualTo(plan);
    }

    /** A plan stored before the proof existed (a register run's) still reads, without one. */
    @Test
    void aStoredPlanFromBeforeReadsWithoutAProof() throws Exception {
        String stored = """
                {"name": "p", "score": "0hard/0medium/-100soft", "feasible": true,
                 "assignments": [{"childId": "C1", "providerId": "P1", "moved": false}],
                 "kpis": {"children": 1, "placed": 1, "unplaced": 0, "outOfAreaPercent": 0.0,
                          "over20MilesPercent": 0.0, "moves": 0, "siblingGroupsSplit": 0, "weeklyCost": 100.0}}""";

        PlacementPlan plan = ContractJson.mapper().readValue(stored, PlacementPlan.class);

        assertThat(plan.score()).isEqualTo("0hard/0medium/-100soft");
        assertThat(plan.bestBound()).isNull();
        assertThat(plan.gapPercent()).isNull();
        assertThat(plan.mediumGap()).isNull();
    }
}
