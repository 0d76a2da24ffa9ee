package eu.authorityhub.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import eu.authorityhub.deadline.IndicatorService.Span;

/** A period cut into whole months (monthly rows) and partial months at its ends (daily rows), never counted twice. */
class IndicatorSpanTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** Every day of the period is in exactly one part, and no day outside it is in any. */
    private static void coversExactly(LocalDate from, LocalDate to) {
        Span s = Span.of(from, to);
        for (LocalDate day = from.minusDays(40); day.isBefore(to.plusDays(40)); day = day.plusDays(1)) {
            LocalDate month = day.withDayOfMonth(1);
            int parts = (!month.isBefore(s.firstMonth()) && !month.isAfter(s.lastMonth()) ? 1 : 0)
                    + (!day.isBefore(s.headFrom()) && !day.isAfter(s.headTo()) ? 1 : 0)
                    + (!day.isBefore(s.tailFrom()) && !day.isAfter(s.tailTo()) ? 1 : 0);
            boolean inside = !day.isBefore(from) && !day.isAfter(to);
            assertThat(parts).as(from + ".." + to + " on " + day).isEqualTo(inside ? 1 : 0);
        }
    }

    @Test
    void wholeMonthsByMonthEndsByDay() {
        Span s = Span.of(d("2026-03-03"), d("2026-06-10"));
        assertThat(s.firstMonth()).isEqualTo(d("2026-04-01"));
        assertThat(s.lastMonth()).isEqualTo(d("2026-05-01"));
        assertThat(s.headFrom()).isEqualTo(d("2026-03-03"));
        assertThat(s.headTo()).isEqualTo(d("2026-03-31"));
        assertThat(s.tailFrom()).isEqualTo(d("2026-06-01"));
        assertThat(s.tailTo()).isEqualTo(d("2026-06-10"));
        for (String[] p : new String[][]{{"2026-03-03", "2026-06-10"}, {"2026-03-01", "2026-06-30"},
                {"2026-03-15", "2026-04-10"}, {"2026-03-05", "2026-03-20"}, {"2026-03-01", "2026-03-31"},
                {"2026-02-01", "2026-02-28"}, {"2024-02-29", "2024-02-29"}, {"2025-12-31", "2026-01-01"},
                {"2025-12-01", "2026-11-29"}, {"2026-01-31", "2026-03-01"}}) {
            coversExactly(d(p[0]), d(p[1]));
        }
    }
}
