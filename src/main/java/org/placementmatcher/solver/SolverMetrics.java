package org.placementmatcher.solver;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Timefold tags its solver metrics with the problem id; every plan would add its own series, without
 * bound. Dropping that tag folds them into one series per metric. Timefold's gauges (score calculation
 * count, problem sizes) describe one solve each: folded, a second solve would register the same gauge
 * again (Micrometer warns and ignores it) and the series would show whichever solve came first. They are
 * left out; the placement.* meters say how solving goes.
 */
@Singleton
public class SolverMetrics {

    @Produces
    @Singleton
    MeterFilter withoutPerProblemSeries() {
        return MeterFilter.ignoreTags("problem.id");
    }

    @Produces
    @Singleton
    MeterFilter withoutPerSolveGauges() {
        return MeterFilter.deny(id -> id.getName().startsWith("timefold.") && id.getType() == Meter.Type.GAUGE);
    }
}
