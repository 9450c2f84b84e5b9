package org.placementmatcher.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.Circle;
import org.placementmatcher.domain.OfstedJudgement;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.ProviderType;
import org.placementmatcher.domain.ScoringWeights;
import org.placementmatcher.domain.Urgency;

/**
 * Every constraint of {@link PlacementConstraints} against docs/contract.md (sections 2, 3 and H15 of 9), with the
 * expected points worked out by hand from the contract, not from the implementation.
 *
 * <p>Test data defaults are neutral: a provider is an in-area residential home at (52.0, -1.0) with 10
 * places, ages 0-25, any gender, no capabilities, cost 0, available today, emergency approved, speaking
 * "en", no religion; a child is a 10-year-old PLANNED girl measured from (52.0, -1.0) with no needs, no
 * flags, no languages and no religion. Each test changes only what its rule looks at.
 */
class PlacementConstraintsTest {

    static final LocalDate REF = LocalDate.of(2026, 11, 22);
    static final double LAT = 52.0;
    static final double LON = -1.0;

    private static final ConstraintVerifier<PlacementConstraints, PlacementSolution> VERIFIER =
            ConstraintVerifier.build(new PlacementConstraints(), PlacementSolution.class, PlacementUnit.class);

    // =====================================================================================
    // Hard rules
    // =====================================================================================

    @Nested
    @DisplayName("H1 capacity")
    class Capacity {

        @Test
        void overByTwoAcrossSingleAndGroupUnitsPenalisesTwo() {
            List<Provider> ps = providers(provider("P").places(1));
            Provider p = ps.get(0);
            PlacementUnit single = placed(unit("u1", ps, child("a").build()), p);
            PlacementUnit group = placed(
                    unit(
                            "u2",
                            ps,
                            child("b").siblings("G", true).build(),
                            child("c").siblings("G", true).build()),
                    p);
            // 3 children at 1 place: 2 over
            VERIFIER.verifyThat(PlacementConstraints::capacity)
                    .given(single, group)
                    .penalizesBy(2);
        }

        @Test
        void multiMemberUnitCountsEachChild() {
            List<Provider> ps = providers(provider("P").places(2));
            PlacementUnit group = placed(
                    unit(
                            "u1",
                            ps,
                            child("a").siblings("G", true).build(),
                            child("b").siblings("G", true).build(),
                            child("c").siblings("G", true).build()),
                    ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::capacity).given(group).penalizesBy(1);
        }

        @Test
        void eachProviderCountedSeparately() {
            List<Provider> ps =
                    providers(provider("P1").places(1), provider("P2").places(0));
            PlacementUnit a = placed(unit("u1", ps, child("a").build()), ps.get(0));
            PlacementUnit b = placed(unit("u2", ps, child("b").build()), ps.get(0));
            PlacementUnit c = placed(unit("u3", ps, child("c").build()), ps.get(1));
            VERIFIER.verifyThat(PlacementConstraints::capacity).given(a, b, c).penalizesBy(2);
        }

        @Test
        void exactlyFullHasNoImpact() {
            List<Provider> ps = providers(provider("P").places(3));
            Provider p = ps.get(0);
            PlacementUnit single = placed(unit("u1", ps, child("a").build()), p);
            PlacementUnit group = placed(
                    unit(
                            "u2",
                            ps,
                            child("b").siblings("G", true).build(),
                            child("c").siblings("G", true).build()),
                    p);
            VERIFIER.verifyThat(PlacementConstraints::capacity)
                    .given(single, group)
                    .hasNoImpact();
        }

        @Test
        void unplacedChildrenDoNotUsePlaces() {
            List<Provider> ps = providers(provider("P").places(1));
            PlacementUnit in = placed(unit("u1", ps, child("a").build()), ps.get(0));
            PlacementUnit out = unit("u2", ps, child("b").build());
            VERIFIER.verifyThat(PlacementConstraints::capacity).given(in, out).hasNoImpact();
        }
    }

    @Nested
    @DisplayName("H2 ageRange")
    class AgeRange {

        @Test
        void tooOldPenalisesOne() {
            List<Provider> ps = providers(provider("P").ages(5, 10));
            VERIFIER.verifyThat(PlacementConstraints::ageRange)
                    .given(placed(unit("u", ps, child("a").age(11).build()), ps.get(0)))
                    .penalizesBy(1);
        }

        @Test
        void tooYoungPenalisesOne() {
            List<Provider> ps = providers(provider("P").ages(5, 10));
            VERIFIER.verifyThat(PlacementConstraints::ageRange)
                    .given(placed(unit("u", ps, child("a").age(4).build()), ps.get(0)))
                    .penalizesBy(1);
        }

        @Test
        void eachMemberOfAUnitOutOfRangeCounts() {
            List<Provider> ps = providers(provider("P").ages(5, 10));
            PlacementUnit group = placed(
                    unit(
                            "u",
                            ps,
                            child("a").age(4).siblings("G", true).build(),
                            child("b").age(7).siblings("G", true).build(),
                            child("c").age(11).siblings("G", true).build()),
                    ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::ageRange).given(group).penalizesBy(2);
        }

        @Test
        void boundsAreInclusive() {
            List<Provider> ps = providers(provider("P").ages(5, 10));
            PlacementUnit a = placed(unit("u1", ps, child("a").age(5).build()), ps.get(0));
            PlacementUnit b = placed(unit("u2", ps, child("b").age(10).build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::ageRange).given(a, b).hasNoImpact();
        }

        @Test
        void unplacedChildHasNoImpact() {
            List<Provider> ps = providers(provider("P").ages(5, 10));
            VERIFIER.verifyThat(PlacementConstraints::ageRange)
                    .given(unit("u", ps, child("a").age(11).build()))
                    .hasNoImpact();
        }

        @Test
        void pinnedChildWhoAgedOutStillShowsTheViolation() {
            List<Provider> ps = providers(provider("P").ages(5, 10));
            Child c = child("a").age(11).current(ps.get(0)).pinned().build();
            PlacementUnit u = placed(unit("u", ps, c), ps.get(0));
            assertThat(u.isPinned()).isTrue();
            VERIFIER.verifyThat(PlacementConstraints::ageRange).given(u).penalizesBy(1);
        }
    }

    @Nested
    @DisplayName("H3 siblingsTogether")
    class SiblingsTogether {

        @Test
        void splitAcrossTwoProvidersPlusOneUnplacedPenalisesTwo() {
            List<Provider> ps = providers(provider("P1"), provider("P2"));
            PlacementUnit a =
                    placed(unit("u1", ps, child("a").siblings("G", true).build()), ps.get(0));
            PlacementUnit b =
                    placed(unit("u2", ps, child("b").siblings("G", true).build()), ps.get(1));
            PlacementUnit c = unit("u3", ps, child("c").siblings("G", true).build());
            // (2 providers - 1) + 1 for partly placed
            VERIFIER.verifyThat(PlacementConstraints::siblingsTogether)
                    .given(a, b, c)
                    .penalizesBy(2);
        }

        @Test
        void splitAcrossThreeProvidersPenalisesTwo() {
            List<Provider> ps = providers(provider("P1"), provider("P2"), provider("P3"));
            PlacementUnit a =
                    placed(unit("u1", ps, child("a").siblings("G", true).build()), ps.get(0));
            PlacementUnit b =
                    placed(unit("u2", ps, child("b").siblings("G", true).build()), ps.get(1));
            PlacementUnit c =
                    placed(unit("u3", ps, child("c").siblings("G", true).build()), ps.get(2));
            VERIFIER.verifyThat(PlacementConstraints::siblingsTogether)
                    .given(a, b, c)
                    .penalizesBy(2);
        }

        @Test
        void partlyPlacedAtOneProviderPenalisesOne() {
            List<Provider> ps = providers(provider("P1"));
            PlacementUnit a =
                    placed(unit("u1", ps, child("a").siblings("G", true).build()), ps.get(0));
            PlacementUnit b = unit(
                    "u2",
                    ps,
                    child("b").siblings("G", true).build(),
                    child("c").siblings("G", true).build());
            VERIFIER.verifyThat(PlacementConstraints::siblingsTogether)
                    .given(a, b)
                    .penalizesBy(1);
        }

