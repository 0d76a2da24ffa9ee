package eu.authorityhub.messaging.processed;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The idempotency bookkeeping of consumers (invariant 2): a consumer claims an event id in the same transaction as its
 * effect. A redelivered event finds its id taken and changes nothing.
 */
@ApplicationScoped
public class ProcessedEventLog {

    private final EntityManager em;
    private final Clock clock;

    public ProcessedEventLog(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * @return true when this consumer sees the event for the first time and must apply its effect; false for a
     *         duplicate
     */
    @Transactional(TxType.MANDATORY)
    public boolean claim(String consumer, UUID eventId) {
        int inserted = em
                .createNativeQuery("insert into processed_event (consumer, event_id, processed_at)"
                        + " values (:c, :e, :t) on conflict do nothing")
                .setParameter("c", consumer).setParameter("e", eventId)
                .setParameter("t", OffsetDateTime.now(clock)).executeUpdate();
        return inserted == 1;
    }
}
