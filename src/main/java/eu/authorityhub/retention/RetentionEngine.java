package eu.authorityhub.retention;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Drives the retention tasks: every poll it blocks and deletes what is due, batch by batch, until nothing is due.
 * What fell due while the hub was down is done at the next run. Any number of instances may run it at once.
 */
@ApplicationScoped
public class RetentionEngine {

    private static final Logger LOG = Logger.getLogger(RetentionEngine.class);

    private final RetentionService retention;
    private final RetentionConfig config;
    private final Clock clock;

    RetentionEngine(RetentionService retention, RetentionConfig config, Clock clock) {
        this.retention = retention;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${hub.retention.poll-interval:1m}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (!config.engineEnabled().orElse(true)) {
            return;
        }
        try {
            run();
            retention.purgeIdempotencyRecords();
        } catch (RuntimeException e) {
            LOG.warnf("Retention engine run failed, will retry: %s", e.getMessage());
        }
    }

    /** @return the blockings and deletions done in this run */
    public int run() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock);
        int total = 0;
        int n;
        do {
            n = retention.runBatch(cutoff);
            total += n;
        } while (n == config.batchSize());
        return total;
    }
}
