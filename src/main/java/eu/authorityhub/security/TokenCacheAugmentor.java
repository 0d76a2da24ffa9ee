package eu.authorityhub.security;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps a bearer token in the {@link VerifiedTokenCache} once the OIDC extension has verified it (an augmentor runs
 * only after a successful check; it runs last, so the identity kept is the finished one). Only the token the caller
 * sent in its {@code Authorization} header is kept, never the pages' session tokens.
 */
@ApplicationScoped
public class TokenCacheAugmentor implements SecurityIdentityAugmentor {

    private final VerifiedTokenCache cache;

    TokenCacheAugmentor(VerifiedTokenCache cache) {
        this.cache = cache;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (cache.enabled() && !identity.isAnonymous()) {
            RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(identity);
            String bearer = rc == null ? null : CachedBearerMechanism.bearer(rc);
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            if (bearer != null && credential != null && bearer.equals(credential.getToken())
                    && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
                cache.keep(bearer, identity, Instant.ofEpochSecond(jwt.getExpirationTime()));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
