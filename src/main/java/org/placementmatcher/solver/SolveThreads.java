package org.placementmatcher.solver;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every solve started by {@link PlacementSolver} shares besides its own: the progress reports' heartbeat,
 * the timer that ends solves at their limits, and the pool the bounds are worked out on. Daemon threads, which never
 * keep the JVM up.
 */
final class SolveThreads {

    private SolveThreads() {}

    /** Repeats each solve's last report while its best score stands still ({@link ProgressReport}). */
    static final ScheduledExecutorService HEARTBEAT = daemonScheduler("placement-solve-progress");

    /**
     * Ends solves at their limits: a thread of its own, since a heartbeat waits on its caller's progress consumer,
     * however slow, and no solve should end late for another's.
     */
    static final ScheduledExecutorService LIMITS = daemonScheduler("placement-solve-limits");

    /**
     * The bounds worked out beside solves ({@link PlacementSolver#solveAndBound}): as many at once as the machine has
     * processors beside the solver's (at least one), since each takes a processor and, on a large problem, a network of
     * its own; a bound waiting for a thread starts late and gets less time, or none (the plan then has no bound).
     */
    static final ExecutorService BOUNDS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1), new ThreadFactory() {
                private final AtomicInteger count = new AtomicInteger();

                @Override
                public Thread newThread(Runnable runnable) {
                    Thread thread = new Thread(runnable, "placement-bound-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }
            });

    private static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
