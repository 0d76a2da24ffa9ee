package eu.authorityhub.directory;

import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A regulated profession of the catalogue (reference data, shipped by migration). */
/* reference data, shipped by migration and never changed at runtime: cached by Hibernate (second level) */
@jakarta.persistence.Cacheable
@Entity
@Table(name = "profession")
public class Profession extends PanacheEntityBase {

    @Id
    public String code;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> names;

    public boolean sectoral;

    @Column(name = "alert_eligible")
    public boolean alertEligible;

    @Column(name = "education_of_minors")
    public boolean educationOfMinors;

    public String isco;

    @Column(name = "esco_uri")
    public String escoUri;
}
