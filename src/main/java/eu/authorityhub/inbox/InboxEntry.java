package eu.authorityhub.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Something addressed to an authority (a request step, an alert), in one inbox; the cursor orders it for polling back
 * offices.
 */
@Entity
@Table(name = "inbox_entry")
public class InboxEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long cursor;

    @Column(nullable = false)
    public String authority;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** REQUEST or ALERT. */
    @Column(name = "case_type", nullable = false)
    public String caseType = "REQUEST";

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public OffsetDateTime at;
}
