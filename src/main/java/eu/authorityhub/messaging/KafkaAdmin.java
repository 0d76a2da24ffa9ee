package eu.authorityhub.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the topics of {@code kafka/topics.json} that are missing, before the consumers start, and answers the
 * readiness probe with a live round trip to the cluster.
 */
@ApplicationScoped
@Readiness
public class KafkaAdmin implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(KafkaAdmin.class);

    private final Admin admin;

    public KafkaAdmin(KafkaClientSettings kafka) {
        this.admin = Admin.create(kafka.with(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000",
                AdminClientConfig.CLIENT_ID_CONFIG, "hub-admin-client")));
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        ensureTopics(TopicDefinitions.load(), Duration.ofSeconds(60));
    }

    public void ensureTopics(TopicDefinitions definitions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                List<NewTopic> missing = definitions.topics().stream().filter(t -> !existing.contains(t.name()))
                        .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.config())).toList();
                if (!missing.isEmpty()) {
                    try {
                        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                    LOG.infof("Created %d topic(s): %s", missing.size(), missing.stream().map(NewTopic::name).toList());
                }
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not answer while creating topics", e);
                }
                LOG.warnf("Kafka not ready for topic creation yet: %s", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            }
        }
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("kafka").withData("brokers", nodes).status(nodes > 0).build();
        } catch (ExecutionException | TimeoutException e) {
            return HealthCheckResponse.named("kafka").down().withData("error", "cluster not reachable").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("kafka").down().build();
        }
    }

    /**
     * How many records each consumer group has still to read: the sum over the partitions it has committed offsets for
     * of (log end offset - committed offset). A group that has committed nothing yet counts 0.
     */
    public Map<String, Long> consumerLag(java.util.Collection<String> groups) throws Exception {
        Map<String, Long> lag = new java.util.TreeMap<>();
        for (String group : groups) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            committed.forEach((tp, o) -> {
                if (o != null) {
                    latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest());
                }
            });
            long total = 0;
            if (!latest.isEmpty()) {
                var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
                for (var e : ends.entrySet()) {
                    total += Math.max(0, e.getValue().offset() - committed.get(e.getKey()).offset());
                }
            }
            lag.put(group, total);
        }
        return lag;
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
