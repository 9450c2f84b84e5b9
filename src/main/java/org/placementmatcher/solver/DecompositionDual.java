package org.placementmatcher.solver;

import static org.placementmatcher.solver.LagrangianBound.ONE;

import java.util.Arrays;

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
final class DecompositionDual implements SubgradientAscent.Dual {
    private final LagrangianBound b;
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
    private final int[] taken;

    DecompositionDual(LagrangianBound b, long unplacedWeight, long[] lambda) {
        this.b = b;
        this.unplacedWeight = unplacedWeight;
        taken = new int[b.kinds];
        b.mark = new byte[b.optionCount];
        startPi = new long[b.providerCount * b.kinds];
        b.prices(lambda, startPi);
        for (int i = 0; i < startPi.length; i++) {
            startPi[i] = -startPi[i];
        }
        pi = new long[b.optionCount];
        kindStart = new int[b.providerCount * b.kinds + 1];
        for (int k = 0; k < b.optionCount; k++) {
            int pk = b.optionProvider[k] * b.kinds + b.optionKind[k];
            pi[k] = startPi[pk];
            kindStart[pk + 1]++;
        }
        for (int i = 0; i < b.providerCount * b.kinds; i++) {
            kindStart[i + 1] += kindStart[i];
        }
        kindOptions = new int[b.optionCount];
        int[] fill = Arrays.copyOf(kindStart, b.providerCount * b.kinds);
        for (int k = 0; k < b.optionCount; k++) {
            kindOptions[fill[b.optionProvider[k] * b.kinds + b.optionKind[k]]++] = k;
        }
        movedCount = new int[b.providerCount * b.kinds];
        moved = new int[b.providerCount][];
        movedAt = new int[b.providerCount];
        isMoved = new boolean[b.optionCount];
        topValue = new long[b.kinds][];
        topOption = new int[b.kinds][];
        topCount = new int[b.kinds];
        long most = 1;
        for (long c : b.freePlaces) {
            most = Math.max(most, c);
        }
        for (int s = 1; s < b.kinds; s++) {
            topValue[s] = new long[(int) (most / s) + 1];
            topOption[s] = new int[topValue[s].length];
        }
    }

    @Override
    public long evaluate() {
        long total = b.constantPoints * ONE - b.mu * unplacedWeight;
        b.unplaced = 0;
        b.touchedCount = 0;
        total += UnitsSide.of(b, null, pi);
        for (ApartGroup group : b.groups) {
            total += group.evaluate(null, pi);
        }
        for (int p = 0; p < b.providerCount; p++) {
            if (b.freePlaces[p] > 0) {
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
        int c = (int) b.freePlaces[p];
        Arrays.fill(topCount, 0);
        for (int s = 1; s < b.kinds; s++) {
            long start = startPi[p * b.kinds + s];
            int unmoved = Math.min(
                    c / s, kindStart[p * b.kinds + s + 1] - kindStart[p * b.kinds + s] - movedCount[p * b.kinds + s]);
            for (int j = 0; j < unmoved && start < 0; j++) {
                insertTop(s, start, -1, c / s);
            }
        }
        // The best sole placement: an unmoved one at its start value, or a moved one.
        long best = 0;
        int sole = -1;
        int soleKind = p * b.kinds;
        if (startPi[soleKind] < 0 && kindStart[soleKind + 1] - kindStart[soleKind] > movedCount[soleKind]) {
            best = startPi[soleKind];
        }
        for (int i = 0; i < movedAt[p]; i++) {
            int k = moved[p][i];
            int size = b.optionKind[k];
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
        for (int s = 1; s < b.kinds; s++) {
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
        for (int s = 1; s < b.kinds; s++) {
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
            b.touch(sole >= 0 ? sole : unmovedOption(p * b.kinds, 0), 2);
            return best;
        }
        Arrays.fill(taken, 0);
        for (int r = row, w = c; r > 0; r--) {
            if (table[r * width + w] != table[(r - 1) * width + w]) {
                int s = tableItem[r - 1] >>> 24;
                int option = topOption[s][tableItem[r - 1] & 0xFFFFFF];
                b.touch(option >= 0 ? option : unmovedOption(p * b.kinds + s, taken[s]++), 2);
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
        int p = b.optionProvider[k];
        movedCount[p * b.kinds + b.optionKind[k]]++;
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
        for (int i = 0; i < b.touchedCount; i++) {
            int k = b.touched[i];
            // Ascent direction: provider copy minus unit copy; projected at π = 0.
            int g = (b.mark[k] & 2) / 2 - (b.mark[k] & 1);
            if (g < 0 || g > 0 && pi[k] < 0) {
                norm += 1;
            }
        }
        gMu = b.mu == 0 && b.unplaced < unplacedWeight ? 0 : b.unplaced - unplacedWeight;
        return norm + gMu * gMu;
    }

    @Override
    public void step(double step) {
        long delta = Math.round(step * ONE);
        for (int i = 0; i < b.touchedCount; i++) {
            int k = b.touched[i];
            int g = (b.mark[k] & 2) / 2 - (b.mark[k] & 1);
            long next = Math.min(0, pi[k] + g * delta);
            if (next != pi[k] && !isMoved[k]) {
                moved(k);
            }
            pi[k] = next;
            b.mark[k] = 0;
        }
        b.mu = Math.max(0, b.mu + Math.round(step * gMu * ONE));
    }
}
