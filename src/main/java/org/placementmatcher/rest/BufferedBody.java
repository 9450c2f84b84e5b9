package org.placementmatcher.rest;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Hands a body {@link HttpLayer} has already read (a chunked one, checked against the limit) to the resource. */
public class BufferedBody {

    @ServerRequestFilter(preMatching = true)
    public void fromMemory(RoutingContext rc, ContainerRequestContext request) {
        if (rc.body() != null && rc.body().buffer() != null) {
            request.setEntityStream(new ByteArrayInputStream(rc.body().buffer().getBytes()));
        }
    }
}
