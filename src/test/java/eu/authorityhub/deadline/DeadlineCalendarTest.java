package eu.authorityhub.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Calendar and working days, without Quarkus. */
class DeadlineCalendarTest {

    private static final OffsetDateTime FRIDAY_NOON = OffsetDateTime.of(2026, 12, 18, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void calendarDaysByDefault() {
        assertThat(new DeadlineCalendar(config(false, Map.of())).add(FRIDAY_NOON, Duration.ofDays(3), "NL"))
                .isEqualTo(FRIDAY_NOON.plusDays(3));
    }

    @Test
    void workingDaysSkipWeekendsAndTheStatesHolidays() {
        DeadlineCalendar calendar = new DeadlineCalendar(config(true, Map.of("NL", List.of(LocalDate.of(2026, 12,
                25)), "DE", List.of())));
        // Friday + 1 working day = Monday
        assertThat(calendar.add(FRIDAY_NOON, Duration.ofDays(1), "NL")).isEqualTo(FRIDAY_NOON.plusDays(3));
        // Friday 18 + 5 working days: 21, 22, 23, 24, (25 holiday in NL), 28
        assertThat(calendar.add(FRIDAY_NOON, Duration.ofDays(5), "NL").toLocalDate()).isEqualTo(LocalDate.of(2026,
                12, 28));
        assertThat(calendar.add(FRIDAY_NOON, Duration.ofDays(5), "DE").toLocalDate()).isEqualTo(LocalDate.of(2026,
                12, 25));
        // hours are kept as they are
        assertThat(calendar.add(FRIDAY_NOON, Duration.ofHours(5), "NL")).isEqualTo(FRIDAY_NOON.plusHours(5));
    }

    private static DeadlineConfig config(boolean workingDays, Map<String, List<LocalDate>> holidays) {
        return new DeadlineConfig() {

            public Duration acceptance() {
                return Duration.ofDays(7);
            }

            public Duration furtherInformation() {
                return Duration.ofDays(14);
            }

            public Duration inactivity() {
                return Duration.ofDays(60);
            }

            public Duration reminderBefore() {
                return Duration.ofDays(2);
            }

            public Duration escalateAfter() {
                return Duration.ofDays(3);
            }

            public boolean workingDays() {
                return workingDays;
            }

            public Map<String, ProcedurePolicy> procedures() {
                return Map.of();
            }

            public Map<String, List<LocalDate>> holidays() {
                return holidays;
            }

            public int batchSize() {
                return 500;
            }

            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            public Duration lateAfter() {
                return Duration.ofMinutes(1);
            }

            public Optional<Boolean> engineEnabled() {
                return Optional.empty();
            }
        };
    }
}
