package eu.authorityhub.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Calendar days by default; with {@code hub.deadlines.working-days}, whole days count only when they are neither a
 * weekend nor a public holiday of the party's member state (which IMI does not offer).
 */
@ApplicationScoped
public class DeadlineCalendar {

    private final DeadlineConfig config;

    public DeadlineCalendar(DeadlineConfig config) {
        this.config = config;
    }

    public OffsetDateTime add(OffsetDateTime start, Duration period, String memberState) {
        return add(start, period, memberState, config.workingDays());
    }

    /** Adds a period in calendar days, or in working days of the member state (weekends and its holidays skipped). */
    public OffsetDateTime add(OffsetDateTime start, Duration period, String memberState, boolean workingDays) {
        if (!workingDays || period.toDays() == 0) {
            return start.plus(period);
        }
        List<LocalDate> holidays = config.holidays().getOrDefault(memberState, List.of());
        OffsetDateTime t = start;
        long days = period.toDays();
        while (days > 0) {
            t = t.plusDays(1);
            if (working(t.toLocalDate(), holidays)) {
                days--;
            }
        }
        return t.plus(period.minusDays(period.toDays()));
    }

    static boolean working(LocalDate d, List<LocalDate> holidays) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(d);
    }
}
