package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.solver.RetrialTries.Reach;

/**
 * The rounded plan's single children routed again around everyone else ({@link #singlesRoutedAgain}) and its sibling
 * groups exchanged ({@link SiblingGroupExchange}); then each apart sibling group (placeTogether=false) tried again on
 * the plan: the units the flow cannot route exactly ({@link RetrialTries#holdable}: other apart siblings, children
 * under H10 or H11, sibling groups of several children) held where the plan has them, except those placed nearest the
 * group; the group, those and the single children placed nearest it ({@link Reach}) routed again by the flow ({@link
 * PlacementFlow}, which offers nobody a place beside a held child they may not share with), settled, rounded, and kept
 * when the plan's score is better. It finds the long chains local search cannot: on county, five sibling groups each
 * moving to the next one's place while an apart pair trades places with a group of two, the proven optimum
 * (solver-config/BENCHMARKS.md). Where the apart groups' tries find nothing more, even reaching further, each sibling
 * group placed together is tried in the same way; then each apart group is tried together at each of its cheapest
 * places with room ({@link RetrialTries#gatherPlaces}), held there, those at that place let go ({@link Stage}).
 *
 * <p>Everyone else held where the plan has them, a try is a small flow: about 25 ms on county-1200 and a region at the
 * first reach, 43 ms on rcc ({@link CaseloadMemo} keeps what every try would work out again), whereas a try routing
 * every single child again and settling the groups it split took as long as the construction (30 s on a region); with
 * every group held, as the single children's pass holds them, such a flow takes 1.3 s. On a caseload of at most
 * {@link #MOST_UNITS} units the retrial has half of what remains after the construction ({@link #QUICK_SHARE} where its
 * first round is quick), and no try starts that is not expected to end by then; a larger one has the exchanges alone.
 * A command of its own after the construction's, so that the rounded plan is the solve's best (reported, and a bound's
 * target) meanwhile.
 */
public class ApartGroupRetrial implements PhaseCommand<PlacementSolution> {

    /**
     * In a timed solve only ({@link FlowConstruction#LIMIT_ENDS}: a reproducible one must not depend on the clock),
     * right after the construction: on a caseload of at most {@link #MOST_UNITS} units in half the time left, or in
     * {@link #QUICK_SHARE} of it where its rounds are quick ({@link #retry}); on a larger one the exchanges alone
     * ({@link #exchanges}), until the solve ends.
     */
    @Override
    public void changeWorkingSolution(PhaseCommandContext<PlacementSolution> context) {
        changeWorkingSolution(context, MOST_UNITS);
    }

    /** The same, the tries running on caseloads of at most {@code mostUnits} units (a test lowers it). */
    static void changeWorkingSolution(PhaseCommandContext<PlacementSolution> context, int mostUnits) {
        // A pass of an earlier solve on this thread says nothing of this one's.
        SINGLES_PASS_NANOS.remove();
        Long limitEnds = FlowConstruction.LIMIT_ENDS.get();
        if (limitEnds == null || context.isPhaseTerminated()) {
            return;
        }
        if (context.getWorkingSolution().getUnits().size() > mostUnits) {
            // National's construction cannot settle its split groups (about 100 of 2,000 a minute), so its rounding
            // leaves the single children far from where the flow sends them: routed again, 225,000 points in 41 s,
            // where local search found 90,000 in four minutes (solver-config/BENCHMARKS.md, "The exchanges on
            // national"). A pass's flow stops as the construction's does, the rounding's reserve before the limit,
            // and is then given up, the plan as it was: its rounding and applying it take seconds on such a caseload.
            long reserve = FlowConstruction.roundingReserveNanos(context.getWorkingSolution());
            exchanges(context, () -> context.isPhaseTerminated() || FlowConstruction.pastLimit(reserve));
            return;
        }
        long now = System.nanoTime();
        retry(context, now + (limitEnds - now) / 2, now + (long) ((limitEnds - now) * QUICK_SHARE));
    }

    /**
     * The share of the time left after the construction that the retrial has where its first round of tries ends
     * within a fifth of it (else half): on county-1200 local search found at most 33 points after the retrial in six
     * traced runs, while the retrial's further rounds brought the plan at 30 s from 0.056 % to 0.049 % above the best
     * bound (solver-config/BENCHMARKS.md, "The retrial reaches further"). A region's first round is quick too since
     * the tries together elsewhere come last (99 tries of about 25 ms): its wider rounds then have the time, local
     * search about 8 s ("Tries made quicker"). Where a round takes longer (rcc's) local search and the late exchanges
     * keep their half.
     */
    static final double QUICK_SHARE = 0.8;

    /**
     * Set on the solving thread by the retrial of a timed solve: the longest its single children's pass took ({@link
     * #exchanges}), by which {@link LateExchanges} judges when local search can spare the time for them again; absent
     * where the retrial did not run.
     */
    static final ThreadLocal<Long> SINGLES_PASS_NANOS = new ThreadLocal<>();

