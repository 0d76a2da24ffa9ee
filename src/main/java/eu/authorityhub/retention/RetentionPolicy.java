package eu.authorityhub.retention;

import java.time.Duration;
import java.time.Period;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

/**
 * The blocking and deletion periods of a procedure, and the removal delay of alerts. A configured blocking period over
 * 18 months, a deletion period shorter than the blocking, or an alert removal later than 3 days stops the hub at
 * start-up: the law allows none of them.
 */
@Startup
@ApplicationScoped
public class RetentionPolicy {

    /** Art. 14(1) allows longer blocking where sector law says so; 18 months is the longest the hub accepts. */
    static final int MAX_BLOCK_MONTHS = 18;

    static final Duration MAX_ALERT_REMOVAL = Duration.ofDays(3);

    private final RetentionConfig config;

    RetentionPolicy(RetentionConfig config) {
        this.config = config;
        check("hub.retention.block-after", config.blockAfter());
        config.procedures().forEach((procedure, p) -> p.blockAfter().ifPresent(b -> check(
                "hub.retention.procedures." + procedure + ".block-after", b)));
        Duration alerts = config.alertRemovalAfter();
        if (alerts.isNegative() || alerts.compareTo(MAX_ALERT_REMOVAL) > 0) {
            throw new IllegalStateException("hub.retention.alert-removal-after = " + alerts
                    + ": an alert's personal data must go within 3 days of its withdrawal or expiry"
                    + " (Directive 2005/36/EC Art. 56a)");
        }
    }

    private void check(String name, Period block) {
        if (block.isNegative() || months(block) > MAX_BLOCK_MONTHS || (months(block) == MAX_BLOCK_MONTHS && block
                .getDays() > 0)) {
            throw new IllegalStateException(name + " = " + block + ": blocking may last at most " + MAX_BLOCK_MONTHS
                    + " months after closure (IMI Regulation Art. 14(1))");
        }
        if (months(config.deleteAfter()) < months(block)) {
            throw new IllegalStateException(name + " = " + block + " is longer than hub.retention.delete-after = "
                    + config.deleteAfter());
        }
    }

    private static long months(Period p) {
        return p.toTotalMonths();
    }

    /** The blocking period of a procedure (its key, such as {@code general}). */
    public Period blockAfter(String procedure) {
        RetentionConfig.ProcedureRetention p = config.procedures().get(procedure);
        return p == null ? config.blockAfter() : p.blockAfter().orElse(config.blockAfter());
    }

    /** How long after an alert ends its personal data are removed. */
    public Duration alertRemovalAfter() {
        return config.alertRemovalAfter();
    }

    public Period deleteAfter() {
        return config.deleteAfter();
    }
}
