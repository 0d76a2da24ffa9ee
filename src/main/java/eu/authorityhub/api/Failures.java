package eu.authorityhub.api;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/** Tells a dependency outage (answer 503, retry later) from a bug or bad input. */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    private Failures() {
    }

    /**
     * True when the cause chain, or an exception suppressed along it, shows that PostgreSQL could not be reached or is
     * shutting down. Suppressed exceptions matter: when the connection dies at commit, Narayana throws a
     * {@code RollbackException} whose only trace of the database is a suppressed {@code XAException}.
     */
    public static boolean isDatabaseUnavailable(Throwable e) {
        return showsDatabaseOutage(e, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean showsDatabaseOutage(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (isConnectionFailure(t)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (showsDatabaseOutage(suppressed, seen)) {
                return true;
            }
        }
        return showsDatabaseOutage(t.getCause(), seen);
    }

    private static boolean isConnectionFailure(Throwable t) {
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
            return msg.contains("Acquisition timeout") || msg.contains("This connection has been closed");
        }
        return false;
    }

    /**
     * True when the token could not be checked because the OIDC provider could not be reached (its discovery or keys
     * were never fetched, or a key it must publish could not be fetched): a dependency outage, not bad input.
     */
    public static boolean isIdentityProviderUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.quarkus.oidc.OIDCException) {
                return true;
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