    /**
     * The most units a caseload may have for the retrial's tries to run (a larger one has the exchanges alone). Each
     * try rounds every unit of the caseload again (the unplaced ones with eviction), so its cost grows with the
     * caseload while what it can gain does not: on the national sample (66,225 units) the plan at 600 s came out
     * 0.04 % and 0.06 % worse with them, local search losing half its little time there, while a co-operative (about
     * 10,000 units) was no worse (solver-config/BENCHMARKS.md, "Apart groups tried again in a small flow").
     */
    static final int MOST_UNITS = 20_000;

    /**
     * The plan's single children routed again and its sibling groups exchanged ({@link #exchanges}), then the tries of
     * {@link #groupsTried}: every apart group in turn (those the plan splits first), then every sibling group placed
     * together, round after round, each round after one that improved nothing reaching further ({@link
     * Reach#afterRound}), then every apart group tried together at its cheapest places ({@link Stage}), the exchanges
     * again after each round that improved the plan, until the end (by {@link
     * System#nanoTime()}) would come before another try ends, a try being expected to take as long as the longest so
     * far in its stage; or until the phase is stopped. A try still under way at the end is given up. The end is {@code
     * end}, or {@code quickEnd} where the first round of tries has ended, counted from the start of the opening
     * exchanges, within two fifths of the time to {@code end} (a fifth of the time left where {@code end} is half of
     * it).
     */
    static void retry(PhaseCommandContext<PlacementSolution> context, long end, long quickEnd) {
        Deadline deadline = new Deadline(System.nanoTime(), end, quickEnd);
        BooleanSupplier stop = () -> context.isPhaseTerminated() || deadline.passed();
        exchanges(context, stop);
        groupsTried(context, deadline, stop);
    }

    /** When the retrial ends, by {@link System#nanoTime()}: {@code end}, until a quick first round moves it on. */
    static final class Deadline {
        private final long start;
        private final long quickEnd;
        private long end;

        Deadline(long start, long end, long quickEnd) {
            this.start = start;
            this.end = end;
            this.quickEnd = quickEnd;
        }

        /** The first round of tries has ended: where it was quick, the retrial goes on until {@code quickEnd}. */
        void firstRoundEnded() {
            if (System.nanoTime() - start <= (end - start) * 2 / 5) {
                end = quickEnd - end > 0 ? quickEnd : end;
            }
        }

        boolean passed() {
            return System.nanoTime() - end > 0;
        }

        /** Whether a try of {@code expected} nanoseconds started now would end after the deadline. */
        boolean tooLateFor(long expected) {
            return System.nanoTime() + expected - end > 0;
        }
    }

    /**
     * The single children routed again ({@link #singlesRoutedAgain}), then the sibling groups exchanged ({@link
     * SiblingGroupExchange}) and the single children routed again around them, while the exchange improves the plan:
     * each exact where the other is held, so each goes on from where the other stopped.
     */
    static void exchanges(PhaseCommandContext<PlacementSolution> context, BooleanSupplier stop) {
        long start = System.nanoTime();
        singlesRoutedAgain(context, stop);
        long took = System.nanoTime() - start;
        Long longest = SINGLES_PASS_NANOS.get();
        SINGLES_PASS_NANOS.set(longest == null ? took : Math.max(longest, took));
        while (SiblingGroupExchange.exchange(context, stop)) {
            singlesRoutedAgain(context, stop);
        }
    }

    /**
     * The tries of {@link #retry}: each apart group let go with its neighbours, then each sibling group placed together
     * ({@link #siblingGroups}), then each apart group tried together elsewhere ({@link Stage}), round after round
     * within each stage. A round that improves the plan is followed by one at the same reach; one that improves nothing
     * by one that reaches further ({@link Reach#afterRound}; the tries together elsewhere do not reach further), until
     * there is no further to reach.
     */
    private static void groupsTried(
            PhaseCommandContext<PlacementSolution> context, Deadline deadline, BooleanSupplier stop) {
        PlacementSolution solution = context.getWorkingSolution();
        boolean first = true;
        for (Stage stage : Stage.values()) {
            List<List<PlacementUnit>> centres = stage.centres(solution);
            Reach reach = centres.isEmpty() ? null : Reach.FIRST;
            // Within a stage: its tries take longer as it reaches further.
            long longestTryNanos = 0;
            while (reach != null) {
                Round round = round(context, centres, reach, stage.gathered, longestTryNanos, deadline, stop);
                if (round == null) {
                    return;
                }
                if (first) {
                    deadline.firstRoundEnded();
                    first = false;
                }
                longestTryNanos = round.longestTryNanos();
                if (round.improved()) {
                    exchanges(context, stop);
                }
                reach = stage.nextReach(
                        reach, round.improved(), solution.getUnits().size());
            }
        }
    }

