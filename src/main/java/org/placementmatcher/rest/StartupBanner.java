package org.placementmatcher.rest;

import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Tells whoever started the service where to point a browser, and how to try it from a shell. */
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void onStart(@Observes StartupEvent event, @ConfigProperty(name = "quarkus.http.port") int port) {
        if (LaunchMode.current() == LaunchMode.TEST) {
            return;
        }
        String base = "http://localhost:" + port;
        LOG.infof("""
                Placement Matcher is ready.
                  Swagger UI:  %1$s/q/swagger-ui
                  Try it:      curl -s -X POST -H 'Content-Type: application/json' \\
                                 --data @sample-data/small.json '%1$s/api/plans?seconds=10'
                               then: curl -s %1$s/api/plans/<id>
                  Metrics:     %1$s/q/metrics    Health: %1$s/q/health""", base);
    }
}
