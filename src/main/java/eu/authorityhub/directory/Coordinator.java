package eu.authorityhub.directory;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A coordinator: national (one member state, every policy area), per policy area (one member state, one area), or
 * incoming-alert coordinator (routes alerts to the state's competent authorities).
 */
@Entity
@Table(name = "coordinator")
public class Coordinator extends PanacheEntityBase {

    public enum Kind {
        NATIONAL,
        POLICY_AREA,
        ALERT_INCOMING
    }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "member_state", nullable = false, columnDefinition = "bpchar(2)")
    public String memberState;

    @Column(name = "policy_area")
    public String policyArea;

    @Column(nullable = false)
    public String name;

    @Column(name = "contact_email")
    public String contactEmail;

    public boolean active;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;

    public static Coordinator findByCode(String code) {
        return find("code", code).firstResult();
    }
}
