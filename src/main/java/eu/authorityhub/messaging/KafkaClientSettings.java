package eu.authorityhub.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;

/**
 * The connection settings every Kafka client of the hub shares: the bootstrap servers and the cluster's security
 * ({@code kafka.security.protocol}, {@code kafka.sasl.*}, {@code kafka.ssl.*}), as configured for the connector's
 * consumers. The outbox relay's producer and the admin client add their own settings on top, so that a secured
 * cluster (TLS, SCRAM or mTLS on Strimzi) is configured once, in the {@code kafka.} settings.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> connection;

    public KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        Map<String, Object> kept = new HashMap<>();
        broker.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.equals("security.protocol") || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                kept.put(key, value);
            }
        });
        this.connection = Map.copyOf(kept);
    }

    /** The shared connection settings with the client's own ones on top. */
    public Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> all = new HashMap<>(connection);
        all.putAll(own);
        return all;
    }

    /** The shared connection settings only (tests, diagnostics). */
    public Map<String, Object> connection() {
        return connection;
    }
}