        @Test
        void twoSplitGroupsAreCountedEach() {
            List<Provider> ps = providers(provider("P1"), provider("P2"));
            PlacementUnit a =
                    placed(unit("u1", ps, child("a").siblings("G", true).build()), ps.get(0));
            PlacementUnit b =
                    placed(unit("u2", ps, child("b").siblings("G", true).build()), ps.get(1));
            PlacementUnit c =
                    placed(unit("u3", ps, child("c").siblings("H", true).build()), ps.get(0));
            PlacementUnit d = unit("u4", ps, child("d").siblings("H", true).build());
            VERIFIER.verifyThat(PlacementConstraints::siblingsTogether)
                    .given(a, b, c, d)
                    .penalizesBy(2);
        }

        @Test
        void allAtOneProviderHasNoImpact() {
            List<Provider> ps = providers(provider("P1"), provider("P2"));
            PlacementUnit a =
                    placed(unit("u1", ps, child("a").siblings("G", true).build()), ps.get(1));
            PlacementUnit b = placed(
                    unit(
                            "u2",
                            ps,
                            child("b").siblings("G", true).build(),
                            child("c").siblings("G", true).build()),
                    ps.get(1));
            VERIFIER.verifyThat(PlacementConstraints::siblingsTogether)
                    .given(a, b)
                    .hasNoImpact();
        }

        @Test
        void allUnplacedHasNoImpact() {
            List<Provider> ps = providers(provider("P1"));
            PlacementUnit a = unit("u1", ps, child("a").siblings("G", true).build());
            PlacementUnit b = unit("u2", ps, child("b").siblings("G", true).build());
            VERIFIER.verifyThat(PlacementConstraints::siblingsTogether)
                    .given(a, b)
                    .hasNoImpact();
        }

