package eu.authorityhub.deadline;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The deadline policy of each procedure: the global settings of {@code hub.deadlines.*}, overridden per procedure by
 * {@code hub.deadlines.procedures.<procedure>.*} (procedures: {@code general}, {@code establishment},
 * {@code temporary-provision}).
 */
@ApplicationScoped
public class DeadlinePolicies {

    /** The effective policy of one procedure. */
    public record Policy(String procedure, Duration acceptance, Duration furtherInformation, Duration inactivity,
            Duration reminderBefore, Duration escalateAfter, boolean workingDays) {
    }

    private final DeadlineConfig config;
    private final Map<String, Policy> resolved = new ConcurrentHashMap<>();

    public DeadlinePolicies(DeadlineConfig config) {
        this.config = config;
    }

    /** The procedure key of an enum constant name: TEMPORARY_PROVISION becomes temporary-provision. */
    public static String key(Enum<?> procedure) {
        return procedure == null ? "general" : procedure.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Policy of(String procedure) {
        String key = procedure == null ? "general" : procedure;
        return resolved.computeIfAbsent(key, k -> {
            DeadlineConfig.ProcedurePolicy p = config.procedures().get(k);
            if (p == null) {
                return new Policy(k, config.acceptance(), config.furtherInformation(), config.inactivity(),
                        config.reminderBefore(), config.escalateAfter(), config.workingDays());
            }
            return new Policy(k, p.acceptance().orElse(config.acceptance()), p.furtherInformation().orElse(config
                    .furtherInformation()), p.inactivity().orElse(config.inactivity()), p.reminderBefore().orElse(
                            config.reminderBefore()),
                    p.escalateAfter().orElse(config.escalateAfter()), p.workingDays().orElse(config.workingDays()));
        });
    }
}
