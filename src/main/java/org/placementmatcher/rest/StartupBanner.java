package org.placementmatcher.rest;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

/**
 * Tells whoever started the service where to point a browser, and how to try it from a shell. Said once the
 * HTTP server is listening (Quarkus' {@link HttpServerStart}), not at the {@code StartupEvent}, which comes
 * before the port is bound: "ready" must mean a request would be answered.
 */
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void onHttpServerStarted(@ObservesAsync HttpServerStart started) {
        if (LaunchMode.current() == LaunchMode.TEST) {
            return;
        }
        int port = started.options().getPort();
        // A random port (0) is bound by now, and Quarkus publishes the one it got as quarkus.http.port.
        LOG.info(banner(
                baseUrl(started.options().getHost(), port > 0 ? port : Integer.getInteger("quarkus.http.port", port))));
    }

    /** Where a browser on this machine reaches the service: a wildcard or loopback host is localhost. */
    static String baseUrl(String host, int port) {
        boolean local = host == null
                || host.isBlank()
                || host.equals("0.0.0.0")
                || host.equals("::")
                || host.equals("127.0.0.1")
                || host.equals("::1")
                || host.equals("localhost");
        String name = local ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + name + ":" + port;
    }

    static String banner(String base) {
        return """
                Placement Matcher is ready.
                  Swagger UI:  %1$s/q/swagger-ui
                  Try it:      curl -s -X POST -H 'Content-Type: application/json' \\
                                 --data @sample-data/small.json '%1$s/api/plans?seconds=10'
                               then: curl -s %1$s/api/plans/<id>
                  Metrics:     %1$s/q/metrics    Health: %1$s/q/health""".formatted(base);
    }
}
