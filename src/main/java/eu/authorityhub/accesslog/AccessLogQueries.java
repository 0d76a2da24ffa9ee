package eu.authorityhub.accesslog;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import eu.authorityhub.accesslog.AccessLogPayloads.AccessView;
import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;

/**
 * Reading the access log: an authority admin sees its own staff's and systems' accesses, a data-protection officer
 * every access to its authority's cases, newest first. Nobody else reads it.
 */
@ApplicationScoped
public class AccessLogQueries {

    private final EntityManager em;

    AccessLogQueries(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<AccessView> list(Caller caller, UUID caseId, Long before, int limit) {
        String me = caller.authority().orElseThrow(() -> new HubException(ErrorCode.NOT_ACTING_FOR_AUTHORITY,
                "The token names no authority"));
        boolean officer = caller.hasRole(Roles.DATA_PROTECTION_OFFICER);
        String scope = officer ? "(authority = :me or :me = any(case_parties))" : "authority = :me";
        return rows(caseId, before, limit, scope, me);
    }

    /** Every access to the given cases, for a subject-access export (the caller's authority is a party of each). */
    @Transactional
    public List<AccessView> ofCases(List<UUID> cases) {
        if (cases.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from access_log where purged_at is null"
                + " and case_ids && cast(:ids as uuid[]) order by seq").setParameter("ids", AccessLogWriter.array(
                        cases.stream().map(UUID::toString).toList()))
                .getResultList();
        return rows.stream().map(AccessLogQueries::view).toList();
    }

    private static final String COLUMNS = "seq, at, subject, client, authority, case_type, cast(case_ids as text[]),"
            + " data_kinds, purpose";

    private List<AccessView> rows(UUID caseId, Long before, int limit, String scope, String me) {
        StringBuilder q = new StringBuilder("select " + COLUMNS + " from access_log where purged_at is null and "
                + scope);
        if (caseId != null) {
            q.append(" and case_ids @> cast(:case as uuid[])");
        }
        if (before != null) {
            q.append(" and seq < :before");
        }
        q.append(" order by seq desc limit :n");
        var query = em.createNativeQuery(q.toString()).setParameter("me", me).setParameter("n", limit);
        if (caseId != null) {
            query.setParameter("case", "{" + caseId + "}");
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(AccessLogQueries::view).toList();
    }

    private static AccessView view(Object[] r) {
        return new AccessView(((Number) r[0]).longValue(), time(r[1]), (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], r[6] == null
                        ? List.of()
                        : Arrays.stream((String[]) r[6]).map(UUID::fromString)
                                .toList(),
                r[7] == null ? List.of() : List.of((String[]) r[7]), (String) r[8]);
    }

    private static OffsetDateTime time(Object o) {
        return eu.authorityhub.time.SqlTimes.utc(o);
    }
}
