package org.placementmatcher.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.register.RunDecisions.DecisionRequest;

/** A decision's fields are checked before anything is looked up (no database needed here). */
class RunDecisionsTest {

    @Test
    void aChildIdThatCannotBeAnIdIsRefusedWithoutBeingEchoed() {
        String hostile = "C".repeat(5_000) + "\u0000";
        DecisionRequest request = new DecisionRequest(hostile, "ACCEPT", null, "agreed");

        assertThatThrownBy(() -> new RunDecisions(null, null, null, null, null, null).decide("LA", "run-1", request))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.path()).isEqualTo("$.childId");
                            assertThat(error.message()).hasSizeLessThan(300).doesNotContain("CCCCCCCCCC".repeat(20));
                        }));
    }
}
