package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.placementmatcher.LogSafe;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;

/**
 * Every plan's proof: the best score any plan of the problem could have (an upper bound, proven), and how far the
 * plan is from it. Hard: the pinned children's own hard points (every other hard point can be avoided by leaving a
 * child unplaced); medium: the min-cost-flow relaxation's; soft: the Lagrangian relaxation's ({@link
 * LagrangianBound}) with that medium. It takes a share of the plan's time limit after the solve ({@link #SHARE}), and
 * stops at the limit: a plan never ends later for it. Where the time runs out before the relaxations are set up
 * (a large problem on a short limit) or the plan is stopped early, there is no bound.
 */
public final class BestBound {

    private static final Logger LOG = Logger.getLogger(BestBound.class);
    private static final PrintStream NO_LOG = new PrintStream(OutputStream.nullOutputStream());

    /**
     * The share of a plan's time limit kept for the bound: the solver stops at the rest, and the bound runs from then
     * to the limit (longer when the solver ends earlier, at its plateau). A fifth: the solver's last fifth gains little
     * on the sample datasets (solver-config/BENCHMARKS.md, engine rows), and the bound's first seconds gain most: the
     * county's 30 s plan was reported at most 0.36 % from the best possible plan on a machine at load 27 (its bound
     * converged is 0.04 % from it). A solver that overruns its share (construction always runs to its end; a loaded
     * machine) leaves the bound less, or no time: then the plan has no bound rather than ending late.
     */
    public static final double SHARE = 0.2;

    private BestBound() {}

    /** The part of a plan's time limit the solver has: all but {@link #SHARE}. */
    public static Duration solverLimit(Duration limit) {
        return Duration.ofMillis(Math.max(1, Math.round(limit.toMillis() * (1 - SHARE))));
    }

    /**
     * The best score any plan of the problem could have, worked out until {@code deadline} ({@link System#nanoTime()})
     * or a stop; null when there was not time enough for one.
     *
     * @param problem the problem as solved (only its pinned units' placements are read; it is left as it is)
     * @param plan the plan's score: the relaxation's steps aim at it, and stop once the bound meets it
     */
    public static HardMediumSoftScore of(
            PlacementSolution problem,
            PlacementSolver scorer,
            HardMediumSoftScore plan,
            long deadline,
            BooleanSupplier stop) {
        if (PlacementSolver.nothingToDecide(problem)) {
            return plan; // the only plan there is
        }
        try {
            long hard = pinnedHardScore(problem, scorer);
            LagrangianBound.Result bound =
                    LagrangianBound.bound(problem, plan.hardScore() == hard ? plan : null, deadline, stop, NO_LOG);
            if (bound == null) {
                return null;
            }
            HardMediumSoftScore best = HardMediumSoftScore.of(hard, bound.mediumBound(), bound.softBound());
            if (plan.compareTo(best) > 0) {
                LOG.errorf("the plan's score %s beats the bound %s: no bound reported", plan, best);
                return null;
            }
            return best;
        } catch (IllegalStateException e) {
            // Weights that do not put medium first, or a defect caught by the relaxation's own checks.
            LOG.warnf("no best bound: %s", LogSafe.failure(e));
            return null;
        }
    }

    /** The hard score of the pinned units alone: no plan has fewer hard points. */
    private static long pinnedHardScore(PlacementSolution problem, PlacementSolver scorer) {
        List<PlacementUnit> pinned =
                problem.getUnits().stream().filter(PlacementUnit::isPinned).toList();
        PlacementSolution alone = new PlacementSolution(
                problem.getName(),
                problem.getReferenceDate(),
                problem.getHomeAuthority(),
                problem.getWeights(),
                problem.getProviders(),
                problem.getChildren(),
                pinned,
                problem.getConstraintWeightOverrides());
        return scorer.score(alone).hardScore();
    }

    /**
     * How far a plan is from the bound.
     *
     * @param percent where the plan's hard and medium are the bound's: its soft points beyond the bound's, in percent
     *     of the bound's, rounded up to two decimals (so the plan is at most this far from the best possible one);
     *     null otherwise, or where the bound has no soft points but the plan has
     * @param medium where the plan's hard is the bound's: the urgency weight the best possible plan might place
     *     beyond this one (0 when the medium is the bound's)
     * @param hard the hard points the best possible plan might avoid beyond this one (0 when the hard is the bound's)
     */
    public record Gap(Double percent, long medium, long hard) {

        public static Gap of(HardMediumSoftScore plan, HardMediumSoftScore bound) {
            long hard = bound.hardScore() - plan.hardScore();
            long medium = hard == 0 ? bound.mediumScore() - plan.mediumScore() : 0;
            Double percent = null;
            if (hard == 0 && medium == 0) {
                long soft = bound.softScore() - plan.softScore();
                if (soft == 0) {
                    percent = 0.0;
                } else if (bound.softScore() != 0) {
                    percent = BigDecimal.valueOf(soft * 100L)
                            .divide(BigDecimal.valueOf(Math.abs(bound.softScore())), 2, RoundingMode.CEILING)
                            .doubleValue();
                }
            }
            return new Gap(percent, medium, hard);
        }
    }
}
