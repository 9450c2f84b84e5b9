package org.placementmatcher.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The CSRF filter (quarkus-rest-csrf) checks every form-encoded or multipart request, and refuses one without a
 * body. API clients often send a bodiless POST (start a run, restart it) with a form Content-Type all the same
 * (HTTP libraries add it); for an API call with no body that type means nothing, so it is dropped here before
 * the CSRF filter looks. A form with a body sent to the API still meets the 415 of the JSON and CSV resources,
 * and an API call can carry a session cookie only from this service's own pages (SameSite=Strict).
 */
public class EmptyFormBodies {

    @ServerRequestFilter(preMatching = true)
    public void dropFormTypeOfEmptyApiBodies(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return;
        }
        String media = type.toLowerCase(Locale.ROOT);
        boolean form = media.startsWith("application/x-www-form-urlencoded") || media.startsWith("multipart/");
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean empty = request.getHeaderString("Transfer-Encoding") == null
                && (length == null || length.trim().equals("0"));
        if (form && empty) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
