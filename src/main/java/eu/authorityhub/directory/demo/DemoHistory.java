package eu.authorityhub.directory.demo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The demo's year of history, so that a coordinator's dashboard has figures to show: for each demo authority, closed
 * requests in each of the last 12 months, each authority with its own habits (some green, some yellow, some red), and a
 * few requests of the Netherlands still unaccepted past their deadline (the stalled cases). Always the same figures
 * (a fixed seed), relative to the day the demo is first started.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoHistory {

    /** Responder, requester, its share accepted within 7 days, share answered on time, usual days to answer. */
    private record Habit(String responder, String requester, double accepted, double onTime, double days) {
    }

    private static final List<Habit> HABITS = List.of(
            new Habit("NL-BIG", "PL-NIL", 0.92, 0.88, 9), new Habit("NL-DUO", "DE-LAGESO", 0.71, 0.66, 19),
            new Habit("NL-ARCH", "BE-SPF", 0.48, 0.52, 28), new Habit("FR-CNOM", "DE-BAEK", 0.84, 0.81, 12),
            new Habit("FR-ONI", "NL-BIG", 0.63, 0.74, 21), new Habit("DE-BAEK", "FR-CNOM", 0.89, 0.9, 8),
            new Habit("DE-LAGESO", "PL-NIPIP", 0.55, 0.58, 26), new Habit("BE-SPF", "NL-BIG", 0.81, 0.77, 14),
            new Habit("PL-NIL", "DE-BAEK", 0.76, 0.69, 17), new Habit("PL-NIPIP", "IE-NMBI", 0.66, 0.62, 22),
            new Habit("IE-NMBI", "PL-NIPIP", 0.94, 0.91, 7), new Habit("IE-MC", "FR-CNOM", 0.87, 0.85, 11),
            new Habit("SE-SOS", "NO-HDIR", 0.9, 0.86, 10), new Habit("NO-HDIR", "SE-SOS", 0.82, 0.79, 13));

    private final EntityManager em;
    private final Clock clock;

    public DemoHistory(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Writes the year; returns the number of requests written. */
    @Transactional
    public int load() {
        Random random = new Random(2026);
        YearMonth thisMonth = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        int written = 0;
        for (Habit h : HABITS) {
            for (int back = 12; back >= 1; back--) {
                YearMonth m = thisMonth.minusMonths(back);
                int count = 12 + random.nextInt(30);
                // each month wobbles around the authority's habit
                double accepted = clamp(h.accepted() + (random.nextDouble() - 0.5) * 0.2);
                double onTime = clamp(h.onTime() + (random.nextDouble() - 0.5) * 0.2);
                written += RequestHistory.insert(em, new RequestHistory.Batch("DEMO-" + h.responder() + "-" + m,
                        h.requester(), h.requester().substring(0, 2), h.responder(), h.responder().substring(0, 2),
                        profession(h.responder()), back % 3 == 0 ? "ESTABLISHMENT" : "GENERAL", m.atDay(1)
                                .atStartOfDay().atOffset(ZoneOffset.UTC),
                        m.lengthOfMonth() - 0.01, count, (int) Math.round(count * accepted), (int) Math.round(count
                                * onTime),
                        Math.max(2, h.days() + (random.nextDouble() - 0.5) * 6)));
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        written += RequestHistory.stalled(em, "DEMO-STALLED-1", "PL-NIL", "NL-BIG", "DOCTOR", now.minusDays(12));
        written += RequestHistory.stalled(em, "DEMO-STALLED-2", "DE-LAGESO", "NL-DUO", "SECONDARY_TEACHER", now
                .minusDays(20));
        written += RequestHistory.stalled(em, "DEMO-STALLED-3", "FR-ONI", "NL-BIG", "NURSE", now.minusDays(9));
        return written;
    }

    private static String profession(String responder) {
        return switch (responder) {
            case "NL-DUO" -> "SECONDARY_TEACHER";
            case "NL-ARCH" -> "ARCHITECT";
            case "FR-ONI", "PL-NIPIP", "IE-NMBI", "DE-LAGESO" -> "NURSE";
            default -> "DOCTOR";
        };
    }

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }
}
