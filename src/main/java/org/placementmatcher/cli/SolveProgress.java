package org.placementmatcher.cli;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.placementmatcher.solver.PlacementSolver;
import org.placementmatcher.solver.ScoreText;

/**
 * The solve command's progress lines on stderr. The solving service reports when construction ends (even when
 * it improved nothing on the input), at each new best score and at least every few seconds. Reports before
 * construction has ended carry the problem as given (Timefold's first best solution), which is no result: they
 * are labelled "input", as is the only report of a problem with nothing to decide. The first report after
 * construction is labelled "construction" and printed at once; later ones are labelled "best". A line is
 * printed at once when the hard or medium score changes (feasibility, children placed), and otherwise at most
 * one a second. No timer of its own: a line is printed only when the service reports.
 * The elapsed time is the command's own, from the start of the solve, so it is what the user waited.
 */
final class SolveProgress implements Consumer<PlacementSolver.Progress> {

    static final long PRINT_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final PrintStream err;
    private final Duration limit;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private HardMediumSoftScore lastPrinted;
    private long lastPrintedNanos;
    private boolean constructionPrinted;

    SolveProgress(PrintStream err, Duration limit, LongSupplier nanoClock) {
        this.err = err;
        this.limit = limit;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    @Override
    public void accept(PlacementSolver.Progress progress) {
        report(progress.bestScore(), progress.constructed());
    }

    // Synchronized: the service may report from its own timer as well as from the solver thread.
    synchronized void report(HardMediumSoftScore best, boolean constructed) {
        long now = nanoClock.getAsLong();
        String label = !constructed ? "input" : constructionPrinted ? "best" : "construction";
        boolean sameLevels = lastPrinted != null
                && lastPrinted.hardScore() == best.hardScore()
                && lastPrinted.mediumScore() == best.mediumScore();
        if (!label.equals("construction") && sameLevels && now - lastPrintedNanos < PRINT_EVERY_NANOS) {
            return;
        }
        constructionPrinted |= constructed;
        lastPrinted = best;
        lastPrintedNanos = now;
        err.printf(
                Locale.ROOT,
                "[%6.1f s of %d s] %s %s: %s%n",
                (now - startNanos) / 1e9,
                limit.toSeconds(),
                label,
                ScoreText.format(best),
                inWords(best));
    }

    /** What the three levels mean (README "Scoring"), for a reader who does not know the score format. */
    static String inWords(HardMediumSoftScore score) {
        String feasibility =
                score.hardScore() == 0 ? "feasible" : "NOT feasible (" + -score.hardScore() + " hard-rule violations)";
        String unplaced =
                score.mediumScore() == 0 ? "everyone placed" : "unplaced children weigh " + -score.mediumScore();
        return String.format(Locale.ROOT, "%s, %s, soft cost %,d", feasibility, unplaced, -score.softScore());
    }
}
