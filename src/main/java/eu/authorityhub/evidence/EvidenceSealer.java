package eu.authorityhub.evidence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Appends new journal and access entries to their chains, in batches, and signs a checkpoint every N entries or M
 * minutes. The chain's head row is locked while it grows, so two hub instances never chain the same entry twice.
 */
@ApplicationScoped
public class EvidenceSealer {

    private static final Logger LOG = Logger.getLogger(EvidenceSealer.class);

    private final EntityManager em;
    private final EvidenceConfig config;
    private final EvidenceKeys keys;
    private final Clock clock;

    EvidenceSealer(EntityManager em, EvidenceConfig config, EvidenceKeys keys, Clock clock) {
        this.em = em;
        this.config = config;
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(every = "${hub.evidence.seal-interval:2s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (!config.sealerEnabled().orElse(true)) {
            return;
        }
        try {
            sealAll(config.sealDelay());
        } catch (RuntimeException e) {
            LOG.warnf("Evidence sealing failed, will retry: %s", e.getMessage());
        }
    }

    /** Chains everything older than {@code delay} in both chains; @return entries chained. */
    public int sealAll(Duration delay) {
        int total = 0;
        for (Chain chain : Chain.values()) {
            for (int n; (n = sealBatch(chain, delay)) > 0;) {
                total += n;
            }
        }
        return total;
    }

    /** Chains one batch of a chain's new entries, checkpointing when due; @return entries chained. */
    @Transactional(TxType.REQUIRES_NEW)
    int sealBatch(Chain chain, Duration delay) {
        // microseconds, as the database keeps them: the signed statement must read back the same
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Object[] head = (Object[]) em.createNativeQuery("select head_pos, head_sha256, checkpoint_pos, checkpoint_at"
                + " from evidence_chain where name = :n for update").setParameter("n", chain.name).getSingleResult();
        long[] pos = {((Number) head[0]).longValue()};
        String[] previous = {(String) head[1]};
        List<Object[]> links = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement q = c.prepareStatement("select " + chain.columns + " from " + chain.table
                    + " where chain_pos is null and " + chain.timeColumn + " < ? order by " + chain.order
                    + " limit ?")) {
                q.setObject(1, now.minus(delay));
                q.setInt(2, config.sealBatch());
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        String content = Chain.sha256(chain.content(r));
                        long p = ++pos[0];
                        String entry = Chain.link(previous[0], p, content);
                        links.add(new Object[]{r.getString(1), p, content, previous[0], entry});
                        previous[0] = entry;
                    }
                }
            }
            if (links.isEmpty()) {
                return;
            }
            try (PreparedStatement u = c.prepareStatement("update " + chain.table + " set chain_pos = ?,"
                    + " content_sha256 = ?, prev_sha256 = ?, entry_sha256 = ? where " + chain.key + " = cast(? as "
                    + (chain == Chain.JOURNAL ? "uuid" : "bigint") + ")")) {
                for (Object[] l : links) {
                    u.setLong(1, (Long) l[1]);
                    u.setString(2, (String) l[2]);
                    u.setString(3, (String) l[3]);
                    u.setString(4, (String) l[4]);
                    u.setString(5, (String) l[0]);
                    u.addBatch();
                }
                u.executeBatch();
            }
        });
        long checkpointPos = ((Number) head[2]).longValue();
        OffsetDateTime checkpointAt = eu.authorityhub.time.SqlTimes.utc(head[3]);
        boolean due = pos[0] > checkpointPos && (pos[0] - checkpointPos >= config.checkpointEvery()
                || checkpointAt == null || !checkpointAt.plus(config.checkpointInterval()).isAfter(now));
        if (due) {
            em.createNativeQuery("insert into evidence_checkpoint (chain, pos, head_sha256, at, key_id, signature)"
                    + " values (:c, :p, :h, :at, :k, :s)").setParameter("c", chain.name).setParameter("p", pos[0])
                    .setParameter("h", previous[0]).setParameter("at", now).setParameter("k", keys.keyId())
                    .setParameter("s", keys.sign(Chain.statement(chain.name, pos[0], previous[0], now)))
                    .executeUpdate();
            checkpointPos = pos[0];
            checkpointAt = now;
        }
        em.createNativeQuery("update evidence_chain set head_pos = :p, head_sha256 = :h, checkpoint_pos = :cp,"
                + " checkpoint_at = :ca where name = :n").setParameter("p", pos[0]).setParameter("h", previous[0])
                .setParameter("cp", checkpointPos).setParameter("ca", checkpointAt).setParameter("n", chain.name)
                .executeUpdate();
        return links.size();
    }
}
