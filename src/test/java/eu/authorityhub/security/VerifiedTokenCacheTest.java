package eu.authorityhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The cache's own rules, without a server: exp, the longest age, a new signing key, a full cache. */
class VerifiedTokenCacheTest {

    private final QuarkusSecurityIdentity someone = QuarkusSecurityIdentity.builder().setPrincipal(() -> "someone")
            .build();

    @Test
    void servedUntilExpAndNeverLongerThanTheLongestAge() {
        VerifiedTokenCache cache = cache(10, Duration.ofMinutes(5));
        String a = token("1", "a");
        String b = token("1", "b");
        cache.keep(a, someone, Instant.now().plusSeconds(3600));
        cache.keep(b, someone, Instant.now().minusSeconds(1));
        assertThat(cache.find(a)).isPresent();
        assertThat(cache.find(b)).as("an expired token is not kept").isEmpty();
        assertThat(cache.find(a + "x")).as("another token").isEmpty();

        VerifiedTokenCache none = cache(10, Duration.ZERO);
        none.keep(a, someone, Instant.now().plusSeconds(3600));
        assertThat(none.find(a)).as("max-age 0 keeps nothing").isEmpty();
    }

    @Test
    void aNewSigningKeyForgetsEveryKeptToken() {
        VerifiedTokenCache cache = cache(10, Duration.ofMinutes(5));
        String old1 = token("1", "a");
        String old2 = token("1", "b");
        cache.keep(old1, someone, Instant.now().plusSeconds(3600));
        cache.keep(old2, someone, Instant.now().plusSeconds(3600));
        String rotated = token("2", "c");
        cache.keep(rotated, someone, Instant.now().plusSeconds(3600));
        assertThat(cache.find(old1)).isEmpty();
        assertThat(cache.find(old2)).isEmpty();
        assertThat(cache.find(rotated)).isPresent();
        assertThat(cache.rotations()).isEqualTo(1);
        // tokens of the current key are kept again; a known key is no rotation
        cache.keep(token("2", "d"), someone, Instant.now().plusSeconds(3600));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.rotations()).isEqualTo(1);
    }

    @Test
    void aFullCacheMakesRoom() {
        VerifiedTokenCache cache = cache(2, Duration.ofMinutes(5));
        cache.keep(token("1", "a"), someone, Instant.now().plusSeconds(3600));
        cache.keep(token("1", "b"), someone, Instant.now().plusSeconds(3600));
        cache.keep(token("1", "c"), someone, Instant.now().plusSeconds(3600));
        assertThat(cache.size()).isLessThanOrEqualTo(2);
        assertThat(cache.find(token("1", "c"))).isPresent();
    }

    @Test
    void theKeyIdIsReadFromTheHeaderOnly() {
        assertThat(VerifiedTokenCache.keyId(token("k-7", "a"))).isEqualTo("k-7");
        assertThat(VerifiedTokenCache.keyId("not a token")).isNull();
        assertThat(VerifiedTokenCache.keyId("%%%.x.y")).isNull();
    }

    private static String token(String kid, String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
    }

    private static VerifiedTokenCache cache(int max, Duration age) {
        SecurityConfig.TokenCache tc = new SecurityConfig.TokenCache() {

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public int maxEntries() {
                return max;
            }

            @Override
            public Duration maxAge() {
                return age;
            }
        };
        SecurityConfig config = (SecurityConfig) java.lang.reflect.Proxy.newProxyInstance(
                SecurityConfig.class.getClassLoader(), new Class<?>[]{SecurityConfig.class}, (p, m, args) -> m
                        .getName().equals("tokenCache") ? tc : null);
        return new VerifiedTokenCache(config, new SimpleMeterRegistry());
    }
}