        @Test
        void placeTogetherFalseGroupSplitIsNotAHardViolation() {
            List<Provider> ps = providers(provider("P1"), provider("P2"));
            PlacementUnit a =
                    placed(unit("u1", ps, child("a").siblings("G", false).build()), ps.get(0));
            PlacementUnit b =
                    placed(unit("u2", ps, child("b").siblings("G", false).build()), ps.get(1));
            PlacementUnit c = unit("u3", ps, child("c").siblings("G", false).build());
            VERIFIER.verifyThat(PlacementConstraints::siblingsTogether)
                    .given(a, b, c)
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("H4 needsMet")
    class NeedsMet {

        @Test
        void onePointPerMissingNeed() {
            List<Provider> ps = providers(provider("P").caps("MEDICAL"));
            Child c = child("a")
                    .needs("MEDICAL", "WHEELCHAIR_ACCESS", "THERAPEUTIC")
                    .build();
            VERIFIER.verifyThat(PlacementConstraints::needsMet)
                    .given(placed(unit("u", ps, c), ps.get(0)))
                    .penalizesBy(2);
        }

        @Test
        void missingNeedsSummedOverUnitMembers() {
            List<Provider> ps = providers(provider("P").caps("MEDICAL"));
            PlacementUnit group = placed(
                    unit(
                            "u",
                            ps,
                            child("a").siblings("G", true).needs("THERAPEUTIC").build(),
                            child("b")
                                    .siblings("G", true)
                                    .needs("MEDICAL", "UASC_SUPPORT")
                                    .build()),
                    ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::needsMet).given(group).penalizesBy(2);
        }

        @Test
        void allNeedsMetHasNoImpact() {
            List<Provider> ps = providers(provider("P").caps("MEDICAL", "THERAPEUTIC", "UASC_SUPPORT"));
            Child c = child("a").needs("MEDICAL", "THERAPEUTIC").build();
            Child noNeeds = child("b").build();
            VERIFIER.verifyThat(PlacementConstraints::needsMet)
                    .given(placed(unit("u1", ps, c), ps.get(0)), placed(unit("u2", ps, noNeeds), ps.get(0)))
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("H5 gender")
    class Gender {

        @Test
        void genderNotListedPenalisesOne() {
            List<Provider> ps = providers(provider("P").genders("FEMALE"));
            VERIFIER.verifyThat(PlacementConstraints::gender)
                    .given(placed(unit("u", ps, child("a").gender("MALE").build()), ps.get(0)))
                    .penalizesBy(1);
        }

        @Test
        void listedGenderOrNoListHasNoImpact() {
            List<Provider> ps = providers(provider("P1").genders("FEMALE"), provider("P2"));
            PlacementUnit a = placed(unit("u1", ps, child("a").gender("FEMALE").build()), ps.get(0));
            PlacementUnit b = placed(unit("u2", ps, child("b").gender("MALE").build()), ps.get(1));
            VERIFIER.verifyThat(PlacementConstraints::gender).given(a, b).hasNoImpact();
        }
    }

    @Nested
    @DisplayName("H6 supportedLodgingsAge")
    class SupportedLodgingsAge {

        @Test
        void fifteenInSupportedLodgingsPenalisesOne() {
            List<Provider> ps = providers(provider("P").type(ProviderType.SUPPORTED_LODGINGS));
            VERIFIER.verifyThat(PlacementConstraints::supportedLodgingsAge)
                    .given(placed(unit("u", ps, child("a").age(15).build()), ps.get(0)))
                    .penalizesBy(1);
        }

        @Test
        void sixteenInSupportedLodgingsOrFifteenElsewhereHasNoImpact() {
            List<Provider> ps = providers(
                    provider("SL").type(ProviderType.SUPPORTED_LODGINGS),
                    provider("RH").type(ProviderType.RESIDENTIAL_HOME));
            PlacementUnit a = placed(unit("u1", ps, child("a").age(16).build()), ps.get(0));
            PlacementUnit b = placed(unit("u2", ps, child("b").age(15).build()), ps.get(1));
            VERIFIER.verifyThat(PlacementConstraints::supportedLodgingsAge)
                    .given(a, b)
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("H7 connectedPerson")
    class ConnectedPerson {

        @Test
        void childNotConnectedPenalisesOne() {
            List<Provider> ps =
                    providers(provider("P").type(ProviderType.CONNECTED_PERSON).connected("a"));
            VERIFIER.verifyThat(PlacementConstraints::connectedPerson)
                    .given(placed(unit("u", ps, child("b").build()), ps.get(0)))
                    .penalizesBy(1);
        }

        @Test
        void connectedChildOrOtherProviderTypeHasNoImpact() {
            List<Provider> ps = providers(
                    provider("CP").type(ProviderType.CONNECTED_PERSON).connected("a"),
                    provider("IFA").type(ProviderType.IFA_FOSTER));
            PlacementUnit a = placed(unit("u1", ps, child("a").build()), ps.get(0));
            PlacementUnit b = placed(unit("u2", ps, child("b").build()), ps.get(1));
            VERIFIER.verifyThat(PlacementConstraints::connectedPerson)
                    .given(a, b)
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("H8 availability")
    class Availability {

        @Test
        void availableAfterNeededByPenalisesOne() {
            List<Provider> ps = providers(provider("P").availableFrom(REF.plusDays(10)));
            VERIFIER.verifyThat(PlacementConstraints::availability)
                    .given(placed(
                            unit("u", ps, child("a").neededBy(REF.plusDays(9)).build()), ps.get(0)))
                    .penalizesBy(1);
        }

        @Test
        void availableOnNeededByHasNoImpact() {
            List<Provider> ps = providers(provider("P").availableFrom(REF.plusDays(10)));
            VERIFIER.verifyThat(PlacementConstraints::availability)
                    .given(placed(
                            unit("u", ps, child("a").neededBy(REF.plusDays(10)).build()), ps.get(0)))
                    .hasNoImpact();
        }

        @Test
        void exemptAtOwnCurrentPlacement() {
            List<Provider> ps = providers(provider("P").availableFrom(REF.plusDays(10)));
            Child c = child("a").neededBy(REF).current(ps.get(0)).build();
            VERIFIER.verifyThat(PlacementConstraints::availability)
                    .given(placed(unit("u", ps, c), ps.get(0)))
                    .hasNoImpact();
        }

        @Test
        void exemptionIsPerChildInAUnit() {
            List<Provider> ps = providers(provider("P").availableFrom(REF.plusDays(10)));
            PlacementUnit group = placed(
                    unit(
                            "u",
                            ps,
                            child("a").siblings("G", true).current(ps.get(0)).build(),
                            child("b").siblings("G", true).build()),
                    ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::availability).given(group).penalizesBy(1);
        }
    }

    @Nested
    @DisplayName("H9 emergency")
    class Emergency {

        @Test
        void emergencyChildAtUnapprovedProviderPenalisesOne() {
            List<Provider> ps = providers(provider("P").emergency(false));
            VERIFIER.verifyThat(PlacementConstraints::emergency)
                    .given(placed(
                            unit("u", ps, child("a").urgency(Urgency.EMERGENCY).build()), ps.get(0)))
                    .penalizesBy(1);
        }

        @Test
        void approvedProviderOrNonEmergencyChildHasNoImpact() {
            List<Provider> ps =
                    providers(provider("OK").emergency(true), provider("NO").emergency(false));
            PlacementUnit a =
                    placed(unit("u1", ps, child("a").urgency(Urgency.EMERGENCY).build()), ps.get(0));
            PlacementUnit b =
                    placed(unit("u2", ps, child("b").urgency(Urgency.URGENT).build()), ps.get(1));
            PlacementUnit c =
                    placed(unit("u3", ps, child("c").urgency(Urgency.PLANNED).build()), ps.get(1));
            VERIFIER.verifyThat(PlacementConstraints::emergency).given(a, b, c).hasNoImpact();
        }

        @Test
        void exemptAtOwnCurrentPlacement() {
            List<Provider> ps = providers(provider("P").emergency(false));
            Child c = child("a").urgency(Urgency.EMERGENCY).current(ps.get(0)).build();
            VERIFIER.verifyThat(PlacementConstraints::emergency)
                    .given(placed(unit("u", ps, c), ps.get(0)))
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("H10 riskToYounger")
    class RiskToYounger {

        @Test
        void riskChildWithYoungerChildPenalisesOne() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit risk = placed(unit("u1", ps, child("r").age(14).risk().build()), ps.get(0));
            PlacementUnit young = placed(unit("u2", ps, child("y").age(10).build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::riskToYounger)
                    .given(risk, young)
                    .penalizesBy(1);
        }

        @Test
        void unitOrderDoesNotMatter() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit young = placed(unit("u1", ps, child("y").age(10).build()), ps.get(0));
            PlacementUnit risk = placed(unit("u2", ps, child("r").age(14).risk().build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::riskToYounger)
                    .given(young, risk)
                    .penalizesBy(1);
        }

        @Test
        void onePointPerYoungerChild() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit risk = placed(unit("u1", ps, child("r").age(14).risk().build()), ps.get(0));
            PlacementUnit youngGroup = placed(
                    unit(
                            "u2",
                            ps,
                            child("y1").age(10).siblings("G", true).build(),
                            child("y2").age(8).siblings("G", true).build()),
                    ps.get(0));
            PlacementUnit older = placed(unit("u3", ps, child("o").age(16).build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::riskToYounger)
                    .given(risk, youngGroup, older)
                    .penalizesBy(2);
        }

        @Test
        void riskChildWithYoungerSiblingInSameUnitIsPenalised() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit group = placed(
                    unit(
                            "u",
                            ps,
                            child("r").age(14).risk().siblings("G", true).build(),
                            child("s").age(10).siblings("G", true).build()),
                    ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::riskToYounger)
                    .given(group)
                    .penalizesBy(1);
        }

        @Test
        void withinUnitAndAcrossUnitsAreBothCounted() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit group = placed(
                    unit(
                            "u1",
                            ps,
                            child("r").age(14).risk().siblings("G", true).build(),
                            child("s").age(10).siblings("G", true).build()),
                    ps.get(0));
            PlacementUnit other = placed(unit("u2", ps, child("x").age(8).build()), ps.get(0));
            // r-s and r-x; s-x is no risk pair
            VERIFIER.verifyThat(PlacementConstraints::riskToYounger)
                    .given(group, other)
                    .penalizesBy(2);
        }

        @Test
        void twoRiskChildrenOfDifferentAgesAreOnePair() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit a = placed(unit("u1", ps, child("a").age(14).risk().build()), ps.get(0));
            PlacementUnit b = placed(unit("u2", ps, child("b").age(12).risk().build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::riskToYounger).given(a, b).penalizesBy(1);
        }

        @Test
        void sameAgeIsNotYounger() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit risk = placed(unit("u1", ps, child("r").age(12).risk().build()), ps.get(0));
            PlacementUnit same = placed(unit("u2", ps, child("s").age(12).build()), ps.get(0));
            PlacementUnit older = placed(unit("u3", ps, child("o").age(13).build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::riskToYounger)
                    .given(risk, same, older)
                    .hasNoImpact();
        }

        @Test
        void differentProvidersOrUnplacedHaveNoImpact() {
            List<Provider> ps = providers(provider("P1"), provider("P2"));
            PlacementUnit risk = placed(unit("u1", ps, child("r").age(14).risk().build()), ps.get(0));
            PlacementUnit elsewhere = placed(unit("u2", ps, child("y").age(10).build()), ps.get(1));
            PlacementUnit unplaced = unit("u3", ps, child("z").age(9).build());
            VERIFIER.verifyThat(PlacementConstraints::riskToYounger)
                    .given(risk, elsewhere, unplaced)
                    .hasNoImpact();
        }

        @Test
        void youngerWithoutRiskFlagHasNoImpact() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit a = placed(unit("u1", ps, child("a").age(14).build()), ps.get(0));
            PlacementUnit b = placed(unit("u2", ps, child("b").age(10).build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::riskToYounger).given(a, b).hasNoImpact();
        }
    }

    @Nested
    @DisplayName("H11 solePlacement")
    class SolePlacement {

        @Test
        void soleChildWithUnrelatedChildPenalisesOne() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit sole = placed(unit("u1", ps, child("s").sole().build()), ps.get(0));
            PlacementUnit other = placed(unit("u2", ps, child("x").build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::solePlacement)
                    .given(sole, other)
                    .penalizesBy(1);
        }

        @Test
        void onePointPerUnrelatedChild() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit sole =
                    placed(unit("u1", ps, child("s").sole().siblings("S", false).build()), ps.get(0));
            PlacementUnit group = placed(
                    unit(
                            "u2",
                            ps,
                            child("x").siblings("G", true).build(),
                            child("y").siblings("G", true).build()),
                    ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::solePlacement)
                    .given(sole, group)
                    .penalizesBy(2);
        }

        @Test
        void twoSoleChildrenAreOneUnorderedPair() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit a = placed(unit("u1", ps, child("a").sole().build()), ps.get(0));
            PlacementUnit b = placed(unit("u2", ps, child("b").sole().build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::solePlacement).given(a, b).penalizesBy(1);
        }

        @Test
        void siblingPresentOnlyUnrelatedCounts() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit sole =
                    placed(unit("u1", ps, child("s").sole().siblings("S", false).build()), ps.get(0));
            PlacementUnit sibling =
                    placed(unit("u2", ps, child("t").siblings("S", false).build()), ps.get(0));
            PlacementUnit other = placed(unit("u3", ps, child("x").build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::solePlacement)
                    .given(sole, sibling, other)
                    .penalizesBy(1);
        }

        @Test
        void siblingsOfSameGroupSharingHaveNoImpact() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit sole =
                    placed(unit("u1", ps, child("s").sole().siblings("S", false).build()), ps.get(0));
            PlacementUnit sibling =
                    placed(unit("u2", ps, child("t").sole().siblings("S", false).build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::solePlacement)
                    .given(sole, sibling)
                    .hasNoImpact();
        }

        @Test
        void soleChildWithSiblingsInItsOwnTogetherUnitHasNoImpact() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit group = placed(
                    unit(
                            "u1",
                            ps,
                            child("h1").sole().siblings("H", true).build(),
                            child("h2").siblings("H", true).build(),
                            child("h3").sole().siblings("H", true).build()),
                    ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::solePlacement)
                    .given(group)
                    .hasNoImpact();
        }

        @Test
        void twoSiblingGroupsSharingCountEveryCrossPair() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit sole =
                    placed(unit("u1", ps, child("s").sole().siblings("S", false).build()), ps.get(0));
            PlacementUnit sibling =
                    placed(unit("u2", ps, child("t").sole().siblings("S", false).build()), ps.get(0));
            PlacementUnit group = placed(
                    unit(
                            "u3",
                            ps,
                            child("g1").siblings("G", true).build(),
                            child("g2").siblings("G", true).build()),
                    ps.get(0));
            // (s,g1) (s,g2) (t,g1) (t,g2); s-t and g1-g2 are siblings
            VERIFIER.verifyThat(PlacementConstraints::solePlacement)
                    .given(sole, sibling, group)
                    .penalizesBy(4);
        }

        @Test
        void noSoleChildOrDifferentProvidersHaveNoImpact() {
            List<Provider> ps = providers(provider("P1"), provider("P2"));
            PlacementUnit a = placed(unit("u1", ps, child("a").build()), ps.get(0));
            PlacementUnit b = placed(unit("u2", ps, child("b").build()), ps.get(0));
            PlacementUnit sole = placed(unit("u3", ps, child("s").sole().build()), ps.get(1));
            PlacementUnit unplaced = unit("u4", ps, child("z").build());
            VERIFIER.verifyThat(PlacementConstraints::solePlacement)
                    .given(a, b, sole, unplaced)
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("H12 excludedArea")
    class ExcludedArea {

        @Test
        void providerInsideOneAreaPenalisesOne() {
            List<Provider> ps = providers(provider("P").at(LAT + 0.1, LON)); // 6.909 miles from (LAT, LON)
            Child c = child("a").excluded(new Circle(LAT, LON, 7.0)).build();
            VERIFIER.verifyThat(PlacementConstraints::excludedArea)
                    .given(placed(unit("u", ps, c), ps.get(0)))
                    .penalizesBy(1);
        }

        @Test
        void onePointPerAreaContainingTheProvider() {
            List<Provider> ps = providers(provider("P").at(LAT + 0.1, LON));
            Child c = child("a")
                    .excluded(
                            new Circle(LAT, LON, 7.0), new Circle(LAT + 0.1, LON, 1.0), new Circle(LAT + 1.0, LON, 5.0))
                    .build();
            VERIFIER.verifyThat(PlacementConstraints::excludedArea)
                    .given(placed(unit("u", ps, c), ps.get(0)))
                    .penalizesBy(2);
        }

        @Test
        void radiusIsInclusive() {
            List<Provider> ps = providers(provider("P").at(LAT, LON));
            Child c = child("a").excluded(new Circle(LAT, LON, 0.0)).build();
            VERIFIER.verifyThat(PlacementConstraints::excludedArea)
                    .given(placed(unit("u", ps, c), ps.get(0)))
                    .penalizesBy(1);
        }

        @Test
        void providerJustOutsideHasNoImpact() {
            List<Provider> ps = providers(provider("P").at(LAT + 0.1, LON));
            Child c = child("a").excluded(new Circle(LAT, LON, 6.9)).build();
            VERIFIER.verifyThat(PlacementConstraints::excludedArea)
                    .given(placed(unit("u", ps, c), ps.get(0)))
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("H13 mustMove")
    class MustMove {

        @Test
        void needsMoveChildAtCurrentPlacementPenalisesOne() {
            List<Provider> ps = providers(provider("P"));
            Child c = child("a").current(ps.get(0)).needsMove().build();
            VERIFIER.verifyThat(PlacementConstraints::mustMove)
                    .given(placed(unit("u", ps, c), ps.get(0)))
                    .penalizesBy(1);
        }

        @Test
        void movedOrNotNeedingMoveHasNoImpact() {
            List<Provider> ps = providers(provider("P1"), provider("P2"));
            PlacementUnit moved = placed(
                    unit("u1", ps, child("a").current(ps.get(0)).needsMove().build()), ps.get(1));
            PlacementUnit stays =
                    placed(unit("u2", ps, child("b").current(ps.get(0)).build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::mustMove)
                    .given(moved, stays)
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("H15 registration")
    class Registration {

        @Test
        void eachNewChildAtAnUnregisteredProviderPenalisesOne() {
            List<Provider> ps = providers(provider("P").unregistered());
            PlacementUnit single = placed(unit("u1", ps, child("a").build()), ps.get(0));
            PlacementUnit group = placed(
                    unit(
                            "u2",
                            ps,
                            child("b").siblings("G", true).build(),
                            child("c").siblings("G", true).build()),
                    ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::registration)
                    .given(single, group)
                    .penalizesBy(3);
        }

        @Test
        void aResidentStaysWithoutAPointWhileANewcomerPaysOne() {
            List<Provider> ps = providers(provider("P").unregistered(), provider("Q"));
            PlacementUnit resident =
                    placed(unit("u1", ps, child("a").current(ps.get(0)).build()), ps.get(0));
            PlacementUnit newcomer =
                    placed(unit("u2", ps, child("b").current(ps.get(1)).build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::registration)
                    .given(resident, newcomer)
                    .penalizesBy(1);
        }

        @Test
        void aJudgementBelowTheCouncilsMinimumPenalisesEachNewChild() {
            List<Provider> ps = providers(
                    provider("RI").judged(OfstedJudgement.REQUIRES_IMPROVEMENT, OfstedJudgement.GOOD),
                    provider("IN").judged(OfstedJudgement.INADEQUATE, OfstedJudgement.REQUIRES_IMPROVEMENT));
            VERIFIER.verifyThat(PlacementConstraints::registration)
                    .given(
                            placed(unit("u1", ps, child("a").build()), ps.get(0)),
                            placed(unit("u2", ps, child("b").build()), ps.get(1)))
                    .penalizesBy(2);
        }

        @Test
        void aJudgementAtTheMinimumNoJudgementNoMinimumOrRegisteredHasNoImpact() {
            List<Provider> ps = providers(
                    provider("AT").judged(OfstedJudgement.GOOD, OfstedJudgement.GOOD),
                    provider("NONE").judged(null, OfstedJudgement.OUTSTANDING),
                    provider("NOMIN").judged(OfstedJudgement.INADEQUATE, null),
                    provider("REG"));
            VERIFIER.verifyThat(PlacementConstraints::registration)
                    .given(
                            placed(unit("u1", ps, child("a").build()), ps.get(0)),
                            placed(unit("u2", ps, child("b").build()), ps.get(1)),
                            placed(unit("u3", ps, child("c").build()), ps.get(2)),
                            placed(unit("u4", ps, child("d").build()), ps.get(3)),
                            unit("u5", ps, child("e").build()))
                    .hasNoImpact();
        }

        @Test
        void notRegisteredAndBelowTheMinimumIsStillOnePointPerChild() {
            List<Provider> ps =
                    providers(provider("P").unregistered().judged(OfstedJudgement.INADEQUATE, OfstedJudgement.GOOD));
            VERIFIER.verifyThat(PlacementConstraints::registration)
                    .given(placed(unit("u1", ps, child("a").build()), ps.get(0)))
                    .penalizesBy(1);
        }
    }

    @Nested
    @DisplayName("H14 fosteringLimit")
    class FosteringLimit {

        @Test
        void threeUnrelatedPlusOnePenalisesOne() {
            List<Provider> ps = providers(provider("F").type(ProviderType.IFA_FOSTER));
            Provider f = ps.get(0);
            VERIFIER.verifyThat(PlacementConstraints::fosteringLimit)
                    .given(
                            placed(unit("u1", ps, child("a").build()), f),
                            placed(unit("u2", ps, child("b").build()), f),
                            placed(unit("u3", ps, child("c").build()), f),
                            placed(unit("u4", ps, child("d").build()), f))
                    .penalizesBy(1);
        }

        @Test
        void threeSiblingsPlusOneUnrelatedPenalisesOne() {
            List<Provider> ps = providers(provider("F").type(ProviderType.IN_HOUSE_FOSTER));
            Provider f = ps.get(0);
            PlacementUnit group = placed(
                    unit(
                            "u1",
                            ps,
                            child("a").siblings("G", true).build(),
                            child("b").siblings("G", true).build(),
                            child("c").siblings("G", true).build()),
                    f);
            PlacementUnit other = placed(unit("u2", ps, child("d").build()), f);
            VERIFIER.verifyThat(PlacementConstraints::fosteringLimit)
                    .given(group, other)
                    .penalizesBy(1);
        }

        @Test
        void twoSiblingGroupsAreNotOneGroup() {
            List<Provider> ps = providers(provider("F").type(ProviderType.IFA_FOSTER));
            Provider f = ps.get(0);
            PlacementUnit g = placed(
                    unit(
                            "u1",
                            ps,
                            child("a").siblings("G", true).build(),
                            child("b").siblings("G", true).build()),
                    f);
            PlacementUnit h = placed(
                    unit(
                            "u2",
                            ps,
                            child("c").siblings("H", true).build(),
                            child("d").siblings("H", true).build(),
                            child("e").siblings("H", true).build()),
                    f);
            VERIFIER.verifyThat(PlacementConstraints::fosteringLimit)
                    .given(g, h)
                    .penalizesBy(2);
        }

        @Test
        void connectedPersonCountsAsFoster() {
            List<Provider> ps =
                    providers(provider("C").type(ProviderType.CONNECTED_PERSON).connected("a", "b", "c", "d", "e"));
            Provider c = ps.get(0);
            VERIFIER.verifyThat(PlacementConstraints::fosteringLimit)
                    .given(
                            placed(unit("u1", ps, child("a").build()), c),
                            placed(unit("u2", ps, child("b").build()), c),
                            placed(unit("u3", ps, child("c").build()), c),
                            placed(unit("u4", ps, child("d").build()), c),
                            placed(unit("u5", ps, child("e").build()), c))
                    .penalizesBy(2);
        }

        @Test
        void fourSiblingsOfOneGroupHaveNoImpact() {
            List<Provider> ps = providers(provider("F").type(ProviderType.IFA_FOSTER));
            Provider f = ps.get(0);
            // placeTogether=false: four separate units of one sibling group
            VERIFIER.verifyThat(PlacementConstraints::fosteringLimit)
                    .given(
                            placed(
                                    unit(
                                            "u1",
                                            ps,
                                            child("a").siblings("G", false).build()),
                                    f),
                            placed(
                                    unit(
                                            "u2",
                                            ps,
                                            child("b").siblings("G", false).build()),
                                    f),
                            placed(
                                    unit(
                                            "u3",
                                            ps,
                                            child("c").siblings("G", false).build()),
                                    f),
                            placed(
                                    unit(
                                            "u4",
                                            ps,
                                            child("d").siblings("G", false).build()),
                                    f))
                    .hasNoImpact();
        }

        @Test
        void fourSiblingsInOneTogetherUnitHaveNoImpact() {
            List<Provider> ps = providers(provider("F").type(ProviderType.IFA_FOSTER));
            PlacementUnit group = placed(
                    unit(
                            "u1",
                            ps,
                            child("a").siblings("G", true).build(),
                            child("b").siblings("G", true).build(),
                            child("c").siblings("G", true).build(),
                            child("d").siblings("G", true).build()),
                    ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::fosteringLimit)
                    .given(group)
                    .hasNoImpact();
        }

        @Test
        void exactlyThreeUnrelatedHasNoImpact() {
            List<Provider> ps = providers(provider("F").type(ProviderType.IFA_FOSTER));
            Provider f = ps.get(0);
            VERIFIER.verifyThat(PlacementConstraints::fosteringLimit)
                    .given(
                            placed(unit("u1", ps, child("a").build()), f),
                            placed(unit("u2", ps, child("b").build()), f),
                            placed(unit("u3", ps, child("c").build()), f),
                            unit("u4", ps, child("d").build()))
                    .hasNoImpact();
        }

        @Test
        void exemptFosterHasNoImpact() {
            List<Provider> ps =
                    providers(provider("F").type(ProviderType.IFA_FOSTER).exempt());
            Provider f = ps.get(0);
            VERIFIER.verifyThat(PlacementConstraints::fosteringLimit)
                    .given(
                            placed(unit("u1", ps, child("a").build()), f),
                            placed(unit("u2", ps, child("b").build()), f),
                            placed(unit("u3", ps, child("c").build()), f),
                            placed(unit("u4", ps, child("d").build()), f),
                            placed(unit("u5", ps, child("e").build()), f))
                    .hasNoImpact();
        }

        @Test
        void nonFosterTypesHaveNoImpact() {
            List<Provider> ps = providers(
                    provider("R").type(ProviderType.RESIDENTIAL_HOME),
                    provider("S").type(ProviderType.SUPPORTED_LODGINGS));
            List<PlacementUnit> units = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                units.add(placed(unit("r" + i, ps, child("r" + i).age(17).build()), ps.get(0)));
                units.add(placed(unit("s" + i, ps, child("s" + i).age(17).build()), ps.get(1)));
            }
            VERIFIER.verifyThat(PlacementConstraints::fosteringLimit)
                    .given(units.toArray())
                    .hasNoImpact();
        }
    }

    // =====================================================================================
    // Medium
    // =====================================================================================

    @Nested
    @DisplayName("medium unplaced")
    class Unplaced {

        @Test
        void urgencyWeightsSummedOverMembersOfUnplacedUnits() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit emergency =
                    unit("u1", ps, child("a").urgency(Urgency.EMERGENCY).build());
            PlacementUnit group = unit(
                    "u2",
                    ps,
                    child("b").siblings("G", true).urgency(Urgency.URGENT).build(),
                    child("c").siblings("G", true).urgency(Urgency.PLANNED).build());
            PlacementUnit placedEmergency =
                    placed(unit("u3", ps, child("d").urgency(Urgency.EMERGENCY).build()), ps.get(0));
            // 10 + (3 + 1); the placed child costs nothing
            VERIFIER.verifyThat(PlacementConstraints::unplaced)
                    .given(emergency, group, placedEmergency)
                    .penalizesBy(14);
        }

        @Test
        void eachUrgencyWeight() {
            List<Provider> ps = providers(provider("P"));
            VERIFIER.verifyThat(PlacementConstraints::unplaced)
                    .given(unit("u", ps, child("a").urgency(Urgency.EMERGENCY).build()))
                    .penalizesBy(10);
            VERIFIER.verifyThat(PlacementConstraints::unplaced)
                    .given(unit("u", ps, child("a").urgency(Urgency.URGENT).build()))
                    .penalizesBy(3);
            VERIFIER.verifyThat(PlacementConstraints::unplaced)
                    .given(unit("u", ps, child("a").urgency(Urgency.PLANNED).build()))
                    .penalizesBy(1);
        }

        @Test
        void allPlacedHasNoImpact() {
            List<Provider> ps = providers(provider("P"));
            PlacementUnit a =
                    placed(unit("u1", ps, child("a").urgency(Urgency.EMERGENCY).build()), ps.get(0));
            PlacementUnit b =
                    placed(unit("u2", ps, child("b").urgency(Urgency.URGENT).build()), ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::unplaced).given(a, b).hasNoImpact();
        }
    }

    // =====================================================================================
    // Soft
    // =====================================================================================

    @Nested
    @DisplayName("soft cost")
    class Cost {

        @Test
        void halfPoundRoundsUp() {
            List<Provider> ps = providers(provider("P").cost(812.5));
            VERIFIER.verifyThat(PlacementConstraints::cost)
                    .given(placed(unit("u", ps, child("a").build()), ps.get(0)))
                    .penalizesBy(813);
        }

        @Test
        void roundedPerChild() {
            List<Provider> ps = providers(provider("P").cost(812.5));
            PlacementUnit group = placed(
                    unit(
                            "u",
                            ps,
                            child("a").siblings("G", true).build(),
                            child("b").siblings("G", true).build()),
                    ps.get(0));
            // 813 + 813 (per placed child), not round(1625.0)
            VERIFIER.verifyThat(PlacementConstraints::cost).given(group).penalizesBy(1626);
        }

        @Test
        void roundedAfterWeighting() {
            ScoringWeights w = new ScoringWeights(2, 250, 10, 200, 2000, 500, 100, 50);
            List<Provider> ps = providers(provider("P").cost(100.25));
            // 2 x 100.25 = 200.5 -> 201 (rounding first would give 200)
            VERIFIER.verifyThat(PlacementConstraints::cost)
                    .given(placed(unit("u", ps, w, child("a").build()), ps.get(0)))
                    .penalizesBy(201);
        }

        @Test
        void fractionBelowHalfRoundsDown() {
            ScoringWeights w = new ScoringWeights(3, 250, 10, 200, 2000, 500, 100, 50);
            List<Provider> ps = providers(provider("P").cost(500.1));
            // 3 x 500.1 = 1500.3 -> 1500
            VERIFIER.verifyThat(PlacementConstraints::cost)
                    .given(placed(unit("u", ps, w, child("a").build()), ps.get(0)))
                    .penalizesBy(1500);
        }

        @Test
        void unplacedOrFreeOrWeightZeroHasNoImpact() {
            ScoringWeights off = new ScoringWeights(0, 250, 10, 200, 2000, 500, 100, 50);
            List<Provider> ps =
                    providers(provider("P").cost(812.5), provider("FREE").cost(0));
            VERIFIER.verifyThat(PlacementConstraints::cost)
                    .given(
                            unit("u1", ps, child("a").build()),
                            placed(unit("u2", ps, child("b").build()), ps.get(1)))
                    .hasNoImpact();
            VERIFIER.verifyThat(PlacementConstraints::cost)
                    .given(placed(unit("u3", ps, off, child("c").build()), ps.get(0)))
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("soft outOfArea")
    class OutOfArea {

        @Test
        void outOfAreaPenalisesWeightPerChild() {
            List<Provider> ps = providers(provider("P").outOfArea());
            PlacementUnit single = placed(unit("u1", ps, child("a").build()), ps.get(0));
            PlacementUnit group = placed(
                    unit(
                            "u2",
                            ps,
                            child("b").siblings("G", true).build(),
                            child("c").siblings("G", true).build()),
                    ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::outOfArea)
                    .given(single, group)
                    .penalizesBy(750);
        }

        @Test
        void customWeight() {
            ScoringWeights w = new ScoringWeights(1, 7, 10, 200, 2000, 500, 100, 50);
            List<Provider> ps = providers(provider("P").outOfArea());
            VERIFIER.verifyThat(PlacementConstraints::outOfArea)
                    .given(placed(unit("u", ps, w, child("a").build()), ps.get(0)))
                    .penalizesBy(7);
        }

        @Test
        void inAreaOrUnplacedHasNoImpact() {
            List<Provider> ps = providers(provider("IN"), provider("OUT").outOfArea());
            VERIFIER.verifyThat(PlacementConstraints::outOfArea)
                    .given(
                            placed(unit("u1", ps, child("a").build()), ps.get(0)),
                            unit("u2", ps, child("b").build()))
                    .hasNoImpact();
        }

        @Test
        void aProviderInTheChildsResponsibleAuthorityIsInAreaThoughOutsideTheHomeAuthority() {
            // Contract section 8: "OTHER" is not the problem's home authority ("HOME"), but it is this child's.
            List<Provider> ps = providers(provider("OUT").outOfArea());
            VERIFIER.verifyThat(PlacementConstraints::outOfArea)
                    .given(placed(unit("u", ps, child("a").responsible("OTHER").build()), ps.get(0)))
                    .hasNoImpact();
        }

        @Test
        void aProviderInTheHomeAuthorityIsOutOfAreaForAChildOfAnotherAuthority() {
            List<Provider> ps = providers(provider("IN"));
            VERIFIER.verifyThat(PlacementConstraints::outOfArea)
                    .given(placed(
                            unit(
                                    "u",
                                    ps,
                                    child("a").responsible("OTHER", "HOME").build()),
                            ps.get(0)))
                    .penalizesBy(250);
        }

        @Test
        void eachMemberOfAGroupIsJudgedByItsOwnResponsibleAuthority() {
            // One unit at a provider in "OTHER": the member responsible to "OTHER" is in area, the member
            // responsible to "HOME" is out of area (adjoining or not, the term is the same 250).
            List<Provider> ps = providers(provider("OUT").outOfArea());
            PlacementUnit group = placed(
                    unit(
                            "u",
                            ps,
                            child("a").siblings("G", true).responsible("OTHER").build(),
                            child("b")
                                    .siblings("G", true)
                                    .responsible("HOME", "OTHER")
                                    .build()),
                    ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::outOfArea).given(group).penalizesBy(250);
        }
    }

    @Nested
    @DisplayName("soft distancePerMile")
    class Distance {

        @Test
        void tenthOfADegreeOfLatitudeAtDefaultWeight() {
            double miles = haversine(LAT, LON, LAT + 0.1, LON);
            assertThat(miles).isBetween(6.909, 6.910);
            assertThat(roundHalfUp(10 * miles)).isEqualTo(69);
            List<Provider> ps = providers(provider("P").at(LAT + 0.1, LON));
            VERIFIER.verifyThat(PlacementConstraints::distance)
                    .given(placed(unit("u", ps, child("a").build()), ps.get(0)))
                    .penalizesBy(69);
        }

        @Test
        void diagonalRoundsHalfUpNotDown() {
            double miles = haversine(LAT, LON, LAT + 0.05, LON - 0.2);
            assertThat(roundHalfUp(10 * miles)).isEqualTo(92); // 91.78
            List<Provider> ps = providers(provider("P").at(LAT + 0.05, LON - 0.2));
            VERIFIER.verifyThat(PlacementConstraints::distance)
                    .given(placed(unit("u", ps, child("a").build()), ps.get(0)))
                    .penalizesBy(92);
        }

        @Test
        void roundedAfterWeighting() {
            // weight 1: 6.909 -> 7 (truncation would give 6); weight 7: 48.37 -> 48 (7 x round(6.909) would be 49)
            double miles = haversine(LAT, LON, LAT + 0.1, LON);
            assertThat(roundHalfUp(1 * miles)).isEqualTo(7);
            assertThat(roundHalfUp(7 * miles)).isEqualTo(48); // 48.37; 7 x 7 would be 49
            List<Provider> ps = providers(provider("P").at(LAT + 0.1, LON));
            ScoringWeights w1 = new ScoringWeights(1, 250, 1, 200, 2000, 500, 100, 50);
            ScoringWeights w7 = new ScoringWeights(1, 250, 7, 200, 2000, 500, 100, 50);
            VERIFIER.verifyThat(PlacementConstraints::distance)
                    .given(placed(unit("u", ps, w1, child("a").build()), ps.get(0)))
                    .penalizesBy(7);
            VERIFIER.verifyThat(PlacementConstraints::distance)
                    .given(placed(unit("u", ps, w7, child("a").build()), ps.get(0)))
                    .penalizesBy(48);
        }

        @Test
        void measuredFromEachChildsOwnOrigin() {
            List<Provider> ps = providers(provider("P").at(LAT + 0.1, LON));
            PlacementUnit group = placed(
                    unit(
                            "u",
                            ps,
                            child("a").siblings("G", true).from(LAT, LON).build(), // 69.09 -> 69
                            child("b").siblings("G", true).from(LAT + 0.3, LON).build()), // 0.2 deg: 138.19 -> 138
                    ps.get(0));
            assertThat(roundHalfUp(10 * haversine(LAT + 0.3, LON, LAT + 0.1, LON)))
                    .isEqualTo(138);
            VERIFIER.verifyThat(PlacementConstraints::distance).given(group).penalizesBy(69 + 138);
        }

        @Test
        void sameLocationOrUnplacedHasNoImpact() {
            List<Provider> ps =
                    providers(provider("HERE").at(LAT, LON), provider("FAR").at(LAT + 1, LON));
            VERIFIER.verifyThat(PlacementConstraints::distance)
                    .given(
                            placed(unit("u1", ps, child("a").build()), ps.get(0)),
                            unit("u2", ps, child("b").build()))
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("soft over20Miles")
    class Over20Miles {

        @Test
        void justOver20MilesPenalisesWeight() {
            assertThat(haversine(LAT, LON, LAT + 0.29, LON)).isBetween(20.0, 20.1);
            List<Provider> ps = providers(provider("P").at(LAT + 0.29, LON));
            VERIFIER.verifyThat(PlacementConstraints::over20Miles)
                    .given(placed(unit("u", ps, child("a").build()), ps.get(0)))
                    .penalizesBy(200);
        }

        @Test
        void perChildInAUnit() {
            List<Provider> ps = providers(provider("P").at(LAT + 0.3, LON));
            PlacementUnit group = placed(
                    unit(
                            "u",
                            ps,
                            child("a").siblings("G", true).build(),
                            child("b").siblings("G", true).build()),
                    ps.get(0));
            VERIFIER.verifyThat(PlacementConstraints::over20Miles).given(group).penalizesBy(400);
        }

        @Test
        void justUnder20MilesHasNoImpact() {
            assertThat(haversine(LAT, LON, LAT + 0.289, LON)).isBetween(19.9, 20.0);
            List<Provider> ps = providers(
                    provider("P").at(LAT + 0.289, LON), provider("FAR").at(LAT + 1, LON));
            VERIFIER.verifyThat(PlacementConstraints::over20Miles)
                    .given(
                            placed(unit("u1", ps, child("a").build()), ps.get(0)),
                            unit("u2", ps, child("b").build()))
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("soft move")
    class Move {

        @Test
        void placedElsewherePenalisesWeight() {
            List<Provider> ps = providers(provider("P1"), provider("P2"));
            Child c = child("a").current(ps.get(0)).build();
            VERIFIER.verifyThat(PlacementConstraints::move)
                    .given(placed(unit("u", ps, c), ps.get(1)))
                    .penalizesBy(2000);
        }

        @Test
        void stayingNeedsMoveNoCurrentOrUnplacedHasNoImpact() {
            List<Provider> ps = providers(provider("P1"), provider("P2"));
            PlacementUnit stays =
                    placed(unit("u1", ps, child("a").current(ps.get(0)).build()), ps.get(0));
            PlacementUnit leaving = placed(
                    unit("u2", ps, child("b").current(ps.get(0)).needsMove().build()), ps.get(1));
            PlacementUnit newChild = placed(unit("u3", ps, child("c").build()), ps.get(1));
            PlacementUnit unplaced =
                    unit("u4", ps, child("d").current(ps.get(0)).build());
            VERIFIER.verifyThat(PlacementConstraints::move)
                    .given(stays, leaving, newChild, unplaced)
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("soft siblingsApart")
    class SiblingsApart {

        private PlacementUnit member(String id, List<Provider> ps, ScoringWeights w, String group) {
            return unit("u-" + id, ps, w, child(id).siblings(group, false).build());
        }

        @Test
        void threeProvidersPenalisesTwiceTheWeight() {
            ScoringWeights w = ScoringWeights.DEFAULT;
            List<Provider> ps = providers(provider("P1"), provider("P2"), provider("P3"));
            VERIFIER.verifyThat(PlacementConstraints::siblingsApart)
                    .given(
                            w,
                            placed(member("a", ps, w, "G"), ps.get(0)),
                            placed(member("b", ps, w, "G"), ps.get(1)),
                            placed(member("c", ps, w, "G"), ps.get(2)))
                    .penalizesBy(1000);
        }

        @Test
        void distinctProvidersNotMembersAndUnplacedIgnored() {
            ScoringWeights w = ScoringWeights.DEFAULT;
            List<Provider> ps = providers(provider("P1"), provider("P2"));
            VERIFIER.verifyThat(PlacementConstraints::siblingsApart)
                    .given(
                            w,
                            placed(member("a", ps, w, "G"), ps.get(0)),
                            placed(member("b", ps, w, "G"), ps.get(0)),
                            placed(member("c", ps, w, "G"), ps.get(1)),
                            member("d", ps, w, "G"))
                    .penalizesBy(500);
        }

        @Test
        void countedOncePerGroupWithCustomWeight() {
            ScoringWeights w = new ScoringWeights(1, 250, 10, 200, 2000, 300, 100, 50);
            List<Provider> ps = providers(provider("P1"), provider("P2"), provider("P3"));
            VERIFIER.verifyThat(PlacementConstraints::siblingsApart)
                    .given(
                            w,
                            placed(member("a", ps, w, "G"), ps.get(0)),
                            placed(member("b", ps, w, "G"), ps.get(1)),
                            placed(member("c", ps, w, "G"), ps.get(2)),
                            placed(member("x", ps, w, "H"), ps.get(0)),
                            placed(member("y", ps, w, "H"), ps.get(1)))
                    .penalizesBy(300 * 2 + 300);
        }

        @Test
        void togetherOrOnlyOnePlacedHasNoImpact() {
            ScoringWeights w = ScoringWeights.DEFAULT;
            List<Provider> ps = providers(provider("P1"), provider("P2"));
            VERIFIER.verifyThat(PlacementConstraints::siblingsApart)
                    .given(
                            w,
                            placed(member("a", ps, w, "G"), ps.get(1)),
                            placed(member("b", ps, w, "G"), ps.get(1)),
                            placed(member("x", ps, w, "H"), ps.get(0)),
                            member("y", ps, w, "H"),
                            member("z", ps, w, "H"))
                    .hasNoImpact();
        }

        @Test
        void unrelatedChildrenAtDifferentProvidersHaveNoImpact() {
            ScoringWeights w = ScoringWeights.DEFAULT;
            List<Provider> ps = providers(provider("P1"), provider("P2"));
            VERIFIER.verifyThat(PlacementConstraints::siblingsApart)
                    .given(
                            w,
                            placed(unit("u1", ps, w, child("a").build()), ps.get(0)),
                            placed(unit("u2", ps, w, child("b").build()), ps.get(1)),
                            placed(
                                    unit(
                                            "u3",
                                            ps,
                                            w,
                                            child("c").siblings("T", true).build()),
                                    ps.get(0)),
                            placed(
                                    unit(
                                            "u4",
                                            ps,
                                            w,
                                            child("d").siblings("T", true).build()),
                                    ps.get(1)))
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("soft language")
    class Language {

        @Test
        void noSharedLanguagePenalisesWeightPerChild() {
            List<Provider> ps =
                    providers(provider("P").languages("en"), provider("Q").languages());
            PlacementUnit group = placed(
                    unit(
                            "u1",
                            ps,
                            child("a").siblings("G", true).languages("pl").build(),
                            child("b").siblings("G", true).languages("pl", "uk").build()),
                    ps.get(0));
            PlacementUnit other =
                    placed(unit("u2", ps, child("c").languages("en").build()), ps.get(1));
            VERIFIER.verifyThat(PlacementConstraints::language)
                    .given(group, other)
                    .penalizesBy(300);
        }

        @Test
        void oneSharedLanguageOrNoLanguagesListedHasNoImpact() {
            List<Provider> ps = providers(provider("P").languages("en", "ar"));
            VERIFIER.verifyThat(PlacementConstraints::language)
                    .given(
                            placed(
                                    unit(
                                            "u1",
                                            ps,
                                            child("a").languages("pl", "ar").build()),
                                    ps.get(0)),
                            placed(unit("u2", ps, child("b").build()), ps.get(0)),
                            unit("u3", ps, child("c").languages("pl").build()))
                    .hasNoImpact();
        }
    }

    @Nested
    @DisplayName("soft religion")
    class Religion {

        @Test
        void bothStatedAndDifferentPenalisesWeight() {
            List<Provider> ps = providers(provider("P").religion("Christian"));
            VERIFIER.verifyThat(PlacementConstraints::religion)
                    .given(placed(unit("u", ps, child("a").religion("Muslim").build()), ps.get(0)))
                    .penalizesBy(50);
        }

        @Test
        void sameOrUnstatedHasNoImpact() {
            List<Provider> ps = providers(provider("C").religion("Christian"), provider("N"));
            VERIFIER.verifyThat(PlacementConstraints::religion)
                    .given(
                            placed(
                                    unit(
                                            "u1",
                                            ps,
                                            child("a").religion("Christian").build()),
                                    ps.get(0)),
                            placed(unit("u2", ps, child("b").build()), ps.get(0)),
                            placed(unit("u3", ps, child("c").religion("Muslim").build()), ps.get(1)),
                            unit("u4", ps, child("d").religion("Muslim").build()))
                    .hasNoImpact();
        }
    }

    // =====================================================================================
    // Test data
    // =====================================================================================

    /** Great-circle miles, written out from the contract (haversine, R = 3958.8). */
    static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double r = 3958.8;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }

    static long roundHalfUp(double value) {
        return new BigDecimal(value).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static ProviderBuilder provider(String id) {
        return new ProviderBuilder(id);
    }

    static ChildBuilder child(String id) {
        return new ChildBuilder(id);
    }

    /** Builds the providers with index = position in the list, as PlacementUnit requires. */
    static List<Provider> providers(ProviderBuilder... builders) {
        List<Provider> list = new ArrayList<>();
        for (ProviderBuilder b : builders) {
            list.add(b.build(list.size()));
        }
        return List.copyOf(list);
    }

    static PlacementUnit unit(String id, List<Provider> providers, Child... members) {
        return unit(id, providers, ScoringWeights.DEFAULT, members);
    }

    static PlacementUnit unit(String id, List<Provider> providers, ScoringWeights weights, Child... members) {
        return new PlacementUnit(id, List.of(members), providers, weights);
    }

    static PlacementUnit placed(PlacementUnit unit, Provider provider) {
        unit.setProvider(provider);
        return unit;
    }

    static final class ProviderBuilder {
        private final String id;
        private ProviderType type = ProviderType.RESIDENTIAL_HOME;
        private String localAuthority = "HOME";
        private boolean inHomeAuthority = true;
        private double lat = LAT;
        private double lon = LON;
        private int places = 10;
        private int ageMin = 0;
        private int ageMax = 25;
        private Set<String> acceptsGenders;
        private Set<String> capabilities = Set.of();
        private double weeklyCost;
        private LocalDate availableFrom = REF;
        private boolean emergencyApproved = true;
        private Set<String> connectedChildren = Set.of();
        private boolean fosteringLimitExemption;
        private Set<String> languages = Set.of("en");
        private String religion;
        private boolean registered = true;
        private OfstedJudgement judgement;
        private OfstedJudgement minimumJudgement;

        ProviderBuilder(String id) {
            this.id = id;
        }

        ProviderBuilder type(ProviderType t) {
            type = t;
            return this;
        }

        ProviderBuilder outOfArea() {
            localAuthority = "OTHER";
            inHomeAuthority = false;
            return this;
        }

        ProviderBuilder at(double la, double lo) {
            lat = la;
            lon = lo;
            return this;
        }

        ProviderBuilder places(int n) {
            places = n;
            return this;
        }

        ProviderBuilder ages(int min, int max) {
            ageMin = min;
            ageMax = max;
            return this;
        }

        ProviderBuilder genders(String... g) {
            acceptsGenders = Set.of(g);
            return this;
        }

        ProviderBuilder caps(String... c) {
            capabilities = Set.of(c);
            return this;
        }

        ProviderBuilder cost(double c) {
            weeklyCost = c;
            return this;
        }

        ProviderBuilder availableFrom(LocalDate d) {
            availableFrom = d;
            return this;
        }

        ProviderBuilder emergency(boolean e) {
            emergencyApproved = e;
            return this;
        }

        ProviderBuilder connected(String... ids) {
            connectedChildren = Set.of(ids);
            return this;
        }

        ProviderBuilder exempt() {
            fosteringLimitExemption = true;
            return this;
        }

        ProviderBuilder languages(String... l) {
            languages = Set.of(l);
            return this;
        }

        ProviderBuilder religion(String r) {
            religion = r;
            return this;
        }

        ProviderBuilder unregistered() {
            registered = false;
            return this;
        }

        /** Judged by Ofsted, with the council's minimum judgement for new placements (null: none). */
        ProviderBuilder judged(OfstedJudgement j, OfstedJudgement minimum) {
            judgement = j;
            minimumJudgement = minimum;
            return this;
        }

        Provider build(int index) {
            return new Provider(
                    id,
                    index,
                    type,
                    localAuthority,
                    inHomeAuthority,
                    lat,
                    lon,
                    places,
                    ageMin,
                    ageMax,
                    acceptsGenders,
                    capabilities,
                    weeklyCost,
                    availableFrom,
                    emergencyApproved,
                    connectedChildren,
                    fosteringLimitExemption,
                    languages,
                    religion,
                    registered,
                    judgement,
                    minimumJudgement);
        }
    }

    static final class ChildBuilder {
        private final String id;
        private int age = 10;
        private String gender = "FEMALE";
        private String siblingGroup;
        private boolean placeTogether = true;
        private double fromLat = LAT;
        private double fromLon = LON;
        private Set<String> needs = Set.of();
        private Urgency urgency = Urgency.PLANNED;
        private LocalDate neededBy = REF;
        private Provider currentPlacement;
        private boolean pinned;
        private boolean needsMove;
        private boolean riskToYounger;
        private boolean solePlacement;
        private List<Circle> excludedAreas = List.of();
        private Set<String> languages = Set.of();
        private String religion;
        private String responsibleAuthority = "HOME";
        private Set<String> adjoiningAuthorities = Set.of();

        ChildBuilder(String id) {
            this.id = id;
        }

        ChildBuilder age(int a) {
            age = a;
            return this;
        }

        ChildBuilder gender(String g) {
            gender = g;
            return this;
        }

        ChildBuilder siblings(String group, boolean together) {
            siblingGroup = group;
            placeTogether = together;
            return this;
        }

        ChildBuilder from(double la, double lo) {
            fromLat = la;
            fromLon = lo;
            return this;
        }

        ChildBuilder needs(String... n) {
            needs = Set.of(n);
            return this;
        }

        ChildBuilder urgency(Urgency u) {
            urgency = u;
            return this;
        }

        ChildBuilder neededBy(LocalDate d) {
            neededBy = d;
            return this;
        }

        ChildBuilder current(Provider p) {
            currentPlacement = p;
            return this;
        }

        ChildBuilder pinned() {
            pinned = true;
            return this;
        }

        ChildBuilder needsMove() {
            needsMove = true;
            return this;
        }

        ChildBuilder risk() {
            riskToYounger = true;
            return this;
        }

        ChildBuilder sole() {
            solePlacement = true;
            return this;
        }

        ChildBuilder excluded(Circle... c) {
            excludedAreas = List.of(c);
            return this;
        }

        ChildBuilder languages(String... l) {
            languages = Set.of(l);
            return this;
        }

        ChildBuilder religion(String r) {
            religion = r;
            return this;
        }

        /** The child's responsible authority (contract section 8) and the codes adjoining it. */
        ChildBuilder responsible(String authority, String... adjoining) {
            responsibleAuthority = authority;
            adjoiningAuthorities = Set.of(adjoining);
            return this;
        }

        Child build() {
            return new Child(
                    id,
                    age,
                    gender,
                    siblingGroup,
                    placeTogether,
                    fromLat,
                    fromLon,
                    needs,
                    urgency,
                    neededBy,
                    currentPlacement,
                    pinned,
                    needsMove,
                    riskToYounger,
                    solePlacement,
                    excludedAreas,
                    languages,
                    religion,
                    responsibleAuthority,
                    adjoiningAuthorities);
        }
    }
}
