package eu.authorityhub.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** The raw limits every benchmark prints beside its figures, measured on the same servers in the same run. */
final class RawLimits {

    private RawLimits() {
    }

    /** Single-row INSERT transactions per second, one client (autocommit). */
    static double commitRate(Connection c, int n) throws Exception {
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("create table if not exists bench_commit (id bigint generated always as identity, v int)");
            try (PreparedStatement p = c.prepareStatement("insert into bench_commit (v) values (?)")) {
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    p.setInt(1, i);
                    p.executeUpdate();
                }
                double rate = n / ((System.nanoTime() - t0) / 1e9);
                s.execute("drop table bench_commit");
                return rate;
            }
        }
    }

    /** 1 KiB records per second to a one-partition topic, acks=all, idempotent producer. */
    static double produceRate(String bootstrap, int n) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("bench.raw", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String value = "x".repeat(1024);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>("bench.raw", "warm", value)).get();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>("bench.raw", Integer.toString(i), value));
            }
            producer.flush();
            return n / ((System.nanoTime() - t0) / 1e9);
        }
    }
}
