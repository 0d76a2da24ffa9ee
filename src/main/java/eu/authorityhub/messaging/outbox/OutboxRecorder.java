package eu.authorityhub.messaging.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

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

    public OutboxRecorder(CloudEventCodec codec, Clock clock, Event<OutboxCommitted> committed) {
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

    /** Fired for every recorded event; observed after commit. */
    public record OutboxCommitted(UUID eventId) {
    }
}
