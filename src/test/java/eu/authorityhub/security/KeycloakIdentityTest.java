package eu.authorityhub.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import eu.authorityhub.directory.Authority;
import eu.authorityhub.directory.AuthorityPayloads.CreateRequest;
import eu.authorityhub.directory.AuthorityService;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.HubInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A real Keycloak (its Maven Central distribution, the realm shipped in deployment/keycloak) issues client-credentials
 * tokens; the hub accepts the sample back office's token and refuses one issued for another audience.
 */
@QuarkusTest
@TestProfile(KeycloakIdentityTest.WithKeycloak.class)
@EnabledIfSystemProperty(named = "hub.test.keycloak.home", matches = ".+")
class KeycloakIdentityTest {

    public static class WithKeycloak implements QuarkusTestProfile {

        // shared through system properties: Quarkus loads this class in more than one class loader
        static final String PORT = "hub.test.keycloak.port";

        static synchronized int start() {
            if (System.getProperty(PORT) != null) {
                return Integer.parseInt(System.getProperty(PORT));
            }
            try {
                Path home = Path.of(System.getProperty("hub.test.keycloak.home"));
                Path imports = Files.createDirectories(home.resolve("data/import"));
                Files.copy(Path.of(System.getProperty("hub.test.keycloak.realm")), imports.resolve("hub-realm.json"),
                        StandardCopyOption.REPLACE_EXISTING);
                int port = HubInfrastructure.freePort();
                int management = HubInfrastructure.freePort();
                Path kc = home.resolve("bin/kc.sh");
                kc.toFile().setExecutable(true);
                Process process = new ProcessBuilder(kc.toString(), "start-dev", "--http-host=127.0.0.1",
                        "--http-port=" + port, "--http-management-port=" + management,
                        "--hostname=http://127.0.0.1:" + port, "--import-realm", "--cache=local")
                        .redirectErrorStream(true).redirectOutput(home.resolve("keycloak.log").toFile()).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    process.descendants().forEach(ProcessHandle::destroy);
                    process.destroy();
                }));
                HttpClient http = HttpClient.newHttpClient();
                URI discovery = URI.create("http://127.0.0.1:" + port + "/realms/hub/.well-known/openid-configuration");
                Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak exited, see " + home.resolve("keycloak.log"));
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(discovery).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
                System.setProperty(PORT, String.valueOf(port));
                return port;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            if (System.getProperty("hub.test.keycloak.home") == null) {
                return Map.of(); // left out (-DskipKeycloak): the test class is disabled, Keycloak is not started
            }
            String realm = "http://127.0.0.1:" + start() + "/realms/hub";
            return Map.of("quarkus.oidc.auth-server-url", realm, "quarkus.oidc.token.issuer", realm,
                    "quarkus.oidc.token.audience", "hub");
        }
    }

    @Inject
    AuthorityService authorities;

    @BeforeEach
    void sampleAuthorityExists() {
        // the realm's sample client acts for NL-BIG; the directory must know it for the claim to count
        if (QuarkusTransaction.requiringNew().call(() -> Authority.findByCode("NL-BIG") == null)) {
            authorities.create(new CreateRequest("NL-BIG", "NL", "BIG-register", null));
        }
    }

    @Test
    void clientCredentialsTokenOfTheSampleBackOfficeIsAccepted() {
        String token = token("nl-big-backoffice", "change-me-nl-big-backoffice");
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(200)
                .body("client", equalTo("nl-big-backoffice")).body("roles", hasItem(Roles.BACK_OFFICE))
                .body("authority", equalTo("NL-BIG"));
        given().auth().oauth2(token).when().get("/api/v1/authorities").then().statusCode(200);
        given().auth().oauth2(token).contentType("application/json")
                .body(Fixtures.authorityJson(Fixtures.authorityCode("NL"), "NL", "x")).when()
                .post("/api/v1/authorities").then().statusCode(403);
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        String token = token("other-service", "change-me-other-service");
        given().auth().oauth2(token).when().get("/api/v1/me").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    private static String token(String client, String secret) {
        String url = "http://127.0.0.1:" + System.getProperty(WithKeycloak.PORT)
                + "/realms/hub/protocol/openid-connect/token";
        String body = given().contentType("application/x-www-form-urlencoded").formParam("grant_type",
                "client_credentials").formParam("client_id", client).formParam("client_secret", secret).when()
                .post(url).then().statusCode(200).extract().asString();
        return JsonPath.from(body).getString("access_token");
    }
}
