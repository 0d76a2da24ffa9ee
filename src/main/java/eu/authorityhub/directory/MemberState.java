package eu.authorityhub.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One of the 30 EEA member states (reference data, shipped by migration). */
/* reference data, shipped by migration and never changed at runtime: cached by Hibernate (second level) */
@jakarta.persistence.Cacheable
@Entity
@Table(name = "member_state")
public class MemberState extends PanacheEntityBase {

    @Id
    @Column(columnDefinition = "bpchar(2)")
    public String code;

    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] languages;

    public boolean eu;
}
