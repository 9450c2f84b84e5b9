package org.placementmatcher.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.rest.ApiErrors;

/**
 * Every error mapper answers with the API's JSON error body; on a page that body becomes the web app's error
 * page with the same status and message, so a person never sees JSON (one place instead of a page flavour of
 * every mapper).
 */
public class PageErrorFilter {

    private final ErrorPages errorPages;

    public PageErrorFilter(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @ServerResponseFilter
    public void htmlForPages(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof ApiErrors errors)
                || !ErrorPages.isPage(request.getUriInfo().getPath())) {
            return;
        }
        String message =
                errors.errors().stream().map(ProblemError::message).distinct().collect(Collectors.joining("; "));
        Object html = errorPages.page(response.getStatus(), message).getEntity();
        response.setEntity(html, new Annotation[0], MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
