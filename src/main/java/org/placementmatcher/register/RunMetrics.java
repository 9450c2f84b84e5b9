package org.placementmatcher.register;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.placementmatcher.LogSafe;
import org.placementmatcher.register.RunStore.Status;
import org.placementmatcher.register.RunStore.Trigger;

/**
 * Runs as an operator watches them: counters of runs started, failed and interrupted and a timer of their
 * duration, each by trigger ({@code manual}, {@code overnight}), and the time of the last successful overnight
 * run (epoch seconds, 0 before the first), so a missed night can raise an alert. Every meter is registered here,
 * once.
 */
@ApplicationScoped
public class RunMetrics {

    private static final Logger LOG = Logger.getLogger(RunMetrics.class);

    private final MeterRegistry registry;
    private final AtomicLong lastOvernightSuccess = new AtomicLong();

    public RunMetrics(MeterRegistry registry, Database db) {
        this.registry = registry;
        lastOvernightSuccess.set(lastOvernightSuccess(db));
        Gauge.builder("placement.runs.overnight.last.success", lastOvernightSuccess, AtomicLong::get)
                .description("When the last overnight run finished DONE, in seconds since the epoch (0: never)")
                .baseUnit("seconds")
                .register(registry);
        for (Trigger trigger : Trigger.values()) {
            for (String event : new String[] {"started", "failed", "interrupted"}) {
                registry.counter("placement.runs." + event, "trigger", tag(trigger));
            }
        }
    }

    /** Created at start-up, so the meters are there before the first run. */
    void onStart(@Observes StartupEvent event) {
        // Nothing more: observing the event is what creates the bean.
    }

    /** The last overnight success on record (from before a restart too). */
    private static long lastOvernightSuccess(Database db) {
        try {
            Instant last = db.transaction(c -> RunStore.lastFinished(c, Trigger.SCHEDULED, Status.DONE));
            return last == null ? 0 : last.getEpochSecond();
        } catch (RuntimeException e) {
            LOG.warnf("the last overnight run could not be read: %s", LogSafe.failure(e));
            return 0;
        }
    }

    static String tag(Trigger trigger) {
        return trigger == Trigger.SCHEDULED ? "overnight" : "manual";
    }

    void started(Trigger trigger) {
        registry.counter("placement.runs.started", "trigger", tag(trigger)).increment();
    }

    /** A run ended on this instance after {@code solving} (null when it never started). */
    void ended(Trigger trigger, Status status, Duration solving) {
        switch (status) {
            case FAILED ->
                registry.counter("placement.runs.failed", "trigger", tag(trigger))
                        .increment();
            case INTERRUPTED ->
                registry.counter("placement.runs.interrupted", "trigger", tag(trigger))
                        .increment();
            case DONE -> {
                if (trigger == Trigger.SCHEDULED) {
                    lastOvernightSuccess.set(Instant.now().getEpochSecond());
                }
            }
            default -> {}
        }
        if (solving != null) {
            registry.timer("placement.runs.duration", "trigger", tag(trigger), "status", status.name())
                    .record(solving);
        }
    }
}
