package eu.authorityhub.webhook;

import java.sql.PreparedStatement;
import java.util.List;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Queues an event for the webhooks of those who received it: called by the inbox builders in the transaction that
 * wrote the inbox entries, it adds one delivery per active subscription of an addressee whose filters match. One
 * statement, whatever the number of addressees (an alert to 10,000 authorities is one insert).
 */
@ApplicationScoped
public class WebhookQueue {

    private static final String[] STATE_FIELDS = {"requesterState", "responderState", "issuerState", "partyState"};

    private final EntityManager em;
    private final Clock clock;
    private final Event<Queued> queued;

    public WebhookQueue(EntityManager em, Clock clock, Event<Queued> queued) {
        this.em = em;
        this.clock = clock;
        this.queued = queued;
    }

    /**
     * @param eventId the event, whose inbox entries are already written in this transaction
     * @return deliveries queued
     */
    @Transactional(TxType.MANDATORY)
    public int enqueue(UUID eventId, String type, String caseId, String envelope, JsonNode data) {
        return enqueueAll(List.of(new Notified(eventId, type, caseId, envelope, data)));
    }

    /** One event to offer to the subscriptions of the authorities whose inbox it reached. */
    public record Notified(UUID eventId, String type, String caseId, String envelope, JsonNode data) {
    }

    /** The deliveries of many events (a poll of the inbox consumer), in one JDBC batch. */
    @Transactional(TxType.MANDATORY)
    public int enqueueAll(List<Notified> events) {
        if (events.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement p = c.prepareStatement("with targets as ("
                    + " select s.id from webhook_subscription s"
                    + " where s.status = 'ACTIVE' and s.owner in (select authority from inbox_entry where event_id = ?)"
                    + " and exists (select 1 from unnest(s.type_patterns) p where cast(? as text) like p)"
                    + " and (s.member_states is null or s.member_states && string_to_array(cast(? as text), ','))"
                    + " and (s.professions is null or cast(? as text) = any (s.professions))),"
                    + " msg as (insert into webhook_message (event_id, event_type, case_id, member_states, profession,"
                    + " body, created_at) select ?, ?, ?, string_to_array(cast(? as text), ','), ?, ?, ?"
                    + " where exists (select 1 from targets) on conflict do nothing returning event_id)"
                    + " insert into webhook_delivery (subscription_id, event_id, case_id, state, next_attempt_at,"
                    + " created_at) select t.id, m.event_id, ?, 'PENDING', ?, ? from targets t cross join msg m"
                    + " on conflict do nothing")) {
                for (Notified e : events) {
                    Set<String> states = new LinkedHashSet<>();
                    for (String f : STATE_FIELDS) {
                        if (e.data().hasNonNull(f)) {
                            states.add(e.data().get(f).asText());
                        }
                    }
                    String ms = String.join(",", states);
                    String profession = e.data().hasNonNull("profession") ? e.data().get("profession").asText() : null;
                    int i = 0;
                    p.setObject(++i, e.eventId());
                    p.setString(++i, e.type());
                    p.setString(++i, ms);
                    p.setString(++i, profession);
                    p.setObject(++i, e.eventId());
                    p.setString(++i, e.type());
                    p.setString(++i, e.caseId());
                    p.setString(++i, ms);
                    p.setString(++i, profession);
                    p.setString(++i, e.envelope());
                    p.setObject(++i, now);
                    p.setString(++i, e.caseId());
                    p.setObject(++i, now);
                    p.setObject(++i, now);
                    p.addBatch();
                }
                int total = 0;
                for (int count : p.executeBatch()) {
                    total += Math.max(count, 0);
                }
                return total;
            }
        });
        if (n > 0) {
            queued.fire(new Queued(n)); // observed after commit: wakes the dispatcher
        }
        return n;
    }

    /** Deliveries were queued (observed after commit). */
    public record Queued(int deliveries) {
    }
}
