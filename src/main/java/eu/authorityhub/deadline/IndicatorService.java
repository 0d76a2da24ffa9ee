package eu.authorityhub.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import eu.authorityhub.deadline.DeadlinePayloads.Indicator;
import eu.authorityhub.deadline.DeadlinePayloads.IndicatorsView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * IMI's timeliness indicators, computed from the times the hub recorded, for the responding authority (or all the
 * authorities of a member state) over the requests sent in a period: share accepted within 7 days (green at 80% or
 * more), average days from sending to answer (green under 16), share answered by the agreed date (green at 80% or
 * more); and for alerts, the share broadcast more than 3 days after the decision. Also exposed per member state as
 * Prometheus gauges over the last 365 days, refreshed every few minutes.
 */
@ApplicationScoped
public class IndicatorService {

    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, IndicatorsView> latest = new ConcurrentHashMap<>();

    public IndicatorService(EntityManager em, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.clock = clock;
        this.registry = registry;
    }

    @Transactional
    public IndicatorsView compute(String memberState, String authority, LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String who = authority != null ? "responder = :who" : "responder_state = :who";
        Map<String, Object> p = new HashMap<>(Map.of("who", authority != null ? authority : memberState, "s", start,
                "e", end, "now", now));
        Object[] r = (Object[]) query("select"
                // accepted within 7 days, among requests accepted or whose 7 days are over
                + " count(*) filter (where accepted_at is not null and accepted_at <= sent_at + interval '7 days'),"
                + " count(*) filter (where accepted_at is not null or :now > sent_at + interval '7 days'),"
                // days from sending to the (first) answer
                + " avg(extract(epoch from (answered_at - sent_at)) / 86400) filter (where answered_at is not null),"
                + " count(*) filter (where answered_at is not null),"
                // answered by the agreed date
                + " count(*) filter (where answered_at is not null and agreed_due_date is not null and answered_at <"
                + " (agreed_due_date + 1)::timestamp at time zone 'UTC'),"
                + " count(*) filter (where agreed_due_date is not null and (answered_at is not null or :now >="
                + " (agreed_due_date + 1)::timestamp at time zone 'UTC'))"
                + " from information_request where sent_at >= :s and sent_at < :e and " + who, p);
        String issuer = authority != null ? "issuer = :who" : "issuer_state = :who";
        Object[] a = (Object[]) query("select count(*) filter (where late), count(*) from alert where broadcast_at >="
                + " :s and broadcast_at < :e and " + issuer, p);
        long acceptedIn7 = n(r[0]), acceptable = n(r[1]), answered = n(r[3]), onTime = n(r[4]), agreed = n(r[5]);
        Double avgDays = r[2] == null ? null : Math.round(((Number) r[2]).doubleValue() * 10) / 10.0;
        Double acceptShare = ratio(acceptedIn7, acceptable);
        Double onTimeShare = ratio(onTime, agreed);
        Double lateShare = ratio(n(a[0]), n(a[1]));
        return new IndicatorsView(memberState, authority, from, to,
                new Indicator("acceptedWithin7Days", acceptShare, "share", ">= 0.80",
                        acceptShare == null ? null : acceptShare >= 0.8, acceptable),
                new Indicator("averageDaysToAnswer", avgDays, "days", "< 16", avgDays == null ? null : avgDays < 16,
                        answered),
                new Indicator("answeredByAgreedDate", onTimeShare, "share", ">= 0.80",
                        onTimeShare == null ? null : onTimeShare >= 0.8, agreed),
                new Indicator("alertsBroadcastLate", lateShare, "share", "0", lateShare == null
                        ? null
                        : lateShare == 0, n(a[1])));
    }

    /** Refreshes the per-member-state gauges (last 365 days). */
    @Scheduled(every = "${hub.indicators.refresh:5m}", delayed = "20s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshGauges() {
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        var states = (java.util.List<String>) em.createNativeQuery("select code from member_state").getResultList();
        for (String ms : states) {
            String code = ms.trim();
            latest.put(code, compute(code, null, today.minusDays(365), today));
            if (registry.find("hub.indicator.accepted.within.7.days").tag("member_state", code).gauge() == null) {
                gauge("hub.indicator.accepted.within.7.days", code, v -> v.acceptedWithin7Days().value());
                gauge("hub.indicator.average.days.to.answer", code, v -> v.averageDaysToAnswer().value());
                gauge("hub.indicator.answered.by.agreed.date", code, v -> v.answeredByAgreedDate().value());
                gauge("hub.indicator.alerts.broadcast.late", code, v -> v.alertsBroadcastLate().value());
            }
        }
    }

    private void gauge(String name, String state, java.util.function.Function<IndicatorsView, Double> value) {
        Gauge.builder(name, latest, m -> {
            IndicatorsView v = m.get(state);
            Double d = v == null ? null : value.apply(v);
            return d == null ? Double.NaN : d;
        }).tag("member_state", state).register(registry);
    }

    private Object query(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach((k, v) -> {
            if (sql.contains(":" + k)) {
                q.setParameter(k, v);
            }
        });
        return q.getSingleResult();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
