package org.placementmatcher.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.placementmatcher.rest.ApiErrors;
import org.placementmatcher.rest.HttpLayer;

/**
 * 401 and 403 of the REST endpoints with the API's JSON error body: a call without an authenticated user (with
 * the authentication mechanism's own challenge, e.g. {@code WWW-Authenticate}), and a call beyond the user's
 * role, refused before any change. Failures outside the REST endpoints are answered alike by {@link HttpLayer}.
 */
public class SecurityErrorMappers {

    @Inject
    HttpAuthenticator authenticator;

    @Inject
    CurrentVertxRequest request;

    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e) {
        Uni<ChallengeData> challenge = request.getCurrent() == null
                ? Uni.createFrom().nullItem()
                : authenticator.getChallenge(request.getCurrent());
        return challenge.onFailure().recoverWithNull().map(SecurityErrorMappers::unauthenticated);
    }

    /** 401 with the challenge; a mechanism that challenges otherwise (a redirect to sign in) keeps its answer. */
    private static Response unauthenticated(ChallengeData challenge) {
        if (challenge != null && challenge.status != Response.Status.UNAUTHORIZED.getStatusCode()) {
            Response.ResponseBuilder answer = Response.status(challenge.status);
            challengeHeaders(challenge, answer);
            return answer.build();
        }
        Response.ResponseBuilder answer = Response.status(Response.Status.UNAUTHORIZED)
                .type(MediaType.APPLICATION_JSON)
                .entity(ApiErrors.of("$", HttpLayer.UNAUTHENTICATED));
        challengeHeaders(challenge, answer);
        return answer.build();
    }

    private static void challengeHeaders(ChallengeData challenge, Response.ResponseBuilder answer) {
        if (challenge != null && challenge.getHeaders() != null) {
            challenge.getHeaders().forEach((name, value) -> answer.header(name.toString(), value));
        }
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return forbidden(HttpLayer.FORBIDDEN);
    }

    @ServerExceptionMapper
    public Response notPermitted(ApprovalPolicy.NotPermitted e) {
        return forbidden(e.getMessage());
    }

    private static Response forbidden(String message) {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.APPLICATION_JSON)
                .entity(ApiErrors.of("$", message))
                .build();
    }
}
