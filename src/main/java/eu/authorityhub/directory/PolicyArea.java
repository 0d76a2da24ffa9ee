package eu.authorityhub.directory;

import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A policy area of the internal market (reference data). */
/* reference data, shipped by migration and never changed at runtime: cached by Hibernate (second level) */
@jakarta.persistence.Cacheable
@Entity
@Table(name = "policy_area")
public class PolicyArea extends PanacheEntityBase {

    @Id
    public String code;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> names;
}
