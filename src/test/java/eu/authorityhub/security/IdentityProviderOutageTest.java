package eu.authorityhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.testing.HubInfrastructure;
import eu.authorityhub.testing.OidcProviderStub;
import eu.authorityhub.testing.PackagedHub;
import eu.authorityhub.testing.Tokens;

/**
 * The identity provider is a dependency like PostgreSQL and Kafka (tag "packaged"): while it is down, tokens signed by
 * keys the hub already holds are still verified, nothing else is accepted, and what cannot be decided without it is a
 * 503 problem with a stable code and Retry-After, never a 500; the hub recovers by itself when it returns.
 */
@Tag("packaged")
class IdentityProviderOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(
            Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void anOutageOfTheProviderUnderLoadAcceptsNoWrongTokenAndAnswersNo500() throws Exception {
        String valid = Tokens.backOffice("NL-BIG", Duration.ofHours(1));
        String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf(
                '.') + 5);
        String foreign = foreignKeyToken();
        try (OidcProviderStub provider = new OidcProviderStub(HubInfrastructure.freePort()).start();
                PackagedHub hub = hub(provider, "a")) {
            hub.start(Duration.ofMinutes(2));
            assertThat(status(hub, "/api/v1/me", valid)).isEqualTo(200);

            Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
            AtomicBoolean loading = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<?>> load = List.of(pool.submit(() -> hammer(hub, "valid", valid, loading, seen)), pool.submit(
                    () -> hammer(hub, "tampered", tampered, loading, seen)),
                    pool.submit(() -> hammer(hub, "foreign",
                            foreign, loading, seen)));
            Awaitility.await().until(() -> seen.keySet().stream().filter(k -> k.startsWith("foreign")).count() > 0);
            provider.stop();
            int before = seen.values().stream().mapToInt(AtomicInteger::get).sum();
            Awaitility.await("load during the outage").atMost(Duration.ofMinutes(1)).until(() -> seen.values()
                    .stream().mapToInt(AtomicInteger::get).sum() > before + 300);
            assertThat(status(hub, "/api/v1/me", valid)).as("a token of a known key during the outage").isEqualTo(200);
            assertThat(status(hub, "/q/metrics", null)).as("no token during the outage").isEqualTo(401);
            provider.start();
            Awaitility.await("after the outage").atMost(Duration.ofMinutes(1)).until(() -> status(hub,
                    "/api/v1/me", valid) == 200);
            loading.set(false);
            for (Future<?> f : load) {
                f.get();
            }
            pool.shutdown();
            System.out.println("answers by token and status, provider stopped under load: " + seen);
            assertThat(seen.keySet()).as("answers by token and status").noneMatch(k -> k.endsWith(" 500"))
                    .noneMatch(k -> k.equals("tampered 200")).noneMatch(k -> k.equals("foreign 200"))
                    .contains("valid 200").doesNotContain("valid 401");
        }
    }

    @Test
    void withTheProviderDownAtStartTheHubAnswers503UntilItReturns() throws Exception {
        String valid = Tokens.backOffice("NL-BIG", Duration.ofHours(1));
        OidcProviderStub provider = new OidcProviderStub(HubInfrastructure.freePort());
        try (provider; PackagedHub hub = hub(provider, "b")) {
            hub.start(Duration.ofMinutes(2));
            HttpResponse<String> r = send(hub, "/api/v1/me", valid);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("IDENTITY_PROVIDER_UNAVAILABLE");
            assertThat(send(hub, "/q/metrics", valid).statusCode()).isEqualTo(503);

            provider.start();
            Awaitility.await("recovered by itself").atMost(Duration.ofMinutes(1)).until(() -> status(hub,
                    "/api/v1/me", valid) == 200);
        }
    }

    private PackagedHub hub(OidcProviderStub provider, String name) {
        PackagedHub hub = new PackagedHub(HubInfrastructure.infrastructure().config().get(
                "quarkus.datasource.jdbc.url"), HubInfrastructure.bootstrapServers(), dir.resolve(name + ".log"),
                PackagedHub.DEFAULT_JVM, Map.of("quarkus.oidc.auth-server-url", provider.url()));
        hub.unset("quarkus.oidc.public-key");
        return hub;
    }

    private void hammer(PackagedHub hub, String kind, String token, AtomicBoolean loading,
            Map<String, AtomicInteger> seen) {
        while (loading.get()) {
            seen.computeIfAbsent(kind + " " + status(hub, "/api/v1/me", token), k -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    private int status(PackagedHub hub, String path, String token) {
        try {
            return send(hub, path, token).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private HttpResponse<String> send(PackagedHub hub, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub.base() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A well-formed token with the expected claims, signed by a key the provider never published. */
    private static String foreignKeyToken() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return Tokens.builder("intruder@NL-BIG", "back-office").claim("authority", "NL-BIG").jws().keyId("2").sign(
                generator.generateKeyPair().getPrivate());
    }
}
