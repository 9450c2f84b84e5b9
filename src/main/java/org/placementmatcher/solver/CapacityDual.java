package org.placementmatcher.solver;

import static org.placementmatcher.solver.LagrangianBound.ONE;

import java.util.Arrays;

/** Phase 1: capacity rows (and their roundings) and the medium row relaxed. */
final class CapacityDual implements SubgradientAscent.Dual {
    private final LagrangianBound b;
    private final long unplacedWeight;
    private final long[] lambda;
    private final long[] price;
    private final double[] g;
    private double gMu;
    /** The multipliers of the best value: phase 2 starts from their prices. */
    final long[] bestLambda;

    long bestMu;

    CapacityDual(LagrangianBound b, long unplacedWeight) {
        this.b = b;
        this.unplacedWeight = unplacedWeight;
        lambda = new long[b.rowDivisor.length];
        price = new long[b.providerCount * b.kinds];
        g = new double[b.rowDivisor.length];
        bestLambda = new long[b.rowDivisor.length];
    }

    /**
     * Starts the multipliers at {@code placePrices} (per provider, on its capacity row; its roundings at zero) and
     * {@code unplacedPrice} (μ), in fixed point, where the dual's products and sums stay far from overflowing there:
     * μ times any unit's or apart group's weight, each unit relaxed on its own (at most its first option at its price,
     * its option beyond its list or its weight at μ), each apart group ({@link ApartGroup#mostAt}), and the prices of
     * every kind of option. Returns whether it started there (else at zero).
     */
    boolean startAt(long[] placePrices, long unplacedPrice) {
        startCold();
        // First what needs no prices, so that working them out cannot overflow either.
        double most = (double) unplacedPrice * unplacedWeight + (double) b.constantPoints * ONE;
        double heaviest = 0;
        for (ApartGroup group : b.groups) {
            heaviest = Math.max(heaviest, group.weight());
        }
        for (int u = 0; u < b.unitCount; u++) {
            heaviest = Math.max(heaviest, b.unitWeight[u]);
        }
        for (int p = 0; p < b.providerCount; p++) {
            if (b.rowStart[p] < b.rowStart[p + 1]) {
                // Its capacity row (a provider's first, divisor 1), and an option's price there: at most every free
                // place's, or its children's.
                double row = (double) placePrices[p];
                most += row * b.rowBound[b.rowStart[p]] + row * Math.max(b.freePlaces[p], b.kinds);
            }
        }
        if (!fits(most) || !fits((double) unplacedPrice * heaviest)) {
            return false;
        }
        for (int p = 0; p < b.providerCount; p++) {
            if (b.rowStart[p] < b.rowStart[p + 1]) {
                lambda[b.rowStart[p]] = placePrices[p];
            }
        }
        b.mu = unplacedPrice;
        b.prices(lambda, price);
        for (ApartGroup group : b.groups) {
            most += group.mostAt(price);
        }
        for (int u = 0; u < b.unitCount; u++) {
            double unit = Math.min((double) unplacedPrice * b.unitWeight[u], b.unitBeyond[u]);
            int first = b.unitStart[u];
            if (first < b.unitStart[u + 1]) {
                double cost = (double) b.optionCost[first] * ONE
                        + price[b.optionProvider[first] * b.kinds + b.optionKind[first]];
                unit = Math.min(unit, cost);
            }
            most += unit;
        }
        if (!fits(most)) {
            startCold();
            return false;
        }
        return true;
    }

    /** Whether a magnitude leaves the dual's long sums a margin of 8 times. */
    private static boolean fits(double magnitude) {
        return magnitude < 0x1p60;
    }

    /** Back to every multiplier at zero, where a cold ascent starts. */
    void startCold() {
        Arrays.fill(lambda, 0);
        b.mu = 0;
    }

    @Override
    public long evaluate() {
        long total = b.constantPoints * ONE - b.mu * unplacedWeight;
        b.prices(lambda, price);
        for (int r = 0; r < lambda.length; r++) {
            total -= b.rowBound[r] * lambda[r];
        }
        Arrays.fill(b.chosen, 0);
        b.unplaced = 0;
        total += UnitsSide.of(b, price, null);
        for (ApartGroup group : b.groups) {
            total += group.evaluate(price, null);
        }
        return total;
    }

    @Override
    public void improved() {
        System.arraycopy(lambda, 0, bestLambda, 0, lambda.length);
        bestMu = b.mu;
    }

    @Override
    public double subgradient() {
        double norm = 0;
        for (int p = 0; p < b.providerCount; p++) {
            for (int r = b.rowStart[p]; r < b.rowStart[p + 1]; r++) {
                long lhs = 0;
                for (int kind = 0; kind < b.kinds; kind++) {
                    int n = b.chosen[p * b.kinds + kind];
                    if (n != 0) {
                        lhs += n * (b.load(p, kind) / b.rowDivisor[r]);
                    }
                }
                double gr = lhs - b.rowBound[r];
                g[r] = lambda[r] == 0 && gr < 0 ? 0 : gr;
                norm += g[r] * g[r];
            }
        }
        gMu = b.mu == 0 && b.unplaced < unplacedWeight ? 0 : b.unplaced - unplacedWeight;
        return norm + gMu * gMu;
    }

    @Override
    public void step(double step) {
        for (int r = 0; r < lambda.length; r++) {
            if (g[r] != 0) {
                lambda[r] = Math.max(0, lambda[r] + Math.round(step * g[r] * ONE));
            }
        }
        b.mu = Math.max(0, b.mu + Math.round(step * gMu * ONE));
    }
}
