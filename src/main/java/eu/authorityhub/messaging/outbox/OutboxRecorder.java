package eu.authorityhub.messaging.outbox;

import java.time.Clock;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;

import eu.authorityhub.messaging.CloudEventCodec;
import eu.authorityhub.messaging.OutgoingEvent;

/**
 * Records an event in the outbox inside the caller's transaction (invariant 1). There is no other way for a feature to
 * send anything to Kafka: a rolled-back transaction leaves no trace, a committed one is published by the relay.
 */
@ApplicationScoped
public class OutboxRecorder {

    private final CloudEventCodec codec;
    private final Clock clock;
    private final Event<OutboxCommitted> committed;
    private final EntityManager em;

    public OutboxRecorder(CloudEventCodec codec, Clock clock, Event<OutboxCommitted> committed, EntityManager em) {
        this.em = em;
        this.codec = codec;
        this.clock = clock;
        this.committed = committed;
    }

    /** @return the event id, the same on every topic and on every redelivery */
    @Transactional(TxType.MANDATORY)
    public UUID record(OutgoingEvent event) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String payload = codec.encode(id, event, now);
        for (String topic : event.topics()) {
            OutboxMessage m = new OutboxMessage();
            m.eventId = id;
            m.topic = topic;
            m.eventKey = event.caseId();
            m.eventType = event.type();
            m.payload = payload;
            m.createdAt = now;
            m.persist();
        }
        // delivered to AFTER_SUCCESS observers only if the transaction commits: wakes the relay at once
        committed.fire(new OutboxCommitted(id));
        return id;
    }

    /**
     * Records many events in one JDBC batch (one round trip rather than one insert per event and topic), for work done
     * set-wise such as the retention engine's. Same guarantees as {@link #record}: nothing leaves before the commit.
     *
     * @return the events' ids, in order
     */
    @Transactional(TxType.MANDATORY)
    public List<UUID> recordAll(List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<UUID> ids = new ArrayList<>(events.size());
        em.flush(); // what this transaction recorded before keeps its place in the outbox order
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into outbox_message (event_id, topic,"
                    + " event_key, event_type, payload, created_at) values (?, ?, ?, ?, ?, ?)")) {
                for (OutgoingEvent event : events) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    String payload = codec.encode(id, event, now);
                    for (String topic : event.topics()) {
                        insert.setObject(1, id);
                        insert.setString(2, topic);
                        insert.setString(3, event.caseId());
                        insert.setString(4, event.type());
                        insert.setString(5, payload);
                        insert.setObject(6, now);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        });
        committed.fire(new OutboxCommitted(ids.get(0)));
        return ids;
    }

    /** Fired for every recorded event; observed after commit. */
    public record OutboxCommitted(UUID eventId) {
    }
}
