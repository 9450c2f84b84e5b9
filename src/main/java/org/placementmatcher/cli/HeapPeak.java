package org.placementmatcher.cli;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap in use every 20 ms on a daemon thread, until closed, and keeps the highest value seen
 * (the sum of the pools' own peaks would overstate it: they peak at different moments).
 */
final class HeapPeak implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;

    private HeapPeak() {
        sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(
                                ManagementFactory.getMemoryMXBean()
                                        .getHeapMemoryUsage()
                                        .getUsed(),
                                Math::max);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-peak-sampler");
        sampler.setDaemon(true);
    }

    static HeapPeak start() {
        HeapPeak heap = new HeapPeak();
        heap.sampler.start();
        return heap;
    }

    long megabytes() {
        return peak.get() / (1024 * 1024);
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
