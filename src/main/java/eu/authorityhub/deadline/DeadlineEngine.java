package eu.authorityhub.deadline;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Drives the deadline timers: every poll it fires due timers batch by batch until none is due. Timers that fell due
 * while the hub was down fire at the next run, marked late. Any number of instances may run it at once.
 */
@ApplicationScoped
public class DeadlineEngine {

    private static final Logger LOG = Logger.getLogger(DeadlineEngine.class);

    private final DeadlineService deadlines;
    private final DeadlineConfig config;
    private final Clock clock;

    public DeadlineEngine(DeadlineService deadlines, DeadlineConfig config, Clock clock) {
        this.deadlines = deadlines;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${hub.deadlines.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (!config.engineEnabled().orElse(true)) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("Deadline engine run failed, will retry: %s", e.getMessage());
        }
    }

    /**
     * Fires what is due now: batch after batch while batches come back full (a backlog, a catch-up), then waits for
     * the next poll, so that steady firing goes in batches rather than one transaction per timer. A timer fires at
     * most one stage per run; a later stage that is also past fires at the next poll.
     *
     * @return timers fired in this run
     */
    public int run() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock);
        int total = 0;
        int n;
        do {
            n = deadlines.fireBatch(cutoff);
            total += n;
        } while (n == config.batchSize());
        return total;
    }
}
