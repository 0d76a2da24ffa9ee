package eu.authorityhub.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import eu.authorityhub.embedded.EmbeddedPostgresServer;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.HubInfrastructure;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A real PostgreSQL outage: the hub answers 503 with a code and Retry-After, writes nothing, and recovers by itself
 * when the database is back. Uses a database of its own so that stopping it disturbs no other test.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    public static class OwnDatabase implements QuarkusTestProfile, HubInfrastructure.OwnDatabase {

        // shared through system properties: Quarkus loads this class in more than one class loader
        private static final String DIR = "hub.test.outage-db.dir";
        private static final String PORT = "hub.test.outage-db.port";

        static synchronized void start() {
            try {
                if (System.getProperty(DIR) == null) {
                    System.setProperty(DIR, Files.createTempDirectory("hub-outage-").resolve("pg").toString());
                    System.setProperty(PORT, String.valueOf(HubInfrastructure.freePort()));
                }
                EmbeddedPostgresServer.start(dir(), port());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void stop() throws IOException {
            EmbeddedPostgresServer.stopLeftover(dir());
        }

        static Path dir() {
            return Path.of(System.getProperty(DIR));
        }

        static int port() {
            return Integer.parseInt(System.getProperty(PORT));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            if (System.getProperty(DIR) == null) {
                start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        stop();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port() + "/postgres",
                    "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
        }
    }

    @Test
    void outageGives503AndNothingPartialThenRecovers() throws IOException {
        String duringOutage = Fixtures.authorityCode("PL");
        OwnDatabase.stop();
        try {
            given().auth().oauth2(Tokens.admin()).contentType("application/json")
                    .body(Fixtures.authorityJson(duringOutage, "PL", "Written during the outage")).when()
                    .post("/api/v1/authorities").then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", "5").body("code", equalTo("DATABASE_UNAVAILABLE"));
            given().auth().oauth2(Tokens.admin()).when().get("/api/v1/authorities/" + duringOutage).then()
                    .statusCode(503).body("code", equalTo("DATABASE_UNAVAILABLE"));
            given().when().get("/q/health/ready").then().statusCode(503);
        } finally {
            OwnDatabase.start();
        }

        String afterOutage = Fixtures.authorityCode("PL");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(Tokens.admin()).contentType("application/json")
                        .body(Fixtures.authorityJson(afterOutage, "PL", "After")).when().post("/api/v1/authorities")
                        .statusCode() == 201);
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/authorities/" + duringOutage).then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
