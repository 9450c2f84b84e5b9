package org.placementmatcher.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a request may have been sent by another site's page (login CSRF, forged API uploads). What the browser
 * says is read from {@code Sec-Fetch-Site} and {@code Origin}; the request's own origin is its scheme and authority
 * as Quarkus sees them, so behind a proxy the forwarded ones only when quarkus.http.proxy.* forwarding is set.
 */
final class CrossSite {

    private CrossSite() {}

    /**
     * The sign-in form's rule: {@code Sec-Fetch-Site} decides when the browser sends it; a browser that does not is
     * judged by its {@code Origin}.
     */
    static boolean crossSite(HttpServerRequest request) {
        return request.getHeader("Sec-Fetch-Site") != null ? fetchedByAnotherSite(request) : foreignOrigin(request);
    }

    /** Neither header names another site: {@code Sec-Fetch-Site} absent or same-origin/none, Origin absent or ours. */
    static boolean sameOriginOrNoBrowser(HttpServerRequest request) {
        return !fetchedByAnotherSite(request) && !foreignOrigin(request);
    }

    private static boolean fetchedByAnotherSite(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site == null) {
            return false;
        }
        String value = site.trim().toLowerCase(Locale.ROOT);
        return !value.equals("same-origin") && !value.equals("none");
    }

    /** An {@code Origin} header other than the request's own scheme://host:port ("null" included). */
    private static boolean foreignOrigin(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaderNames.ORIGIN);
        if (origin == null) {
            return false;
        }
        HostAndPort own = request.authority();
        String scheme = request.scheme();
        if (own == null || scheme == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin.trim());
            return uri.getScheme() == null
                    || uri.getHost() == null
                    || !uri.getScheme().equalsIgnoreCase(scheme)
                    || !bare(uri.getHost()).equalsIgnoreCase(bare(own.host()))
                    || port(uri.getPort(), scheme) != port(own.port(), scheme);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(int port, String scheme) {
        if (port >= 0) {
            return port;
        }
        return scheme.equalsIgnoreCase("https") ? 443 : 80;
    }
}
