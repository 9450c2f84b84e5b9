package org.placementmatcher.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.placementmatcher.contract.ContractJson;

/**
 * The HTTP layer's refusals, answered with the API's JSON error body (contract section 10) rather than
 * the empty or HTML answers of Vert.x: a body without a Content-Type (415: a cross-site form must not be
 * taken for JSON or CSV), a body over Quarkus' own {@code quarkus.http.limits.max-body-size} (413), whether
 * it declares its length or comes chunked, a request URI or headers over our own limits (414, 431), routes
 * nobody serves (404, 405), security failures outside the REST resources (401 without valid credentials, 403
 * beyond the user's role) and any other failure outside them (500, or 503 when no worker thread is free; a 4xx a
 * Vert.x handler fails with keeps its status).
 * <p>
 * Netty answers a request line or headers over {@code quarkus.http.limits.max-initial-line-length} or
 * {@code max-header-size} itself, with an empty 414 or 431 before any route runs, and offers no hook; so
 * those limits are set well above ours ({@code placement.http.max-uri-length}, {@code max-header-size}),
 * and only a request past both gets Netty's empty answer.
 * <p>
 * Quarkus checks a declared length before any application route and a chunked body while the resource
 * reads it, both with an empty 413; so this handler runs just before Quarkus' own check, with the same
 * limit: a declared length over it is answered here, and a chunked body is read here (Vert.x' body handler,
 * which stops at the limit) and handed to the resource from memory ({@link BufferedBody}).
 */
@ApplicationScoped
public class HttpLayer {

    private static final Logger LOG = Logger.getLogger(HttpLayer.class);
    /** Stack frames logged for a failure: enough to find it, while its message (which may hold records) is not. */
    private static final int LOGGED_FRAMES = 5;
    /** The answers to a request without (valid) credentials and to one beyond the user's role. */
    public static final String UNAUTHENTICATED = "authentication is required: sign in, or send HTTP Basic credentials";

    public static final String FORBIDDEN = "your role does not allow this request; nothing was changed";

    private final long maxBodyBytes;
    private final int maxUriLength;
    private final long maxHeaderBytes;
    private final BodyHandler chunkedBodies;

    public HttpLayer(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            @ConfigProperty(name = "placement.http.max-uri-length") int maxUriLength,
            @ConfigProperty(name = "placement.http.max-header-size") MemorySize maxHeaderSize) {
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = maxHeaderSize.asLongValue();
        this.chunkedBodies =
                BodyHandler.create(false).setBodyLimit(maxBodyBytes).setDeleteUploadedFilesOnEnd(true);
    }

    void install(@Observes Router router) {
        router.route()
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::checkRequest)
                .failureHandler(this::failed);
        router.errorHandler(
                404, rc -> answer(rc, 404, "no such resource: " + rc.request().path()));
        router.errorHandler(405, rc -> answer(rc, 405, "method not allowed"));
        router.errorHandler(413, rc -> answer(rc, 413, tooLargeMessage()));
    }

    private void checkRequest(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.uri().length() > maxUriLength) {
            refuse(rc, 414, "the request URI is longer than the " + maxUriLength + " characters accepted");
        } else if (headerBytes(request) > maxHeaderBytes) {
            refuse(rc, 431, "the request headers are larger than the " + maxHeaderBytes + " bytes accepted");
        } else {
            checkBody(rc);
        }
    }

    /** Counted as Netty counts its own limit: each header line "name: value", ISO-8859-1 (one byte a character). */
    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + 2 + header.getValue().length();
        }
        return bytes;
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
            refuse(rc, 413, tooLargeMessage());
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

    /**
     * Every failure of a route, before Quarkus' own error page (which names the exception's class): a body
     * over the limit (413), no free worker thread (503), a 4xx some handler failed with, and anything else
     * as a 500 whose log holds an error id, the exception's class and where it was thrown, never its message
     * (it may quote a child's record).
     */
    private void failed(RoutingContext rc) {
        if (rc.response().headWritten()) {
            rc.next();
            return;
        }
        Throwable failure = rc.failure();
        int status = rc.statusCode();
        if (status == 413) {
            refuse(rc, 413, tooLargeMessage());
        } else if (caused(failure, AuthenticationFailedException.class)
                || caused(failure, UnauthorizedException.class)) {
            answer(rc, 401, UNAUTHENTICATED);
        } else if (caused(failure, ForbiddenException.class)) {
            answer(rc, 403, FORBIDDEN);
        } else if (failure instanceof RejectedExecutionException) {
            answer(rc, 503, "the service is busy; try again shortly");
        } else if (status >= 400 && status < 500) {
            answer(rc, status, "the request cannot be answered (HTTP " + status + ")");
        } else {
            String errorId = UUID.randomUUID().toString();
            String logged = "failure outside the REST resources, error id " + errorId + ": " + where(failure);
            if (failure instanceof IOException) {
                // Most often the client went away mid-request (as Quarkus' own handler judges it): not our error.
                LOG.debug(logged);
            } else {
                LOG.error(logged);
            }
            answer(rc, 500, "internal error (error id " + errorId + ")");
        }
    }

    /** Whether the failure is, or was caused by, the kind given (security failures come wrapped at times). */
    private static boolean caused(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String where(Throwable failure) {
        if (failure == null) {
            return "no exception";
        }
        return failure.getClass().getName() + " at "
                + Arrays.stream(failure.getStackTrace())
                        .limit(LOGGED_FRAMES)
                        .map(StackTraceElement::toString)
                        .collect(Collectors.joining(" < "));
    }

    private String tooLargeMessage() {
        return "the request body is larger than the " + maxBodyBytes + " bytes accepted";
    }

    /** A refusal that leaves the rest of the request unread: the connection closes after the answer. */
    private static void refuse(RoutingContext rc, int status, String message) {
        rc.response().putHeader(HttpHeaderNames.CONNECTION, "close");
        answer(rc, status, message);
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
