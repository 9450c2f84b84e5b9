package org.placementmatcher.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Multipart uploads to the API (the SSDA903 import) from clients that send their own credentials. The CSRF filter
 * (quarkus-rest-csrf), there for the pages' forms, refuses every multipart request without a token, and has no
 * setting to spare the API. A request with an {@code Authorization} header cannot be forged across sites: a browser
 * never adds one by itself (and no CORS is allowed), so such a multipart API request is given a fresh token, as the
 * header and the cookie the filter compares. A request without one (a page's form, signed in by the session cookie)
 * still needs the token of its page.
 */
@ApplicationScoped
public class ApiFormUploads {

    private static final int TOKEN_BYTES = 16;

    private final SecureRandom random = new SecureRandom();
    private final String cookieName;
    private final String headerName;

    public ApiFormUploads(
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String cookieName,
            @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN")
                    String headerName) {
        this.cookieName = cookieName;
        this.headerName = headerName;
    }

    void install(@Observes Router router) {
        router.route("/api/*")
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2)
                .handler(this::tokenForApiUpload);
    }

    private void tokenForApiUpload(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String type = request.getHeader(HttpHeaderNames.CONTENT_TYPE);
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (multipart && request.getHeader(HttpHeaderNames.AUTHORIZATION) != null) {
            byte[] bytes = new byte[TOKEN_BYTES];
            random.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            List<String> cookies = new ArrayList<>();
            for (String cookie : request.headers().getAll(HttpHeaderNames.COOKIE)) {
                for (String pair : cookie.split(";")) {
                    if (!pair.isBlank() && !pair.trim().startsWith(cookieName + "=")) {
                        cookies.add(pair.trim());
                    }
                }
            }
            cookies.add(cookieName + "=" + token);
            request.headers().set(HttpHeaderNames.COOKIE, String.join("; ", cookies));
            request.headers().set(headerName, token);
        }
        rc.next();
    }
}
