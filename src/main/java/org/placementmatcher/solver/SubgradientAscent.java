package org.placementmatcher.solver;

import static org.placementmatcher.solver.LagrangianBound.ONE;
import static org.placementmatcher.solver.LagrangianBound.ceilPoints;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Projected subgradient ascent with Polyak steps, maximising either phase's dual function of {@link LagrangianBound}.
 * Every value it sees is a lower bound, whatever the steps: the aim only sets their length.
 */
final class SubgradientAscent {

    private static final long LOG_EVERY_NANOS = 30_000_000_000L;

    private SubgradientAscent() {}

    /** A dual function under subgradient ascent. */
    interface Dual {
        /** The dual value at the current multipliers, in fixed point; remembers the relaxed plan. */
        long evaluate();

        /** Works out the projected subgradient at the last evaluation; returns its squared norm. */
        double subgradient();

        /** Moves the multipliers by {@code step} times the subgradient, projected onto their domain. */
        void step(double step);

        /** Called when the last evaluation was the best so far. */
        default void improved() {}
    }

    /** The best value seen (in fixed point; {@link Long#MIN_VALUE} without an iteration), and why it stopped. */
    record Ascent(long best, int iterations, String stop) {}

    /**
     * The ascent; theta halves whenever the bound has not improved for {@code patience} iterations, and it stops once
     * theta is negligible, at the deadline, at a stop, or once the bound meets the plan.
     *
     * @param planSoftPoints the soft points of the best plan known so far, read at every iteration (it follows a solver
     *     running beside), or null: it caps the steps' aim, and a bound that meets it cannot rise further (no bound
     *     exceeds a plan's points; the caller checks the bound against the final plan)
     */
    static Ascent ascend(
            String name,
            Dual dual,
            Supplier<Long> planSoftPoints,
            long deadline,
            BooleanSupplier stop,
            double theta,
            int patience,
            PrintStream log) {
        long start = System.nanoTime();
        long nextLog = start + LOG_EVERY_NANOS;
        long best = Long.MIN_VALUE;
        int sinceImproved = 0;
        int iterations = 0;
        while (System.nanoTime() < deadline && !stop.getAsBoolean()) {
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
            Long plan = planSoftPoints.get();
            if (plan != null && ceilPoints(best) >= plan) {
                return new Ascent(best, iterations, "bound meets the known plan");
            }
            // Aim a little above the best bound, less so as the steps shrink; a known plan caps the aim (aiming at
            // a plan far above the optimum, as a short engine run on the region is, makes the steps too long).
            double b = best / (double) ONE;
            double target = b + Math.max(1, Math.abs(b)) * 0.02 * theta;
            if (plan != null) {
                target = Math.min(target, plan);
            }
            double norm = dual.subgradient();
            if (norm == 0) {
                // The relaxed plan is feasible and complementary: the relaxation's optimum, no phase can beat it.
                return new Ascent(best, iterations, "relaxation solved");
            }
            dual.step(theta * Math.max(0, target - value / (double) ONE) / norm);
        }
        return new Ascent(best, iterations, stop.getAsBoolean() ? "stopped" : "time limit");
    }
}
