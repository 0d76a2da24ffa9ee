package eu.authorityhub.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs before the OIDC extension's mechanism: a bearer token found in the {@link VerifiedTokenCache} is not verified
 * again. Anything else (no bearer token, a token not kept, the pages' session cookie) goes on to the OIDC extension,
 * which verifies it, answers 401 when it fails and, through {@link TokenCacheAugmentor}, keeps it when it passes.
 */
@ApplicationScoped
public class CachedBearerMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final VerifiedTokenCache cache;

    CachedBearerMechanism(VerifiedTokenCache cache) {
        this.cache = cache;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = bearer(context);
        if (token == null || !cache.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return cache.find(token).map(kept -> Uni.createFrom().item((SecurityIdentity) QuarkusSecurityIdentity
                .builder(kept).addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, context).addAttribute(
                        RoutingContext.class.getName(), context)
                .build())).orElseGet(() -> Uni.createFrom().nullItem());
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearer(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER
                .length())) {
            return null;
        }
        return header.substring(BEARER.length()).trim();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem(); // the OIDC extension's challenge stands
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(); // needs no identity provider: it only recognises what the OIDC extension verified
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}
