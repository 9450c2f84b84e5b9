package org.placementmatcher.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.placementmatcher.LogSafe;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.solver.PlanService;

/** Turns every failure into a JSON error body; never a stack trace, never an HTML page. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    /** A qualified Java name or an exception's name, which no message may show. */
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(java|javax|jakarta|org|io|com)\\.[a-z]|Exception\\b");

    /** RESTEasy Reactive's message for a path no resource answers. */
    private static final String NO_RESOURCE_METHOD = "Unable to find matching target resource method";

    @ServerExceptionMapper
    public Response invalid(InvalidProblemException e) {
        return json(Response.Status.BAD_REQUEST.getStatusCode(), new ApiErrors(e.reported()));
    }

    @ServerExceptionMapper
    public Response limit(PlanService.LimitExceededException e) {
        return json(429, ApiErrors.of("$", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getResponse().getEntity() instanceof ApiErrors) {
            return e.getResponse();
        }
        int status = e.getResponse().getStatus();
        String own = e.getMessage();
        // Our own messages are kept; the framework's ("HTTP 404 Not Found", or naming a Java type) are replaced.
        boolean ours = own != null
                && !own.startsWith("HTTP ")
                && !own.equals(NO_RESOURCE_METHOD)
                && !JAVA_NAME.matcher(own).find();
        String message = ours
                ? own
                : switch (status) {
                    case 400 -> "bad request";
                    case 404 -> "not found";
                    case 405 -> "method not allowed";
                    case 406 -> "only application/json responses are produced";
                    case 413 -> "the request body is too large";
                    case 415 -> "the request body's Content-Type is not accepted here";
                    default -> "the request cannot be answered (HTTP " + status + ")";
                };
        return json(status, ApiErrors.of("$", message));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        // Logged without the request body: it holds children's records.
        LOG.errorf("unexpected error: %s", LogSafe.failure(e));
        return json(500, ApiErrors.of("$", "internal error; nothing was kept"));
    }

    static Response json(int status, Object body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(body)
                .build();
    }
}
