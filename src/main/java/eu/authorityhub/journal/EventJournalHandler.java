package eu.authorityhub.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.authorityhub.messaging.CloudEventCodec;
import eu.authorityhub.messaging.CloudEventCodec.MalformedEventException;
import eu.authorityhub.messaging.processed.ProcessedEventLog;
import io.cloudevents.CloudEvent;

/** Records each event once in the journal, whatever the number of deliveries. */
@ApplicationScoped
public class EventJournalHandler {

    static final String CONSUMER = "event-journal";

    private final CloudEventCodec codec;
    private final ProcessedEventLog processed;
    private final Clock clock;

    public EventJournalHandler(CloudEventCodec codec, ProcessedEventLog processed, Clock clock) {
        this.codec = codec;
        this.processed = processed;
        this.clock = clock;
    }

    /** @return true when the event was recorded, false when it was a duplicate */
    @Transactional
    public boolean handle(String topic, String envelope) {
        return handleAll(java.util.List.of(new Delivered(topic, envelope))) == 1;
    }

    /** One delivered record: the topic it came from and its envelope. */
    public record Delivered(String topic, String envelope) {
    }

    /**
     * The records of one poll, in order, in one transaction: one statement claims every event id, the new entries go
     * in Hibernate's JDBC batches.
     *
     * @return the entries recorded
     */
    @Transactional
    public int handleAll(java.util.List<Delivered> records) {
        java.util.List<JournalEntry> entries = new java.util.ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Delivered r : records) {
            entries.add(entry(r.topic(), r.envelope(), now));
        }
        java.util.Set<UUID> fresh = processed.claimAll(CONSUMER, entries.stream().map(e -> e.eventId).toList());
        int recorded = 0;
        for (JournalEntry e : entries) {
            if (fresh.remove(e.eventId)) { // the same event twice in one poll: its first copy only
                e.persist();
                recorded++;
            }
        }
        return recorded;
    }

    private JournalEntry entry(String topic, String envelope, OffsetDateTime now) {
        CloudEvent event = codec.decode(envelope);
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event id is not a UUID: " + event.getId());
        }
        JournalEntry entry = new JournalEntry();
        entry.eventId = id;
        entry.eventType = event.getType();
        entry.source = event.getSource().toString();
        entry.subject = event.getSubject() == null ? "" : event.getSubject();
        entry.eventTime = event.getTime() == null ? now : event.getTime();
        entry.topic = topic;
        entry.envelopeSha256 = sha256(envelope);
        entry.recordedAt = now;
        return entry;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
