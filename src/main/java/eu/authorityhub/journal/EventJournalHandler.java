package eu.authorityhub.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import eu.authorityhub.messaging.CloudEventCodec;
import eu.authorityhub.messaging.CloudEventCodec.MalformedEventException;
import io.cloudevents.CloudEvent;

/** Records each event once in the journal, whatever the number of deliveries. */
@ApplicationScoped
public class EventJournalHandler {

    static final String CONSUMER = "event-journal";

    private final CloudEventCodec codec;
    private final EntityManager em;
    private final Clock clock;

    public EventJournalHandler(CloudEventCodec codec, EntityManager em, Clock clock) {
        this.codec = codec;
        this.em = em;
        this.clock = clock;
    }

    /** @return true when the event was recorded, false when it was a duplicate */
    @Transactional
    public boolean handle(String topic, String envelope) {
        return handleAll(List.of(new Delivered(topic, envelope))) == 1;
    }

    /** One delivered record: the topic it came from and its envelope. */
    public record Delivered(String topic, String envelope) {
    }

    /**
     * The records of one poll, in order, in one transaction: one statement writes every new entry; an event the
     * journal already holds (a redelivery, or the same event twice in one poll) is recognised by its key and skipped,
     * so the journal needs no claim of its own in the processed-event log.
     *
     * @return the entries recorded
     */
    @Transactional
    public int handleAll(List<Delivered> records) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<UUID, JournalEntry> entries = new LinkedHashMap<>();
        for (Delivered r : records) {
            JournalEntry e = entry(r.topic(), r.envelope(), now);
            entries.putIfAbsent(e.eventId, e); // the same event twice in one poll: its first copy only
        }
        if (entries.isEmpty()) {
            return 0;
        }
        int[] recorded = {0};
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("insert into event_journal (event_id, event_type,"
                    + " source, subject, event_time, topic, envelope_sha256, recorded_at) select cast(i as uuid), t,"
                    + " s, j, cast(w as timestamptz), p, h, cast(? as timestamptz) from unnest(cast(? as text[]),"
                    + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
                    + " cast(? as text[])) as u(i, t, s, j, w, p, h) on conflict (event_id) do nothing")) {
                insert.setString(1, now.toString());
                insert.setArray(2, column(c, entries, e -> e.eventId.toString()));
                insert.setArray(3, column(c, entries, e -> e.eventType));
                insert.setArray(4, column(c, entries, e -> e.source));
                insert.setArray(5, column(c, entries, e -> e.subject));
                insert.setArray(6, column(c, entries, e -> e.eventTime.toString()));
                insert.setArray(7, column(c, entries, e -> e.topic));
                insert.setArray(8, column(c, entries, e -> e.envelopeSha256));
                recorded[0] = insert.executeUpdate();
            }
        });
        return recorded[0];
    }

    private static Array column(Connection c, Map<UUID, JournalEntry> entries, Function<JournalEntry, String> value)
            throws SQLException {
        return c.createArrayOf("text", entries.values().stream().map(value).toArray());
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
