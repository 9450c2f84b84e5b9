package org.placementmatcher.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.PlacementProblem;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.data.SampleDataGenerator;
import org.placementmatcher.data.SampleSize;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.domain.Urgency;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.ProblemMapper;
import org.placementmatcher.solver.ScoreBreakdown;
import org.placementmatcher.solver.ScoreText;

class MatchServiceTest {

    private final PlacementSolver solver = PlacementSolver.fromClasspathConfig();
    private final PlacementProblem problem = SampleDataGenerator.generate(SampleSize.SMALL, 11);
    private final Caseload caseload = Caseload.of(problem);

    /** Every unit of the caseload, each as the child ids a request would name. */
    private List<List<String>> units() {
        return caseload.today().getUnits().stream()
                .filter(u -> u.getMembers().size() == 1 || u.getTogetherGroup() != null)
                .map(u -> u.getMembers().stream().map(Child::getId).toList())
                .toList();
    }

    /** The problem as it is today with the named children moved to the provider, scored in full by the solver. */
    private HardMediumSoftScore fullScoreWith(List<String> childIds, String providerId) {
        PlacementSolution solution = ProblemMapper.asToday(problem);
        Provider provider = solution.getProviders().stream()
                .filter(p -> p.getId().equals(providerId))
                .findFirst()
                .orElseThrow();
        for (PlacementUnit unit : solution.getUnits()) {
            if (unit.getMembers().stream().anyMatch(c -> childIds.contains(c.getId()))) {
                unit.setProvider(provider);
            }
        }
        return solver.score(solution);
    }

    @Test
    void approvalAndOutOfAreaPointsFollowTheResponsibleAuthorityOfTheChildrenAsked() {
        // three-authorities.json (ThreeAuthoritiesTest): PA in A, PB in B, PC in C; A and B adjoin each other.
        Caseload three = Caseload.of(ProblemReader.read(ProblemFixtures.threeAuthorities()));

        // C8 is B's: in area at PB, adjoining at PA, at a distance at PC.
        Map<String, MatchResult.Option> c8 = byProvider(MatchService.match(three, List.of("C8"), 10, false));
        assertThat(c8.get("PB").approval()).isEqualTo(MatchResult.Approval.NONE);
        assertThat(c8.get("PB").softPoints().outOfArea()).isZero();
        assertThat(c8.get("PA").approval()).isEqualTo(MatchResult.Approval.NOMINATED_OFFICER);
        assertThat(c8.get("PA").softPoints().outOfArea()).isEqualTo(250);
        assertThat(c8.get("PC").approval()).isEqualTo(MatchResult.Approval.DIRECTOR);
        assertThat(c8.get("PB").rank()).isEqualTo(1);

        // The group C9 (A's) and C10 (C's) is decided whole: the highest of its members' approvals.
        Map<String, MatchResult.Option> group = byProvider(MatchService.match(three, List.of("C9", "C10"), 10, false));
        assertThat(group.get("PA").approval()).isEqualTo(MatchResult.Approval.DIRECTOR); // C9 NONE, C10 DIRECTOR
        assertThat(group.get("PA").softPoints().outOfArea()).isEqualTo(250); // C10 only
        assertThat(group.get("PC").approval()).isEqualTo(MatchResult.Approval.DIRECTOR); // C9 DIRECTOR, C10 NONE
        assertThat(group.get("PC").softPoints().outOfArea()).isEqualTo(250); // C9 only
    }

    private static Map<String, MatchResult.Option> byProvider(MatchResult result) {
        return result.options().stream().collect(Collectors.toMap(MatchResult.Option::providerId, o -> o));
    }

    @Test
    void todaysScoreIsTheFullScoreOfTheCaseloadAsItIs() {
        assertThat(caseload.score()).isEqualTo(solver.score(ProblemMapper.asToday(problem)));
    }

