package eu.authorityhub.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import eu.authorityhub.embedded.EmbeddedKafka;

/**
 * A real KRaft Kafka broker in a child JVM of its own, so that stopping or killing it is a real outage of a separate
 * process. Restarting it on the same directory and ports brings back the same broker with its data.
 */
public final class BrokerProcess {

    private BrokerProcess() {
    }

    /** Starts the broker and returns once it accepts connections. */
    public static Process start(Path dir, int port, int controllerPort) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "-Xmx384m", Main.class.getName(), dir.toString(), String
                            .valueOf(port),
                    String.valueOf(controllerPort)).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // the broker's start-up log
            }
            if (line == null) {
                throw new IllegalStateException("the broker did not start");
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> {
            }), "broker-output");
            drain.setDaemon(true);
            drain.start();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM (the broker shuts down cleanly) or SIGKILL, and waits until the process is gone. */
    public static void stop(ProcessHandle broker, boolean kill) {
        if (kill) {
            broker.destroyForcibly();
        } else {
            broker.destroy();
        }
        try {
            broker.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            broker.destroyForcibly();
        }
    }

    /** The broker's own JVM: a real KRaft broker on the given directory and ports, until it is stopped. */
    public static final class Main {

        public static void main(String[] args) throws Exception {
            EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(
                    args[2]));
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
            System.out.println("READY " + kafka.bootstrapServers());
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}
