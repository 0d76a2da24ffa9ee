package eu.authorityhub.accesslog;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;

/**
 * Where features report a read of personal data: the case, its parties and what was shown. Outside an HTTP call (a
 * consumer, the retention engine) nobody reads, and nothing is recorded.
 */
@ApplicationScoped
public class AccessLog {

    private final AccessRecorder recorder;

    AccessLog(AccessRecorder recorder) {
        this.recorder = recorder;
    }

    public void read(String caseType, UUID caseId, Collection<String> parties, Set<DataKind> shown) {
        if (shown.isEmpty() || !Arc.container().requestContext().isActive()) {
            return;
        }
        recorder.add(caseType, caseId, parties, shown);
    }
}
