package eu.authorityhub.deadline;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A running deadline of a case: who owes what by when. It fires three times: a reminder before the due time, an
 * overdue notice at it, an escalation to the party's coordinator after it; then it is done. A step of the case cancels
 * or moves it in the same transaction.
 */
@Entity
@Table(name = "deadline_timer")
public class DeadlineTimer extends PanacheEntityBase {

    public enum Kind {
        ACCEPTANCE,
        ANSWER,
        FURTHER_INFO,
        INACTIVITY
    }

    public enum Stage {
        REMINDER,
        OVERDUE,
        ESCALATION
    }

    public enum State {
        PENDING,
        DONE,
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_type", nullable = false)
    public String caseType;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String reference;

    /** The procedure whose policy applies (see DeadlinePolicies). */
    @Column(nullable = false)
    public String procedure = "general";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** The authority that owes the step. */
    @Column(nullable = false)
    public String party;

    @Column(name = "party_state", nullable = false, columnDefinition = "bpchar(2)")
    public String partyState;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stage stage;

    @Column(name = "next_fire_at", nullable = false)
    public OffsetDateTime nextFireAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "reminded_at")
    public OffsetDateTime remindedAt;

    @Column(name = "overdue_at")
    public OffsetDateTime overdueAt;

    @Column(name = "escalated_at")
    public OffsetDateTime escalatedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
}
