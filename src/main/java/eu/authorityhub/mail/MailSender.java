package eu.authorityhub.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the queued mails once their transaction has committed: immediate ones one by one, daily ones as one digest
 * per person. A run claims its rows first (another instance skips them), sends, then records each outcome; a failed
 * mail is tried again later, each time later, until it is given up. Logs name row counts, never an address.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final Duration CLAIM = Duration.ofMinutes(5);

    /** A claimed row with what its mail needs. */
    record Row(long id, String recipient, String email, String language, String caseType, UUID caseId,
            String eventType, boolean digest, int attempts, String reference) {
    }

    private final EntityManager em;
    private final Mailer mailer;
    private final MailComposer composer;
    private final MailConfig config;
    private final Clock clock;

    public MailSender(EntityManager em, Mailer mailer, MailComposer composer, MailConfig config, Clock clock) {
        this.em = em;
        this.mailer = mailer;
        this.composer = composer;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${hub.mail.every:10s}", delayed = "${hub.mail.every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (config.enabled()) {
            sendDue();
        }
    }

    /** Sends what is due now; returns the number of mails sent. */
    public int sendDue() {
        List<Row> rows = QuarkusTransaction.requiringNew().call(this::claim);
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, List<Row>> mails = new LinkedHashMap<>();
        for (Row r : rows) {
            mails.computeIfAbsent(r.digest() ? "digest|" + r.recipient() : "one|" + r.id(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Long> sent = new ArrayList<>();
        Map<Long, String> failed = new LinkedHashMap<>();
        for (List<Row> mail : mails.values()) {
            Row first = mail.get(0);
            try {
                mailer.send(composer.compose(first.email(), first.language(), mail.stream().map(r -> composer.notice(r
                        .caseType(), r.eventType(), r.caseId(), r.reference())).toList()));
                mail.forEach(r -> sent.add(r.id()));
            } catch (RuntimeException e) {
                // the reason stays in the database (it may name an address); the log gets the kind only
                String reason = String.valueOf(e).substring(0, Math.min(500, String.valueOf(e).length()));
                LOG.warnf("mail: a mail failed (%s), tried again later", e.getClass().getSimpleName());
                mail.forEach(r -> failed.put(r.id(), reason));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> record(rows, sent, failed));
        return sent.size();
    }

    private List<Row> claim() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Tuple> claimed = em.createNativeQuery("update mail_outbox set claimed_until = :until, attempts ="
                + " attempts + 1 where id in (select id from mail_outbox where sent_at is null and failed_at is null"
                + " and due_at <= :now and (claimed_until is null or claimed_until < :now) order by due_at, id"
                + " limit :n for update skip locked) returning id", Tuple.class).setParameter("until", now.plus(CLAIM))
                .setParameter("now", now).setParameter("n", config.batch()).getResultList();
        if (claimed.isEmpty()) {
            return List.of();
        }
        List<Long> ids = claimed.stream().map(t -> ((Number) t.get(0)).longValue()).toList();
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("select o.id, o.recipient, r.email, r.language, o.case_type,"
                + " o.case_id, o.event_type, o.digest, o.attempts, coalesce((select q.reference from"
                + " information_request q where q.id = o.case_id), (select a.reference from alert a where a.id ="
                + " o.case_id), '') from mail_outbox o join mail_recipient r on r.subject = o.recipient"
                + " where o.id in (:ids) order by o.id", Tuple.class).setParameter("ids", ids).getResultList();
        return rows.stream().map(t -> new Row(((Number) t.get(0)).longValue(), (String) t.get(1), (String) t.get(2),
                (String) t.get(3), (String) t.get(4), (UUID) t.get(5), (String) t.get(6), (Boolean) t.get(7),
                ((Number) t.get(8)).intValue(), (String) t.get(9))).filter(r -> r.email() != null).toList();
    }

    private void record(List<Row> rows, List<Long> sent, Map<Long, String> failed) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!sent.isEmpty()) {
            em.createNativeQuery("update mail_outbox set sent_at = :now, claimed_until = null, last_error = null"
                    + " where id in (:ids)").setParameter("now", now).setParameter("ids", sent).executeUpdate();
        }
        for (Row r : rows) {
            String error = failed.get(r.id());
            if (error == null) {
                continue;
            }
            boolean giveUp = r.attempts() >= config.maxAttempts();
            Duration wait = config.retryDelay().multipliedBy(1L << Math.min(r.attempts() - 1, 16));
            em.createNativeQuery("update mail_outbox set claimed_until = null, last_error = :e, "
                    + (giveUp ? "failed_at" : "due_at") + " = :t where id = :id").setParameter("e", error)
                    .setParameter("t", giveUp ? now : now.plus(wait)).setParameter("id", r.id()).executeUpdate();
        }
    }
}
