package eu.authorityhub.api;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/** Tells a dependency outage (answer 503, retry later) from a bug or bad input. */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    private Failures() {
    }

    /** True when the cause chain shows that PostgreSQL could not be reached or is shutting down. */
    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                String msg = String.valueOf(sql.getMessage());
                if (msg.contains("Acquisition timeout") || msg.contains("This connection has been closed")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Runs the action, retrying with a growing pause while the database is unavailable. Used by consumers, which must
     * not skip a record during an outage. Other failures propagate at once.
     */
    public static <T> T retryWhileUnavailable(Supplier<T> action) {
        long pauseMs = 100;
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!isDatabaseUnavailable(e)) {
                    throw e;
                }
                LOG.warnf("Database unavailable, retrying in %d ms", pauseMs);
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMs = Math.min(pauseMs * 2, 5_000);
            }
        }
    }
}
