package eu.authorityhub.webhook;

import java.time.OffsetDateTime;
import java.util.List;
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

import eu.authorityhub.webhook.WebhookPayloads.Mode;
import eu.authorityhub.webhook.WebhookPayloads.Status;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A receiving endpoint of an authority or a coordinator, with what it wants and how it is doing. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    public enum OwnerKind {
        AUTHORITY,
        COORDINATOR
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String owner;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind", nullable = false)
    public OwnerKind ownerKind;

    @Column(nullable = false)
    public String url;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    public List<String> eventTypes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "type_patterns", nullable = false)
    public List<String> typePatterns;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "member_states")
    public List<String> memberStates;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> professions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Mode mode;

    public String transform;

    @Column(nullable = false)
    public boolean ordered;

    @Column(name = "rate_limit")
    public Integer rateLimit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "failing_since")
    public OffsetDateTime failingSince;

    @Column(name = "throttled_until")
    public OffsetDateTime throttledUntil;

    @Column(name = "last_success_at")
    public OffsetDateTime lastSuccessAt;

    @Column(name = "last_failure_at")
    public OffsetDateTime lastFailureAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
