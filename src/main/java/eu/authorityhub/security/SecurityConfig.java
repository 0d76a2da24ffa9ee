package eu.authorityhub.security;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a caller is read from its token, and the rate limits. */
@ConfigMapping(prefix = "hub.security")
public interface SecurityConfig {

    /** Claim naming the caller's authority code. */
    @WithDefault("authority")
    String authorityClaim();

    /** Claim naming the caller's coordinator code. */
    @WithDefault("coordinator")
    String coordinatorClaim();

    /**
     * Prefix of a role (group) that names the authority, for providers that can only emit groups:
     * {@code authority:NL-BIG}. The coordinator equivalent is {@code coordinator:NL-NC}.
     */
    @WithDefault("authority:")
    String authorityGroupPrefix();

    @WithDefault("coordinator:")
    String coordinatorGroupPrefix();

    /** Claim naming the OAuth client (machine callers). */
    @WithDefault("azp")
    String clientClaim();

    RateLimit rateLimit();

    TokenCache tokenCache();

    /**
     * Verified bearer tokens, kept by the SHA-256 of the whole token so that a token's signature is checked once
     * rather than on every call.
     */
    interface TokenCache {

        @WithDefault("true")
        boolean enabled();

        /** Tokens kept at most; when full, expired ones go, then all. */
        @WithDefault("10000")
        int maxEntries();

        /** No token is served from the cache longer than this after its check, nor past its {@code exp}. */
        @WithDefault("5m")
        Duration maxAge();
    }

    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second per client (per hub replica). */
        @WithDefault("50")
        double requestsPerSecond();

        /** Requests a client may send at once before the sustained rate applies. */
        @WithDefault("200")
        int burst();

        /** Per-client overrides, keyed by client id (or subject for people). */
        Map<String, Client> clients();

        /** Idle buckets are forgotten after this long. */
        @WithDefault("10m")
        Duration idleExpiry();
    }

    interface Client {

        double requestsPerSecond();

        int burst();
    }
}
