package eu.authorityhub.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.jwt.JsonWebToken;

import eu.authorityhub.directory.DirectoryCache;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Resolves the caller once per request from the verified token: claims first, then role prefixes. An authority or
 * coordinator that the directory does not know, or that is inactive, is ignored: the caller then acts for nobody.
 */
@RequestScoped
public class CallerResolver {

    private final SecurityIdentity identity;
    private final SecurityConfig config;
    private final DirectoryCache directory;
    private Caller caller;

    public CallerResolver(SecurityIdentity identity, SecurityConfig config, DirectoryCache directory) {
        this.identity = identity;
        this.config = config;
        this.directory = directory;
    }

    /**
     * The caller of the current request, for request-scoped beans (the resources): an application-scoped bean would
     * keep its first caller, so {@code CallerInjectionTest} allows this injection only where the request scope is.
     */
    @Produces
    @Dependent
    Caller current() {
        return caller();
    }

    /** The caller of the current request, resolved once. */
    public Caller caller() {
        if (caller == null) {
            caller = resolve();
        }
        return caller;
    }

    private Caller resolve() {
        if (identity.isAnonymous()) {
            return Caller.anonymous();
        }
        JsonWebToken jwt = identity.getPrincipal() instanceof JsonWebToken t ? t : null;
        Set<String> roles = Set.copyOf(identity.getRoles());
        String subject = identity.getPrincipal().getName();
        String client = Optional.ofNullable(jwt == null ? null : jwt.<Object>getClaim(config.clientClaim()))
                .map(Object::toString).orElse(subject);

        Optional<DirectoryCache.AuthorityEntry> authority = named(jwt, config.authorityClaim(), config
                .authorityGroupPrefix(), roles).flatMap(directory::activeAuthority);
        Optional<Caller.CoordinatorScope> coordinator = named(jwt, config.coordinatorClaim(),
                config.coordinatorGroupPrefix(), roles).flatMap(directory::activeCoordinator)
                .map(c -> new Caller.CoordinatorScope(c.code(), c.kind(), c.memberState(), c.policyArea()));
        Set<String> plainRoles = roles.stream().filter(r -> !r.startsWith(config.authorityGroupPrefix())
                && !r.startsWith(config.coordinatorGroupPrefix())).collect(Collectors.toUnmodifiableSet());
        return new Caller(subject, client, plainRoles, authority.map(DirectoryCache.AuthorityEntry::code),
                authority.map(DirectoryCache.AuthorityEntry::memberState),
                coordinator);
    }

    private static Optional<String> named(JsonWebToken jwt, String claim, String prefix, Set<String> roles) {
        Object value = jwt == null ? null : jwt.getClaim(claim);
        if (value != null && !value.toString().isBlank()) {
            return Optional.of(value.toString().replace("\"", ""));
        }
        return roles.stream().filter(r -> r.startsWith(prefix)).map(r -> r.substring(prefix.length())).findFirst();
    }
}
