package org.placementmatcher.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Routes outside the REST resources that fail, for {@link HttpLayerErrorsTest}; they exist in tests only
 * (src/test is no part of the application). Under /api/, as API calls: a page would first be sent to sign in.
 */
@ApplicationScoped
public class FailingRoutes {

    static final String THROWS = "/api/test-only/throws";
    static final String BUSY = "/api/test-only/busy";
    static final String BAD_REQUEST = "/api/test-only/bad-request";
    static final String CLIENT_GONE = "/api/test-only/client-gone";
    /** What a failure's message might quote: a child's record, which no answer or log may show. */
    static final String RECORD = "child C1, Jane Example, born 2015-01-01";

    void install(@Observes Router router) {
        router.get(THROWS).handler(rc -> {
            throw new IllegalStateException("cannot place " + RECORD);
        });
        router.get(BUSY).handler(rc -> {
            throw new RejectedExecutionException("no worker for " + RECORD);
        });
        router.get(BAD_REQUEST).handler(rc -> rc.fail(400));
        router.get(CLIENT_GONE).handler(rc -> rc.fail(new IOException("connection reset")));
    }
}
