package eu.authorityhub.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Applies the per-client rate limit to every API request. The client is the verified token's client (or subject);
 * requests without a valid token are limited per remote address, so a forged token cannot spend a real client's
 * budget.
 */
public class RateLimitFilter {

    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    RateLimiter limiter;

    @ServerRequestFilter
    public Uni<Response> limit(HttpServerRequest request, UriInfo uri) {
        return identities.getDeferredIdentity().onFailure().recoverWithItem((SecurityIdentity) null).map(identity -> {
            String key = clientOf(identity, request);
            long wait = limiter.acquire(key);
            if (wait == 0) {
                return null;
            }
            return Response.status(429).type(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait))
                    .entity(Problem.of(ErrorCode.RATE_LIMITED, "Rate limit of client " + key + " reached")
                            .withInstance(uri.getPath()))
                    .build();
        });
    }

    private String clientOf(SecurityIdentity identity, HttpServerRequest request) {
        if (identity == null || identity.isAnonymous()) {
            return "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        }
        if (identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt) {
            Object client = jwt.getClaim(limiter.clientClaim());
            if (client != null) {
                return client.toString().replace("\"", "");
            }
        }
        return identity.getPrincipal().getName();
    }
}
