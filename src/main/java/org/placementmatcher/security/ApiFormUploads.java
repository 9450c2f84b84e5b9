package org.placementmatcher.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Multipart uploads to the API (the SSDA903 import) from clients that send their own credentials. The CSRF filter
 * (quarkus-rest-csrf), there for the pages' forms, refuses every multipart request without a token, and has no
 * setting to spare the API. An {@code Authorization} header alone proves nothing: a browser re-sends HTTP Basic
 * credentials it saved after a Basic prompt (the API answers 401 with {@code WWW-Authenticate: Basic}) by itself,
 * on another site's form POST too. So a multipart API request is given a fresh token (as the header and the cookie
 * the filter compares) only when it carries a well-formed Basic or Bearer credential AND no browser header says it
 * came from another site ({@code Sec-Fetch-Site} absent, same-origin or none; {@code Origin} absent or this
 * service's own: security/CrossSite). Its form session cookie is then removed, so that only the header's
 * credentials can authenticate it. Any other multipart request (a page's form, or a cross-site one) is left alone,
 * and needs the token of its page.
 */
@ApplicationScoped
public class ApiFormUploads {

    private static final int TOKEN_BYTES = 16;
    /** RFC 7235 token68: what a Basic or Bearer credential consists of. */
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final SecureRandom random = new SecureRandom();
    private final String csrfCookie;
    private final String csrfHeader;
    private final String sessionCookie;

    public ApiFormUploads(
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String csrfCookie,
            @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN")
                    String csrfHeader,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                    String sessionCookie) {
        this.csrfCookie = csrfCookie;
        this.csrfHeader = csrfHeader;
        this.sessionCookie = sessionCookie;
    }

    void install(@Observes Router router) {
        // Before authentication, which must not see the session cookie of an exempted request.
        router.route("/api/*")
                .order(-1 * SecurityHandlerPriorities.AUTHENTICATION - 1)
                .handler(this::tokenForApiUpload);
    }

    private void tokenForApiUpload(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String type = request.getHeader(HttpHeaderNames.CONTENT_TYPE);
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (multipart && ownCredentials(request) && CrossSite.sameOriginOrNoBrowser(request)) {
            byte[] bytes = new byte[TOKEN_BYTES];
            random.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            List<String> cookies = new ArrayList<>();
            for (String cookie : request.headers().getAll(HttpHeaderNames.COOKIE)) {
                for (String pair : cookie.split(";")) {
                    String name = pair.split("=", 2)[0].trim();
                    if (!name.isEmpty() && !name.equals(csrfCookie) && !name.equals(sessionCookie)) {
                        cookies.add(pair.trim());
                    }
                }
            }
            cookies.add(csrfCookie + "=" + token);
            request.headers().set(HttpHeaderNames.COOKIE, String.join("; ", cookies));
            request.headers().set(csrfHeader, token);
        }
        rc.next();
    }

    /** One Authorization header holding a well-formed Basic (user:password) or Bearer credential. */
    private static boolean ownCredentials(HttpServerRequest request) {
        List<String> headers = request.headers().getAll(HttpHeaderNames.AUTHORIZATION);
        if (headers.size() != 1) {
            return false;
        }
        String[] parts = headers.get(0).trim().split(" +", 2);
        if (parts.length != 2 || !TOKEN68.matcher(parts[1]).matches()) {
            return false;
        }
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        if (scheme.equals("bearer")) {
            return true;
        }
        if (!scheme.equals("basic")) {
            return false;
        }
        try {
            String userAndPassword = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return userAndPassword.indexOf(':') > 0;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
