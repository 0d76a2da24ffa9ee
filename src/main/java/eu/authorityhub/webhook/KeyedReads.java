package eu.authorityhub.webhook;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * For a transaction whose statements all read by key (deliveries and endpoints by id): sequential scans off until it
 * ends. With the statistics of a table that has just grown, the planner chose sequential scans over the deliveries and
 * the event bodies, which cost a claim 280 ms and an outcome transaction about half its time (docs/performance.md).
 */
final class KeyedReads {

    private KeyedReads() {
    }

    static void only(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local enable_seqscan = off");
        }
    }
}