    @Test
    void everyOptionAnnouncesExactlyTheFullScoreWithItApplied() {
        int checked = 0;
        for (List<String> childIds : units().subList(0, 25)) {
            MatchResult result = MatchService.match(caseload, childIds, MatchService.MAX_LIMIT, false);
            for (MatchResult.Option option : result.options()) {
                HardMediumSoftScore full = fullScoreWith(childIds, option.providerId());
                assertThat(option.score())
                        .as("%s at %s", childIds, option.providerId())
                        .isEqualTo(ScoreText.format(full));
                assertThat(HardMediumSoftScore.parseScore(option.scoreDifference()))
                        .isEqualTo(full.subtract(caseload.score()));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void theFirstOptionIsTheBestFeasibleProviderAndNothingLeftOutScoresBetter() {
        List<String> waiting = caseload.today().getUnits().stream()
                .filter(u -> u.getProvider() == null && u.getMembers().size() == 1)
                .map(u -> u.getMembers().getFirst().getId())
                .toList();
        assertThat(waiting).isNotEmpty();
        for (String childId : waiting.subList(0, Math.min(8, waiting.size()))) {
            MatchResult result = MatchService.match(caseload, List.of(childId), 3, false);
            if (result.options().isEmpty()) {
                continue;
            }
            MatchResult.Option first = result.options().getFirst();
            assertThat(first.rank()).isEqualTo(1);
            assertThat(first.score()).isEqualTo(ScoreText.format(fullScoreWith(List.of(childId), first.providerId())));
            HardMediumSoftScore worstListed =
                    HardMediumSoftScore.parseScore(result.options().getLast().score());
            Map<String, List<String>> excluded = result.excluded().stream()
                    .collect(Collectors.toMap(MatchResult.Exclusion::providerId, MatchResult.Exclusion::codes));
            List<String> listed = result.options().stream()
                    .map(MatchResult.Option::providerId)
                    .toList();
            for (Provider provider : caseload.providers()) {
                if (excluded.containsKey(provider.getId()) || listed.contains(provider.getId())) {
                    continue;
                }
                assertThat(fullScoreWith(List.of(childId), provider.getId()))
                        .as("left out %s", provider.getId())
                        .isLessThanOrEqualTo(worstListed);
            }
        }
    }

    @Test
    void everyExcludedProviderBreaksTheRulesItIsExcludedFor() {
        List<String> childIds = units().getFirst();
        MatchResult result = MatchService.match(caseload, childIds, 5, false);

        assertThat(result.excluded()).isNotEmpty();
        assertThat(result.options().size() + result.excluded().size())
                .isEqualTo(caseload.providers().size());
        for (MatchResult.Exclusion exclusion :
                result.excluded().subList(0, Math.min(15, result.excluded().size()))) {
            PlacementSolution solution = ProblemMapper.asToday(problem);
            Provider provider = solution.getProviders().stream()
                    .filter(p -> p.getId().equals(exclusion.providerId()))
                    .findFirst()
                    .orElseThrow();
            solution.getUnits().stream()
                    .filter(u -> u.getMembers().stream().anyMatch(c -> childIds.contains(c.getId())))
                    .forEach(u -> u.setProvider(provider));
            List<String> brokenForThem = ScoreBreakdown.of(solution).constraints().stream()
                    .filter(c -> c.matches().stream()
                            .anyMatch(m -> m.childIds().stream().anyMatch(childIds::contains)
                                    && m.providerIds().contains(exclusion.providerId())
                                    && HardMediumSoftScore.parseScore(m.score()).hardScore() < 0))
                    .map(ScoreBreakdown.ConstraintTotal::code)
                    .toList();
            assertThat(brokenForThem).as("at %s", exclusion.providerId()).containsAll(exclusion.codes());
            assertThat(exclusion.reasons()).hasSameSizeAs(exclusion.codes());
        }
    }

    @Test
    void pairRulesCountTheChildrenLivingThereAndTheChildrenAsked() {
        // H10 and H11 are only worked out where someone involved is flagged: check both sides of that shortcut.
        List<List<String>> singles =
                units().stream().filter(ids -> ids.size() == 1).toList();
        int checked = 0;
        for (Provider provider : caseload.providers()) {
            for (Child resident : caseload.childrenAt(provider)) {
                for (List<String> ids : singles.subList(0, Math.min(40, singles.size()))) {
                    Child asked = caseload.child(ids.getFirst());
                    if (caseload.positionOf(asked) == provider) {
                        continue;
                    }
                    boolean h10 = resident.isRiskToYoungerChildren() && asked.getAge() < resident.getAge()
                            || asked.isRiskToYoungerChildren() && resident.getAge() < asked.getAge();
                    boolean h11 = (resident.isRequiresSolePlacement() || asked.isRequiresSolePlacement())
                            && !resident.isSiblingOf(asked);
                    if (!h10 && !h11) {
                        continue;
                    }
                    MatchResult result = MatchService.match(caseload, ids, 1, false);
                    List<String> codes = result.excluded().stream()
                            .filter(e -> e.providerId().equals(provider.getId()))
                            .findFirst()
                            .orElseThrow()
                            .codes();
                    assertThat(codes).as("%s at %s", ids, provider.getId()).contains(h10 ? "H10" : "H11");
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void emergencyQueriesOfferOnlyEmergencyApprovedProvidersFreeToday() {
        String childId = units().stream()
                .filter(ids -> ids.size() == 1)
                .map(List::getFirst)
                .filter(id -> caseload.positionOf(caseload.child(id)) == null)
                .findFirst()
                .orElseThrow();

        MatchResult result = MatchService.match(caseload, List.of(childId), MatchService.MAX_LIMIT, true);

        assertThat(result.emergency()).isTrue();
        for (MatchResult.Option option : result.options()) {
            Provider provider = caseload.providers().stream()
                    .filter(p -> p.getId().equals(option.providerId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(provider.isEmergencyApproved()).isTrue();
            assertThat(provider.getAvailableFrom())
                    .isBeforeOrEqualTo(caseload.today().getReferenceDate());
        }
        assertThat(result.excluded()).filteredOn(e -> e.codes().contains("H9")).isNotEmpty();
        Child child = caseload.child(childId);
        long raised = Urgency.EMERGENCY.unplacedWeight() - child.getUrgency().unplacedWeight();
        assertThat(HardMediumSoftScore.parseScore(result.currentScore()))
                .isEqualTo(caseload.score().subtract(HardMediumSoftScore.ofMedium(raised)));
    }

    @Test
    void aClosedHomeAndOneJudgedBelowTheMinimumAreExcludedWithTheirReasonsButNotForTheirResident() {
        String home = """
                {"id": "%s", "type": "RESIDENTIAL_HOME", "localAuthority": "E1", "location": {"lat": 52.0, "lon": 0.0},
                 "places": 3, "ageMin": 0, "ageMax": 17, "weeklyCost": %d%s}""";
        PlacementProblem closed = org.placementmatcher.contract.ProblemReader.read("""
                {"schemaVersion": 1, "referenceDate": "2026-11-22", "homeAuthority": "E1",
                 "minimumOfstedJudgement": "REQUIRES_IMPROVEMENT",
                 "providers": [%s, %s, %s],
                 "children": [
                   {"id": "N", "dateOfBirth": "2014-01-01", "gender": "FEMALE", "home": {"lat": 52.0, "lon": 0.0},
                    "urgency": "URGENT"},
                   {"id": "R", "dateOfBirth": "2012-01-01", "gender": "MALE", "home": {"lat": 52.0, "lon": 0.0},
                    "urgency": "PLANNED", "currentPlacement": "CLOSED"}]}""".formatted(
                        home.formatted("CLOSED", 100, ", \"registered\": false, \"ofstedJudgement\": \"GOOD\""),
                        home.formatted("WEAK", 200, ", \"ofstedJudgement\": \"INADEQUATE\""),
                        home.formatted("OPEN", 900, "")));
        Caseload closedCaseload = Caseload.of(closed);

        MatchResult result = MatchService.match(closedCaseload, List.of("N"), 5, false);

        assertThat(result.options()).extracting(MatchResult.Option::providerId).containsExactly("OPEN");
        assertThat(result.excluded())
                .extracting(MatchResult.Exclusion::providerId, MatchResult.Exclusion::codes)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("CLOSED", List.of("H15")),
                        org.assertj.core.groups.Tuple.tuple("WEAK", List.of("H15")));
        Map<String, List<String>> reasons = result.excluded().stream()
                .collect(Collectors.toMap(MatchResult.Exclusion::providerId, MatchResult.Exclusion::reasons));
        assertThat(reasons.get("CLOSED"))
                .containsExactly(
                        "H15 registration: not registered with Ofsted on the reference date: takes no new child");
        assertThat(reasons.get("WEAK"))
                .containsExactly("H15 registration: judged inadequate by Ofsted, below the council's minimum of"
                        + " requires improvement for new placements");
        // The full score with N at the closed home agrees: one hard point, H15's, in the score analysis too.
        PlacementSolution atClosed = ProblemMapper.asToday(closed);
        Provider closedHome = atClosed.getProviders().getFirst();
        atClosed.getUnits().forEach(u -> u.setProvider(closedHome));
        assertThat(solver.score(atClosed).hardScore()).isEqualTo(-1);
        assertThat(ScoreBreakdown.of(atClosed).constraints())
                .filteredOn(c -> c.code().equals("H15"))
                .singleElement()
                .satisfies(c -> assertThat(c.matches()).hasSize(1));
        // The resident may stay where it lives: the closed home is an option for it.
        MatchResult resident = MatchService.match(closedCaseload, List.of("R"), 5, false);
        assertThat(resident.options())
                .extracting(MatchResult.Option::providerId)
                .contains("CLOSED");
    }

    /**
     * A child both pinned and needsMove (ProblemFixtures.PINNED_AND_MOVING, hand-scored) counts where it is today,
     * breaking H13: its own query excludes the placement that is ending for that rule alone, and a query for another
     * child finds it still there, taking one of P1's two places.
     */
    @Test
    void aChildPinnedAndNeedingAMoveIsMatchedAwayFromItsCurrentPlacementAndOthersAroundIt() {
        Caseload pinnedAndMoving = Caseload.of(ProblemReader.read(ProblemFixtures.PINNED_AND_MOVING));

        assertThat(ScoreText.format(pinnedAndMoving.score())).isEqualTo("-1hard/-1medium/-400soft");
        MatchResult own = MatchService.match(pinnedAndMoving, List.of("C1"), 5, false);
        assertThat(own.options())
                .extracting(
                        MatchResult.Option::providerId, MatchResult.Option::score, MatchResult.Option::scoreDifference)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("P2", "0hard/-1medium/-600soft", "1hard/0medium/-200soft"));
        assertThat(own.excluded())
                .extracting(
                        MatchResult.Exclusion::providerId, MatchResult.Exclusion::codes, MatchResult.Exclusion::reasons)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "P1", List.of("H13"), List.of("H13 mustMove: the current placement is ending (C1)")));

        MatchResult other = MatchService.match(pinnedAndMoving, List.of("C2"), 5, false);
        assertThat(other.options())
                .extracting(MatchResult.Option::providerId, MatchResult.Option::score)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("P1", "-1hard/0medium/-800soft"),
                        org.assertj.core.groups.Tuple.tuple("P2", "-1hard/0medium/-1000soft"));

        // Same-day: P2 is not emergency approved (H9); P1 is still the placement that is ending (H9 waived there).
        MatchResult emergency = MatchService.match(pinnedAndMoving, List.of("C1"), 5, true);
        assertThat(emergency.options()).isEmpty();
        assertThat(emergency.excluded())
                .extracting(MatchResult.Exclusion::providerId, MatchResult.Exclusion::codes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("P1", List.of("H13")),
                        org.assertj.core.groups.Tuple.tuple("P2", List.of("H9")));
    }

    @Test
    void rejectsUnknownRepeatedAndUnrelatedChildrenAndMatchesOneMemberWithItsWholeGroup() {
        PlacementUnit group = caseload.today().getUnits().stream()
                .filter(u -> u.getMembers().size() > 1)
                .findFirst()
                .orElseThrow();
        String member = group.getMembers().getFirst().getId();
        String outsider = caseload.today().getUnits().stream()
                .filter(u -> u != group)
                .findFirst()
                .orElseThrow()
                .getMembers()
                .getFirst()
                .getId();

        assertThatThrownBy(() -> MatchService.match(caseload, List.of("C-NOPE"), 5, false))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(ProblemError::path)
                                .containsExactly("$.childIds[0]"));
        assertThatThrownBy(() -> MatchService.match(caseload, List.of(member, member), 5, false))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(ProblemError::path)
                                .contains("$.childIds[1]"));
        assertThatThrownBy(() -> MatchService.match(caseload, List.of(member, outsider), 5, false))
                .isInstanceOfSatisfying(
                        InvalidProblemException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(err -> {
                            assertThat(err.path()).isEqualTo("$.childIds[1]");
                            assertThat(err.message()).contains("is not placed with '" + member + "'");
                        }));
        assertThatThrownBy(() -> MatchService.match(caseload, List.of(), 5, false))
                .isInstanceOf(InvalidProblemException.class);

        // One member named: the whole group travels together, as if every member had been named.
        List<String> wholeGroup = group.getMembers().stream().map(Child::getId).toList();
        MatchResult oneNamed = MatchService.match(caseload, List.of(member), 5, false);
        assertThat(oneNamed.childIds()).containsExactlyInAnyOrderElementsOf(wholeGroup);
        assertThat(oneNamed).isEqualTo(MatchService.match(caseload, wholeGroup, 5, false));
    }
}
