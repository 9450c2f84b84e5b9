package org.placementmatcher.security;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.TextRules;
import org.placementmatcher.register.RegisterAccess;
import org.placementmatcher.register.RegisterService;

/**
 * Checks of every API request made once the user is known, in one place:
 * <ul>
 *   <li>authority scoping: a path with an {@code {authority}} the user may not open (it holds neither the code nor,
 *       for a shared register, any of its members: {@link RegisterAccess}) answers exactly as a missing register
 *       does (404), whatever the method, so a register's existence is not given away;</li>
 *   <li>the user as the only actor: an {@code X-Actor} header naming anyone else is refused (400).</li>
 * </ul>
 * Anonymous requests pass untouched: the endpoint's {@code @RolesAllowed} answers them with 401.
 */
public class AccessFilter {

    /** The header by which callers once named who acted; now only the authenticated user may be named. */
    public static final String ACTOR_HEADER = "X-Actor";

    private final CurrentUser user;
    private final RegisterAccess access;

    public AccessFilter(CurrentUser user, RegisterAccess access) {
        this.user = user;
        this.access = access;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void check(ContainerRequestContext request) {
        if (user.isAnonymous()) {
            return;
        }
        String authority = request.getUriInfo().getPathParameters().getFirst("authority");
        if (authority != null && !access.mayOpen(authority)) {
            throw RegisterService.noRegister(authority);
        }
        List<String> actors = request.getHeaders().get(ACTOR_HEADER);
        if (actors != null) {
            for (String actor : actors) {
                if (!user.username().equals(actor.trim())) {
                    throw new InvalidProblemException(List.of(new ProblemError(
                            ACTOR_HEADER,
                            "names " + TextRules.quote(actor.trim()) + ", not the signed-in user "
                                    + TextRules.quote(user.username())
                                    + ": whoever signs in is the actor; leave the header out")));
                }
            }
        }
    }
}
