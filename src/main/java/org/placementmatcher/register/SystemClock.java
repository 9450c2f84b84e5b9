package org.placementmatcher.register;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock the service reads "now" from where time decides what happens (the retention purge), so that
 * tests can use a clock they control. A default bean: any other {@link Clock} producer takes its place.
 */
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
