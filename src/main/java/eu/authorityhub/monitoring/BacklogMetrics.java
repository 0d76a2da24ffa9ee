package eu.authorityhub.monitoring;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * What operators watch and the hub did not export: the work waiting in its queues (events not yet on Kafka and the age
 * of the oldest, webhook deliveries waiting or failed, mails waiting, deadline timers due but not fired and how late
 * the oldest is). Counted every {@code hub.monitoring.every} from partial indexes, never at scrape time, so that a
 * scrape costs the database nothing.
 */
@ApplicationScoped
public class BacklogMetrics {

    private final EntityManager em;
    private final AtomicLong outboxBacklog = new AtomicLong();
    private final AtomicLong outboxOldestAge = new AtomicLong();
    private final AtomicLong webhookPending = new AtomicLong();
    private final AtomicLong webhookFailed = new AtomicLong();
    private final AtomicLong mailPending = new AtomicLong();
    private final AtomicLong timersDue = new AtomicLong();
    private final AtomicLong timersLag = new AtomicLong();

    public BacklogMetrics(EntityManager em, MeterRegistry registry) {
        this.em = em;
        gauge(registry, "hub.outbox.backlog", outboxBacklog, "Events recorded but not yet published to Kafka");
        gauge(registry, "hub.outbox.oldest.unpublished.age.seconds", outboxOldestAge,
                "Age of the oldest event not yet published to Kafka (0 when none waits)");
        Gauge.builder("hub.webhook.backlog", webhookPending, AtomicLong::get).tag("state", "pending").description(
                "Webhook deliveries waiting to be sent or retried").register(registry);
        Gauge.builder("hub.webhook.backlog", webhookFailed, AtomicLong::get).tag("state", "failed").description(
                "Webhook deliveries given up (to be recovered or replayed)").register(registry);
        gauge(registry, "hub.mail.backlog", mailPending, "Mail notices waiting to be sent or retried");
        gauge(registry, "hub.deadline.timers.due", timersDue, "Deadline timers due but not yet fired");
        gauge(registry, "hub.deadline.engine.lag.seconds", timersLag,
                "How late the oldest due deadline timer is (0 when none is due)");
    }

    @Scheduled(every = "${hub.monitoring.every:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void refresh() {
        Tuple outbox = (Tuple) em.createNativeQuery("select count(*), coalesce(extract(epoch from now() -"
                + " min(created_at)), 0) from outbox_message where published_at is null", Tuple.class)
                .getSingleResult();
        outboxBacklog.set(number(outbox.get(0)));
        outboxOldestAge.set(number(outbox.get(1)));
        webhookPending.set(count("select count(*) from webhook_delivery where state = 'PENDING'"));
        webhookFailed.set(count("select count(*) from webhook_delivery where state = 'FAILED'"));
        mailPending.set(count("select count(*) from mail_outbox where sent_at is null and failed_at is null"));
        Tuple timers = (Tuple) em.createNativeQuery("select count(*), coalesce(extract(epoch from now() -"
                + " min(next_fire_at)), 0) from deadline_timer where state = 'PENDING' and next_fire_at <= now()",
                Tuple.class).getSingleResult();
        timersDue.set(number(timers.get(0)));
        timersLag.set(number(timers.get(1)));
    }

    private long count(String sql) {
        return number(em.createNativeQuery(sql).getSingleResult());
    }

    private static long number(Object value) {
        return value == null ? 0 : Math.max(0, Math.round(((Number) value).doubleValue()));
    }

    private static void gauge(MeterRegistry registry, String name, AtomicLong value, String help) {
        Gauge.builder(name, value, AtomicLong::get).description(help).register(registry);
    }
}
