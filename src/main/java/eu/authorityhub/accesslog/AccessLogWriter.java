package eu.authorityhub.accesslog;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.authorityhub.security.Caller;

/** Writes one access record in its own transaction (chained later by the evidence sealer). */
@ApplicationScoped
public class AccessLogWriter {

    private final EntityManager em;
    private final Clock clock;

    AccessLogWriter(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void write(Caller caller, String purpose, AccessRecorder read) {
        String authority = caller.authority().or(() -> caller.coordinator().map(Caller.CoordinatorScope::code))
                .orElse(null);
        em.createNativeQuery("insert into access_log (at, subject, client, authority, case_type, case_ids,"
                + " case_parties, data_kinds, purpose) values (:at, :s, :c, :a, :t, cast(:ids as uuid[]), cast(:p as"
                + " text[]), cast(:k as text[]), :why)")
                .setParameter("at", OffsetDateTime.now(clock)).setParameter("s", caller.subject()).setParameter("c",
                        caller.client())
                .setParameter("a", authority).setParameter("t", read.caseType())
                .setParameter("ids", array(read.cases().stream().map(
                        UUID::toString).toList()))
                .setParameter("p", array(read.parties())).setParameter("k", array(read.kinds()))
                .setParameter("why", purpose).executeUpdate();
    }

    /** A PostgreSQL array literal of codes, ids and names (quoted, so any character is safe). */
    static String array(java.util.List<String> items) {
        StringBuilder sb = new StringBuilder("{");
        for (String item : items) {
            sb.append(sb.length() > 1 ? "," : "").append('"').append(item.replace("\\", "\\\\").replace("\"",
                    "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
