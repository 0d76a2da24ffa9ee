package eu.authorityhub.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import eu.authorityhub.evidence.EvidencePayloads.Broken;
import eu.authorityhub.evidence.EvidencePayloads.Verification;

/**
 * Walks a chain from its first entry over plain JDBC (the hub and the command-line verifier share it): every position
 * present once and in order, every content hash recomputed from the row (unless the content went after its keeping
 * time), every link, and every checkpoint's head and signature. Reports the first broken entry by its key.
 */
final class ChainWalker {

    /** Checks a checkpoint's signature: true or false, or null when it is signed by a key this check does not hold. */
    interface SignatureCheck {

        Boolean check(String keyId, String statement, String signature);
    }

    private ChainWalker() {
    }

    /** Walks the chain over a plain JDBC connection; signatures are checked by {@code signatures}. */
    static Verification walk(Connection c, Chain chain, SignatureCheck signatures) throws SQLException {
        Map<Long, Object[]> checkpoints = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("select pos, head_sha256, at, key_id, signature from"
                + " evidence_checkpoint where chain = ?")) {
            q.setString(1, chain.name);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    checkpoints.put(r.getLong(1), new Object[]{r.getLong(1), r.getString(2), r.getObject(3,
                            OffsetDateTime.class), r.getString(4), r.getString(5)});
                }
            }
        }
        TreeSet<String> otherKeys = new TreeSet<>();
        long[] counts = new long[3]; // entries, checkpoints verified, purged
        Broken[] broken = {null};
        {
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
                            OffsetDateTime at = (OffsetDateTime) cp[2];
                            if (!entry.equals(cp[1])) {
                                broken[0] = new Broken(pos, key, "differs from the signed checkpoint at this position");
                                break;
                            }
                            Boolean valid = signatures.check((String) cp[3], Chain.statement(chain.name, pos, entry,
                                    at), (String) cp[4]);
                            if (valid == null) {
                                otherKeys.add((String) cp[3]);
                            } else if (!valid) {
                                broken[0] = new Broken(pos, key, "checkpoint signature does not verify");
                                break;
                            } else {
                                counts[1]++;
                            }
                        }
                        previous = entry;
                    }
                    counts[0] = expected;
                }
            }
        }
        if (broken[0] == null && !checkpoints.isEmpty()) {
            long pos = checkpoints.keySet().stream().min(Long::compare).orElseThrow();
            broken[0] = new Broken(pos, null, "a signed checkpoint names this position, but the chain ends before it");
        }
        long pending;
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from " + chain.table
                        + " where chain_pos is null")) {
            r.next();
            pending = r.getLong(1);
        }
        return new Verification(chain.name, broken[0] == null, counts[0], counts[1], List.copyOf(otherKeys),
                counts[2], pending, broken[0]);
    }
}
