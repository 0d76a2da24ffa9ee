package eu.authorityhub.directory;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A competent authority of one member state. */
@Entity
@Table(name = "authority")
public class Authority extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "member_state", nullable = false, columnDefinition = "bpchar(2)")
    public String memberState;

    @Column(nullable = false)
    public String name;

    /** Names in other languages, keyed by ISO 639-1 code. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> names = new HashMap<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "working_languages", nullable = false)
    public String[] workingLanguages = new String[0];

    /** Profession codes it is competent for. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] professions = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "policy_areas", nullable = false)
    public String[] policyAreas = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertParticipation alerts;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    public String website;

    public boolean active;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static Authority findByCode(String code) {
        return find("code", code).firstResult();
    }
}
