package eu.authorityhub.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.deadline.IndicatorScope;

/**
 * The overdue and escalated deadlines of a coordinator's scope, oldest first: what to act on. Case metadata only
 * (parties, dates, state, procedure, profession), never the professional or the answers.
 */
@ApplicationScoped
public class StalledCases {

    /** One stalled case: the deadline that is overdue, and the case it belongs to. */
    public record Stalled(long deadlineId, String caseType, UUID caseId, String reference, String kind,
            String procedure, String party, String counterpart, String caseState, String profession,
            OffsetDateTime sentAt, OffsetDateTime dueAt, OffsetDateTime overdueAt, OffsetDateTime escalatedAt,
            OffsetDateTime remindedAt, long daysOverdue) {
    }

    private final EntityManager em;
    private final Clock clock;

    public StalledCases(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The scope's stalled cases, oldest due first, up to {@code limit}. */
    @Transactional
    public List<Stalled> of(IndicatorScope scope, int limit) {
        return query(scope, null, limit);
    }

    /** One stalled case of the scope; any other deadline, stalled or not, is not found. */
    @Transactional
    public Stalled one(IndicatorScope scope, long deadlineId) {
        return query(scope, deadlineId, 1).stream().findFirst().orElseThrow(() -> new HubException(
                ErrorCode.NOT_FOUND, "No such stalled case in the coordinator's scope"));
    }

    private List<Stalled> query(IndicatorScope scope, Long id, int limit) {
        Map<String, Object> p = new HashMap<>(Map.of("ms", scope.memberState(), "n", limit));
        StringBuilder sql = new StringBuilder("select t.id, t.case_type, t.case_id, t.reference, t.kind, t.procedure,"
                + " t.party, coalesce(r.requester, a.issuer), coalesce(r.state, a.state), coalesce(r.profession,"
                + " a.profession), coalesce(r.sent_at, a.broadcast_at), t.due_at, t.overdue_at, t.escalated_at,"
                + " t.reminded_at from deadline_timer t"
                + " left join information_request r on t.case_type = 'REQUEST' and r.id = t.case_id"
                + " left join alert a on t.case_type = 'ALERT' and a.id = t.case_id"
                + " where t.party_state = cast(:ms as bpchar) and t.overdue_at is not null and t.state <> 'CANCELLED'");
        if (scope.authority() != null) {
            sql.append(" and t.party = :a");
            p.put("a", scope.authority());
        }
        if (scope.policyArea() != null) {
            sql.append(" and r.policy_area = :pa");
            p.put("pa", scope.policyArea());
        }
        sql.append(scope.alertsReceived() ? " and t.case_type = 'ALERT'" : "");
        if (id != null) {
            sql.append(" and t.id = :id");
            p.put("id", id);
        }
        sql.append(" order by t.due_at, t.id limit :n");
        var q = em.createNativeQuery(sql.toString());
        p.forEach(q::setParameter);
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> {
            OffsetDateTime due = time(r[11]);
            return new Stalled(((Number) r[0]).longValue(), (String) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], time(r[10]), due,
                    time(r[12]), time(r[13]), time(r[14]), Math.max(0, Duration.between(due, now).toDays()));
        }).toList();
    }

    private static OffsetDateTime time(Object o) {
        return eu.authorityhub.time.SqlTimes.utc(o);
    }
}
