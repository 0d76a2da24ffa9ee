package eu.authorityhub.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;

import javax.transaction.xa.XAException;

import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import io.quarkus.arc.ArcUndeclaredThrowableException;

/** Which failures count as a database outage (503) rather than a bug (500). Plain unit test, no hub. */
class FailuresTest {

    /** What the driver builds when PostgreSQL is stopped under an open connection. */
    private static PSQLException adminShutdown() {
        return new PSQLException(
                new ServerErrorMessage("SFATAL\0C57P01\0Mterminating connection due to administrator command\0"));
    }

    /**
     * The chain seen by the fault drill when PostgreSQL stopped while a request was committing: the commit fails, and
     * Narayana reports a RollbackException whose only link to the database is a suppressed XAException. This answered
     * 500 before suppressed exceptions were inspected.
     */
    @Test
    void connectionLostAtCommitIsAnOutage() {
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(adminShutdown());
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        Throwable seenByMapper = new ArcUndeclaredThrowableException("Error invoking subclass method", rollback);

        assertTrue(Failures.isDatabaseUnavailable(seenByMapper));
    }

    @Test
    void connectionFailuresAlongTheCauseChainAreOutages() {
        assertTrue(Failures.isDatabaseUnavailable(new RuntimeException(adminShutdown())));
        assertTrue(Failures.isDatabaseUnavailable(new IllegalStateException(new ConnectException("refused"))));
        assertTrue(Failures.isDatabaseUnavailable(new SQLException("I/O error", "08006")));
        assertTrue(Failures.isDatabaseUnavailable(new SQLException("This connection has been closed.")));
    }

    @Test
    void otherFailuresAreNot() {
        RollbackException rollbackOnly = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollbackOnly.addSuppressed(new IllegalArgumentException("bug"));
        assertFalse(Failures.isDatabaseUnavailable(rollbackOnly));
        assertFalse(Failures.isDatabaseUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(Failures.isDatabaseUnavailable(new NullPointerException()));
        assertFalse(Failures.isDatabaseUnavailable(null));
    }

    @Test
    void cyclicChainsEnd() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertFalse(Failures.isDatabaseUnavailable(b));
    }
}
