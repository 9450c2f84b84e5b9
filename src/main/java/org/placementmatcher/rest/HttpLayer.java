package org.placementmatcher.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.placementmatcher.contract.ContractJson;

/**
 * The HTTP layer's refusals, answered with the API's JSON error body (contract section 10) rather than
 * the empty or HTML answers of Vert.x: a body without a Content-Type (415: a cross-site form must not be
 * taken for JSON or CSV), a body over Quarkus' own {@code quarkus.http.limits.max-body-size} (413), whether
 * it declares its length or comes chunked, and routes nobody serves (404, 405).
 * <p>
 * Quarkus checks a declared length before any application route and a chunked body while the resource
 * reads it, both with an empty 413; so this handler runs just before Quarkus' own check, with the same
 * limit: a declared length over it is answered here, and a chunked body is read here (Vert.x' body handler,
 * which stops at the limit) and handed to the resource from memory ({@link BufferedBody}).
 */
@ApplicationScoped
public class HttpLayer {

    private final long maxBodyBytes;
    private final BodyHandler chunkedBodies;

    public HttpLayer(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.chunkedBodies =
                BodyHandler.create(false).setBodyLimit(maxBodyBytes).setDeleteUploadedFilesOnEnd(true);
    }

    void install(@Observes Router router) {
        router.route()
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::checkBody)
                .failureHandler(this::tooLarge);
        router.errorHandler(
                404, rc -> answer(rc, 404, "no such resource: " + rc.request().path()));
        router.errorHandler(405, rc -> answer(rc, 405, "method not allowed"));
        router.errorHandler(413, rc -> answer(rc, 413, tooLargeMessage()));
    }

    private void checkBody(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        boolean chunked = length == null && request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
        boolean hasBody = chunked || length != null && !length.trim().equals("0");
        if (!hasBody || request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
            rc.next();
            return;
        }
        String type = request.getHeader(HttpHeaderNames.CONTENT_TYPE);
        if (type == null || type.isBlank()) {
            answer(
                    rc,
                    415,
                    "the request body must say its Content-Type (application/json, text/csv or "
                            + "multipart/form-data where documented)");
            return;
        }
        if (length != null && declaredLength(length) > maxBodyBytes) {
            rc.response().putHeader(HttpHeaderNames.CONNECTION, "close");
            answer(rc, 413, tooLargeMessage());
            return;
        }
        String mediaType = type.toLowerCase(Locale.ROOT);
        if (chunked
                && !mediaType.startsWith("multipart/")
                && !mediaType.startsWith("application/x-www-form-urlencoded")) {
            chunkedBodies.handle(rc);
            return;
        }
        rc.next();
    }

    private static long declaredLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private void tooLarge(RoutingContext rc) {
        if (rc.statusCode() == 413 && !rc.response().ended()) {
            rc.response().putHeader(HttpHeaderNames.CONNECTION, "close");
            answer(rc, 413, tooLargeMessage());
        } else {
            rc.next();
        }
    }

    private String tooLargeMessage() {
        return "the request body is larger than the " + maxBodyBytes + " bytes accepted";
    }

    private static void answer(RoutingContext rc, int status, String message) {
        if (rc.response().ended()) {
            return;
        }
        String body;
        try {
            body = ContractJson.mapper().writeValueAsString(ApiErrors.of("$", message));
        } catch (JsonProcessingException e) {
            body = "{\"errors\":[{\"path\":\"$\",\"message\":\"error\"}]}";
        }
        rc.response()
                .setStatusCode(status)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .end(body);
    }
}
