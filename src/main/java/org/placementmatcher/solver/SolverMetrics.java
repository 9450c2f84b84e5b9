package org.placementmatcher.solver;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Timefold tags its solver metrics with the problem id; every plan would add its own series, without
 * bound. Dropping that tag folds them into one series per metric.
 */
@Singleton
public class SolverMetrics {

    @Produces
    @Singleton
    MeterFilter withoutPerProblemSeries() {
        return MeterFilter.ignoreTags("problem.id");
    }
}
