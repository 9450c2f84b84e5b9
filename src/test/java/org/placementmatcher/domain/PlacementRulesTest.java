package org.placementmatcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The helpers the sample-data generator and the benchmark models share with the engine's rules. */
class PlacementRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static Child child(String id, String siblingGroup, Urgency urgency) {
        return new Child(
                id,
                12,
                "MALE",
                siblingGroup,
                true,
                52.2,
                0.1,
                Set.of(),
                urgency,
                TODAY,
                null,
                false,
                false,
                false,
                false,
                List.of(),
                Set.of(),
                null,
                "HOME",
                Set.of());
    }

    private static Provider provider(ProviderType type, boolean emergencyApproved, boolean exempt) {
        return new Provider(
                "P",
                0,
                type,
                "E10000003",
                true,
                52.2,
                0.1,
                4,
                0,
                17,
                null,
                Set.of(),
                500,
                TODAY,
                emergencyApproved,
                Set.of(),
                exempt,
                Set.of("en"),
                null,
                true,
                null,
                null);
    }

    @Test
    void allOneSiblingGroupNeedsOneNamedGroup() {
        assertThat(PlacementRules.allOneSiblingGroup(
                        List.of(child("C1", "S1", Urgency.PLANNED), child("C2", "S1", Urgency.PLANNED))))
                .isTrue();
        assertThat(PlacementRules.allOneSiblingGroup(
                        List.of(child("C1", "S1", Urgency.PLANNED), child("C2", "S2", Urgency.PLANNED))))
                .isFalse();
        assertThat(PlacementRules.allOneSiblingGroup(
                        List.of(child("C1", "S1", Urgency.PLANNED), child("C2", null, Urgency.PLANNED))))
                .isFalse();
        assertThat(PlacementRules.allOneSiblingGroup(List.of(child("C1", null, Urgency.PLANNED))))
                .isFalse();
    }

    @Test
    void aWaivedRuleIsTheOnlyOneLeftOut() {
        Child emergency = child("C1", null, Urgency.EMERGENCY);
        Provider notApproved = provider(ProviderType.IN_HOUSE_FOSTER, false, false);

        assertThat(PlacementRules.isEligible(emergency, notApproved)).isFalse();
        assertThat(PlacementRules.isEligibleWaiving(HardRule.H9, emergency, notApproved))
                .isTrue();
        assertThat(PlacementRules.isEligibleWaiving(HardRule.H8, emergency, notApproved))
                .isFalse();
        assertThat(PlacementRules.isEligible(emergency, provider(ProviderType.IN_HOUSE_FOSTER, true, false)))
                .isTrue();
    }

    @Test
    void theFosteringLimitAppliesToFosterTypesWithoutExemption() {
        assertThat(PlacementRules.fosteringLimitApplies(provider(ProviderType.IFA_FOSTER, false, false)))
                .isTrue();
        assertThat(PlacementRules.fosteringLimitApplies(provider(ProviderType.CONNECTED_PERSON, false, false)))
                .isTrue();
        assertThat(PlacementRules.fosteringLimitApplies(provider(ProviderType.IFA_FOSTER, false, true)))
                .isFalse();
        assertThat(PlacementRules.fosteringLimitApplies(provider(ProviderType.RESIDENTIAL_HOME, false, false)))
                .isFalse();
    }
}
