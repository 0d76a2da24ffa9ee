package eu.authorityhub;

import eu.authorityhub.embedded.EmbeddedInfrastructure;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the embedded Kafka and PostgreSQL when no connection settings are given, then the hub. Dev mode calls this
 * again on every live reload; a system property (global to the JVM, unlike a static field of a reloaded class) makes
 * the embedded start-up happen once.
 */
@QuarkusMain
public class HubMain {

    private static final String STARTED = "hub.embedded.started";

    public static void main(String... args) {
        if (System.getProperty(STARTED) == null) {
            EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure
                    .start(EmbeddedInfrastructure.Settings.fromEnvironment());
            infrastructure.config().forEach(System::setProperty);
            System.setProperty(STARTED, "true");
            if (infrastructure.startedAnything()) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    infrastructure.awaitHubStopped();
                    infrastructure.close();
                }, "embedded-infrastructure-shutdown"));
            }
        }
        Quarkus.run(args);
    }
}
