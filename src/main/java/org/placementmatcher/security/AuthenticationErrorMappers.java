package org.placementmatcher.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A REST resource refused to an unauthenticated caller ({@code @RolesAllowed}, {@code @Authenticated}): the
 * challenge of the mechanism that answers for the request (see {@link ApiAuthentication}), with the API's JSON
 * error body on a 401; a page's redirect to the sign-in page as it is. Replaces Quarkus' own mapper, which sends
 * the 401 without a body.
 */
public class AuthenticationErrorMappers {

    @ServerExceptionMapper(UnauthorizedException.class)
    public Uni<Response> unauthorized(RoutingContext rc) {
        HttpAuthenticator authenticator = rc.get(HttpAuthenticator.class.getName());
        Uni<ChallengeData> challenge =
                authenticator == null ? Uni.createFrom().nullItem() : authenticator.getChallenge(rc);
        return challenge.map(data -> response(rc, data)).onFailure().recoverWithItem(() -> response(rc, null));
    }

    private static Response response(RoutingContext rc, ChallengeData data) {
        int status = data == null ? 401 : data.status;
        Response.ResponseBuilder response = Response.status(status);
        if (data != null) {
            data.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
        } else {
            response.header("WWW-Authenticate", ApiAuthentication.CHALLENGE);
        }
        if (status == 401) {
            response.type(MediaType.APPLICATION_JSON).entity(ApiAuthentication.body(rc));
        }
        return response.build();
    }
}
