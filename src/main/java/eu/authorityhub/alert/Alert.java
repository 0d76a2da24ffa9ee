package eu.authorityhub.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import eu.authorityhub.alert.AlertPayloads.AlertType;
import eu.authorityhub.alert.AlertPayloads.InformedMeans;
import eu.authorityhub.alert.AlertPayloads.Professional;
import eu.authorityhub.alert.AlertPayloads.Scope;
import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A professional alert: only what Article 56a allows, no reasons. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    public enum State {
        ACTIVE,
        WITHDRAWN,
        EXPIRED
    }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String reference;

    @Column(nullable = false)
    public String issuer;

    @Column(name = "issuer_state", nullable = false, columnDefinition = "bpchar(2)")
    public String issuerState;

    @Column(nullable = false)
    public String profession;

    public String specialty;

    @Enumerated(EnumType.STRING)
    @Column(name = "alert_type", nullable = false)
    public AlertType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Scope scope;

    /** For a partial restriction: what the professional may not do. Never the reasons. */
    public String restriction;

    @Column(name = "deciding_body", nullable = false)
    public String decidingBody;

    @Column(name = "decision_date", nullable = false)
    public LocalDate decisionDate;

    @Column(name = "period_from", nullable = false)
    public LocalDate periodFrom;

    @Column(name = "period_until")
    public LocalDate periodUntil;

    /** Personal data; null once removed after withdrawal or expiry. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Professional professional;

    /** Normalised identity, to refuse repeated alerts; removed with the personal data. */
    @Column(name = "professional_key")
    public String professionalKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "broadcast_at", nullable = false)
    public OffsetDateTime broadcastAt;

    /** Broadcast more than 3 days after the decision. */
    public boolean late;

    @Column(name = "professional_informed_on")
    public LocalDate professionalInformedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "professional_informed_means")
    public InformedMeans professionalInformedMeans;

    @Column(name = "personal_data_removed_at")
    public OffsetDateTime personalDataRemovedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    void requireActive(String step) {
        if (state != State.ACTIVE) {
            throw new HubException(ErrorCode.ALERT_NOT_ACTIVE, "Alert " + reference + " is " + state + "; no " + step);
        }
    }

    void end(State end, OffsetDateTime now) {
        state = end;
        endedAt = now;
        updatedAt = now;
    }

    /** The one-line summary recipients asked for: profession, specialty, scope, period, issuer. */
    String summary(String professionName) {
        String what = switch (scope) {
            case FULL_PROHIBITION -> "prohibited from practising";
            case PARTIAL_RESTRICTION -> "restricted: " + restriction;
            case NOT_APPLICABLE -> "falsified evidence of qualifications";
        };
        return professionName + (specialty == null ? "" : " (" + specialty + ")") + " - " + what + " - from "
                + periodFrom + (periodUntil == null ? ", open-ended" : " until " + periodUntil) + " - " + issuer + " ("
                + issuerState + ")" + (state == State.ACTIVE ? "" : " - " + state);
    }
}
