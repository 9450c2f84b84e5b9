package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.placementmatcher.LogSafe;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;

/**
 * Every plan's proof: the best score any plan of the problem could have (an upper bound, proven), and how far the
 * plan is from it. Hard: the pinned children's own hard points (every other hard point can be avoided by leaving a
 * child unplaced); medium: the min-cost-flow relaxation's; soft: the Lagrangian relaxation's ({@link
 * LagrangianBound}) with that medium. It is worked out on a thread of its own while the solver solves ({@link
 * #beside}): Timefold solves on one thread, so on a machine of two cores or more the bound has the whole time limit
 * without taking any from the solver. Its steps aim at the solver's best score as it improves; it stops at the
 * limit (a plan never ends later for it), at a stop, or once it meets the plan (then the plan is proven the best
 * possible). Where the time runs out before the relaxations are set up (a large problem on a short limit) or the plan
 * is stopped early, there is no bound.
 */
public final class BestBound {

    private static final Logger LOG = Logger.getLogger(BestBound.class);
    private static final PrintStream NO_LOG = new PrintStream(OutputStream.nullOutputStream());

    /**
     * The share of a plan's time limit kept after the solver and the bound stop (at most {@link #MAX_MARGIN}): the
     * solver's last step and scoring, and the bound's last iteration, end in it, so the plan still ends within its
     * limit. The solver and the bound both run for the rest: side by side, not one after the other.
     */
    public static final double MARGIN_SHARE = 0.02;

    public static final Duration MAX_MARGIN = Duration.ofSeconds(1);

    /** How long past its deadline a bound may take to end its last iteration and still be reported. */
    private static final Duration LAST_ITERATION = Duration.ofMillis(500);

    private BestBound() {}

    /** The part of a plan's time limit the solver and the bound have: all but the margin ({@link #MARGIN_SHARE}). */
    public static Duration solverLimit(Duration limit) {
        long margin = Math.min(MAX_MARGIN.toMillis(), Math.round(limit.toMillis() * MARGIN_SHARE));
        return Duration.ofMillis(Math.max(1, limit.toMillis() - margin));
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
        return checked(plan, relaxed(problem, scorer, () -> plan, deadline, stop));
    }

    /**
     * Starts working the bound out on a thread of {@code executor}, beside a solver: tell it each new best score
     * ({@link Beside#offer}), and ask for the bound once the solve has ended ({@link Beside#result}).
     *
     * @param problem the problem given to the solver (only read: the solver works on a copy; not for a problem with
     *     nothing to decide, whose bound is its own score)
     * @param stop told to stop (checked as often as the deadline): the bound ends at once
     * @param planEnd when the plan must be returned ({@link System#nanoTime()}): the bound's last iteration may run past
     *     {@code deadline}, never past this
     */
    public static Beside beside(
            PlacementSolution problem,
            PlacementSolver scorer,
            long deadline,
            long planEnd,
            BooleanSupplier stop,
            ExecutorService executor) {
        return new Beside(problem, scorer, deadline, planEnd, stop, executor);
    }

    /** A bound being worked out beside a solver, on a thread of its own. */
    public static final class Beside {
        private final BestScoreSoFar plan = new BestScoreSoFar();
        private final AtomicBoolean abandoned = new AtomicBoolean();
        private final long waitUntil;
        private final Future<HardMediumSoftScore> bound;

        private Beside(
                PlacementSolution problem,
                PlacementSolver scorer,
                long deadline,
                long planEnd,
                BooleanSupplier stop,
                ExecutorService executor) {
            this.waitUntil = Math.min(deadline + LAST_ITERATION.toNanos(), Math.max(deadline, planEnd));
            BooleanSupplier ended = () -> abandoned.get() || stop.getAsBoolean();
            // A bound that waited for a thread until its time was up builds nothing (a large network takes seconds).
            this.bound = executor.submit(() -> ended.getAsBoolean() || System.nanoTime() >= deadline
                    ? null
                    : relaxed(problem, scorer, plan::get, deadline, ended));
        }

        /** A new best plan's score: from now on the steps aim at it (at the best of those told). */
        public void offer(HardMediumSoftScore score) {
            plan.offer(score);
        }

        /**
         * The bound, checked against the plan as solved (null where the plan beats it, with an error logged): waits
         * until the deadline for the bound's thread, and a little past it for its last iteration (never past the plan's
         * end); null when it has not
         * ended by then (it was still setting up, and now stops).
         */
        public HardMediumSoftScore result(HardMediumSoftScore finalPlan) {
            long wait = Math.max(waitUntil - System.nanoTime(), 0);
            try {
                return checked(finalPlan, bound.get(wait, TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                abandon();
                LOG.infof("no best bound: its set-up had not ended by the time limit");
                return null;
            } catch (ExecutionException e) {
                LOG.warnf("no best bound: %s", LogSafe.failure(e.getCause()));
                return null;
            } catch (InterruptedException e) {
                abandon();
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** Ends the bound's thread at its next check, without waiting for it: no bound is wanted. */
        public void abandon() {
            abandoned.set(true);
        }

        /** Whether the bound's thread has ended. */
        public boolean isDone() {
            return bound.isDone();
        }
    }

    /** The relaxations' bound, unchecked against the final plan; null without time enough, or on a defect. */
    private static HardMediumSoftScore relaxed(
            PlacementSolution problem,
            PlacementSolver scorer,
            Supplier<HardMediumSoftScore> plan,
            long deadline,
            BooleanSupplier stop) {
        try {
            long hard = pinnedHardScore(problem, scorer);
            // Only a plan at the best hard score tells the relaxation, which bounds the plans at that hard score.
            Supplier<HardMediumSoftScore> atBestHard = () -> {
                HardMediumSoftScore known = plan.get();
                return known != null && known.hardScore() == hard ? known : null;
            };
            LagrangianBound.Result bound = LagrangianBound.bound(problem, atBestHard, deadline, stop, NO_LOG);
            return bound == null ? null : HardMediumSoftScore.of(hard, bound.mediumBound(), bound.softBound());
        } catch (IllegalStateException e) {
            // Weights that do not put medium first, or a defect caught by the relaxation's own checks.
            LOG.warnf("no best bound: %s", LogSafe.failure(e));
            return null;
        }
    }

    /** The bound where the plan does not beat it; else null, with an error logged (a defect). */
    private static HardMediumSoftScore checked(HardMediumSoftScore plan, HardMediumSoftScore best) {
        if (best != null && plan.compareTo(best) > 0) {
            LOG.errorf("the plan's score %s beats the bound %s: no bound reported", plan, best);
            return null;
        }
        return best;
    }

    /**
     * The hard score of the pinned units alone: no plan has fewer hard points. Safe beside a solve of the same
     * problem: it scores a solution of its own (sharing only the pinned units, which the solver does not change: it
     * works on copies), and each scoring builds its own score director.
     */
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
