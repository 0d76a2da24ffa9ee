package eu.authorityhub.deadline;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * IMI's timeliness indicators over the requests a scope received in a period (by day of sending, UTC): share accepted
 * within 7 days, average days from sending to the answer, share answered by the agreed date; and for alerts the share
 * broadcast more than 3 days after the decision. Sums of {@code indicator_day}, the pre-aggregate that the database
 * keeps exact in the transactions recording each step (see V16), so no figure depends on the clock at read time. The
 * API, the dashboard page, its charts and its CSV exports all read these figures through {@link #figures}.
 */
@ApplicationScoped
public class IndicatorService {

    /** How figures are grouped: one total, by month of sending, by authority, or by authority and month. */
    public enum Grouping {

        TOTAL("''"),
        MONTH("to_char(day, 'YYYY-MM')"),
        AUTHORITY("responder"),
        AUTHORITY_MONTH("responder || ' ' || to_char(day, 'YYYY-MM')");

        final String key;

        Grouping(String key) {
            this.key = key;
        }
    }

    /** A group's figures: key "" (total), "2026-03" (month), "NL-BIG" (authority) or "NL-BIG 2026-03". */
    public record Group(String key, IndicatorsView view, Sums sums) {
    }

    /** The counts behind a group's figures: requests {sent, acceptDecided, acceptedIn7, answered, agreed, onTime}. */
    public record Sums(long[] requests, BigDecimal answerSeconds, long[] alerts) {

        static Sums of(long[] r, BigDecimal seconds, long[] a) {
            return new Sums(r == null ? new long[6] : r, seconds == null ? BigDecimal.ZERO : seconds, a == null
                    ? new long[2]
                    : a);
        }

        Sums plus(Sums o) {
            long[] r = requests.clone();
            long[] a = alerts.clone();
            for (int i = 0; i < r.length; i++) {
                r[i] += o.requests[i];
            }
            for (int i = 0; i < a.length; i++) {
                a[i] += o.alerts[i];
            }
            return new Sums(r, answerSeconds.add(o.answerSeconds), a);
        }
    }

    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, IndicatorsView> latest = new ConcurrentHashMap<>();

    public IndicatorService(EntityManager em, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.clock = clock;
        this.registry = registry;
    }

    /** The indicators of a member state (authority null) or one authority, over all procedures. */
    public IndicatorsView compute(String memberState, String authority, LocalDate from, LocalDate to) {
        return total(IndicatorScope.of(memberState, authority), from, to, null);
    }

    /** The scope's indicators over a period. */
    public IndicatorsView total(IndicatorScope scope, LocalDate from, LocalDate to, String procedure) {
        return figures(scope, from, to, procedure, Grouping.TOTAL).get(0).view();
    }

    /** The scope's indicators per month for the {@code count} months up to {@code last}; a month without cases too. */
    public List<Group> months(IndicatorScope scope, YearMonth last, int count, String procedure) {
        YearMonth first = last.minusMonths(count - 1L);
        return figures(scope, first.atDay(1), last.atEndOfMonth(), procedure, Grouping.MONTH);
    }

    /**
     * The figures of a scope over a period, grouped. Months of the period without any case are listed with no data
     * (MONTH); authorities are listed when they received a request or sent or received an alert in the period.
     */
    @Transactional
    public List<Group> figures(IndicatorScope scope, LocalDate from, LocalDate to, String procedure, Grouping g) {
        Map<String, Object> p = new HashMap<>();
        p.put("ms", scope.memberState());
        p.put("from", from);
        p.put("to", to);
        p.put("s", from.atStartOfDay().atOffset(ZoneOffset.UTC));
        p.put("e", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        // the cast keeps the char(2) key's index usable (a varchar parameter would compare the column as text)
        StringBuilder where = new StringBuilder("responder_state = cast(:ms as bpchar)");
        if (scope.authority() != null) {
            where.append(" and responder = :a");
            p.put("a", scope.authority());
        }
        if (scope.policyArea() != null) {
            where.append(" and policy_area = :pa");
            p.put("pa", scope.policyArea());
        }
        if (procedure != null) {
            where.append(" and procedure = :proc");
            p.put("proc", procedure);
        }
        Span span = Span.of(from, to);
        p.put("mf", span.firstMonth());
        p.put("ml", span.lastMonth());
        p.put("hf", span.headFrom());
        p.put("hl", span.headTo());
        p.put("tf", span.tailFrom());
        p.put("tl", span.tailTo());
        // whole months from the monthly rows, the partial months at either end from the daily rows
        String columns = " sent, accept_decided, accepted_in_7, answered, answer_seconds, agreed_decided, on_time";
        String rows = "(select responder, month as day," + columns + " from indicator_month where " + where
                + " and month >= :mf and month <= :ml union all select responder, day," + columns
                + " from indicator_day where " + where + " and day >= :hf and day <= :hl union all select responder,"
                + " day," + columns + " from indicator_day where " + where + " and day >= :tf and day <= :tl) x";
        Map<String, long[]> requests = new LinkedHashMap<>();
        Map<String, BigDecimal> seconds = new HashMap<>();
        if (scope.requests()) {
            for (Object[] r : rows("select " + g.key + ", sum(sent), sum(accept_decided), sum(accepted_in_7),"
                    + " sum(answered), sum(answer_seconds), sum(agreed_decided), sum(on_time) from " + rows
                    + " group by 1", p)) {
                requests.put((String) r[0], new long[]{n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[6]), n(r[7])});
                seconds.put((String) r[0], r[5] == null ? BigDecimal.ZERO : new BigDecimal(r[5].toString()));
            }
        }
        Map<String, long[]> alerts = new LinkedHashMap<>();
        for (Object[] r : rows(alertQuery(scope, g), p)) {
            alerts.put((String) r[0], new long[]{n(r[1]), n(r[2])});
        }
        List<String> keys = new ArrayList<>();
        if (g == Grouping.MONTH) {
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                keys.add(m.toString());
            }
        } else if (g == Grouping.TOTAL) {
            keys.add("");
        } else {
            java.util.TreeSet<String> all = new java.util.TreeSet<>();
            requests.keySet().forEach(k -> all.add(k.split(" ")[0]));
            alerts.keySet().forEach(k -> all.add(k.split(" ")[0]));
            for (String a : all) {
                if (g == Grouping.AUTHORITY) {
                    keys.add(a);
                } else { // every month of the period for every authority, those without a case with no data
                    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                        keys.add(a + " " + m);
                    }
                }
            }
        }
        List<Group> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            LocalDate f = from;
            LocalDate t = to;
            String authority = scope.authority();
            if (g == Grouping.MONTH || g == Grouping.AUTHORITY_MONTH) {
                YearMonth m = YearMonth.parse(k.substring(k.indexOf(' ') + 1));
                f = max(from, m.atDay(1));
                t = min(to, m.atEndOfMonth());
            }
            if (g == Grouping.AUTHORITY || g == Grouping.AUTHORITY_MONTH) {
                authority = k.split(" ")[0];
            }
            Sums sums = Sums.of(requests.get(k), seconds.get(k), alerts.get(k));
            out.add(new Group(k, view(scope.memberState(), authority, f, t, sums, scope.requests()), sums));
        }
        return out;
    }

    /**
     * A period cut into whole months and the partial months at its ends (empty ranges have their end before their
     * start): 3 March to 10 June is 3-31 March by day, April and May by month, 1-10 June by day.
     */
    record Span(LocalDate firstMonth, LocalDate lastMonth, LocalDate headFrom, LocalDate headTo, LocalDate tailFrom,
            LocalDate tailTo) {

        private static final LocalDate NEVER_FROM = LocalDate.of(9999, 1, 2);
        private static final LocalDate NEVER_TO = LocalDate.of(9999, 1, 1);

        static Span of(LocalDate from, LocalDate to) {
            YearMonth first = YearMonth.from(from);
            YearMonth last = YearMonth.from(to);
            boolean wholeFirst = from.getDayOfMonth() == 1;
            boolean wholeLast = to.equals(last.atEndOfMonth());
            if (first.equals(last) && !(wholeFirst && wholeLast)) {
                return new Span(NEVER_FROM, NEVER_TO, from, to, NEVER_FROM, NEVER_TO);
            }
            YearMonth fullFrom = wholeFirst ? first : first.plusMonths(1);
            YearMonth fullTo = wholeLast ? last : last.minusMonths(1);
            boolean noWholeMonth = fullTo.isBefore(fullFrom);
            return new Span(noWholeMonth ? NEVER_FROM : fullFrom.atDay(1), noWholeMonth ? NEVER_TO : fullTo.atDay(1),
                    wholeFirst ? NEVER_FROM : from, wholeFirst ? NEVER_TO : first.atEndOfMonth(),
                    wholeLast ? NEVER_FROM : last.atDay(1), wholeLast ? NEVER_TO : to);
        }
    }

    private static String alertQuery(IndicatorScope scope, Grouping g) {
        String month = "to_char(a.broadcast_at at time zone 'UTC', 'YYYY-MM')";
        String period = " and a.broadcast_at >= :s and a.broadcast_at < :e";
        if (scope.alertsReceived()) {
            String who = "r.authority";
            String key = switch (g) {
                case TOTAL -> "''";
                case MONTH -> month;
                case AUTHORITY -> who;
                case AUTHORITY_MONTH -> who + " || ' ' || " + month;
            };
            String count = g == Grouping.TOTAL || g == Grouping.MONTH ? "distinct a.id" : "*";
            return "select " + key + ", count(" + count + ") filter (where a.late), count(" + count + ") from alert a"
                    + " join alert_recipient r on r.alert_id = a.id where r.member_state = cast(:ms as bpchar)" + period
                    + (scope.authority() != null ? " and r.authority = :a" : "") + " group by 1";
        }
        String key = switch (g) {
            case TOTAL -> "''";
            case MONTH -> month;
            case AUTHORITY -> "a.issuer";
            case AUTHORITY_MONTH -> "a.issuer || ' ' || " + month;
        };
        return "select " + key
                + ", count(*) filter (where a.late), count(*) from alert a where a.issuer_state = cast(:ms as bpchar)"
                + period + (scope.authority() != null ? " and a.issuer = :a" : "") + " group by 1";
    }

    /** The figures of one group from its sums: requests {sent, acceptDecided, acceptedIn7, answered, agreed, onTime}. */
    /**
     * The scope's figures over a period from its per-authority groups over the same period: the sums of their counts,
     * the same figures as {@link #total} without asking the database again. An incoming-alert coordinator's alerts
     * reach several authorities each, so its total is asked of the database.
     */
    public IndicatorsView totalOf(IndicatorScope scope, LocalDate from, LocalDate to, String procedure,
            List<Group> perAuthority) {
        if (scope.alertsReceived() || scope.authority() != null) {
            return total(scope, from, to, procedure);
        }
        Sums all = Sums.of(null, null, null);
        for (Group g : perAuthority) {
            all = all.plus(g.sums());
        }
        return view(scope.memberState(), null, from, to, all, scope.requests());
    }

    private static IndicatorsView view(String memberState, String authority, LocalDate from, LocalDate to, Sums s,
            boolean requestsInScope) {
        return view(memberState, authority, from, to, s.requests(), s.answerSeconds(), s.alerts(), requestsInScope);
    }

    private static IndicatorsView view(String memberState, String authority, LocalDate from, LocalDate to, long[] r,
            BigDecimal answerSeconds, long[] a, boolean requestsInScope) {
        long[] q = r == null ? new long[6] : r;
        long[] al = a == null ? new long[2] : a;
        Double avgDays = q[3] == 0
                ? null
                : answerSeconds.divide(BigDecimal.valueOf(q[3] * 86400L), 1, java.math.RoundingMode.HALF_UP)
                        .doubleValue();
        Double acceptShare = ratio(q[2], q[1]);
        Double onTimeShare = ratio(q[5], q[4]);
        Double lateShare = ratio(al[0], al[1]);
        return new IndicatorsView(memberState, authority, from, to, requestsInScope ? q[0] : null,
                Indicator.share("acceptedWithin7Days", acceptShare, q[1]),
                Indicator.days("averageDaysToAnswer", avgDays, q[3]),
                Indicator.share("answeredByAgreedDate", onTimeShare, q[4]),
                Indicator.lateShare("alertsBroadcastLate", lateShare, al[1]));
    }

    /** Refreshes the per-member-state gauges (last 365 days). */
    @Scheduled(every = "${hub.indicators.refresh:5m}", delayed = "20s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshGauges() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
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

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach((k, v) -> {
            if (sql.contains(":" + k + " ") || sql.endsWith(":" + k) || sql.contains(":" + k + ")")) {
                q.setParameter(k, v);
            }
        });
        return q.getResultList();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
