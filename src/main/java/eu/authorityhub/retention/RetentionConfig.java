package eu.authorityhub.retention;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Retention of personal data in requests (IMI Regulation (EU) 1024/2012 Art. 14), with the Regulation's figures as
 * defaults.
 */
@ConfigMapping(prefix = "hub.retention")
public interface RetentionConfig {

    /** Blocked this long after closure, withdrawal or refusal (Art. 14(1): at the latest 6 months as a rule). */
    @WithDefault("P6M")
    Period blockAfter();

    /** Deleted this long after closure (Art. 14(2): 3 years). */
    @WithDefault("P3Y")
    Period deleteAfter();

    /**
     * Per procedure ({@code general}, {@code establishment}, {@code temporary-provision}): a blocking period where
     * sector law allows longer, at most 18 months.
     */
    Map<String, ProcedureRetention> procedures();

    /**
     * An alert's personal data are removed this long after its withdrawal or expiry (Directive 2005/36/EC Art. 56a and
     * Implementing Regulation (EU) 2015/983: within 3 days); the hub refuses to start with more than 3 days.
     */
    @WithDefault("PT0S")
    Duration alertRemovalAfter();

    /** How long an unblocking lasts unless the officer asks for less. */
    @WithDefault("P30D")
    Duration unblockFor();

    /** The longest unblocking an officer may ask for. */
    @WithDefault("P90D")
    Duration unblockAtMost();

    /** Blockings or deletions per engine transaction. */
    @WithDefault("500")
    int batchSize();

    /** How often the engine looks for due work. */
    @WithDefault("1m")
    Duration pollInterval();

    /**
     * Idempotency records (which hold a copy of the answer, personal data included) are kept this long, then
     * deleted: long enough for any client's retries.
     */
    @WithDefault("P30D")
    Duration idempotencyKeep();

    Optional<Boolean> engineEnabled();

    /** What a procedure may override. */
    interface ProcedureRetention {

        Optional<Period> blockAfter();
    }
}
