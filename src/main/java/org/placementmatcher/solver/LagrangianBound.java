package org.placementmatcher.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * A proven lower bound on the soft points of the best plan (the product's {@link BestBound}, and the benchmarks'
 * reference where the exact solver cannot take a dataset). Medium first: no plan leaves less urgency weight unplaced than the min-cost-flow
 * relaxation ({@link PlacementFlow}) does, so that weight W gives the medium bound. Then the soft points of
 * any plan leaving at most W unplaced are bounded by Lagrangian relaxation, in two phases:
 * <ol>
 * <li>Capacity relaxed: each provider's free places (places less the pinned children) get a multiplier, and
 * so does "unplaced weight ≤ W" (μ). What is left separates: each unit takes its cheapest option (provider)
 * at its soft points plus the provider's price, or stays unplaced at μ·weight; each placeTogether=false
 * sibling group is solved exactly on its own, siblingsApart included (which the flow ignores). The capacity
 * rows also carry their Chvátal-Gomory roundings (3 free places take one pair of siblings, not 1.5).</li>
 * <li>Lagrangian decomposition, started from phase 1's best prices: each option is split into the unit's copy
 * and the provider's copy, and their equality is relaxed with one multiplier π ≤ 0 per option. The units' side
 * is as in phase 1 with the price −π; each provider's side is a small knapsack over its free places, solved
 * exactly. This closes part of the gap phase 1 leaves where sibling groups split fractionally.</li>
 * </ol>
 * Either dual function is a lower bound for all multipliers; both are maximised by projected subgradient
 * steps ({@link SubgradientAscent}: Polyak's rule, aiming at the best known plan's soft points when given, which may
 * improve while it runs). The bound is the best value seen.
 * <p>
 * Where a unit's candidates are only its cheapest few ({@link PlacementUnit#omittedPointsAtLeast()}), each unit and
 * apart-group block also has an option "somewhere beyond its list" at the least points of those left out, with no
 * provider and no multiplier, so both phases still bound the whole problem ({@link UnitsSide}).
 * <p>
 * Strengthenings that hold in every plan with the best hard score (only the pinned units' constant hard points):
 * a unit goes only where it could join the pinned children without a hard point (H1, H10, H11, H14), a unit or
 * block with an H10 pair inside is never placed, and a unit or block needing a sole placement (H11) takes every
 * free place (its siblings there are in the block with it). The rest of H10 and H14 is dropped (a relaxation).
 * <p>
 * Multipliers are fixed-point numbers (16 fraction bits) and soft points whole numbers, so every dual value is
 * computed exactly in long arithmetic and its ceiling is a valid bound on a whole number of points. The ascent may
 * stop at any iteration (deadline, or told to): the best value so far is a bound all the same. Only the flow and the
 * set-up must finish for there to be one.
 */
public final class LagrangianBound {

    private static final int FRACTION_BITS = 16;
    static final long ONE = 1L << FRACTION_BITS;
    static final long INF = Long.MAX_VALUE / 4;
    /** Apart groups with more free members than this (2^k blocks) are relaxed member by member, without siblingsApart. */
    static final int MAX_GROUP_MEMBERS = 10;
    /** Phase 1 converges within seconds (region: ~30 s): it gets at most this share of the time left after set-up. */
    private static final double PHASE_ONE_SHARE = 0.3;
    /**
     * Iterations without a better bound before the step halves. Phase 2 moves one multiplier per option in the
     * relaxed plans by a little each step, so its value stalls far longer before it stops rising (county: a patience
     * of 300 stopped 340 points short of what 1000 reaches; 3000 adds 1 point).
     */
    private static final int PHASE_ONE_PATIENCE = 50;

    private static final int PHASE_TWO_PATIENCE = 1000;

    /**
     * Phase 2's first step length (Polyak's theta; it halves as the bound stalls). 0.3 rather than 0.1 makes the region's
     * bound 1,559 points tighter at 60 s, and in 750 s of phase 2 tighter than 0.1 gets at all (-5,537,318 against
     * -5,537,068, where 0.1 stopped rising); equal on small and county, 3 points tighter on county-1200
     * (solver-config/BENCHMARKS.md, "Sibling groups exchanged").
     */
    private static final double PHASE_TWO_THETA = 0.3;

    /**
     * @param mediumBound the best medium any plan can have (minus the urgency weight W no plan places)
     * @param softPointsBound no plan with that medium has fewer soft points: the best of the bounds below
     * @param capacitySoftPoints phase 1's best dual value, rounded up, or null when time left no iteration
     * @param decompositionSoftPoints phase 2's, or null when it did not run
     * @param flowSoftPoints the flow relaxation's soft bound (null where its unplaced weight was fractional)
     * @param flowPricesSoftPoints phase 1's value at the flow's prices ({@link #warmStart}), rounded up, where the flow
     *     left prices to start at, else null
     * @param targetSoftPoints the primal value the steps aimed at last (the known plan's soft points), or null
     * @param seconds the whole computation, flow included
     */
    public record Result(
            long mediumBound,
            long softPointsBound,
            Long capacitySoftPoints,
            Long decompositionSoftPoints,
            Long flowSoftPoints,
            Long flowPricesSoftPoints,
            Long targetSoftPoints,
            int capacityIterations,
            int decompositionIterations,
            double seconds,
            String stop) {

        /** The soft score bound (a score, so minus the points). */
        public long softBound() {
            return -softPointsBound;
        }
    }

    /**
     * The medium bound from the flow, then the Lagrangian soft bound with that medium.
     *
     * @param knownPlan the best plan's score so far at the best hard score (e.g. the engine's, improving while a solver
     *        runs beside), read at every iteration; or null, or giving null: with the bound's medium, its soft points cap
     *        the steps' aim and stop them once the bound meets them, and the last one checks the bound
     * @param deadline {@link System#nanoTime()} by which it ends, flow and set-up included
     * @param stop told to stop (checked as often as the deadline): it ends with the bound so far
     * @return the bound, or null when the deadline or a stop came before the flow and the set-up had finished (or
     *     left no iteration where the flow's soft bound does not hold)
     * @throws IllegalStateException where the weights do not let the flow put medium first, or the known plan beats
     *     the bound (a defect)
     */
    public static Result bound(
            PlacementSolution solution,
            Supplier<HardMediumSoftScore> knownPlan,
            long deadline,
            BooleanSupplier stop,
            PrintStream log) {
        long start = System.nanoTime();
        BooleanSupplier outOfTime = () -> System.nanoTime() >= deadline || stop.getAsBoolean();
        BoundRelaxation.Priced priced = BoundRelaxation.solveWithPrices(solution, outOfTime);
        FlowRelaxation flow = priced.totals();
        if (!flow.complete()) {
            return null;
        }
        if (!flow.isBound()) {
            throw new IllegalStateException("weights too large for the flow to put medium first");
        }
        long unplacedWeight = flow.unplacedWeightBound();
        long pinnedUnplaced = solution.getUnits().stream()
                .filter(u -> u.isPinned() && u.getProvider() == null)
                .mapToLong(PlacementUnit::getUnplacedWeight)
                .sum();
        // A fractional flow optimum bounds plans leaving less than W unplaced: not ours.
        Long flowSoft = flow.wholeUnplacedWeight() ? flow.softPointsBound() : null;
        log.printf(
                Locale.ROOT,
                "[bound] flow: unplaced weight %d, soft points %s (%.1f s)%n",
                unplacedWeight,
                flowSoft == null ? "n/a" : flowSoft,
                (System.nanoTime() - start) / 1e9);
        long mediumBound = -unplacedWeight - pinnedUnplaced;
        Supplier<Long> planSoftPoints = () -> planSoftPoints(knownPlan == null ? null : knownPlan.get(), mediumBound);
        planSoftPoints.get(); // checks the plan known now against the medium bound
        LagrangianBound relaxation;
        try {
            relaxation = new LagrangianBound(solution, outOfTime, log);
        } catch (OutOfTime e) {
            return null;
        }
        Result r = relaxation.maximise(unplacedWeight, planSoftPoints, flowSoft, priced, deadline, stop);
        Long lagrangian = r.capacitySoftPoints() == null ? null : r.softPointsBound();
        if (lagrangian == null && flowSoft == null) {
            return null;
        }
        long soft = flowSoft == null ? lagrangian : lagrangian == null ? flowSoft : Math.max(flowSoft, lagrangian);
        Long targetSoftPoints = planSoftPoints.get(); // the best plan by now: no bound may exceed its points
        if (targetSoftPoints != null && soft > targetSoftPoints) {
            throw new IllegalStateException(
                    "the bound " + soft + " exceeds the known plan's soft points " + targetSoftPoints);
        }
        return new Result(
                mediumBound,
                soft,
                r.capacitySoftPoints(),
                r.decompositionSoftPoints(),
                flowSoft,
                r.flowPricesSoftPoints(),
                targetSoftPoints,
                r.capacityIterations(),
                r.decompositionIterations(),
                (System.nanoTime() - start) / 1e9,
                r.stop());
    }

    /**
     * A plan's soft points where its medium is the bound's (the steps may aim there), else null.
     *
     * @throws IllegalStateException where the plan beats the medium bound (a defect)
     */
    private static Long planSoftPoints(HardMediumSoftScore plan, long mediumBound) {
        if (plan == null) {
            return null;
        }
        if (plan.mediumScore() > mediumBound) {
            throw new IllegalStateException("the known plan " + plan + " beats the medium bound " + mediumBound);
        }
        return plan.mediumScore() == mediumBound ? -plan.softScore() : null;
    }

    final int providerCount;
    final long[] freePlaces;
    /** Soft points that no plan avoids: the pinned units', and siblingsApart among pinned members. */
    long constantPoints;
    /**
     * How an option loads its provider: kind s ≥ 1 is s children; kind 0 is a unit or block needing a sole
     * placement, which takes every free place.
     */
    final int kinds;

    // Every option as flat arrays: first those of the units relaxed one by one (cheapest first per unit), then
    // those of the apart groups' blocks (cheapest first per block). Costs are soft points, siblingsApart included.
    final int unitCount;
    final int[] unitStart;
    final long[] unitWeight;
    /** Per unit: its option beyond its candidates, in fixed point ({@link UnitsSide#beyondCost}). */
    final long[] unitBeyond;

    int[] optionProvider;
    long[] optionCost;
    byte[] optionKind;
    int optionCount;
    final List<ApartGroup> groups = new ArrayList<>();

    // Phase 1's rows, by provider: Σ over options there of floor(load / divisor) <= floor(free places / divisor).
    // Divisor 1 is the capacity, the others its roundings, kept only where not implied (divisor ∤ free places).
    final int[] rowStart;
    final int[] rowDivisor;
    final long[] rowBound;

    // The relaxed plan of the last evaluation.
    final int[] chosen; // phase 1: options taken per provider and kind
    byte[] mark; // phase 2: 1 = the unit side takes the option, 2 = the provider side does
    int[] touched = new int[1024];
    int touchedCount;
    long unplaced;
    long mu;

    private final PrintStream log;

    /** The deadline or a stop came while setting up: there is no bound. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    private static void check(BooleanSupplier outOfTime) {
        if (outOfTime.getAsBoolean()) {
            throw new OutOfTime();
        }
    }

    private LagrangianBound(PlacementSolution solution, BooleanSupplier outOfTime, PrintStream log) {
        this.log = log;
        long setUp = System.nanoTime();
        List<Provider> providers = solution.getProviders();
        providerCount = providers.size();
        long apartWeight = solution.getWeights().siblingsApart();
        List<List<PlacementUnit>> pinnedAt = new ArrayList<>();
        for (int p = 0; p < providerCount; p++) {
            pinnedAt.add(new ArrayList<>());
        }
        List<PlacementUnit> single = new ArrayList<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (unit.isPinned()) {
                if (unit.getProvider() != null) {
                    pinnedAt.get(unit.getProvider().getIndex()).add(unit);
                    constantPoints += unit.staticSoftPoints(unit.getProvider());
                }
            } else if (unit.getApartGroup() == null) {
                single.add(unit);
            }
        }
        Map<String, List<PlacementUnit>> apartGroups = solution.apartGroups(unit -> true);
        freePlaces = new long[providerCount];
        for (Provider p : providers) {
            int pinned = pinnedAt.get(p.getIndex()).stream()
                    .mapToInt(PlacementUnit::size)
                    .sum();
            freePlaces[p.getIndex()] = Math.max(0, p.getPlaces() - pinned);
        }
        PinnedPlaces pinned = new PinnedPlaces(pinnedAt, freePlaces);

        // Apart groups solved as a whole; their pinned members' providers are counted whatever the others do.
        List<List<PlacementUnit>> grouped = new ArrayList<>();
        List<Set<Provider>> groupPinned = new ArrayList<>();
        Set<PlacementUnit> soleAlone = new HashSet<>();
        for (List<PlacementUnit> members : apartGroups.values()) {
            Set<Provider> pinnedProviders = new LinkedHashSet<>();
            List<PlacementUnit> free = new ArrayList<>();
            for (PlacementUnit u : members) {
                if (!u.isPinned()) {
                    free.add(u);
                } else if (u.getProvider() != null) {
                    pinnedProviders.add(u.getProvider());
                }
            }
            constantPoints += apartWeight * Math.max(0, pinnedProviders.size() - 1);
            if (free.isEmpty()) {
                continue;
            }
            if (free.size() > MAX_GROUP_MEMBERS || apartWeight == 0) {
                single.addAll(free);
                // Relaxed one by one, a member's siblings are not in a block with it: no sole-placement strengthening.
                soleAlone.addAll(free);
            } else {
                grouped.add(free);
                groupPinned.add(pinnedProviders);
            }
        }

        unitCount = single.size();
        unitStart = new int[unitCount + 1];
        unitWeight = new long[unitCount];
        unitBeyond = new long[unitCount];
        List<long[]> sorted = new ArrayList<>(unitCount);
        int total = 0;
        int largest = 1;
        for (PlacementUnit unit : single) {
            if (sorted.size() % 256 == 0) {
                check(outOfTime);
            }
            long[] options = pinned.options(unit);
            sorted.add(options);
            total += options.length;
            largest = Math.max(largest, unit.size());
        }
        optionProvider = new int[total];
        optionCost = new long[total];
        optionKind = new byte[total];
        for (int u = 0; u < unitCount; u++) {
            PlacementUnit unit = single.get(u);
            unitStart[u] = optionCount;
            unitWeight[u] = unit.getUnplacedWeight();
            unitBeyond[u] = UnitsSide.beyondCost(unit);
            boolean sole = unit.isAnySolePlacement() && !soleAlone.contains(unit);
            for (long packed : sorted.get(u)) {
                addOption((int) (packed & 0xFFFFF), packed >>> 20, sole ? 0 : unit.size());
            }
            sorted.set(u, null);
        }
        unitStart[unitCount] = optionCount;
        for (int g = 0; g < grouped.size(); g++) {
            check(outOfTime);
            groups.add(new ApartGroup(this, grouped.get(g), groupPinned.get(g), apartWeight, pinned));
            largest = Math.max(largest, grouped.get(g).size());
        }
        optionProvider = Arrays.copyOf(optionProvider, optionCount);
        optionCost = Arrays.copyOf(optionCost, optionCount);
        optionKind = Arrays.copyOf(optionKind, optionCount);
        kinds = largest + 1;

        rowStart = new int[providerCount + 1];
        List<Integer> divisors = new ArrayList<>();
        for (int p = 0; p < providerCount; p++) {
            rowStart[p] = divisors.size();
            long c = freePlaces[p];
            if (c > 0) {
                divisors.add(1);
                for (int d = 2; d <= Math.min(c, largest); d++) {
                    if (c % d != 0) {
                        divisors.add(d);
                    }
                }
            }
        }
        rowStart[providerCount] = divisors.size();
        rowDivisor = divisors.stream().mapToInt(Integer::intValue).toArray();
        rowBound = new long[rowDivisor.length];
        for (int p = 0; p < providerCount; p++) {
            for (int r = rowStart[p]; r < rowStart[p + 1]; r++) {
                rowBound[r] = freePlaces[p] / rowDivisor[r];
            }
        }
        chosen = new int[providerCount * kinds];
        log.printf(
                Locale.ROOT,
                "[bound] %d units alone, %d apart groups, %,d options (%.1f s)%n",
                unitCount,
                groups.size(),
                optionCount,
                (System.nanoTime() - setUp) / 1e9);
    }

    void addOption(int provider, long cost, int kind) {
        if (optionCount == optionProvider.length) {
            int size = Math.max(1024, optionCount * 3 / 2);
            optionProvider = Arrays.copyOf(optionProvider, size);
            optionCost = Arrays.copyOf(optionCost, size);
            optionKind = Arrays.copyOf(optionKind, size);
        }
        optionProvider[optionCount] = provider;
        optionCost[optionCount] = cost;
        optionKind[optionCount] = (byte) kind;
        optionCount++;
    }

    /** Places an option of that kind takes at p: its children, or all free places for a sole placement. */
    long load(int p, int kind) {
        return kind == 0 ? freePlaces[p] : kind;
    }

    /**
     * Maximises the dual functions for plans leaving at most {@code unplacedWeight} unplaced: phase 1, then phase 2.
     * Phase 1 starts at the flow's prices where they give at least the flow's bound ({@link #warmStart}).
     */
    private Result maximise(
            long unplacedWeight,
            Supplier<Long> planSoftPoints,
            Long flowSoft,
            BoundRelaxation.Priced flowPrices,
            long deadline,
            BooleanSupplier stop) {
        long start = System.nanoTime();
        CapacityDual capacity = new CapacityDual(this, unplacedWeight);
        Long atFlowPrices;
        try {
            atFlowPrices = warmStart(
                    capacity, flowSoft, flowPrices, () -> System.nanoTime() >= deadline || stop.getAsBoolean());
        } catch (OutOfTime e) {
            capacity.startCold();
            atFlowPrices = null;
        }
        SubgradientAscent.Ascent one = SubgradientAscent.ascend(
                "phase 1",
                capacity,
                planSoftPoints,
                start + (long) (Math.max(0, deadline - start) * PHASE_ONE_SHARE),
                stop,
                1.0,
                PHASE_ONE_PATIENCE,
                log);
        long best = one.best();
        if (one.iterations() == 0) {
            // No step, but the flow's prices were looked at: a bound all the same.
            return new Result(
                    -unplacedWeight,
                    atFlowPrices == null ? 0 : atFlowPrices,
                    atFlowPrices,
                    null,
                    null,
                    atFlowPrices,
                    planSoftPoints.get(),
                    0,
                    0,
                    0,
                    "time limit");
        }
        log.printf(
                Locale.ROOT,
                "[bound] phase 1: %d after %d iterations (%s, %.1f s)%n",
                ceilPoints(one.best()),
                one.iterations(),
                one.stop(),
                (System.nanoTime() - start) / 1e9);
        SubgradientAscent.Ascent two = null;
        if (one.stop().equals("step size") || one.stop().equals("time limit")) {
            // Phase 2 starts where phase 1 was best, on what time is left.
            mu = capacity.bestMu;
            two = SubgradientAscent.ascend(
                    "phase 2",
                    new DecompositionDual(this, unplacedWeight, capacity.bestLambda),
                    planSoftPoints,
                    deadline,
                    stop,
                    PHASE_TWO_THETA,
                    PHASE_TWO_PATIENCE,
                    log);
            best = Math.max(best, two.best()); // MIN_VALUE when time left it no iteration
            log.printf(
                    Locale.ROOT,
                    "[bound] phase 2: %d after %d iterations (%s, %.1f s)%n",
                    ceilPoints(two.best()),
                    two.iterations(),
                    two.stop(),
                    (System.nanoTime() - start) / 1e9);
        }
        return new Result(
                -unplacedWeight,
                ceilPoints(best),
                ceilPoints(one.best()),
                two == null || two.iterations() == 0 ? null : ceilPoints(two.best()),
                null,
                atFlowPrices,
                planSoftPoints.get(),
                one.iterations(),
                two == null ? 0 : two.iterations(),
                (System.nanoTime() - start) / 1e9,
                two == null ? one.stop() : two.stop());
    }

    /**
     * Starts phase 1 at the flow's prices ({@link BoundRelaxation.Priced}). At the flow's own price per urgency point
     * M, the units relaxed one by one cost what they do in the flow, and the apart groups, solved whole with
     * siblingsApart, at least as much: the dual is at least the flow's bound, less the prices' rounding, rather than
     * far below it at zero prices, where phase 1 spent most of its iterations on a national caseload only climbing back
     * to the flow (solver-config/BENCHMARKS.md, "Phase 1 starts at the flow's prices"). It starts at the best of M and
     * its halves; at zero where the flow left no prices, where they give less than its bound by more than 0.1 % (no
     * price per urgency point kept medium first, {@link FlowNetwork.PlacePrices#at}), or where time runs out first.
     *
     * @return the dual at the prices it started at, rounded up (a bound like any other), or null where there were none
     */
    private Long warmStart(
            CapacityDual capacity, Long flowSoft, BoundRelaxation.Priced flowPrices, BooleanSupplier outOfTime) {
        FlowNetwork.PlacePrices prices = flowPrices.prices();
        if (flowSoft == null || prices == null) {
            return null;
        }
        // The flow's own price per urgency point M fits the flow's sums, not always the dual's in fixed point; and
        // where phase 1 sees a unit's options otherwise than the flow does (its strengthenings), a place priced at the
        // medium level costs about M wherever the relaxed plan leaves it. So phase 1 starts at the best of M / 2^k
        // whose sums fit: about 31 evaluations, under 2 s on national.
        long bestPerWeight = 0;
        long[] bestPrices = null;
        long value = Long.MIN_VALUE;
        for (long perWeight = prices.unplacedPointsPerWeight(); perWeight > 0; perWeight /= 2) {
            check(outOfTime);
            long[] at = prices.at(perWeight, ONE);
            if (perWeight <= Long.MAX_VALUE / ONE / 4 && capacity.startAt(at, perWeight * ONE)) {
                long dual = ceilPoints(capacity.evaluate());
                if (dual > value) {
                    value = dual;
                    bestPerWeight = perWeight;
                    bestPrices = at;
                }
            }
        }
        if (bestPrices == null) {
            log.printf(Locale.ROOT, "[bound] phase 1 starts at zero: the flow's prices do not fit%n");
            return null;
        }
        capacity.startAt(bestPrices, bestPerWeight * ONE);
        log.printf(
                Locale.ROOT,
                "[bound] phase 1 at the flow's prices (%d points an urgency point): %d%n",
                bestPerWeight,
                value);
        if (value < flowSoft - flowSoft / 1000) {
            // Not the rounding of the prices to fixed point (a few points on national): no M / 2^k kept medium first.
            log.printf(Locale.ROOT, "[bound] phase 1 starts at zero: below the flow's bound at the flow's prices%n");
            capacity.startCold();
        }
        return value;
    }

    static long ceilPoints(long fixed) {
        return Math.floorDiv(fixed + ONE - 1, ONE);
    }

    /** Each provider's price per kind of option: Σ over its rows of multiplier × floor(load / divisor). */
    void prices(long[] lambda, long[] price) {
        for (int p = 0; p < providerCount; p++) {
            for (int kind = 0; kind < kinds; kind++) {
                long v = 0;
                for (int r = rowStart[p]; r < rowStart[p + 1]; r++) {
                    v += lambda[r] * (load(p, kind) / rowDivisor[r]);
                }
                price[p * kinds + kind] = v;
            }
        }
    }

    /** The relaxed plan's units' side takes the option: counted by provider and kind in phase 1, marked in phase 2. */
    void take(int option, boolean byKind) {
        if (byKind) {
            chosen[optionProvider[option] * kinds + optionKind[option]]++;
        } else {
            touch(option, 1);
        }
    }

    void touch(int option, int side) {
        if (mark[option] == 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = option;
        }
        mark[option] |= (byte) side;
    }
}
