package eu.authorityhub.deadline;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Deadline policy, with IMI's own figures as defaults. */
@ConfigMapping(prefix = "hub.deadlines")
public interface DeadlineConfig {

    /** A sent request must be accepted within this (IMI indicator: 7 days). */
    @WithDefault("P7D")
    Duration acceptance();

    /** Further information is due this long after it was asked for, unless the requester sets a date. */
    @WithDefault("P14D")
    Duration furtherInformation();

    /** A case untouched this long goes to its coordinator (IMI: about two months). */
    @WithDefault("P60D")
    Duration inactivity();

    /** The party is reminded this long before the due time. */
    @WithDefault("P2D")
    Duration reminderBefore();

    /** The party's national coordinator is told this long after the due time. */
    @WithDefault("P3D")
    Duration escalateAfter();

    /** Count working days (weekends and the member state's holidays skipped) instead of calendar days. */
    @WithDefault("false")
    boolean workingDays();

    /** Public holidays per member state (ISO code), used with working days. */
    Map<String, List<LocalDate>> holidays();

    /** Timers fired per engine transaction. */
    @WithDefault("500")
    int batchSize();

    /** How often the engine looks for due timers. */
    @WithDefault("1s")
    Duration pollInterval();

    /** A timer firing later than this after its time is reported as late (the hub was down or behind). */
    @WithDefault("PT1M")
    Duration lateAfter();

    Optional<Boolean> engineEnabled();

    /**
     * Policy per procedure ({@code general}, {@code establishment}, {@code temporary-provision}): any of the durations
     * and the calendar, overriding the global ones above.
     */
    Map<String, ProcedurePolicy> procedures();

    /** What a procedure may override. */
    interface ProcedurePolicy {

        Optional<Duration> acceptance();

        Optional<Duration> furtherInformation();

        Optional<Duration> inactivity();

        Optional<Duration> reminderBefore();

        Optional<Duration> escalateAfter();

        Optional<Boolean> workingDays();
    }
}
