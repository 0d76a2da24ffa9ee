package eu.authorityhub.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    @Test
    void everyClientGetsTheClustersSecuritySettingsAndOnlyThose() {
        KafkaClientSettings settings = new KafkaClientSettings(Map.of("bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", "x",
                "ssl.truststore.type", "PEM", "ssl.truststore.location", "/ca.crt", "group.id", "not-for-all",
                "auto.offset.reset", "earliest"));

        Map<String, Object> producer = settings.with(Map.of("acks", "all", "security.protocol", "SASL_SSL"));

        assertThat(producer).containsEntry("bootstrap.servers", "kafka:9093").containsEntry("sasl.mechanism",
                "SCRAM-SHA-512").containsEntry("sasl.jaas.config", "x").containsEntry("ssl.truststore.location",
                        "/ca.crt")
                .containsEntry("acks", "all").doesNotContainKeys("group.id", "auto.offset.reset");
        assertThat(settings.with(Map.of("security.protocol", "PLAINTEXT"))).as("the client's own setting wins")
                .containsEntry("security.protocol", "PLAINTEXT");
    }
}
