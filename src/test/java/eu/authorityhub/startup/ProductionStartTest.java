package eu.authorityhub.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.authorityhub.testing.HubInfrastructure;
import eu.authorityhub.testing.PackagedHub;

/**
 * The packaged hub as an operator runs it (tag "packaged": after {@code mvn package}): it refuses to start without its
 * servers or with malformed settings, naming each setting, and starts nothing of its own; it takes its servers from
 * {@code config/application.properties} beside it, the standard Quarkus way.
 */
@Tag("packaged")
class ProductionStartTest {

    @TempDir
    Path dir;

    @Test
    void refusesToStartWithoutItsServersAndNamesEachMissingSetting() throws Exception {
        Run run = run(Map.of());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.seconds()).as("seconds until it gave up").isLessThan(20);
        assertThat(run.lines()).anySatisfy(l -> assertThat(l).contains("Missing setting quarkus.datasource.jdbc.url"))
                .anySatisfy(l -> assertThat(l).contains("Missing setting kafka.bootstrap.servers"))
                .anySatisfy(l -> assertThat(l).contains("Missing setting quarkus.oidc.auth-server-url"));
        assertThat(run.output()).doesNotContain("Listening on").doesNotContainIgnoringCase("embedded");
        assertThat(dir.resolve(".hub-data")).doesNotExist();
    }

    @Test
    void refusesMalformedSettingsAndNamesEach() throws Exception {
        Run run = run(Map.of("kafka.bootstrap.servers", "kafka-1:9092,kafka-2:99999", "quarkus.datasource.jdbc.url",
                "jdbc:mysql://db:3306/hub", "quarkus.oidc.auth-server-url", "idp.example.eu realms"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.lines()).anySatisfy(l -> assertThat(l).contains("Invalid setting kafka.bootstrap.servers")
                .contains("kafka-2:99999"))
                .anySatisfy(l -> assertThat(l).contains("Invalid setting quarkus.datasource.jdbc.url"))
                .anySatisfy(l -> assertThat(l).contains("Invalid setting quarkus.oidc.auth-server-url"));
        assertThat(run.output()).doesNotContain("kafka-1:9092' is not").doesNotContain("Listening on");
    }

    @Test
    void takesItsServersFromConfigApplicationPropertiesAndStopsCleanly() throws Exception {
        String database = "config_source_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String serverUrl = HubInfrastructure.infrastructure().config().get("quarkus.datasource.jdbc.url");
        try (Connection c = DriverManager.getConnection(serverUrl, "postgres", "postgres")) {
            c.createStatement().execute("create database " + database);
        }
        String jdbc = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
        try (PackagedHub hub = new PackagedHub(jdbc, HubInfrastructure.bootstrapServers(), dir.resolve("hub.log"),
                PackagedHub.DEFAULT_JVM, Map.of("quarkus.log.level", "INFO"))) {
            hub.settingsInConfigFile(dir);
            hub.start(Duration.ofMinutes(2));

            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                    ResultSet rs = c.createStatement().executeQuery(
                            "select count(*) from flyway_schema_history where success")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("migrations applied to the configured database").isPositive();
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", HubInfrastructure.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).as("topics on the configured broker")
                        .contains("hub.request.events");
            }
            double stop = hub.terminate();
            assertThat(stop).as("seconds from SIGTERM to exit").isLessThan(10);
        }
        String log = Files.readString(dir.resolve("hub.log"));
        assertThat(log).contains("Listening on").doesNotContainIgnoringCase("embedded");
        assertThat(dir.resolve(".hub-data")).doesNotExist();
    }

    private record Run(int exitCode, double seconds, String output) {

        List<String> lines() {
            return output.lines().toList();
        }
    }

    /** The packaged hub in the temporary directory with exactly these settings, until it ends (at most a minute). */
    private Run run(Map<String, String> settings) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-Dquarkus.http.port=" + HubInfrastructure.freePort()));
        settings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", PackagedHub.JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("KAFKA_"));
        long t0 = System.nanoTime();
        Process p = builder.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the hub did not end within a minute: " + Files.readString(dir.resolve(
                    "out.log")));
        }
        return new Run(p.exitValue(), (System.nanoTime() - t0) / 1e9, Files.readString(dir.resolve("out.log")));
    }
}
