package eu.authorityhub.retention;

import java.time.Period;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

/**
 * The blocking and deletion periods of a procedure. A configured blocking period over 18 months, or a deletion
 * period shorter than the blocking, stops the hub at start-up: the law allows neither.
 */
@Startup
@ApplicationScoped
public class RetentionPolicy {

    /** Art. 14(1) allows longer blocking where sector law says so; 18 months is the longest the hub accepts. */
    static final int MAX_BLOCK_MONTHS = 18;

    private final RetentionConfig config;

    RetentionPolicy(RetentionConfig config) {
        this.config = config;
        check("hub.retention.block-after", config.blockAfter());
        config.procedures().forEach((procedure, p) -> p.blockAfter().ifPresent(b -> check(
                "hub.retention.procedures." + procedure + ".block-after", b)));
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

    public Period deleteAfter() {
        return config.deleteAfter();
    }
}
