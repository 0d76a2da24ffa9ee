package eu.authorityhub.monitoring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import eu.authorityhub.messaging.KafkaAdmin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * The hub's own consumer groups' lag, as operators watch it: records on the topics not yet read by each group
 * ({@code hub_kafka_consumer_lag{group}}), asked of the cluster every {@code hub.monitoring.every}, never at scrape
 * time. While the cluster does not answer, the last figure stays and {@code hub_kafka_consumer_lag_stale} is 1.
 */
@ApplicationScoped
public class ConsumerLagMetrics {

    private static final Logger LOG = Logger.getLogger(ConsumerLagMetrics.class);

    private final KafkaAdmin kafka;
    private final List<String> groups;
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private final AtomicLong stale = new AtomicLong();

    public ConsumerLagMetrics(@Readiness KafkaAdmin kafka, Config config, MeterRegistry registry) {
        this.kafka = kafka;
        // every incoming channel's consumer group (mp.messaging.incoming.<channel>.group.id)
        this.groups = StreamSupport.stream(config.getPropertyNames().spliterator(), false).filter(n -> n.startsWith(
                "mp.messaging.incoming.") && n.endsWith(".group.id")).map(n -> config.getValue(n, String.class))
                .distinct().sorted().toList();
        for (String g : groups) {
            AtomicLong value = lag.computeIfAbsent(g, k -> new AtomicLong());
            Gauge.builder("hub.kafka.consumer.lag", value, AtomicLong::get).tag("group", g).description(
                    "Records on the hub's topics not yet read by the consumer group").register(registry);
        }
        Gauge.builder("hub.kafka.consumer.lag.stale", stale, AtomicLong::get).description(
                "1 when the last attempt to read the consumer groups' offsets failed").register(registry);
    }

    @Scheduled(every = "${hub.monitoring.every:15s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            kafka.consumerLag(groups).forEach((g, v) -> lag.computeIfAbsent(g, k -> new AtomicLong()).set(v));
            stale.set(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            stale.set(1);
            LOG.debugf("consumer lag not read: %s", e.getMessage());
        }
    }

    /** The groups watched and their last figures (for tests). */
    Map<String, Long> latest() {
        Map<String, Long> out = new java.util.TreeMap<>();
        lag.forEach((g, v) -> out.put(g, v.get()));
        return out;
    }
}
