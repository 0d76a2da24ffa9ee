package eu.authorityhub.alert;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Ends alerts whose period is over: recipients are told (event), the personal data are hidden at once and removed by
 * the retention engine (package retention), well within the 3 days the law allows. Safe with several replicas (rows
 * claimed with SKIP LOCKED).
 */
@ApplicationScoped
public class AlertExpiry {

    private static final Logger LOG = Logger.getLogger(AlertExpiry.class);

    private final AlertService alerts;

    public AlertExpiry(AlertService alerts) {
        this.alerts = alerts;
    }

    @Scheduled(every = "${hub.alerts.expiry-check:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("Alert expiry run failed, will retry: %s", e.getMessage());
        }
    }

    /** @return the number of alerts ended */
    public int run() {
        int total = 0;
        for (int n; (n = alerts.expireDue(500)) > 0;) {
            total += n;
        }
        return total;
    }
}
