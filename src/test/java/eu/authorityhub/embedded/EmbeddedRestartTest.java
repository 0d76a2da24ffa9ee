package eu.authorityhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.authorityhub.testing.HubInfrastructure;

/**
 * The embedded default keeps its data across restarts and comes up cleanly after the previous hub was killed with
 * SIGKILL (its PostgreSQL left running, its Kafka log not closed).
 */
class EmbeddedRestartTest {

    @TempDir
    Path dir;

    @Test
    void afterSigkillTheNextStartCleansUpAndKeepsData() throws Exception {
        HubInfrastructure.guardJvmExit(); // this test starts a second broker inside the test JVM
        int kafkaPort = HubInfrastructure.freePort();
        int controllerPort = HubInfrastructure.freePort();
        int pgPort = HubInfrastructure.freePort();
        String bootstrap = "127.0.0.1:" + kafkaPort;

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Xmx256m", ChildHub.class.getName(), dir.toString(),
                String.valueOf(kafkaPort), String.valueOf(controllerPort), String.valueOf(pgPort))
                .redirectErrorStream(true).start();
        String jdbc = awaitReady(child);

        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            c.createStatement().execute("create table kept (v text)");
            c.createStatement().execute("insert into kept values ('before the kill')");
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks",
                "all"), new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>("kept", "k", "before the kill")).get(30, TimeUnit.SECONDS);
        }

        long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        child.waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("postmaster left behind")
                .contains(true);

        try (EmbeddedInfrastructure again = EmbeddedInfrastructure.start(new EmbeddedInfrastructure.Settings(dir,
                kafkaPort, controllerPort, pgPort, false, false))) {
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                    ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("before the kill");
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                    "group.id", "restart-test", "auto.offset.reset", "earliest"), new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("kept"));
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    return records.count() == 1 && records.iterator().next().value().equals("before the kill");
                });
            }
        }
        assertThat(Files.exists(dir.resolve("postgres/postmaster.pid"))).as("clean stop removes the pid file")
                .isFalse();
    }

    private static String awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> {
                }));
                drain.setDaemon(true);
                drain.start();
                return line.substring("READY ".length());
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child hub did not start:\n" + seen);
    }
}
