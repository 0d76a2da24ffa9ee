package eu.authorityhub.retention;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.authorityhub.messaging.EventTypes;
import eu.authorityhub.messaging.OutgoingEvent;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.messaging.outbox.OutboxRecorder;

/**
 * Blocks and deletes the personal data of requests, set-wise, and tells both parties (inbox, member-state topics,
 * webhooks) so that national systems block or delete their copies too. What stays is the case skeleton: parties,
 * dates, states, the catalogue questions asked, when each was answered, and each attachment's type, size and SHA-256.
 */
@ApplicationScoped
public class PersonalDataEraser {

    static final String SOURCE = "/hub/retention";
    static final String BLOCKED = EventTypes.PERSONAL_DATA_BLOCKED;
    static final String DELETED = EventTypes.PERSONAL_DATA_DELETED;

    /** Why the data went: their period ran out, or a party asked with the professional's consent. */
    public enum Cause {
        RETENTION_PERIOD,
        EARLY_DELETION
    }

    /** Data of both events (kafka/schemas/request-personal-data-*.v1.json): no personal data, of course. */
    public record PersonalDataEvent(UUID requestId, String reference, String action, String state, String requester,
            String responder, String requesterState, String responderState, OffsetDateTime closedAt,
            OffsetDateTime at, Cause cause, List<String> addressees) {
    }

    private static final String RETURNING = " returning id, reference, state, requester, responder, requester_state,"
            + " responder_state, closed_at, sent_at";

    private final EntityManager em;
    private final OutboxRecorder outbox;

    PersonalDataEraser(EntityManager em, OutboxRecorder outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** Blocks the requests whose data are still active; @return how many were blocked. */
    @Transactional(TxType.MANDATORY)
    public int block(Collection<UUID> requests, OffsetDateTime now, Cause cause) {
        if (requests.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = rows(em.createNativeQuery("update information_request set personal_data = 'BLOCKED',"
                + " personal_data_blocked_at = :now, version = version + 1 where id in (:ids) and personal_data = 'ACTIVE'"
                + RETURNING)
                .setParameter("now", now).setParameter("ids", requests));
        announce(rows, "PERSONAL_DATA_BLOCKED", BLOCKED, now, cause);
        return rows.size();
    }

    /**
     * Removes the personal data of ended alerts (the professional's identity; the decision, scope and period stay as
     * the record of the alert). Recipients were told by the withdrawal or expiry event to remove their copies, so no
     * further event is sent. @return how many alerts lost data.
     */
    @Transactional(TxType.MANDATORY)
    public int removeFromAlerts(Collection<UUID> alerts, OffsetDateTime now) {
        if (alerts.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("update alert set professional = null, professional_key = null,"
                + " personal_data_removed_at = :now where id in (:ids) and personal_data_removed_at is null")
                .setParameter("now", now).setParameter("ids", alerts).executeUpdate();
    }

    /**
     * Deletes the personal data of the requests not yet deleted: the professional, answers, free texts (questions in
     * the requester's words, reasons, timeline details), attachments' names and bytes. @return how many.
     */
    @Transactional(TxType.MANDATORY)
    public int delete(Collection<UUID> requests, OffsetDateTime now, Cause cause) {
        if (requests.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = rows(em.createNativeQuery("update information_request set personal_data = 'DELETED',"
                + " version = version + 1, personal_data_deleted_at = :now, personal_data_blocked_at = coalesce(personal_data_blocked_at,"
                + " :now), professional = null, decline_reason = null, questions = (select coalesce(jsonb_agg(q ||"
                + " cast('{\"answer\": null, \"freeText\": null}' as jsonb) order by o), cast('[]' as jsonb)) from"
                + " jsonb_array_elements(questions) with ordinality as e(q, o)) where id in (:ids) and personal_data"
                + " <> 'DELETED'" + RETURNING).setParameter("now", now).setParameter("ids", requests));
        if (rows.isEmpty()) {
            return 0;
        }
        List<UUID> deleted = new ArrayList<>();
        rows.forEach(r -> deleted.add((UUID) r[0]));
        em.createNativeQuery("update request_attachment set content = null, file_name = null where request_id in"
                + " (:ids)").setParameter("ids", deleted).executeUpdate();
        em.createNativeQuery("update request_timeline set detail = null where request_id in (:ids) and detail is not"
                + " null").setParameter("ids", deleted).executeUpdate();
        announce(rows, "PERSONAL_DATA_DELETED", DELETED, now, cause);
        return rows.size();
    }

    private void announce(List<Object[]> rows, String action, String type, OffsetDateTime now, Cause cause) {
        List<OutgoingEvent> events = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String requesterState = ((String) r[5]).trim();
            String responderState = ((String) r[6]).trim();
            // a withdrawn draft was never the responder's business: only its requester hears of it
            boolean draft = r[8] == null;
            Set<String> topics = new LinkedHashSet<>(List.of(Topics.REQUEST_EVENTS, Topics.memberState(
                    requesterState)));
            List<String> addressees = new ArrayList<>(List.of((String) r[3]));
            if (!draft) {
                topics.add(Topics.memberState(responderState));
                addressees.add((String) r[4]);
            }
            PersonalDataEvent data = new PersonalDataEvent((UUID) r[0], (String) r[1], action, (String) r[2],
                    (String) r[3], (String) r[4], requesterState, responderState, time(r[7]), now, cause, List
                            .copyOf(addressees));
            events.add(new OutgoingEvent(type, r[0].toString(), SOURCE, data, List.copyOf(topics)));
        }
        outbox.recordAll(events);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(jakarta.persistence.Query q) {
        return q.getResultList();
    }

    static OffsetDateTime time(Object o) {
        return eu.authorityhub.time.SqlTimes.utc(o);
    }
}
