package eu.authorityhub.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * The embedded default: when no Kafka bootstrap servers and no datasource URL are configured, a real KRaft broker and a
 * real PostgreSQL are started on this machine, with their data under one directory. Each is started only when its own
 * connection setting is absent, so a half-external set-up works too.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedInfrastructure.class);

    /** Where the embedded servers keep their data, their ports, and which of the two are configured elsewhere. */
    public record Settings(Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort,
            boolean kafkaConfigured, boolean datasourceConfigured) {
    }

    private final EmbeddedKafka kafka;
    private final EmbeddedPostgresServer postgres;
    private final Map<String, String> config;

    private EmbeddedInfrastructure(EmbeddedKafka kafka, EmbeddedPostgresServer postgres, Map<String, String> config) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.config = config;
    }

    public static EmbeddedInfrastructure start(Settings settings) {
        Map<String, String> config = new LinkedHashMap<>();
        EmbeddedPostgresServer pg = null;
        EmbeddedKafka kafka = null;
        try {
            if (!settings.datasourceConfigured()) {
                long t0 = System.nanoTime();
                pg = EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres"), settings.postgresPort());
                config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl("postgres"));
                config.put("quarkus.datasource.username", "postgres");
                config.put("quarkus.datasource.password", "postgres");
                LOG.infof("Embedded PostgreSQL ready on port %d in %d ms (data: %s)", pg.port(),
                        (System.nanoTime() - t0) / 1_000_000, settings.dataDir().resolve("postgres"));
            }
            if (!settings.kafkaConfigured()) {
                long t0 = System.nanoTime();
                kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                        settings.kafkaControllerPort());
                config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
                LOG.infof("Embedded Kafka ready on %s in %d ms", kafka.bootstrapServers(),
                        (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(kafka);
            closeQuietly(pg);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return new EmbeddedInfrastructure(kafka, pg, Map.copyOf(config));
    }

    /**
     * Starts what is not configured and stops it when the JVM ends, after the hub has stopped (so that its consumers
     * and connection pool close while Kafka and PostgreSQL still run). Returns the servers' connection settings.
     */
    public static Map<String, String> startForDevMode(Settings settings) {
        EmbeddedInfrastructure infrastructure = start(settings);
        if (infrastructure.startedAnything()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                infrastructure.awaitHubStopped();
                infrastructure.close();
            }, "embedded-infrastructure-shutdown"));
        }
        return infrastructure.config();
    }

    /** Connection settings for the servers started here (empty when everything is external). */
    public Map<String, String> config() {
        return config;
    }

    public boolean startedAnything() {
        return kafka != null || postgres != null;
    }

    public Optional<EmbeddedPostgresServer> postgres() {
        return Optional.ofNullable(postgres);
    }

    /**
     * Waits (at most 20 s) until the Quarkus application has stopped, so that its consumers commit and leave their
     * groups and its connection pool closes while Kafka and PostgreSQL still run. Called from a JVM shutdown hook. In
     * dev mode this class may live in another class loader than the running application, so the application's own
     * stop is seen through its threads: Quarkus' shutdown thread and the Kafka consumers' threads.
     */
    public void awaitHubStopped() {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && hubThreadsAlive()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean hubThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).anyMatch(
                n -> n.equals("Shutdown thread") || n.startsWith("smallrye-kafka-consumer-thread"));
    }

    @Override
    public void close() {
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warnf("Stopping %s failed: %s", c.getClass().getSimpleName(), e.getMessage());
        }
    }
}
