package eu.authorityhub.webhook;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import eu.authorityhub.api.Failures;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records attempt outcomes in batches, from one writer thread: the attempt log, the delivery's next state (delivered,
 * retried by the retry policy, or failed), the endpoint's health, and the endpoints to disable; and gives leased
 * deliveries back unsent. An outcome that cannot be recorded leaves its delivery leased, so it goes out again when the lease ends (at least once).
 */
@ApplicationScoped
class OutcomeRecorder {

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);
    private static final int BATCH = 500;
    /** A healthy endpoint's last success is kept to this precision. */
    private static final java.time.Duration HEALTH_GRANULARITY = java.time.Duration.ofMinutes(1);

    /** An outcome to record, or (outcome null) a leased delivery given back unsent. */
    private record Pending(AttemptOutcome outcome, DeliveryJob returned, CompletableFuture<AttemptOutcome> recorded) {
    }

    private final EntityManager em;
    private final RetryPolicy retries;
    private final EndpointDisabler disabler;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LinkedBlockingQueue<Pending> outcomes = new LinkedBlockingQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(DaemonThreads.named("webhook-recorder"));

    OutcomeRecorder(EntityManager em, RetryPolicy retries, EndpointDisabler disabler, Clock clock,
            MeterRegistry meters) {
        this.em = em;
        this.retries = retries;
        this.disabler = disabler;
        this.clock = clock;
        this.meters = meters;
    }

    /** Queues the outcome; the future completes once it is recorded (exceptionally when it could not be). */
    CompletableFuture<AttemptOutcome> record(AttemptOutcome outcome) {
        meters.counter("hub.webhook.attempts", "outcome", outcome.success()
                ? "success"
                : outcome.status() == null ? "error" : Integer.toString(outcome.status())).increment();
        // per endpoint owner (the authority or coordinator whose back office it is): bounded by the directory
        meters.counter("hub.webhook.endpoint.attempts", "owner", outcome.job().owner(), "success", Boolean.toString(
                outcome.success())).increment();
        meters.timer("hub.webhook.endpoint.latency", "owner", outcome.job().owner()).record(java.time.Duration
                .ofMillis(outcome.latencyMs()));
        return queue(new Pending(outcome, null, new CompletableFuture<>()));
    }

    /**
     * Gives a leased delivery back unsent: due at once, its attempt not counted, as long as its lease still stands
     * (after the lease another instance may hold it). The future completes with null once that is written.
     */
    CompletableFuture<AttemptOutcome> giveBack(DeliveryJob job) {
        return queue(new Pending(null, job, new CompletableFuture<>()));
    }

    private CompletableFuture<AttemptOutcome> queue(Pending p) {
        outcomes.add(p);
        if (writing.compareAndSet(false, true)) {
            writer.execute(this::writeLoop);
        }
        return p.recorded();
    }

    private void writeLoop() {
        try {
            while (!outcomes.isEmpty()) {
                List<Pending> batch = new ArrayList<>();
                outcomes.drainTo(batch, BATCH);
                try {
                    long t0 = System.nanoTime();
                    Failures.retryWhileUnavailable(() -> {
                        QuarkusTransaction.requiringNew().run(() -> write(batch));
                        return null;
                    });
                    meters.timer("hub.webhook.record").record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                    meters.summary("hub.webhook.record.size").record(batch.size());
                    batch.forEach(p -> p.recorded().complete(p.outcome()));
                } catch (RuntimeException e) {
                    LOG.warnf("Webhook outcomes not recorded, the deliveries will be retried: %s", e.getMessage());
                    batch.forEach(p -> p.recorded().completeExceptionally(e));
                }
            }
        } finally {
            writing.set(false);
            if (!outcomes.isEmpty() && writing.compareAndSet(false, true)) {
                writer.execute(this::writeLoop);
            }
        }
    }

    private void write(List<Pending> batch) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<UUID> succeeded = new LinkedHashSet<>();
        List<Object[]> failed = new ArrayList<>(); // subscription, error, throttled until
        List<UUID> gone = new ArrayList<>();
        // one JDBC batch per statement for the whole set of outcomes
        em.unwrap(Session.class).doWork(c -> {
            KeyedReads.only(c);
            try (PreparedStatement attempt = c.prepareStatement("insert into webhook_attempt (delivery_id,"
                    + " subscription_id, attempt, started_at, latency_ms, status, error, response, next_attempt_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement delivery = c.prepareStatement("update webhook_delivery set state = ?,"
                            + " next_attempt_at = coalesce(?, next_attempt_at), delivered_at = coalesce(?,"
                            + " delivered_at), last_status = ?, last_error = ? where id = ?");
                    PreparedStatement back = c.prepareStatement("update webhook_delivery set attempts = attempts"
                            + " - 1, next_attempt_at = ? where id = ? and state = 'PENDING' and next_attempt_at = ?")) {
                boolean anyBack = false;
                boolean anyOutcome = false;
                for (Pending p : batch) {
                    if (p.returned() != null) {
                        back.setObject(1, now);
                        back.setLong(2, p.returned().deliveryId());
                        back.setObject(3, p.returned().leaseUntil());
                        back.addBatch();
                        anyBack = true;
                        continue;
                    }
                    anyOutcome = true;
                    AttemptOutcome o = p.outcome();
                    DeliveryJob j = o.job();
                    String state;
                    OffsetDateTime next = null;
                    if (o.success()) {
                        state = "DELIVERED";
                        succeeded.add(j.subscriptionId());
                    } else {
                        state = retries.retries(j.attempt()) ? "PENDING" : "FAILED";
                        next = state.equals("PENDING") ? now.plus(retries.wait(j.attempt(), o)) : null;
                        if (o.status() != null && o.status() == 410) {
                            gone.add(j.subscriptionId());
                        }
                    }
                    String error = o.problem();
                    if (!o.success()) {
                        failed.add(new Object[]{j.subscriptionId(), error, o.throttles() ? next : null});
                    }
                    attempt.setLong(1, j.deliveryId());
                    attempt.setObject(2, j.subscriptionId());
                    attempt.setInt(3, j.attempt());
                    attempt.setObject(4, o.startedAt());
                    attempt.setInt(5, o.latencyMs());
                    attempt.setObject(6, o.status(), Types.INTEGER);
                    attempt.setString(7, error);
                    attempt.setString(8, clean(o.response()));
                    attempt.setObject(9, next, Types.TIMESTAMP_WITH_TIMEZONE);
                    attempt.addBatch();
                    delivery.setString(1, state);
                    delivery.setObject(2, next, Types.TIMESTAMP_WITH_TIMEZONE);
                    delivery.setObject(3, o.success() ? now : null, Types.TIMESTAMP_WITH_TIMEZONE);
                    delivery.setObject(4, o.status(), Types.INTEGER);
                    delivery.setString(5, error);
                    delivery.setLong(6, j.deliveryId());
                    delivery.addBatch();
                }
                if (anyOutcome) {
                    attempt.executeBatch();
                    delivery.executeBatch();
                }
                if (anyBack) {
                    back.executeBatch();
                }
            }
            if (!succeeded.isEmpty()) {
                // a healthy endpoint's row is rewritten once a minute at most, not at every success
                try (PreparedStatement ok = c.prepareStatement("update webhook_subscription set last_success_at = ?,"
                        + " failing_since = null, throttled_until = null where id = any (?) and (last_success_at is"
                        + " null or last_success_at < ? or failing_since is not null or throttled_until is not null)")) {
                    ok.setObject(1, now);
                    ok.setArray(2, c.createArrayOf("uuid", succeeded.toArray()));
                    ok.setObject(3, now.minus(HEALTH_GRANULARITY));
                    ok.executeUpdate();
                }
            }
            if (!failed.isEmpty()) {
                try (PreparedStatement ko = c.prepareStatement("update webhook_subscription set last_failure_at = ?,"
                        + " last_error = ?, failing_since = coalesce(failing_since, ?), throttled_until = coalesce(?,"
                        + " throttled_until) where id = ?")) {
                    for (Object[] f : failed) {
                        ko.setObject(1, now);
                        ko.setString(2, (String) f[1]);
                        ko.setObject(3, now);
                        ko.setObject(4, f[2], Types.TIMESTAMP_WITH_TIMEZONE);
                        ko.setObject(5, f[0]);
                        ko.addBatch();
                    }
                    ko.executeBatch();
                }
            }
        });
        disabler.gone(gone, now);
        disabler.stale(failed.stream().map(f -> (UUID) f[0]).distinct().toList(), now);
    }

    private static String clean(String response) {
        return response == null ? null : response.replace('\u0000', ' ');
    }

    @PreDestroy
    void stop() {
        writer.shutdown();
    }
}