    /**
     * The retrial's stages, in order: whom tries are centred on and how. Trying an apart group together at its
     * cheapest places ({@link RetrialTries#gatherPlaces}) comes last: on the region at 60 s none of 888 such tries
     * improved the plan, nor any of 76 on county-1200, while they took two thirds of the region's retrial; on county
     * one of them found the last 3 points to the proven optimum in the old order; it reaches the optimum without them
     * now (solver-config/BENCHMARKS.md, "Tries made quicker").
     */
    enum Stage {
        /** Each apart group (those the plan splits first) let go with its neighbours. */
        APART_GROUPS_LET_GO(false),
        /** Each sibling group placed together let go with its neighbours. */
        SIBLING_GROUPS_LET_GO(false),
        /** Each apart group held together at each of its cheapest places, those there let go. */
        APART_GROUPS_GATHERED(true);

        private final boolean gathered;

        Stage(boolean gathered) {
            this.gathered = gathered;
        }

        /**
         * The next round's reach after one at {@code reach} on a caseload of {@code units} units, or null (the stage is
         * over): {@link Reach#afterRound}; the tries together elsewhere do not reach further, so they stop at the first
         * round that improves nothing.
         */
        Reach nextReach(Reach reach, boolean improved, int units) {
            if (gathered) {
                return improved ? reach : null;
            }
            return reach.afterRound(improved, units);
        }

        /** The members of each group the stage's tries are centred on, as the plan stands when it starts. */
        List<List<PlacementUnit>> centres(PlacementSolution solution) {
            return this == SIBLING_GROUPS_LET_GO ? siblingGroups(solution) : apartGroupsSplitFirst(solution);
        }
    }

    /**
     * How a round went: whether it improved the plan, and the longest a try has taken so far, by which no try starts
     * that is not expected to end in time.
     */
    record Round(boolean improved, long longestTryNanos) {}

    /**
     * One round: each of the {@code centres} (the members of a group) let go at {@code reach}, or, {@code gathered},
     * tried together at each of its {@link RetrialTries#gatherPlaces} with the single children of the {@code reach}
     * around that place let go; each try kept where it makes the plan's score better. Null (the retrial is over) where
     * the {@code deadline} would come before another try ends, a try being expected to take as long as the longest so
     * far in its stage ({@code longestTryNanos} before this round), or where {@code stop} says so.
     */
    static Round round(
            PhaseCommandContext<PlacementSolution> context,
            List<List<PlacementUnit>> centres,
            Reach reach,
            boolean gathered,
            long longestTryNanos,
            Deadline deadline,
            BooleanSupplier stop) {
        PlacementSolution solution = context.getWorkingSolution();
        Attempts attempts = new Attempts(context, centres.getFirst().getFirst(), longestTryNanos, deadline, stop);
        for (List<PlacementUnit> members : centres) {
            if (gathered) {
                for (Provider place : RetrialTries.gatherPlaces(members)) {
                    if (!attempts.attempt(() -> RetrialTries.heldGathered(solution, members, place, reach))) {
                        return null;
                    }
                }
            } else if (!attempts.attempt(() -> RetrialTries.held(solution, members, reach))) {
                return null;
            }
        }
        return new Round(attempts.improved, attempts.longestTryNanos);
    }

    /** A round's tries, each kept where it makes the plan's score better than the best so far. */
    private static final class Attempts {
        private final PhaseCommandContext<PlacementSolution> context;
        /** Kept from one try's rounding to the next. */
        private final CaseloadMemo memo;

        private final Deadline deadline;
        private final BooleanSupplier stop;
        private HardMediumSoftScore best;
        private boolean improved;
        private long longestTryNanos;

        Attempts(
                PhaseCommandContext<PlacementSolution> context,
                PlacementUnit anyUnit,
                long longestTryNanos,
                Deadline deadline,
                BooleanSupplier stop) {
            this.context = context;
            this.memo = new CaseloadMemo(context.getWorkingSolution());
            this.deadline = deadline;
            this.stop = stop;
            this.longestTryNanos = longestTryNanos;
            best = context.executeTemporarilyAndCalculateScore(unchanged(context, anyUnit));
        }

        /**
         * The plan routed again with the units {@code held} holds held there, kept where its score is better; false
         * (nothing tried) where the deadline would come before the try ends or {@code stop} says so.
         */
        boolean attempt(Supplier<Map<PlacementUnit, Provider>> held) {
            long start = System.nanoTime();
            if (stop.getAsBoolean() || deadline.tooLateFor(longestTryNanos)) {
                return false;
            }
            List<Move<PlacementSolution>> tried = tryHolding(context, memo, held.get(), stop);
            if (!tried.isEmpty()) {
                Move<PlacementSolution> move = Moves.compose(tried);
                HardMediumSoftScore triedScore = context.executeTemporarilyAndCalculateScore(move);
                if (triedScore.compareTo(best) > 0) {
                    context.execute(move);
                    best = triedScore;
                    improved = true;
                }
            }
            longestTryNanos = Math.max(longestTryNanos, System.nanoTime() - start);
            return true;
        }
    }

