package eu.authorityhub.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The real PostgreSQL ends a connection while its transaction is open, as a fast shutdown does: the commit fails with
 * {@code 57P01}, which Narayana reports only as an exception suppressed on its RollbackException. That failure must
 * count as an outage (503 and a retry), the row must not be there, and the pool must serve the next transaction.
 */
@QuarkusTest
class ConnectionLostAtCommitTest {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void connectionEndedBeforeCommitIsAnOutageAndWritesNothing() {
        String key = "lost-at-commit-" + UUID.randomUUID();

        RuntimeException failure = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    em.createNativeQuery("insert into idempotency_record (client, idem_key, request_hash,"
                            + " response_status, response_body, created_at) values ('test', :k, 'h', 0, '', :t)")
                            .setParameter("k", key).setParameter("t", OffsetDateTime.now()).executeUpdate();
                    int backend = ((Number) em.createNativeQuery("select pg_backend_pid()").getSingleResult())
                            .intValue();
                    terminate(backend);
                }));

        assertTrue(Failures.isDatabaseUnavailable(failure), () -> "not seen as an outage: " + failure);
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from idempotency_record where idem_key = :k").setParameter("k", key)
                .getSingleResult()).longValue());
        assertEquals(0, stored);
    }

    /**
     * Ends the backend from a connection outside the pool and the transaction, as the server does on shutdown, and
     * waits until it is gone.
     */
    private void terminate(int backend) {
        try (Connection admin = DriverManager.getConnection(url, user, password);
                PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(?, 10000)")) {
            kill.setInt(1, backend);
            kill.executeQuery();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
