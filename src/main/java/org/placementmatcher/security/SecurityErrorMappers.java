package org.placementmatcher.security;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.placementmatcher.rest.ApiErrors;
import org.placementmatcher.rest.HttpLayer;

/**
 * 403 of the REST endpoints with the API's JSON error body: a call beyond the user's role, refused before any
 * change (a 401 is {@link AuthenticationErrorMappers}'). Failures outside the REST endpoints are answered alike
 * by {@link HttpLayer}.
 */
public class SecurityErrorMappers {

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return forbidden(HttpLayer.FORBIDDEN);
    }

    @ServerExceptionMapper
    public Response notPermitted(ApprovalPolicy.NotPermitted e) {
        return forbidden(e.getMessage());
    }

    private static Response forbidden(String message) {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.APPLICATION_JSON)
                .entity(ApiErrors.of("$", message))
                .build();
    }
}
