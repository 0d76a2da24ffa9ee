package eu.authorityhub.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * One tamper-evident chain: which table, in which order new entries join it, and how an entry's content is written
 * down for hashing. An entry's hash covers the previous entry's hash, its position and its content's hash; the content
 * hash stays when the content goes (personal data deleted after their time), so the chain still verifies.
 */
enum Chain {

    /** The event journal: every event as it travelled over Kafka. */
    JOURNAL("journal", "event_journal", "event_id", "cast(event_id as text) as k, event_type, source, subject,"
            + " event_time, topic, envelope_sha256, recorded_at", "recorded_at", "recorded_at, event_id"),
    /** The access log: every read of personal data. */
    ACCESS("access", "access_log", "seq", "cast(seq as text) as k, at, subject, client, authority, case_type,"
            + " cast(case_ids as text), cast(case_parties as text), cast(data_kinds as text), purpose, purged_at",
            "at", "seq");

    final String name;
    final String table;
    final String key;
    final String columns;
    final String timeColumn;
    final String order;

    Chain(String name, String table, String key, String columns, String timeColumn, String order) {
        this.name = name;
        this.table = table;
        this.key = key;
        this.columns = columns;
        this.timeColumn = timeColumn;
        this.order = order;
    }

    static Chain named(String name) {
        for (Chain c : values()) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** How many of the selected columns are content (the access log's purged_at, last, is not). */
    private int contentColumns() {
        return this == ACCESS ? 10 : 8;
    }

    /** The row's content as hashed: each column length-prefixed, times in microseconds since the epoch. */
    String content(ResultSet row) throws SQLException {
        StringBuilder sb = new StringBuilder(name);
        for (int i = 1; i <= contentColumns(); i++) {
            Object v = row.getObject(i);
            String s = v == null
                    ? null
                    : v instanceof java.sql.Timestamp || v instanceof OffsetDateTime
                            ? Long.toString(micros(row.getObject(i, OffsetDateTime.class)))
                            : v.toString();
            sb.append('|').append(s == null ? -1 : s.length()).append(':').append(s == null ? "" : s);
        }
        return sb.toString();
    }

    /** Whether the row's content was removed (its hash stays). */
    boolean purged(ResultSet row) throws SQLException {
        return this == ACCESS && row.getObject(11) != null;
    }

    /** Whether a removed content had been kept its full time (3 years after the access). */
    boolean purgedInTime(ResultSet row) throws SQLException {
        return !row.getObject(2, OffsetDateTime.class).plus(EvidenceVerifier.ACCESS_KEPT).isAfter(row.getObject(11,
                OffsetDateTime.class));
    }

    private static long micros(OffsetDateTime t) {
        java.time.Instant i = t.toInstant();
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry's hash: the previous entry's, its position, its content's. */
    static String link(String previous, long pos, String contentSha256) {
        return sha256(previous + "|" + pos + "|" + contentSha256);
    }

    /** What a checkpoint signs. */
    static String statement(String chain, long pos, String head, OffsetDateTime at) {
        return "authorityhub-evidence-v1|" + chain + "|" + pos + "|" + head + "|" + micros(at);
    }
}
