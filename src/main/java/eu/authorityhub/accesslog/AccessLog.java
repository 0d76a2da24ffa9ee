package eu.authorityhub.accesslog;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Startup;

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
    private final boolean enabled;

    AccessLog(AccessRecorder recorder,
            @ConfigProperty(name = "hub.access-log.enabled", defaultValue = "true") boolean enabled) {
        this.recorder = recorder;
        this.enabled = enabled;
        if (!enabled) {
            LOG.warn("hub.access-log.enabled=false: reads of personal data are NOT recorded. For measurement only;"
                    + " the IMI Regulation (Art. 19) and the GDPR (Art. 5(2), 30) require the record");
        }
    }

    public void read(String caseType, UUID caseId, Collection<String> parties, Set<DataKind> shown) {
        if (!enabled || shown.isEmpty() || !Arc.container().requestContext().isActive()) {
            return;
        }
        recorder.add(caseType, caseId, parties, shown);
    }
}