    /**
     * Every single child routed again, exactly, around the units the flow cannot route ({@link RetrialTries#holdable})
     * held where the plan has them; kept when the plan's score is better. The rounding settles sibling groups the flow
     * split and places the children they displace one at a time; routed again together, those children find a cheaper
     * way round (rcc: 12,625 points in 2.9 s; region: 858 in 1.3 s; solver-config/BENCHMARKS.md, "Single children
     * routed again").
     */
    static void singlesRoutedAgain(PhaseCommandContext<PlacementSolution> context, BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            return; // building the flow alone takes seconds on a large caseload
        }
        PlacementSolution solution = context.getWorkingSolution();
        Map<PlacementUnit, Provider> decisions = singlesRouted(solution, stop);
        List<Move<PlacementSolution>> tried = decisions == null || context.isPhaseTerminated()
                ? List.of()
                : FlowConstruction.changesTo(context, decisions);
        if (tried.isEmpty()) {
            return;
        }
        PlacementUnit movable = solution.getUnits().stream()
                .filter(unit -> !unit.isPinned())
                .findFirst()
                .orElseThrow();
        HardMediumSoftScore before = context.executeTemporarilyAndCalculateScore(unchanged(context, movable));
        Move<PlacementSolution> move = Moves.compose(tried);
        HardMediumSoftScore after = context.executeTemporarilyAndCalculateScore(move);
        if (after.compareTo(before) > 0) {
            context.execute(move);
        }
    }

    /**
     * Every movable unit's place with every single child routed again by the flow, exactly, around the units it cannot
     * route ({@link RetrialTries#holdable}) held where the plan has them; null when {@code stop} ended the flow first.
     */
    static Map<PlacementUnit, Provider> singlesRouted(PlacementSolution solution, BooleanSupplier stop) {
        Map<PlacementUnit, Provider> held = new IdentityHashMap<>();
        for (PlacementUnit unit : RetrialTries.holdable(solution, List.of())) {
            held.put(unit, unit.getProvider());
        }
        return FlowConstruction.decideHolding(solution, held, CandidateLimit.configured(), stop, () -> false, true);
    }

    /** A move that changes nothing (a unit to where it is), for the score as it stands. */
    private static Move<PlacementSolution> unchanged(
            PhaseCommandContext<PlacementSolution> context, PlacementUnit unit) {
        return Moves.change(FlowConstruction.providerVariable(context), unit, unit.getProvider());
    }

    /**
     * Each movable sibling group placed together (a unit of several children outside any apart group), as the members
     * of a try: on county-1200, once the apart groups' rounds found nothing more, tries centred on these found 336
     * points in 5 s (solver-config/BENCHMARKS.md, "The retrial reaches further").
     */
    static List<List<PlacementUnit>> siblingGroups(PlacementSolution solution) {
        List<List<PlacementUnit>> groups = new ArrayList<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (!unit.isPinned() && unit.getApartGroup() == null && unit.size() > 1) {
                groups.add(List.of(unit));
            }
        }
        return groups;
    }

    /** The members of each apart group of two or more movable children, the groups the plan splits first. */
    static List<List<PlacementUnit>> apartGroupsSplitFirst(PlacementSolution solution) {
        Map<String, List<PlacementUnit>> groups = solution.apartGroups(unit -> !unit.isPinned());
        List<List<PlacementUnit>> split = new ArrayList<>();
        List<List<PlacementUnit>> together = new ArrayList<>();
        for (List<PlacementUnit> members : groups.values()) {
            if (members.size() > 1) {
                boolean apart = members.stream()
                                .map(PlacementUnit::getProvider)
                                .distinct()
                                .count()
                        > 1;
                (apart ? split : together).add(members);
            }
        }
        split.addAll(together);
        return split;
    }

    /**
     * The moves to the plan routed again with the units in {@code held} held there; none when nothing changes, or no
     * time.
     */
    private static List<Move<PlacementSolution>> tryHolding(
            PhaseCommandContext<PlacementSolution> context,
            CaseloadMemo memo,
            Map<PlacementUnit, Provider> held,
            BooleanSupplier stop) {
        Map<PlacementUnit, Provider> decisions = FlowConstruction.decideHolding(
                context.getWorkingSolution(), memo, held, CandidateLimit.configured(), stop, () -> false, true);
        return decisions == null ? List.of() : FlowConstruction.changesTo(context, decisions);
    }
}
