package org.placementmatcher.benchmark;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.placementmatcher.domain.Child;
import org.placementmatcher.domain.HardRule;
import org.placementmatcher.domain.PlacementRules;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;
import org.placementmatcher.solver.PlacementFlow;

/**
 * A proven lower bound on the soft points of the best plan, for datasets the exact solver cannot take
 * (benchmark only). Medium first: no plan leaves less urgency weight unplaced than the min-cost-flow
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
 * steps (Polyak's rule, aiming at a known plan's soft points when given). The bound is the best value seen.
 * <p>
 * Strengthenings that hold in every plan with the best hard score (only the pinned units' constant hard points):
 * a unit goes only where it could join the pinned children without a hard point (H1, H10, H11, H14), a unit or
 * block with an H10 pair inside is never placed, and a unit or block needing a sole placement (H11) takes every
 * free place (its siblings there are in the block with it). The rest of H10 and H14 is dropped (a relaxation).
 * <p>
 * Multipliers are fixed-point numbers (16 fraction bits) and soft points whole numbers, so every dual value is
 * computed exactly in long arithmetic and its ceiling is a valid bound on a whole number of points.
 */
final class LagrangianBound {

    private static final int FRACTION_BITS = 16;
    private static final long ONE = 1L << FRACTION_BITS;
    private static final long INF = Long.MAX_VALUE / 4;
    /** Apart groups with more free members than this (2^k blocks) are relaxed member by member, without siblingsApart. */
    static final int MAX_GROUP_MEMBERS = 10;
    /** Phase 1 converges within seconds (region: ~30 s): it gets at most this share of the time. */
    private static final double PHASE_ONE_SHARE = 0.3;
    /**
     * Iterations without a better bound before the step halves. Phase 2 moves one multiplier per option in the
     * relaxed plans by a little each step, so its value stalls far longer before it stops rising (county: a patience
     * of 300 stopped 340 points short of what 1000 reaches; 3000 adds 1 point).
     */
    private static final int PHASE_ONE_PATIENCE = 50;

    private static final int PHASE_TWO_PATIENCE = 1000;
    private static final long LOG_EVERY_NANOS = 30_000_000_000L;

    /**
     * @param mediumBound the best medium any plan can have (minus the urgency weight W no plan places)
     * @param softPointsBound no plan with that medium has fewer soft points: the best of the bounds below
     * @param capacitySoftPoints phase 1's best dual value, rounded up
     * @param decompositionSoftPoints phase 2's, or null when it did not run
     * @param flowSoftPoints the flow relaxation's soft bound (null where its unplaced weight was fractional)
     * @param targetSoftPoints the primal value the steps aimed at (a known plan's soft points), or null
     * @param seconds the whole computation, flow included
     */
    record Result(
            long mediumBound,
            long softPointsBound,
            long capacitySoftPoints,
            Long decompositionSoftPoints,
            Long flowSoftPoints,
            Long targetSoftPoints,
            int capacityIterations,
            int decompositionIterations,
            double seconds,
            String stop) {

        /** The soft score bound (a score, so minus the points). */
        long softBound() {
            return -softPointsBound;
        }
    }

