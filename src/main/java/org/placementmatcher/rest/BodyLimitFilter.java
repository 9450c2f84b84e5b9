package org.placementmatcher.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies over {@code placement.max-body-bytes} with a JSON 413 before reading them.
 * (The HTTP layer's own, larger limit would answer without a JSON body.)
 */
public class BodyLimitFilter {

    private final long maxBodyBytes;

    public BodyLimitFilter(@ConfigProperty(name = "placement.max-body-bytes", defaultValue = "67108864") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Response checkLength(ContainerRequestContext request) {
        if (request.getLength() > maxBodyBytes) {
            return ErrorMappers.json(413, ApiErrors.of("$",
                    "the request body is " + request.getLength() + " bytes; at most " + maxBodyBytes + " are accepted"));
        }
        return null;
    }
}
