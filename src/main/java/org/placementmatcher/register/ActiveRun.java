package org.placementmatcher.register;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.solver.PlacementSolver;

/** What the worker ({@link RunWorker}) knows of a run it holds (queued or solving). */
final class ActiveRun {
    final String id;
    final PlacementSolver.Solving solving = new PlacementSolver.Solving();
    volatile boolean stopRequested;
    volatile boolean interrupted;
    /** The attempt this instance claimed the run as (0 until claimed). */
    volatile int attempt;
    /** Another instance took the run over: this solve stops and keeps nothing. */
    volatile boolean lost;

    long lastSavedNanos;
    PlacementSolution unsaved;
    private final AtomicBoolean ended = new AtomicBoolean();
    /** The latest report not yet taken by the progress writer. */
    final AtomicReference<PlacementSolver.Progress> pendingProgress = new AtomicReference<>();

    /** Quartz recovered the job of a dead instance: the run may have been started there. */
    final boolean takingOver;

    ActiveRun(String id, boolean takingOver) {
        this.id = id;
        this.takingOver = takingOver;
    }

    /**
     * Whether the caller is the first to end the run (its worker, or a shutdown that stopped waiting for
     * it): only the first stores the end, so a run is audited and counted once.
     */
    boolean end() {
        return ended.compareAndSet(false, true);
    }
}
