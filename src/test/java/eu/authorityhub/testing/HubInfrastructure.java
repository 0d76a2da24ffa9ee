package eu.authorityhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import eu.authorityhub.embedded.EmbeddedInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Kafka broker and a real PostgreSQL for the whole test JVM, started once (the same code as the embedded
 * default) in a temporary directory and stopped when the JVM exits. Tests isolate by their own data.
 */
public class HubInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedInfrastructure infrastructure;
    private static Path dataDir;

    static {
        // An in-process Kafka broker ends the JVM (System.exit or halt) on a fatal fault. In the test JVM that would
        // kill every test at once without a word; log it instead, and let the tests that depend on it fail.
        org.apache.kafka.common.utils.Exit.setExitProcedure((status, message) -> org.jboss.logging.Logger.getLogger(
                HubInfrastructure.class).errorf("Kafka asked the test JVM to exit (%d): %s", status, message));
        org.apache.kafka.common.utils.Exit.setHaltProcedure((status, message) -> org.jboss.logging.Logger.getLogger(
                HubInfrastructure.class).errorf("Kafka asked the test JVM to halt (%d): %s", status, message));
    }

    /** Loads this class, so that the exit guard above is in place before a test starts a broker of its own. */
    public static void guardJvmExit() {
        // the static initialiser did the work
    }

    public static synchronized EmbeddedInfrastructure infrastructure() {
        if (infrastructure == null) {
            try {
                dataDir = Files.createTempDirectory("hub-test-");
                infrastructure = EmbeddedInfrastructure.start(new EmbeddedInfrastructure.Settings(dataDir,
                        freePort(), freePort(), freePort(), false, false));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                infrastructure.close();
                deleteTree(dataDir);
            }, "test-infrastructure-shutdown"));
        }
        return infrastructure;
    }

    public static String bootstrapServers() {
        return infrastructure().config().get("kafka.bootstrap.servers");
    }

    /** A test profile that brings its own PostgreSQL (to stop it, say) implements this. */
    public interface OwnDatabase {
    }

    /** A test profile that brings its own Kafka broker (to stop it, say) implements this. */
    public interface OwnBroker {
    }

    private boolean ownDatabase;
    private boolean ownBroker;

    @Override
    public void setContext(Context context) {
        String profile = context.testProfile();
        try {
            // by name: the profile may come from another class loader than this resource
            Class<?>[] markers = profile == null
                    ? new Class<?>[0]
                    : Class.forName(profile, false,
                            Thread.currentThread().getContextClassLoader()).getInterfaces();
            ownDatabase = java.util.Arrays.stream(markers).anyMatch(i -> i.getName().equals(OwnDatabase.class
                    .getName()));
            ownBroker = java.util.Arrays.stream(markers).anyMatch(i -> i.getName().equals(OwnBroker.class.getName()));
        } catch (ClassNotFoundException e) {
            ownDatabase = false;
            ownBroker = false;
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(infrastructure().config());
        if (ownDatabase) {
            config.keySet().removeIf(k -> k.startsWith("quarkus.datasource."));
        }
        if (ownBroker) {
            config.remove("kafka.bootstrap.servers");
        }
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class; stopped by the JVM shutdown hook
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    public static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort in a temporary directory
        }
    }
}
