package eu.authorityhub.accesslog;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Keeps access records 3 years, then removes their content. The row and its hashes stay, so the access chain still
 * verifies; only chained records are emptied (their content hash is kept first).
 */
@ApplicationScoped
public class AccessLogKeeper {

    private static final Logger LOG = Logger.getLogger(AccessLogKeeper.class);

    private final EntityManager em;
    private final Clock clock;
    private final Period keep;

    AccessLogKeeper(EntityManager em, Clock clock,
            @ConfigProperty(name = "hub.access-log.keep", defaultValue = "P3Y") Period keep) {
        this.em = em;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(every = "${hub.access-log.purge-interval:6h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warnf("Access log purge failed, will retry: %s", e.getMessage());
        }
    }

    /** @return the records whose content was removed */
    @Transactional(TxType.REQUIRES_NEW)
    public int purge() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return em.createNativeQuery("update access_log set subject = null, client = null, authority = null, case_type"
                + " = null, case_ids = null, case_parties = null, data_kinds = null, purpose = null, purged_at = :now"
                + " where at <= :before and purged_at is null and chain_pos is not null").setParameter("now", now)
                .setParameter("before", now.minus(keep)).executeUpdate();
    }
}
