package eu.authorityhub.accesslog;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Startup;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

import eu.authorityhub.security.CallerResolver;

/**
 * Where features report a read of personal data: the case, its parties and what was shown. Outside an HTTP call (a
 * consumer, the retention engine) nobody reads, and nothing is recorded.
 * <p>
 * {@code hub.access-log.enabled=false} turns recording off. It exists to measure what the record costs (ExchangeBench
 * compares both): the law requires the record, and a hub without it cannot tell who saw what, so it warns at start.
 */
@Startup
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger(AccessLog.class);

    private final AccessRecorder recorder;
    private final AccessLogWriter writer;
    private final CallerResolver callers;
    private final CurrentVertxRequest http;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean enabled;

    AccessLog(AccessRecorder recorder, AccessLogWriter writer, CallerResolver callers, CurrentVertxRequest http,
            TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "hub.access-log.enabled", defaultValue = "true") boolean enabled) {
        this.recorder = recorder;
        this.writer = writer;
        this.callers = callers;
        this.http = http;
        this.transactions = transactions;
        this.enabled = enabled;
        if (!enabled) {
            LOG.warn("hub.access-log.enabled=false: reads of personal data are NOT recorded. For measurement only;"
                    + " the IMI Regulation (Art. 19) and the GDPR (Art. 5(2), 30) require the record");
        }
    }

    /**
     * Notes what a call showed. Inside a transaction the record is written as that transaction commits, in it (no
     * commit of its own; if it cannot be written, the call fails and shows nothing); what is read outside one is
     * written by {@link AccessLogFilter} before the answer leaves.
     */
    public void read(String caseType, UUID caseId, Collection<String> parties, Set<DataKind> shown) {
        if (!enabled || shown.isEmpty() || !Arc.container().requestContext().isActive()) {
            return;
        }
        recorder.add(caseType, caseId, parties, shown);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE && recorder.record() == null
                && recorder.writtenBy(transactions.getTransactionKey())) {
            transactions.registerInterposedSynchronization(new Synchronization() {

                @Override
                public void beforeCompletion() {
                    if (recorder.isPending() && recorder.record() == null) {
                        writer.writeHere(callers.caller(), purpose(), recorder);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // a rolled-back call showed nothing: the filter finds nothing pending once the answer is an error
                }
            });
        }
    }

    private String purpose() {
        RoutingContext rc = http.getCurrent();
        return AccessLogFilter.purpose(rc.request().method().name(), rc.normalizedPath());
    }
}
