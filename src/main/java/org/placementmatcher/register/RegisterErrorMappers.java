package org.placementmatcher.register;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.placementmatcher.rest.ApiErrors;

/** 404, 409 and 410 of the register, runs and decisions, as JSON errors. */
public class RegisterErrorMappers {

    @ServerExceptionMapper
    public Response notFound(RegisterErrors.NotFound e) {
        return Response.status(404)
                .type(MediaType.APPLICATION_JSON)
                .entity(ApiErrors.of("$", e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public Response conflict(RegisterErrors.Conflict e) {
        return Response.status(409)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiErrors(e.errors()))
                .build();
    }

    @ServerExceptionMapper
    public Response gone(RegisterErrors.Gone e) {
        return Response.status(410)
                .type(MediaType.APPLICATION_JSON)
                .entity(ApiErrors.of("$", e.getMessage()))
                .build();
    }
}