    /**
     * The medium bound from the flow, then the Lagrangian soft bound with that medium.
     *
     * @param knownPlan a plan's score at the best hard score (e.g. the engine's), or null: with the bound's medium,
     *        its soft points cap the steps' aim and stop them once the bound meets them (and check the bound)
     * @param limit time for the subgradient phases (the flow and the set-up come on top)
     */
    static Result bound(PlacementSolution solution, HardMediumSoftScore knownPlan, Duration limit, PrintStream log) {
        long start = System.nanoTime();
        PlacementFlow.Relaxation flow = new PlacementFlow(solution).solve(() -> false);
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
        if (knownPlan != null && knownPlan.mediumScore() > mediumBound) {
            throw new IllegalStateException("the known plan " + knownPlan + " beats the medium bound " + mediumBound);
        }
        Long targetSoftPoints =
                knownPlan != null && knownPlan.mediumScore() == mediumBound ? -knownPlan.softScore() : null;
        Result r = new LagrangianBound(solution, log).maximise(unplacedWeight, targetSoftPoints, limit);
        long soft = flowSoft == null ? r.softPointsBound() : Math.max(flowSoft, r.softPointsBound());
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
                targetSoftPoints,
                r.capacityIterations(),
                r.decompositionIterations(),
                (System.nanoTime() - start) / 1e9,
                r.stop());
    }

    private final int providerCount;
    private final long[] freePlaces;
    /** Soft points that no plan avoids: the pinned units', and siblingsApart among pinned members. */
    private long constantPoints;
    /**
     * How an option loads its provider: kind s ≥ 1 is s children; kind 0 is a unit or block needing a sole
     * placement, which takes every free place.
     */
    private final int kinds;

    // Every option as flat arrays: first those of the units relaxed one by one (cheapest first per unit), then
    // those of the apart groups' blocks (cheapest first per block). Costs are soft points, siblingsApart included.
    private final int unitCount;
    private final int[] unitStart;
    private final long[] unitWeight;
    private int[] optionProvider;
    private long[] optionCost;
    private byte[] optionKind;
    private int optionCount;
    private final List<Group> groups = new ArrayList<>();

    // Phase 1's rows, by provider: Σ over options there of floor(load / divisor) <= floor(free places / divisor).
    // Divisor 1 is the capacity, the others its roundings, kept only where not implied (divisor ∤ free places).
    private final int[] rowStart;
    private final int[] rowDivisor;
    private final long[] rowBound;

    // The relaxed plan of the last evaluation.
    private final int[] chosen; // phase 1: options taken per provider and kind
    private byte[] mark; // phase 2: 1 = the unit side takes the option, 2 = the provider side does
    private int[] touched = new int[1024];
    private int touchedCount;
    private long unplaced;
    private long mu;

    private final PrintStream log;

    LagrangianBound(PlacementSolution solution, PrintStream log) {
        this.log = log;
        long setUp = System.nanoTime();
        List<Provider> providers = solution.getProviders();
        providerCount = providers.size();
        long apartWeight = solution.getWeights().siblingsApart();
        List<List<PlacementUnit>> pinnedAt = new ArrayList<>();
        for (int p = 0; p < providerCount; p++) {
            pinnedAt.add(new ArrayList<>());
        }
        Map<String, List<PlacementUnit>> apartGroups = new LinkedHashMap<>();
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
            if (unit.getApartGroup() != null) {
                apartGroups
                        .computeIfAbsent(unit.getApartGroup(), g -> new ArrayList<>())
                        .add(unit);
            }
        }
        freePlaces = new long[providerCount];
        for (Provider p : providers) {
            int pinned = pinnedAt.get(p.getIndex()).stream()
                    .mapToInt(PlacementUnit::size)
                    .sum();
            freePlaces[p.getIndex()] = Math.max(0, p.getPlaces() - pinned);
        }
        Pinned pinned = new Pinned(pinnedAt, freePlaces);

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
        List<long[]> sorted = new ArrayList<>(unitCount);
        int total = 0;
        int largest = 1;
        for (PlacementUnit unit : single) {
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
            boolean sole = unit.isAnySolePlacement() && !soleAlone.contains(unit);
            for (long packed : sorted.get(u)) {
                addOption((int) (packed & 0xFFFFF), packed >>> 20, sole ? 0 : unit.size());
            }
            sorted.set(u, null);
        }
        unitStart[unitCount] = optionCount;
        for (int g = 0; g < grouped.size(); g++) {
            groups.add(new Group(grouped.get(g), groupPinned.get(g), apartWeight, pinned));
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

    private void addOption(int provider, long cost, int kind) {
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
    private long load(int p, int kind) {
        return kind == 0 ? freePlaces[p] : kind;
    }

    /** Maximises the dual functions for plans leaving at most {@code unplacedWeight} unplaced: phase 1, then phase 2. */
    Result maximise(long unplacedWeight, Long targetSoftPoints, Duration limit) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        CapacityDual capacity = new CapacityDual(unplacedWeight);
        Ascent one = ascend(
                "phase 1",
                capacity,
                targetSoftPoints,
                start + (long) (limit.toNanos() * PHASE_ONE_SHARE),
                1.0,
                PHASE_ONE_PATIENCE);
        long best = one.best();
        log.printf(
                Locale.ROOT,
                "[bound] phase 1: %d after %d iterations (%s, %.1f s)%n",
                ceilPoints(one.best()),
                one.iterations(),
                one.stop(),
                (System.nanoTime() - start) / 1e9);
        Ascent two = null;
        if (one.stop().equals("step size") || one.stop().equals("time limit")) {
            // Phase 2 starts where phase 1 was best, on what time is left.
            mu = capacity.bestMu;
            two = ascend(
                    "phase 2",
                    new DecompositionDual(unplacedWeight, capacity.bestLambda),
                    targetSoftPoints,
                    deadline,
                    0.1,
                    PHASE_TWO_PATIENCE);
            best = Math.max(best, two.best());
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
                two == null ? null : ceilPoints(two.best()),
                null,
                targetSoftPoints,
                one.iterations(),
                two == null ? 0 : two.iterations(),
                (System.nanoTime() - start) / 1e9,
                two == null ? one.stop() : two.stop());
    }

    private static long ceilPoints(long fixed) {
        return Math.floorDiv(fixed + ONE - 1, ONE);
    }

    /** A dual function under subgradient ascent. */
    private interface Dual {
        /** The dual value at the current multipliers, in fixed point; remembers the relaxed plan. */
        long evaluate();

        /** Works out the projected subgradient at the last evaluation; returns its squared norm. */
        double subgradient();

        /** Moves the multipliers by {@code step} times the subgradient, projected onto their domain. */
        void step(double step);

        /** Called when the last evaluation was the best so far. */
        default void improved() {}
    }

    private record Ascent(long best, int iterations, String stop) {}

    /**
     * Projected subgradient ascent with Polyak steps; theta halves whenever the bound has not improved for
     * {@code patience} iterations, and the ascent stops once theta is negligible.
     */
    private Ascent ascend(String name, Dual dual, Long targetSoftPoints, long deadline, double theta, int patience) {
        long start = System.nanoTime();
        long nextLog = start + LOG_EVERY_NANOS;
        long best = Long.MIN_VALUE;
        int sinceImproved = 0;
        int iterations = 0;
        while (System.nanoTime() < deadline) {
            iterations++;
            long value = dual.evaluate();
            if (System.nanoTime() > nextLog) {
                log.printf(
                        Locale.ROOT,
                        "[bound] %s: %d after %d iterations (%.0f s)%n",
                        name,
                        ceilPoints(Math.max(best, value)),
                        iterations,
                        (System.nanoTime() - start) / 1e9);
                nextLog += LOG_EVERY_NANOS;
            }
            if (value > best) {
                best = value;
                sinceImproved = 0;
                dual.improved();
            } else if (++sinceImproved >= patience) {
                theta /= 2;
                sinceImproved = 0;
                if (theta < 1e-6) {
                    return new Ascent(best, iterations, "step size");
                }
            }
            if (targetSoftPoints != null && ceilPoints(best) >= targetSoftPoints) {
                return new Ascent(best, iterations, "bound meets the known plan");
            }
            // Aim a little above the best bound, less so as the steps shrink; a known plan caps the aim (aiming at
            // a plan far above the optimum, as a short engine run on the region is, makes the steps too long).
            double b = best / (double) ONE;
            double target = b + Math.max(1, Math.abs(b)) * 0.02 * theta;
            if (targetSoftPoints != null) {
                target = Math.min(target, targetSoftPoints);
            }
            double norm = dual.subgradient();
            if (norm == 0) {
                // The relaxed plan is feasible and complementary: the relaxation's optimum, no phase can beat it.
                return new Ascent(best, iterations, "relaxation solved");
            }
            dual.step(theta * Math.max(0, target - value / (double) ONE) / norm);
        }
        return new Ascent(best, iterations, "time limit");
    }

    /** Phase 1: capacity rows (and their roundings) and the medium row relaxed. */
    private final class CapacityDual implements Dual {
        private final long unplacedWeight;
        private final long[] lambda = new long[rowDivisor.length];
        private final long[] price = new long[providerCount * kinds];
        private final double[] g = new double[rowDivisor.length];
        private double gMu;
        /** The multipliers of the best value: phase 2 starts from their prices. */
        final long[] bestLambda = new long[rowDivisor.length];

        long bestMu;

        CapacityDual(long unplacedWeight) {
            this.unplacedWeight = unplacedWeight;
        }

        @Override
        public long evaluate() {
            long total = constantPoints * ONE - mu * unplacedWeight;
            prices(lambda, price);
            for (int r = 0; r < lambda.length; r++) {
                total -= rowBound[r] * lambda[r];
            }
            Arrays.fill(chosen, 0);
            unplaced = 0;
            for (int u = 0; u < unitCount; u++) {
                long best = mu * unitWeight[u];
                int choice = -1;
                for (int k = unitStart[u], end = unitStart[u + 1]; k < end; k++) {
                    long cost = optionCost[k] * ONE;
                    if (cost >= best) {
                        break; // cheapest first and prices >= 0: no later option beats it
                    }
                    long v = cost + price[optionProvider[k] * kinds + optionKind[k]];
                    if (v < best) {
                        best = v;
                        choice = k;
                    }
                }
                total += best;
                if (choice < 0) {
                    unplaced += unitWeight[u];
                } else {
                    chosen[optionProvider[choice] * kinds + optionKind[choice]]++;
                }
            }
            for (Group group : groups) {
                total += group.evaluate(price, null);
            }
            return total;
        }

        @Override
        public void improved() {
            System.arraycopy(lambda, 0, bestLambda, 0, lambda.length);
            bestMu = mu;
        }

        @Override
        public double subgradient() {
            double norm = 0;
            for (int p = 0; p < providerCount; p++) {
                for (int r = rowStart[p]; r < rowStart[p + 1]; r++) {
                    long lhs = 0;
                    for (int kind = 0; kind < kinds; kind++) {
                        int n = chosen[p * kinds + kind];
                        if (n != 0) {
                            lhs += n * (load(p, kind) / rowDivisor[r]);
                        }
                    }
                    double gr = lhs - rowBound[r];
                    g[r] = lambda[r] == 0 && gr < 0 ? 0 : gr;
                    norm += g[r] * g[r];
                }
            }
            gMu = mu == 0 && unplaced < unplacedWeight ? 0 : unplaced - unplacedWeight;
            return norm + gMu * gMu;
        }

        @Override
        public void step(double step) {
            for (int r = 0; r < lambda.length; r++) {
                if (g[r] != 0) {
                    lambda[r] = Math.max(0, lambda[r] + Math.round(step * g[r] * ONE));
                }
            }
            mu = Math.max(0, mu + Math.round(step * gMu * ONE));
        }
    }

    /** Each provider's price per kind of option: Σ over its rows of multiplier × floor(load / divisor). */
    private void prices(long[] lambda, long[] price) {
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

    /**
     * Phase 2: one multiplier π ≤ 0 per option for "the unit's copy equals the provider's copy". The unit side pays
     * cost − π; each provider side takes the set of its options with the most negative Σ π that fits: any options
     * but sole placements within its free places, or one sole placement alone. (A positive π never helps: the
     * provider side would not take the option, so only the unit side would get cheaper.) Starting at π = −price
     * of phase 1's best multipliers gives at least phase 1's value: the units' side is the same, and every
     * provider set satisfies the rows, so its Σ price is at most Σ multiplier × bound.
     * <p>
     * Most options are never in a relaxed plan, so their π keeps its start value, shared by every option of the
     * same provider and kind: the provider side looks at the options whose π has moved one by one, and at the
     * others as a count (a region has millions of options but only thousands move).
     */
    private final class DecompositionDual implements Dual {
        private final long unplacedWeight;
        private final long[] pi;
        /** Per provider and kind: the start value of π, and the options (CSR) and how many of them have moved. */
        private final long[] startPi;

        private final int[] kindStart;
        private final int[] kindOptions;
        private final int[] movedCount;
        /** Per provider: the options whose π has moved from its start value. */
        private final int[][] moved;

        private final int[] movedAt;
        private final boolean[] isMoved;
        private double gMu;
        // Per provider scratch of the knapsack: the most negative π per size (option -1: one not moved), the table.
        private final long[][] topValue;
        private final int[][] topOption;
        private final int[] topCount;
        private long[] table = new long[64];
        private int[] tableItem = new int[16];
        private final int[] taken = new int[kinds];

        DecompositionDual(long unplacedWeight, long[] lambda) {
            this.unplacedWeight = unplacedWeight;
            mark = new byte[optionCount];
            startPi = new long[providerCount * kinds];
            prices(lambda, startPi);
            for (int i = 0; i < startPi.length; i++) {
                startPi[i] = -startPi[i];
            }
            pi = new long[optionCount];
            kindStart = new int[providerCount * kinds + 1];
            for (int k = 0; k < optionCount; k++) {
                int pk = optionProvider[k] * kinds + optionKind[k];
                pi[k] = startPi[pk];
                kindStart[pk + 1]++;
            }
            for (int i = 0; i < providerCount * kinds; i++) {
                kindStart[i + 1] += kindStart[i];
            }
            kindOptions = new int[optionCount];
            int[] fill = Arrays.copyOf(kindStart, providerCount * kinds);
            for (int k = 0; k < optionCount; k++) {
                kindOptions[fill[optionProvider[k] * kinds + optionKind[k]]++] = k;
            }
            movedCount = new int[providerCount * kinds];
            moved = new int[providerCount][];
            movedAt = new int[providerCount];
            isMoved = new boolean[optionCount];
            topValue = new long[kinds][];
            topOption = new int[kinds][];
            topCount = new int[kinds];
            long most = 1;
            for (long c : freePlaces) {
                most = Math.max(most, c);
            }
            for (int s = 1; s < kinds; s++) {
                topValue[s] = new long[(int) (most / s) + 1];
                topOption[s] = new int[topValue[s].length];
            }
        }

        @Override
        public long evaluate() {
            long total = constantPoints * ONE - mu * unplacedWeight;
            unplaced = 0;
            touchedCount = 0;
            for (int u = 0; u < unitCount; u++) {
                long best = mu * unitWeight[u];
                int choice = -1;
                for (int k = unitStart[u], end = unitStart[u + 1]; k < end; k++) {
                    long cost = optionCost[k] * ONE;
                    if (cost >= best) {
                        break; // cheapest first and π <= 0
                    }
                    long v = cost - pi[k];
                    if (v < best) {
                        best = v;
                        choice = k;
                    }
                }
                total += best;
                if (choice < 0) {
                    unplaced += unitWeight[u];
                } else {
                    touch(choice, 1);
                }
            }
            for (Group group : groups) {
                total += group.evaluate(null, pi);
            }
            for (int p = 0; p < providerCount; p++) {
                if (freePlaces[p] > 0) {
                    total += providerSide(p);
                }
            }
            return total;
        }

        /**
         * The provider's best set at the multipliers: options of any size but sole placements within its free places
         * (a 0-1 knapsack; only the most negative few of each size can be in it), or one sole placement alone.
         */
        private long providerSide(int p) {
            int c = (int) freePlaces[p];
            Arrays.fill(topCount, 0);
            for (int s = 1; s < kinds; s++) {
                long start = startPi[p * kinds + s];
                int unmoved = Math.min(
                        c / s, kindStart[p * kinds + s + 1] - kindStart[p * kinds + s] - movedCount[p * kinds + s]);
                for (int j = 0; j < unmoved && start < 0; j++) {
                    insertTop(s, start, -1, c / s);
                }
            }
            // The best sole placement: an unmoved one at its start value, or a moved one.
            long best = 0;
            int sole = -1;
            int soleKind = p * kinds;
            if (startPi[soleKind] < 0 && kindStart[soleKind + 1] - kindStart[soleKind] > movedCount[soleKind]) {
                best = startPi[soleKind];
            }
            for (int i = 0; i < movedAt[p]; i++) {
                int k = moved[p][i];
                int size = optionKind[k];
                if (pi[k] >= 0) {
                    continue;
                }
                if (size > 0) {
                    insertTop(size, pi[k], k, c / size);
                } else if (pi[k] < best) {
                    best = pi[k];
                    sole = k;
                }
            }
            int items = 0;
            for (int s = 1; s < kinds; s++) {
                items += topCount[s];
            }
            // table[r][w]: the most negative sum of the first r items within w places.
            int width = c + 1;
            if (table.length < width * (items + 1)) {
                table = new long[width * (items + 1)];
            }
            if (tableItem.length < items) {
                tableItem = new int[items];
            }
            Arrays.fill(table, 0, width, 0);
            int row = 0;
            for (int s = 1; s < kinds; s++) {
                for (int j = 0; j < topCount[s]; j++) {
                    int base = row * width;
                    for (int w = 0; w <= c; w++) {
                        long skip = table[base + w];
                        table[base + width + w] = w >= s ? Math.min(skip, table[base + w - s] + topValue[s][j]) : skip;
                    }
                    tableItem[row++] = s << 24 | j;
                }
            }
            long knapsack = table[row * width + c];
            if (best < knapsack) {
                touch(sole >= 0 ? sole : unmovedOption(p * kinds, 0), 2);
                return best;
            }
            Arrays.fill(taken, 0);
            for (int r = row, w = c; r > 0; r--) {
                if (table[r * width + w] != table[(r - 1) * width + w]) {
                    int s = tableItem[r - 1] >>> 24;
                    int option = topOption[s][tableItem[r - 1] & 0xFFFFFF];
                    touch(option >= 0 ? option : unmovedOption(p * kinds + s, taken[s]++), 2);
                    w -= s;
                }
            }
            return knapsack;
        }

        /** The n-th option of that provider and kind whose π has not moved. */
        private int unmovedOption(int providerKind, int n) {
            for (int i = kindStart[providerKind]; i < kindStart[providerKind + 1]; i++) {
                int k = kindOptions[i];
                if (!isMoved[k] && n-- == 0) {
                    return k;
                }
            }
            throw new IllegalStateException("no unmoved option left");
        }

        /** Keeps the {@code keep} most negative values of one size, sorted. */
        private void insertTop(int size, long value, int option, int keep) {
            if (keep == 0) {
                return;
            }
            long[] values = topValue[size];
            int[] options = topOption[size];
            int n = topCount[size];
            if (n == keep && value >= values[n - 1]) {
                return;
            }
            int i = n == keep ? n - 1 : n;
            while (i > 0 && values[i - 1] > value) {
                values[i] = values[i - 1];
                options[i] = options[i - 1];
                i--;
            }
            values[i] = value;
            options[i] = option;
            topCount[size] = Math.min(keep, n + 1);
        }

        private void moved(int k) {
            isMoved[k] = true;
            int p = optionProvider[k];
            movedCount[p * kinds + optionKind[k]]++;
            if (moved[p] == null) {
                moved[p] = new int[8];
            } else if (movedAt[p] == moved[p].length) {
                moved[p] = Arrays.copyOf(moved[p], movedAt[p] * 2);
            }
            moved[p][movedAt[p]++] = k;
        }

        @Override
        public double subgradient() {
            double norm = 0;
            for (int i = 0; i < touchedCount; i++) {
                int k = touched[i];
                // Ascent direction: provider copy minus unit copy; projected at π = 0.
                int g = (mark[k] & 2) / 2 - (mark[k] & 1);
                if (g < 0 || g > 0 && pi[k] < 0) {
                    norm += 1;
                }
            }
            gMu = mu == 0 && unplaced < unplacedWeight ? 0 : unplaced - unplacedWeight;
            return norm + gMu * gMu;
        }

        @Override
        public void step(double step) {
            long delta = Math.round(step * ONE);
            for (int i = 0; i < touchedCount; i++) {
                int k = touched[i];
                int g = (mark[k] & 2) / 2 - (mark[k] & 1);
                long next = Math.min(0, pi[k] + g * delta);
                if (next != pi[k] && !isMoved[k]) {
                    moved(k);
                }
                pi[k] = next;
                mark[k] = 0;
            }
            mu = Math.max(0, mu + Math.round(step * gMu * ONE));
        }
    }

    private void touch(int option, int side) {
        if (mark[option] == 0) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = option;
        }
        mark[option] |= (byte) side;
    }

    /** The pinned children at each provider, and the options they leave a unit or a block of siblings. */
    private record Pinned(List<List<PlacementUnit>> at, long[] freePlaces) {

        /**
         * The unit's options as (soft points << 20 | provider index), cheapest first: providers it is eligible for
         * and could join the pinned children at without a hard point.
         */
        long[] options(PlacementUnit unit) {
            if (hasInternalConflict(unit.getMembers())) {
                return new long[0];
            }
            List<Provider> candidates = unit.getCandidates();
            long[] packed = new long[candidates.size()];
            int n = 0;
            for (Provider p : candidates) {
                if (unit.isEligible(p) && mayJoin(unit.getMembers(), unit.getSiblingKey(), p)) {
                    long points = unit.staticSoftPoints(p);
                    if (points >= 1L << 43 || p.getIndex() >= 1 << 20) {
                        throw new IllegalStateException("soft points or provider count beyond the packed range");
                    }
                    packed[n++] = points << 20 | p.getIndex();
                }
            }
            packed = Arrays.copyOf(packed, n);
            Arrays.sort(packed);
            return packed;
        }

        /** Whether these children (one unit, or one block of an apart group) could join the pinned ones at p. */
        boolean mayJoin(List<Child> children, String siblingKey, Provider p) {
            if (freePlaces[p.getIndex()] < children.size()) {
                return false;
            }
            int total = children.size();
            Set<String> keys = new HashSet<>();
            keys.add(siblingKey);
            for (PlacementUnit other : at.get(p.getIndex())) {
                total += other.size();
                keys.add(other.getSiblingKey());
                if (PlacementRules.riskToYoungerPoints(children, other.getMembers()) > 0
                        || PlacementRules.solePlacementPoints(children, other.getMembers()) > 0) {
                    return false;
                }
            }
            return PlacementRules.fosteringLimitPoints(p, total, keys.size() == 1) == 0;
        }

        static boolean hasInternalConflict(List<Child> children) {
            return PlacementRules.pairsWithin(children, HardRule.H10) > 0
                    || PlacementRules.pairsWithin(children, HardRule.H11) > 0;
        }
    }

    /**
     * One placeTogether=false sibling group's free members, solved exactly for given multipliers. Every block (a
     * subset of members sharing a provider) has its own options, with siblingsApart's weight already in the cost
     * for a provider no pinned member uses; a dynamic programme over subsets then picks the best partition into
     * blocks and unplaced members. Two blocks at one provider overcount, but the merged block is also a candidate
     * and never dearer, so the minimum is exact.
     */
    private final class Group {
        private final int members;
        private final long[] memberWeight;
        private final long apartWeight;
        private final boolean anyPinned;
        /** Per block (bit mask of members): its range in the option arrays. */
        private final int[] blockStart;

        private final long[] blockBest;
        private final int[] blockChoice;
        private final long[] none;
        private final long[] some;
        private final int[] someBlock;
        private final boolean[] someRestNone;

        Group(List<PlacementUnit> free, Set<Provider> pinnedProviders, long apartWeight, Pinned pinned) {
            this.members = free.size();
            this.apartWeight = apartWeight;
            this.anyPinned = !pinnedProviders.isEmpty();
            int subsets = 1 << members;
            memberWeight = new long[members];
            // Each member's soft points per provider index, -1 where it cannot go.
            Map<Integer, long[]> pointsAt = new LinkedHashMap<>();
            Map<Integer, Provider> providerOf = new HashMap<>();
            for (int i = 0; i < members; i++) {
                PlacementUnit unit = free.get(i);
                memberWeight[i] = unit.getUnplacedWeight();
                for (long packed : pinned.options(unit)) {
                    long[] points = pointsAt.computeIfAbsent((int) (packed & 0xFFFFF), p -> {
                        long[] a = new long[members];
                        Arrays.fill(a, -1);
                        return a;
                    });
                    points[i] = packed >>> 20;
                }
                for (Provider p : unit.getCandidates()) {
                    providerOf.putIfAbsent(p.getIndex(), p);
                }
            }
            blockStart = new int[subsets + 1];
            for (int block = 1; block < subsets; block++) {
                blockStart[block] = optionCount;
                List<Child> children = new ArrayList<>();
                boolean sole = false;
                for (int i = 0; i < members; i++) {
                    if ((block & 1 << i) != 0) {
                        children.addAll(free.get(i).getMembers());
                        sole |= free.get(i).isAnySolePlacement();
                    }
                }
                if (Pinned.hasInternalConflict(children)) {
                    continue;
                }
                List<long[]> options = new ArrayList<>(); // {cost, provider}
                for (Map.Entry<Integer, long[]> e : pointsAt.entrySet()) {
                    long cost = 0;
                    for (int i = 0; i < members && cost >= 0; i++) {
                        if ((block & 1 << i) != 0) {
                            cost = e.getValue()[i] < 0 ? -1 : cost + e.getValue()[i];
                        }
                    }
                    Provider p = providerOf.get(e.getKey());
                    if (cost < 0
                            || Integer.bitCount(block) > 1
                                    && !pinned.mayJoin(children, free.getFirst().getSiblingKey(), p)) {
                        continue;
                    }
                    options.add(new long[] {cost + (pinnedProviders.contains(p) ? 0 : apartWeight), e.getKey()});
                }
                options.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
                for (long[] option : options) {
                    addOption((int) option[1], option[0], sole ? 0 : children.size());
                }
            }
            // Blocks follow one another, so a block's options end where the next one's start.
            blockStart[subsets] = optionCount;
            blockBest = new long[subsets];
            blockChoice = new int[subsets];
            none = new long[subsets];
            some = new long[subsets];
            someBlock = new int[subsets];
            someRestNone = new boolean[subsets];
        }

        /**
         * The group's minimum at the multipliers, in fixed point: with phase 1's {@code price} per provider and kind,
         * or phase 2's {@code pi} per option (the other null). Records its relaxed plan as the phase needs it.
         */
        long evaluate(long[] price, long[] pi) {
            int full = (1 << members) - 1;
            for (int block = 1; block <= full; block++) {
                long best = INF;
                int choice = -1;
                for (int k = blockStart[block], end = blockStart[block + 1]; k < end; k++) {
                    long v = optionCost[k] * ONE;
                    if (v >= best) {
                        break; // cheapest first, and the multipliers only add
                    }
                    v += pi == null ? price[optionProvider[k] * kinds + optionKind[k]] : -pi[k];
                    if (v < best) {
                        best = v;
                        choice = k;
                    }
                }
                blockBest[block] = best;
                blockChoice[block] = choice;
            }
            // none[S]: the members of S all unplaced; some[S]: at least one block among them. The lowest member
            // of S is either unplaced or in the block chosen with it.
            none[0] = 0;
            some[0] = INF;
            for (int set = 1; set <= full; set++) {
                int low = set & -set;
                long lowUnplaced = mu * memberWeight[Integer.numberOfTrailingZeros(low)];
                none[set] = none[set ^ low] + lowUnplaced;
                long best = some[set ^ low] < INF ? some[set ^ low] + lowUnplaced : INF;
                int bestBlock = 0;
                boolean bestRestNone = false;
                int rest = set ^ low;
                for (int sub = rest; ; sub = (sub - 1) & rest) {
                    int block = sub | low;
                    if (blockBest[block] < INF) {
                        int r = set ^ block;
                        boolean restNone = none[r] <= some[r];
                        long v = blockBest[block] + (restNone ? none[r] : some[r]);
                        if (v < best) {
                            best = v;
                            bestBlock = block;
                            bestRestNone = restNone;
                        }
                    }
                    if (sub == 0) {
                        break;
                    }
                }
                some[set] = best;
                someBlock[set] = bestBlock;
                someRestNone[set] = bestRestNone;
            }
            // Without pinned members the first provider used is free of siblingsApart.
            long someTotal = some[full] >= INF ? INF : some[full] - (anyPinned ? 0 : apartWeight * ONE);
            boolean placeSome = someTotal < none[full];
            int set = full;
            while (set != 0) {
                if (!placeSome) {
                    for (int i = 0; i < members; i++) {
                        if ((set & 1 << i) != 0) {
                            unplaced += memberWeight[i];
                        }
                    }
                    break;
                }
                int block = someBlock[set];
                if (block == 0) {
                    int low = set & -set;
                    unplaced += memberWeight[Integer.numberOfTrailingZeros(low)];
                    set ^= low;
                } else {
                    int k = blockChoice[block];
                    if (pi == null) {
                        chosen[optionProvider[k] * kinds + optionKind[k]]++;
                    } else {
                        touch(k, 1);
                    }
                    placeSome = !someRestNone[set];
                    set ^= block;
                }
            }
            return Math.min(someTotal, none[full]);
        }
    }
}
