package org.placementmatcher.register;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.placementmatcher.rest.ApiErrors;

/** 404 and 409 of the register, runs and decisions, and bad query parameters (400), as JSON errors. */
public class RegisterErrorMappers {

    @ServerExceptionMapper
    public Response notFound(RegisterErrors.NotFound e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(ApiErrors.of("$", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response badQueryParameter(QueryParameters.BadValue e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(ApiErrors.of(e.error().path(), e.error().message())).build();
    }

    @ServerExceptionMapper
    public Response conflict(RegisterErrors.Conflict e) {
        return Response.status(409).type(MediaType.APPLICATION_JSON).entity(new ApiErrors(e.errors())).build();
    }
}
