package eu.authorityhub.retention;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Schedules the blocking and deletion of a closed request's personal data (inside the closing step's transaction) and
 * carries them out in batches claimed with {@code FOR UPDATE SKIP LOCKED}, so that any number of hub instances block
 * or delete each case once.
 */
@ApplicationScoped
public class RetentionService {

    private final EntityManager em;
    private final RetentionPolicy policy;
    private final RetentionConfig config;
    private final PersonalDataEraser eraser;
    private final Clock clock;

    RetentionService(EntityManager em, RetentionPolicy policy, RetentionConfig config, PersonalDataEraser eraser,
            Clock clock) {
        this.em = em;
        this.policy = policy;
        this.config = config;
        this.eraser = eraser;
        this.clock = clock;
    }

    /**
     * A request was closed, withdrawn or declined at {@code closedAt}: its data are blocked after the procedure's
     * period and deleted after the deletion period, both counted from closure.
     */
    @Transactional(TxType.MANDATORY)
    public void closed(UUID request, String procedure, OffsetDateTime closedAt) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("insert into retention_task (case_type, case_id, action, due_at, state, created_at)"
                + " values ('REQUEST', :c, 'BLOCK', :b, 'PENDING', :now), ('REQUEST', :c, 'DELETE', :d, 'PENDING',"
                + " :now) on conflict do nothing").setParameter("c", request).setParameter("b", closedAt.plus(policy
                        .blockAfter(procedure)))
                .setParameter("d", closedAt.plus(policy.deleteAfter())).setParameter("now", now).executeUpdate();
    }

    /**
     * An alert was withdrawn or expired at {@code endedAt}: its personal data are removed after the alert removal
     * delay (at once by default, within 3 days at the latest).
     */
    @Transactional(TxType.MANDATORY)
    public void alertEnded(UUID alert, OffsetDateTime endedAt) {
        em.createNativeQuery("insert into retention_task (case_type, case_id, action, due_at, state, created_at)"
                + " values ('ALERT', :c, 'DELETE', :d, 'PENDING', :now) on conflict do nothing").setParameter("c",
                        alert)
                .setParameter("d", endedAt.plus(policy.alertRemovalAfter())).setParameter("now",
                        OffsetDateTime.now(clock))
                .executeUpdate();
    }

    /**
     * Carries out up to one batch of blockings and deletions due at or before {@code cutoff}, in one transaction.
     *
     * @return the number of tasks done (a case already blocked or deleted counts, but is not announced again)
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int runBatch(OffsetDateTime cutoff) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery("with due as (select id from retention_task where state ="
                + " 'PENDING' and due_at <= :cutoff order by due_at limit :n for update skip locked) update"
                + " retention_task t set state = 'DONE', done_at = :now from due where t.id = due.id returning"
                + " t.case_type, t.case_id, t.action").setParameter("cutoff", cutoff)
                .setParameter("n", config.batchSize())
                .setParameter("now", now).getResultList();
        List<UUID> block = new ArrayList<>();
        List<UUID> delete = new ArrayList<>();
        List<UUID> alerts = new ArrayList<>();
        for (Object[] row : claimed) {
            UUID id = (UUID) row[1];
            if ("ALERT".equals(row[0])) {
                alerts.add(id);
            } else {
                ("BLOCK".equals(row[2]) ? block : delete).add(id);
            }
        }
        eraser.block(block, now, PersonalDataEraser.Cause.RETENTION_PERIOD);
        eraser.delete(delete, now, PersonalDataEraser.Cause.RETENTION_PERIOD);
        eraser.removeFromAlerts(alerts, now);
        return claimed.size();
    }

    /** Deletes idempotency records older than their keeping time; @return how many. */
    @Transactional(TxType.REQUIRES_NEW)
    public int purgeIdempotencyRecords() {
        return em.createNativeQuery("delete from idempotency_record where created_at < :before").setParameter(
                "before", OffsetDateTime.now(clock).minus(config.idempotencyKeep())).executeUpdate();
    }

    /** Ends the pending blockings and deletions of a case (its data were deleted early). */
    @Transactional(TxType.MANDATORY)
    void cancel(UUID request) {
        em.createNativeQuery("update retention_task set state = 'CANCELLED', done_at = :now where case_id = :c and"
                + " state = 'PENDING'").setParameter("c", request).setParameter("now", OffsetDateTime.now(clock))
                .executeUpdate();
    }
}
