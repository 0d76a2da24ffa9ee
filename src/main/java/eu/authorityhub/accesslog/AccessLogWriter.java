package eu.authorityhub.accesslog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import eu.authorityhub.security.Caller;

/**
 * Writes an access record (chained later by the evidence sealer): inside the call's own transaction as it commits, so
 * that a read costs no commit of its own, or in a transaction of its own for what a call read outside one.
 */
@ApplicationScoped
public class AccessLogWriter {

    private static final String INSERT = "insert into access_log (at, subject, client, authority, case_type,"
            + " case_ids, case_parties, data_kinds, purpose) values (?, ?, ?, ?, ?, cast(? as uuid[]), cast(? as"
            + " text[]), cast(? as text[]), ?) returning seq";

    private final DataSource db;
    private final Clock clock;

    AccessLogWriter(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Writes the record in the current transaction, as it commits (the connection the transaction enlisted; no
     * interceptor, the transaction is completing).
     */
    void writeHere(Caller caller, String purpose, AccessRecorder read) {
        insert(caller, purpose, read);
    }

    /** Writes the record in a transaction of its own. */
    @Transactional(TxType.REQUIRES_NEW)
    public void write(Caller caller, String purpose, AccessRecorder read) {
        insert(caller, purpose, read);
    }

    private void insert(Caller caller, String purpose, AccessRecorder read) {
        String authority = caller.authority().or(() -> caller.coordinator().map(Caller.CoordinatorScope::code))
                .orElse(null);
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setObject(1, OffsetDateTime.now(clock));
            s.setString(2, caller.subject());
            s.setString(3, caller.client());
            s.setString(4, authority);
            s.setString(5, read.caseType());
            s.setString(6, array(read.cases().stream().map(UUID::toString).toList()));
            s.setString(7, array(read.parties()));
            s.setString(8, array(read.kinds()));
            s.setString(9, purpose);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                read.written(r.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("access record not written: " + e.getSQLState(), e);
        }
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
