package eu.authorityhub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Bearer tokens whose signature and claims the OIDC extension verified, kept by the SHA-256 of the whole token (a
 * token that differs in any character is another entry, and a token that failed is never kept). An entry is served
 * until the token's {@code exp}, never longer than {@code hub.security.token-cache.max-age} after its check, and never
 * after a signing-key rotation: when a token signed with a key id never seen before verifies, every kept token is
 * forgotten and checked again (a token signed with a withdrawn key then fails).
 */
@ApplicationScoped
public class VerifiedTokenCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Entry(SecurityIdentity identity, Instant until, String keyId) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> keyIds = ConcurrentHashMap.newKeySet();
    private final SecurityConfig.TokenCache config;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;
    private final AtomicLong rotations = new AtomicLong();

    VerifiedTokenCache(SecurityConfig config, MeterRegistry registry) {
        this.config = config.tokenCache();
        // the system clock, as the OIDC extension's own check of exp uses it (not the hub's adjustable clock)
        this.clock = Clock.systemUTC();
        this.hits = Counter.builder("hub.security.token.cache").tag("result", "hit").description(
                "Bearer tokens served from the verified-token cache").register(registry);
        this.misses = Counter.builder("hub.security.token.cache").tag("result", "miss").description(
                "Bearer tokens the OIDC extension had to verify").register(registry);
    }

    boolean enabled() {
        return config.enabled();
    }

    /** The identity of a token verified before and still valid, if any. */
    Optional<SecurityIdentity> find(String token) {
        String key = hash(token);
        Entry e = entries.get(key);
        if (e == null) {
            misses.increment();
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.until())) {
            entries.remove(key, e);
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(e.identity());
    }

    /** Keeps a token the OIDC extension has just verified, until {@code exp} at the latest. */
    void keep(String token, SecurityIdentity identity, Instant expiresAt) {
        String keyId = keyId(token);
        if (keyIds.add(keyId == null ? "" : keyId) && keyIds.size() > 1) {
            // a key never seen before signs: the provider may have rotated its keys, so every token kept so far is
            // checked again by the OIDC extension, which refuses those whose key is withdrawn
            entries.clear();
            keyIds.retainAll(new HashSet<>(Set.of(keyId == null ? "" : keyId)));
            rotations.incrementAndGet();
        }
        Instant until = clock.instant().plus(config.maxAge());
        if (expiresAt.isBefore(until)) {
            until = expiresAt;
        }
        if (!until.isAfter(clock.instant())) {
            return;
        }
        if (entries.size() >= config.maxEntries()) {
            Instant now = clock.instant();
            entries.values().removeIf(x -> !now.isBefore(x.until()));
            if (entries.size() >= config.maxEntries()) {
                entries.clear();
            }
        }
        entries.put(hash(token), new Entry(identity, until, keyId));
    }

    int size() {
        return entries.size();
    }

    long rotations() {
        return rotations.get();
    }

    double hits() {
        return hits.count();
    }

    double misses() {
        return misses.count();
    }

    /** The {@code kid} of a compact JWS, read from its header (not trusted: only to notice a new key). */
    static String keyId(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            return header.hasNonNull("kid") ? header.get("kid").asText() : null;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }

    static String hash(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(
                    StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
