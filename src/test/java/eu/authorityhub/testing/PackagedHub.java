package eu.authorityhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The packaged hub ({@code target/quarkus-app}, built by {@code mvn package}) as a process of its own in the
 * production profile, against a PostgreSQL and a Kafka broker outside its JVM, trusting the test tokens' key. It can
 * be started, stopped, killed with SIGKILL and started again on the same port, database and broker.
 */
public final class PackagedHub implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    /** The JVM options of the benchmarks and fault drills; a small heap, as a deployment would give it. */
    public static final String DEFAULT_JVM = "-XX:+UseSerialGC -Xmx192m -Xss512k -XX:ReservedCodeCacheSize=64m";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final Path log;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private String jvmOptions;
    private Path workDir;
    private boolean settingsInConfigFile;
    private Process process;

    public PackagedHub(String jdbc, String bootstrap, Path log, String jvmOptions, Map<String, String> extra) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("package the hub first (mvn package): " + JAR);
        }
        try {
            this.port = HubInfrastructure.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.log = log;
        this.jvmOptions = jvmOptions;
        Tokens.useTestSigningKey();
        settings.put("quarkus.http.port", Integer.toString(port));
        settings.put("quarkus.http.host", "127.0.0.1");
        settings.put("quarkus.datasource.jdbc.url", jdbc);
        settings.put("quarkus.datasource.username", "postgres");
        settings.put("quarkus.datasource.password", "postgres");
        settings.put("kafka.bootstrap.servers", bootstrap);
        settings.put("quarkus.oidc.public-key", publicKey());
        settings.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        settings.put("quarkus.oidc.token.audience", Tokens.AUDIENCE);
        settings.put("hub.security.rate-limit.requests-per-second", "1000000");
        settings.put("hub.security.rate-limit.burst", "1000000");
        settings.put("quarkus.log.level", "WARN");
        settings.putAll(extra);
    }

    /**
     * Runs the hub in this working directory with every setting in {@code config/application.properties} there (the
     * standard Quarkus place beside the application) instead of on the command line.
     */
    public void settingsInConfigFile(Path dir) {
        this.workDir = dir;
        this.settingsInConfigFile = true;
    }

    /** No such setting at the next start. */
    /** Sets a setting for the next start. */
    public void set(String key, String value) {
        settings.put(key, value);
    }

    public void unset(String key) {
        settings.remove(key);
    }

    /** JVM options for the next start. */
    public void jvmOptions(String options) {
        this.jvmOptions = options;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Starts the hub and returns the seconds from process start until readiness answers 200. */
    public double start(Duration max) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions.split(" ")));
        if (settingsInConfigFile) {
            writeConfigFile(workDir, settings);
        } else {
            settings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        }
        cmd.addAll(List.of("-jar", JAR.toString()));
        long t0 = System.nanoTime();
        try {
            ProcessBuilder builder = new ProcessBuilder(cmd);
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            // glibc gives each thread that allocates natively an arena of its own; two keep the resident set small
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect
                    .appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Awaitility.await("the packaged hub ready").atMost(max).pollDelay(Duration.ZERO).pollInterval(Duration
                .ofMillis(20)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the hub exited with " + process.exitValue() + "; see " + log);
                    }
                    return ready();
                });
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Writes the settings as {@code config/application.properties} under the directory. */
    public static void writeConfigFile(Path dir, Map<String, String> settings) {
        StringBuilder b = new StringBuilder("# written by the test: the hub's settings, the standard Quarkus way\n");
        settings.forEach((k, v) -> b.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        try {
            Files.createDirectories(dir.resolve("config"));
            Files.writeString(dir.resolve("config").resolve("application.properties"), b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The readiness document, for a report. */
    public String readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready")).timeout(Duration
                    .ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** Readiness answers 200 (database and broker reachable). */
    public boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready")).timeout(Duration
                    .ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye; waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM; returns the seconds until the process has ended (SIGKILL after 60 s). */
    public double terminate() {
        long t0 = System.nanoTime();
        stop();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** SIGTERM: the hub shuts down cleanly. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Resident memory of the hub's process in KiB, from /proc; -1 where unavailable. */
    public long rssKib() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        stop();
    }

    private static String publicKey() {
        try {
            String jwk = new String(Thread.currentThread().getContextClassLoader().getResourceAsStream(
                    "privateKey.jwk").readAllBytes(), StandardCharsets.UTF_8);
            return Base64.getEncoder().encodeToString(PublicJsonWebKey.Factory.newPublicJwk(jwk).getPublicKey()
                    .getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
