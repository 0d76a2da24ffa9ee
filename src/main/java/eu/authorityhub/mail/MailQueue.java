package eu.authorityhub.mail;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;

/**
 * Queues the mails of an event that reached authorities' inboxes, in the same transaction as the inbox entries: one
 * row per event and person of those authorities who wants mails (due now, or at the next digest), sent only after
 * that transaction commits, by {@link MailSender}.
 */
@ApplicationScoped
public class MailQueue {

    private final EntityManager em;
    private final MailConfig config;

    public MailQueue(EntityManager em, MailConfig config) {
        this.em = em;
        this.config = config;
    }

    /** What one event tells which authorities' people. */
    public record Notice(String caseType, UUID caseId, UUID eventId, String eventType, Collection<String> authorities) {
    }

    @Transactional(TxType.MANDATORY)
    public int enqueue(String caseType, UUID caseId, UUID eventId, String eventType, Collection<String> authorities,
            OffsetDateTime now) {
        return enqueueAll(List.of(new Notice(caseType, caseId, eventId, eventType, authorities)), now);
    }

    /** The mails of many events in one JDBC batch (one round trip). */
    @Transactional(TxType.MANDATORY)
    public int enqueueAll(List<Notice> notices, OffsetDateTime now) {
        List<Notice> some = notices.stream().filter(n -> !n.authorities().isEmpty()).toList();
        if (!config.enabled() || some.isEmpty()) {
            return 0;
        }
        OffsetDateTime digest = nextDigest(now, config.digestHour());
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement p = c.prepareStatement("insert into mail_outbox (event_id, recipient, case_type,"
                    + " case_id, event_type, digest, due_at, created_at) select ?, r.subject, ?, ?, ?,"
                    + " r.frequency = 'DAILY', case when r.frequency = 'DAILY' then cast(? as timestamptz) else cast(? as timestamptz) end,"
                    + " cast(? as timestamptz)"
                    + " from mail_recipient r where r.authority = any(?) and r.frequency <> 'NONE'"
                    + " and r.email is not null on conflict (event_id, recipient) do nothing")) {
                for (Notice n : some) {
                    p.setObject(1, n.eventId());
                    p.setString(2, n.caseType());
                    p.setObject(3, n.caseId());
                    p.setString(4, n.eventType());
                    p.setTimestamp(5, Timestamp.from(digest.toInstant()));
                    p.setTimestamp(6, Timestamp.from(now.toInstant()));
                    p.setTimestamp(7, Timestamp.from(now.toInstant()));
                    p.setArray(8, c.createArrayOf("text", n.authorities().toArray(String[]::new)));
                    p.addBatch();
                }
                int total = 0;
                for (int count : p.executeBatch()) {
                    total += Math.max(count, 0);
                }
                return total;
            }
        });
    }

    static OffsetDateTime nextDigest(OffsetDateTime now, int hour) {
        OffsetDateTime today = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().atTime(hour, 0).atOffset(
                ZoneOffset.UTC);
        return today.isAfter(now) ? today : today.plusDays(1);
    }
}
