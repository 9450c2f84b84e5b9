package org.placementmatcher.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.placementmatcher.contract.Assignment;
import org.placementmatcher.contract.Kpis;
import org.placementmatcher.contract.PlacementPlan;
import org.placementmatcher.contract.ProblemFixtures;
import org.placementmatcher.contract.ProblemReader;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.matching.MatchResult.Approval;

/**
 * Contract section 8, worked by hand (src/test/resources/three-authorities.json): three responsible authorities A (the
 * home authority), B and C in one problem; {@code adjoiningAuthorities} {"A": ["B"], "B": ["A"], "C": []}.
 *
 * <pre>
 * Providers, all residential, 6 places, at the children's point (no distance points): PA in A £500, PB in B £600,
 * PC in C £700. Out of area (250) means "not in the child's responsible authority", whatever the home authority.
 *
 * child  responsible  where            points                 approval
 * C1     A (default)  PA, pinned       500                    NONE
 * C2     A            PB, pinned       600 + 250 = 850        NOMINATED_OFFICER (B adjoins A)
 * C3     B            PB, pinned       600                    NONE (out of the home authority, in its own)
 * C4     B            PA, pinned       500 + 250 = 750        NOMINATED_OFFICER (A adjoins B)
 * C5     C            PA, pinned       500 + 250 = 750        DIRECTOR (nothing adjoins C)
 * C6     C            PC, pinned       700                    NONE
 * C7     C            unplaced: needs MEDICAL, which no provider meets (H4); URGENT: medium -3
 * C8     B            free: PA 750, PB 600, PC 950 -> PB 600   NONE
 *                     (were the term judged by the home authority A: PA 500 < PB 850, so PA)
 * C9+C10 A and C      a placeTogether group, each member judged by its own authority:
 *                     PA 500 + 750 = 1250, PB 850 + 850 = 1700, PC 950 + 700 = 1650 -> PA 1250
 *        C9           PA               500                    NONE
 *        C10          PA               500 + 250 = 750        DIRECTOR
 * Soft = -(500 + 850 + 600 + 750 + 750 + 700 + 600 + 500 + 750) = -6000; score 0hard/-3medium/-6000soft.
 *
 * KPIs (out of area over placed children, one decimal; cost of placed children):
 *   all: 10 children, 9 placed, 1 unplaced, out of area C2 C4 C5 C10 = 4/9 = 44.4%, cost 5000
 *   A:   C1 C2 C9      3 placed, out of area C2 = 1/3 = 33.3%, cost 500 + 600 + 500 = 1600
 *   B:   C3 C4 C8      3 placed, out of area C4 = 1/3 = 33.3%, cost 600 + 500 + 600 = 1700
 *   C:   C5 C6 C7 C10  4 children, 3 placed, 1 unplaced, out of area C5 C10 = 2/3 = 66.7%, cost 500 + 700 + 500 = 1700
 * No distance, moves or split groups anywhere.
 * </pre>
 */
class ThreeAuthoritiesTest {

    private final PlacementSolver solver = PlacementSolver.fromClasspathConfig();

    @Test
    void outOfAreaKpisAndApprovalFollowEachChildsResponsibleAuthority() {
        PlacementSolution best = solver.solve(
                ProblemMapper.toSolution(ProblemReader.read(ProblemFixtures.threeAuthorities())),
                Duration.ofSeconds(2),
                null);
        PlacementPlan plan = PlanWriter.toPlan(best);

        assertThat(plan.score()).isEqualTo("0hard/-3medium/-6000soft");
        assertThat(plan.assignments())
                .containsExactly(
                        new Assignment("C1", "PA", false),
                        new Assignment("C2", "PB", false),
                        new Assignment("C3", "PB", false),
                        new Assignment("C4", "PA", false),
                        new Assignment("C5", "PA", false),
                        new Assignment("C6", "PC", false),
                        new Assignment("C7", null, false),
                        new Assignment("C8", "PB", false),
                        new Assignment("C9", "PA", false),
                        new Assignment("C10", "PA", false));
        assertThat(plan.kpis()).isEqualTo(new Kpis(10, 9, 1, 44.4, 0.0, 0, 0, 5000.0, null));
        assertThat(plan.kpisByAuthority())
                .containsExactly(
                        Map.entry("A", new Kpis(3, 3, 0, 33.3, 0.0, 0, 0, 1600.0, null)),
                        Map.entry("B", new Kpis(3, 3, 0, 33.3, 0.0, 0, 0, 1700.0, null)),
                        Map.entry("C", new Kpis(4, 3, 1, 66.7, 0.0, 0, 0, 1700.0, null)));
        assertThat(approvals(best))
                .containsExactly(
                        Map.entry("C1", Approval.NONE),
                        Map.entry("C2", Approval.NOMINATED_OFFICER),
                        Map.entry("C3", Approval.NONE),
                        Map.entry("C4", Approval.NOMINATED_OFFICER),
                        Map.entry("C5", Approval.DIRECTOR),
                        Map.entry("C6", Approval.NONE),
                        Map.entry("C8", Approval.NONE),
                        Map.entry("C9", Approval.NONE),
                        Map.entry("C10", Approval.DIRECTOR));
    }

    @Test
    void aProblemOfOneAuthorityHasOneEntryEqualToItsKpis() {
        PlacementSolution today = ProblemMapper.asToday(ProblemReader.read(ProblemFixtures.handScored()));
        PlacementPlan plan = PlanWriter.toPlan(today);

        assertThat(plan.kpisByAuthority()).containsExactly(Map.entry("E1", plan.kpis()));
    }

    /** The approval level of each placed child's placement, in input order. */
    private static Map<String, Approval> approvals(PlacementSolution solution) {
        Map<Child, Provider> placement = PlanWriter.providerByChild(solution);
        Map<String, Approval> approvals = new LinkedHashMap<>();
        for (Child child : solution.getChildren()) {
            Provider provider = placement.get(child);
            if (provider != null) {
                approvals.put(child.getId(), Approval.of(child, provider));
            }
        }
        return approvals;
    }
}
