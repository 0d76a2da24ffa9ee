package eu.authorityhub.evidence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import eu.authorityhub.evidence.EvidencePayloads.Broken;
import eu.authorityhub.evidence.EvidencePayloads.Verification;

/**
 * Walks a chain from its first entry: every position present once and in order, every content hash recomputed from
 * the row (unless the content went after its keeping time), every link, and every checkpoint's signature and head.
 * Reports the first broken entry by its key (event id or access record number), so that one can look at it.
 */
@ApplicationScoped
public class EvidenceVerifier {

    /** The access log's content goes 3 years after the access; a row emptied sooner was tampered with. */
    static final Period ACCESS_KEPT = Period.ofYears(3);

    private final EntityManager em;
    private final EvidenceKeys keys;

    EvidenceVerifier(EntityManager em, EvidenceKeys keys) {
        this.em = em;
        this.keys = keys;
    }

    @Transactional
    public Verification verify(String chainName) {
        Chain chain = Chain.named(chainName);
        Map<Long, Object[]> checkpoints = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> cps = em.createNativeQuery("select pos, head_sha256, at, key_id, signature from"
                + " evidence_checkpoint where chain = :c").setParameter("c", chain.name).getResultList();
        cps.forEach(c -> checkpoints.put(((Number) c[0]).longValue(), c));
        TreeSet<String> otherKeys = new TreeSet<>();
        long[] counts = new long[3]; // entries, checkpoints verified, purged
        Broken[] broken = {null};
        em.unwrap(Session.class).doWork(c -> {
            c.setAutoCommit(false); // a cursor: rows stream rather than all at once
            try (PreparedStatement q = c.prepareStatement("select " + chain.columns + ", chain_pos, content_sha256,"
                    + " prev_sha256, entry_sha256 from " + chain.table + " where chain_pos is not null order by"
                    + " chain_pos")) {
                q.setFetchSize(5000);
                try (ResultSet r = q.executeQuery()) {
                    int n = r.getMetaData().getColumnCount();
                    long expected = 0;
                    String previous = "0".repeat(64);
                    while (r.next() && broken[0] == null) {
                        String key = r.getString(1);
                        long pos = r.getLong(n - 3);
                        String content = r.getString(n - 2);
                        String prev = r.getString(n - 1);
                        String entry = r.getString(n);
                        expected++;
                        if (pos != expected) {
                            broken[0] = new Broken(pos, key, pos > expected
                                    ? "entries " + expected + " to " + (pos - 1) + " are missing before this one"
                                    : "position " + pos + " appears twice");
                            break;
                        }
                        if (!previous.equals(prev)) {
                            broken[0] = new Broken(pos, key, "does not follow the entry before it (moved, or the one"
                                    + " before was replaced)");
                            break;
                        }
                        if (chain.purged(r)) {
                            counts[2]++;
                            if (!chain.purgedInTime(r)) {
                                broken[0] = new Broken(pos, key, "content removed before its keeping time");
                                break;
                            }
                        } else if (!Chain.sha256(chain.content(r)).equals(content)) {
                            broken[0] = new Broken(pos, key, "content changed since it was chained");
                            break;
                        }
                        if (!Chain.link(prev, pos, content).equals(entry)) {
                            broken[0] = new Broken(pos, key, "entry hash does not match its link and content");
                            break;
                        }
                        Object[] cp = checkpoints.remove(pos);
                        if (cp != null) {
                            OffsetDateTime at = cp[2] instanceof Instant i
                                    ? i.atOffset(ZoneOffset.UTC)
                                    : (OffsetDateTime) cp[2];
                            if (!entry.equals(cp[1])) {
                                broken[0] = new Broken(pos, key, "differs from the signed checkpoint at this position");
                                break;
                            }
                            if (keys.keyId().equals(cp[3])) {
                                if (!keys.verify((String) cp[3], Chain.statement(chain.name, pos, entry, at),
                                        (String) cp[4])) {
                                    broken[0] = new Broken(pos, key, "checkpoint signature does not verify");
                                    break;
                                }
                                counts[1]++;
                            } else {
                                otherKeys.add((String) cp[3]);
                            }
                        }
                        previous = entry;
                    }
                    counts[0] = expected;
                }
            }
        });
        if (broken[0] == null && !checkpoints.isEmpty()) {
            long pos = checkpoints.keySet().stream().min(Long::compare).orElseThrow();
            broken[0] = new Broken(pos, null, "a signed checkpoint names this position, but the chain ends before it");
        }
        @SuppressWarnings("unchecked")
        List<Object> pending = em.createNativeQuery("select count(*) from " + chain.table + " where chain_pos is null")
                .getResultList();
        return new Verification(chain.name, broken[0] == null, counts[0], counts[1], List.copyOf(otherKeys),
                counts[2], ((Number) pending.get(0)).longValue(), broken[0]);
    }
}
