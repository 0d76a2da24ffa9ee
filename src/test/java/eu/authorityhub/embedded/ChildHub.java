package eu.authorityhub.embedded;

import java.nio.file.Path;

/**
 * Test helper run in a child JVM: starts the embedded infrastructure on the given directory and ports, prints READY,
 * and waits to be killed.
 */
public final class ChildHub {

    public static void main(String[] args) throws Exception {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(new EmbeddedInfrastructure.Settings(
                Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                false, false));
        System.out.println("READY " + infra.config().get("quarkus.datasource.jdbc.url"));
        System.out.flush();
        Thread.currentThread().join();
    }
}
