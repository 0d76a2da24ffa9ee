package eu.authorityhub.journal;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One event as it travelled over Kafka, kept as evidence of the exchange: who (source), what (type), which case
 * (subject), when, and the SHA-256 of the exact envelope.
 */
@Entity
@Table(name = "event_journal")
public class JournalEntry extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String subject;

    @Column(name = "event_time", nullable = false)
    public OffsetDateTime eventTime;

    @Column(nullable = false)
    public String topic;

    @Column(name = "envelope_sha256", nullable = false)
    public String envelopeSha256;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
