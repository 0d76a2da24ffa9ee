package eu.authorityhub.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import eu.authorityhub.messaging.KafkaClientSettings;
import eu.authorityhub.messaging.CloudEventCodec;
import eu.authorityhub.messaging.MessagingConfig;
import eu.authorityhub.messaging.outbox.OutboxRecorder.OutboxCommitted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes committed outbox rows to Kafka, in order, and marks them published in the same transaction that claimed
 * them. Only one relay publishes at a time across all replicas (a transaction-scoped advisory lock), which keeps the
 * order of every case's events; the claim also uses {@code SKIP LOCKED} so a second claimer never blocks. A failed
 * send rolls the batch back: the rows stay pending and are published on the next run (at-least-once; consumers are
 * idempotent).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "outbox" in ASCII. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final KafkaProducer<String, String> producer;
    private final EntityManager em;
    private final MessagingConfig config;
    private final Clock clock;
    private final Counter published;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay-waker");
        t.setDaemon(true);
        return t;
    });

    public OutboxRelay(KafkaClientSettings kafka, EntityManager em, MessagingConfig config, Clock clock,
            MeterRegistry registry) {
        // A plain producer rather than an emitter: the relay waits for the acknowledgements of a batch inside its
        // database transaction, and must not have that transaction's context carried to the client's threads.
        this.producer = new KafkaProducer<>(
                kafka.with(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                        ProducerConfig.LINGER_MS_CONFIG, "1", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        String.valueOf(config.publishTimeout().toMillis()), ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        String.valueOf(Math.min(10_000, config.publishTimeout().toMillis() - 1)),
                        ProducerConfig.CLIENT_ID_CONFIG, "hub-outbox-relay")),
                new StringSerializer(),
                new StringSerializer());
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.published = Counter.builder("hub.outbox.published").description("Outbox rows published to Kafka")
                .register(registry);
        this.paused.set(!config.relayEnabled());
    }

    void onStart(@Observes StartupEvent event) {
        started.set(true);
        if (!paused.get()) {
            waker.execute(this::drain); // what was committed while the hub was down
        }
    }

    @Scheduled(every = "${hub.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (started.get()) {
            drain();
        }
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxCommitted committed) {
        if (started.get() && !paused.get()) {
            waker.execute(this::drain);
        }
    }

    /** Publishes until nothing is pending. Safe to call from any thread; concurrent calls coalesce. */
    public void drain() {
        again.set(true);
        while (again.getAndSet(false)) {
            if (!running.tryLock()) {
                return; // the running drain sees 'again' and loops once more
            }
            try {
                while (!paused.get() && publishBatch() == config.batchSize()) {
                    // a full batch: there may be more
                }
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay run failed, will retry: %s", rootMessage(e));
                return;
            } finally {
                running.unlock();
            }
        }
    }

    /** Stops publishing (tests, maintenance). Rows keep accumulating and are published after {@link #resume()}. */
    public void pause() {
        paused.set(true);
        running.lock(); // wait for a run in progress to finish
        running.unlock();
    }

    public void resume() {
        paused.set(false);
        waker.execute(this::drain);
    }

    @SuppressWarnings("unchecked")
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:k)")
                    .setParameter("k", RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxMessage> batch = em
                    .createNativeQuery("select * from outbox_message where published_at is null order by seq"
                            + " limit :n for update skip locked", OutboxMessage.class)
                    .setParameter("n", config.batchSize()).getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] acks = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(acks).get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            OffsetDateTime now = OffsetDateTime.now(clock);
            batch.forEach(m -> m.publishedAt = now);
            published.increment(batch.size());
            return batch.size();
        });
    }

    private CompletableFuture<Void> send(OutboxMessage m) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        CompletableFuture<Void> ack = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(m.topic, null, m.eventKey, m.payload, headers), (metadata, error) -> {
            if (error == null) {
                ack.complete(null);
            } else {
                ack.completeExceptionally(error);
            }
        });
        return ack;
    }

    /** Removes published rows older than the retention period. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.retention());
        QuarkusTransaction.requiringNew()
                .run(() -> OutboxMessage.delete("publishedAt is not null and publishedAt < ?1", cutoff));
    }

    @PreDestroy
    void stop() {
        paused.set(true);
        waker.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
