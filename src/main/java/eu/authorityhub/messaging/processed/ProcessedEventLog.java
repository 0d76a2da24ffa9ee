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
        return claimAll(consumer, java.util.List.of(eventId)).contains(eventId);
    }

    /**
     * Claims many event ids in one statement (the records of one poll).
     *
     * @return the ids this consumer sees for the first time, whose effects it must apply
     */
    @Transactional(TxType.MANDATORY)
    public java.util.Set<UUID> claimAll(String consumer, java.util.Collection<UUID> eventIds) {
        java.util.Set<UUID> fresh = new java.util.HashSet<>();
        if (eventIds.isEmpty()) {
            return fresh;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement p = c.prepareStatement("insert into processed_event (consumer, event_id,"
                    + " processed_at) select ?, e, ? from unnest(?) e on conflict do nothing returning event_id")) {
                p.setString(1, consumer);
                p.setObject(2, now);
                p.setArray(3, c.createArrayOf("uuid", eventIds.stream().distinct().toArray()));
                try (java.sql.ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        fresh.add(r.getObject(1, UUID.class));
                    }
                }
            }
        });
        return fresh;
    }
}
