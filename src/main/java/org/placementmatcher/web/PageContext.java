package org.placementmatcher.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.placementmatcher.register.RegisterAccess;
import org.placementmatcher.security.CurrentUser;
import org.placementmatcher.security.Role;

/**
 * What every page's layout needs to know about the request ({@code inject:page} in templates): who is signed in,
 * and the service navigation for what that user may do. Pages of one register live under
 * {@code /registers/{authority}/...}; the navigation follows the register being looked at, or the user's only
 * register when they hold just one.
 */
@RequestScoped
@Named("page")
public class PageContext {

    /** The path prefix of one register's pages. */
    public static final String REGISTERS = "/registers/";

    /** quarkus-rest-csrf's cookie (its default name). */
    static final String CSRF_COOKIE = "csrf-token";

    private final SecurityIdentity identity;
    private final CurrentUser user;
    private final HttpServerRequest request;
    private final CsrfTokenParameterProvider csrf;
    private final RegisterAccess access;

    public PageContext(
            SecurityIdentity identity,
            CurrentUser user,
            HttpServerRequest request,
            CsrfTokenParameterProvider csrf,
            RegisterAccess access) {
        this.access = access;
        this.identity = identity;
        this.user = user;
        this.request = request;
        this.csrf = csrf;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String getUsername() {
        return isSignedIn() ? identity.getPrincipal().getName() : "";
    }

    /** The form field every state-changing form carries its CSRF token in. */
    public String getCsrfParameter() {
        return csrf.getParameterName();
    }

    /**
     * This request's CSRF token for the page's forms (quarkus-rest-csrf), or null on an answer that did not go
     * through a page resource (an error page of an unknown path), which then shows no form.
     */
    public String getCsrfToken() {
        try {
            return csrf.getToken();
        } catch (IllegalStateException noTokenOnThisRequest) {
            // Every page GET makes the token, but a POST that renders its form again (a refused form) has none of
            // its own: the token is the one the browser already holds in its cookie (unsigned, so its value).
            var cookie = request.getCookie(CSRF_COOKIE);
            return cookie == null ? null : cookie.getValue();
        }
    }

    /** The register (authority code) the navigation points at, if any. */
    public Optional<String> authority() {
        if (!isSignedIn() || !user.has(Role.VIEWER)) {
            return Optional.empty();
        }
        String path = request.path();
        if (path != null && path.startsWith(REGISTERS)) {
            String rest = path.substring(REGISTERS.length());
            int slash = rest.indexOf('/');
            String code = slash < 0 ? rest : rest.substring(0, slash);
            if (!code.isEmpty() && access.mayOpen(code)) {
                return Optional.of(code);
            }
        }
        // A council's user of a shared register works in that register (contract section 8).
        List<String> held = List.copyOf(access.registersOfHeldCodes());
        return held.size() == 1 && !user.authorities().contains(Role.ANY_AUTHORITY)
                ? Optional.of(held.getFirst())
                : Optional.empty();
    }

    public List<NavigationItem> getNavigation() {
        List<NavigationItem> items = new ArrayList<>();
        items.add(new NavigationItem("Home", "/"));
        authority().ifPresent(code -> {
            String base = REGISTERS + code;
            items.add(new NavigationItem("Overview", base));
            items.add(new NavigationItem(
                    "Register", base + "/children", List.of(base + "/providers", base + "/upload"), false));
            items.add(new NavigationItem("Find a placement", base + "/find"));
            items.add(new NavigationItem("Emergency", base + "/emergency"));
            items.add(new NavigationItem("Runs", base + "/runs"));
            items.add(new NavigationItem("Sufficiency", base + "/sufficiency"));
        });
        if (isSignedIn() && user.has(Role.ADMIN)) {
            items.add(new NavigationItem("Users", "/users"));
        }
        String path = request.path();
        NavigationItem current = null;
        for (NavigationItem item : items) {
            int matched = path == null ? -1 : item.matchLength(path);
            if (matched > 0 && (current == null || matched > current.matchLength(path))) {
                current = item;
            }
        }
        List<NavigationItem> marked = new ArrayList<>();
        for (NavigationItem item : items) {
            marked.add(item == current ? item.markedCurrent() : item);
        }
        return marked;
    }

    /** One link of the service navigation; it is the current one for its own path and the paths it covers. */
    public record NavigationItem(String label, String href, List<String> covers, boolean current) {
        NavigationItem(String label, String href) {
            this(label, href, List.of(), false);
        }

        NavigationItem markedCurrent() {
            return new NavigationItem(label, href, covers, true);
        }

        /** The length of the longest of its paths the request path is at or under; 0 when none. */
        int matchLength(String path) {
            int longest = 0;
            for (String prefix : concat(href, covers)) {
                if (path.equals(prefix) || !prefix.equals("/") && path.startsWith(prefix + "/")) {
                    longest = Math.max(longest, prefix.length());
                }
            }
            return longest;
        }

        private static List<String> concat(String first, List<String> rest) {
            List<String> all = new ArrayList<>(rest);
            all.addFirst(first);
            return all;
        }
    }
}
