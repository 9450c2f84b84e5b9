package org.placementmatcher.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Errors of the web app's pages as GOV.UK-style HTML pages ("Page not found", "You cannot do this"), never JSON
 * or a stack trace. The API keeps its JSON error bodies: the error mappers ask {@link #isPage} which to give.
 */
@ApplicationScoped
public class ErrorPages {

    private final Template error;

    public ErrorPages(@Location("web/error.html") Template error) {
        this.error = error;
    }

    /** Whether a request path is one of the web app's pages (not the API, not Quarkus' own /q/ routes). */
    public static boolean isPage(String path) {
        return path != null
                && !(path.equals("/api") || path.startsWith("/api/") || path.equals("/q") || path.startsWith("/q/"));
    }

    public Response page(int status, String message) {
        String heading = switch (status) {
            case 400 -> "There is a problem with the request";
            case 403 -> "You cannot do this";
            case 404 -> "Page not found";
            case 409 -> "This has changed since you looked";
            case 413 -> "The file is too large";
            case 429 -> "The service is busy";
            default -> status >= 500 ? "Sorry, there is a problem with the service" : "Something went wrong";
        };
        String html = error.data("heading", heading)
                .data("message", message)
                .data("status", status)
                .render();
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html)
                .build();
    }
}
