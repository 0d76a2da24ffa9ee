package eu.authorityhub.pages;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.dashboard.DashboardCsv;
import eu.authorityhub.deadline.DeadlinePayloads.Indicator;
import eu.authorityhub.deadline.DeadlinePayloads.IndicatorsView;
import eu.authorityhub.deadline.IndicatorScope;
import eu.authorityhub.deadline.IndicatorService;
import eu.authorityhub.deadline.IndicatorService.Grouping;
import eu.authorityhub.deadline.IndicatorService.Group;
import eu.authorityhub.directory.AuthorityService;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * The coordinators' dashboard: IMI's indicators for the coordinator's scope over a period, coloured by the
 * Scoreboard's thresholds, their last 12 months as charts over accessible tables, one row per authority (sortable), and
 * the CSV export. Every figure comes from {@link IndicatorService}, as in the API; this class only formats.
 */
@Path("/app/dashboard")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CASE_HANDLER, Roles.AUTHORITY_ADMIN, Roles.COORDINATOR})
@RequestScoped
public class DashboardPages {

    static final List<String> PROCEDURES = List.of("GENERAL", "ESTABLISHMENT", "TEMPORARY_PROVISION");
    private static final List<String> SORTS = List.of("authority", "sent", "accepted", "days", "onTime", "alerts");

    /** An indicator as shown: its words, its formatted figure, its colour. */
    @TemplateData
    public record Figure(String name, String shown, String rating, long cases, Double value) {
    }

    /** One month of a chart: the raw figure the chart draws (empty without data) and the same figure formatted. */
    @TemplateData
    public record Point(String month, String raw, String shown, long cases) {
    }

    @TemplateData
    public record Chart(String name, String unit, String kind, List<Point> points) {
    }

    @TemplateData
    public record Row(String code, String name, String sent, long sentCount, List<Figure> figures) {
    }

    /** A sortable column head: its link and its aria-sort state. */
    @TemplateData
    public record Column(String key, String href, String ariaSort) {
    }

    /** The period and filters as asked, checked. */
    record Filters(LocalDate from, LocalDate to, String procedure, String authority, String sort, boolean descending) {

        String query() {
            return "from=" + from + "&to=" + to + "&procedure=" + (procedure == null ? "" : procedure) + "&authority="
                    + (authority == null ? "" : authority);
        }
    }

    private final IndicatorService indicators;
    private final AuthorityService authorities;
    private final PageContext page;
    private final Pages pages;
    private final java.time.Clock clock;
    private final Template dashboard;
    private final Template error;
    private NumberFormat percent;
    private NumberFormat decimal;
    private NumberFormat integer;

    public DashboardPages(IndicatorService indicators, AuthorityService authorities, PageContext page, Pages pages,
            java.time.Clock clock, @Location("pages/dashboard") Template dashboard,
            @Location("pages/error") Template error) {
        this.indicators = indicators;
        this.authorities = authorities;
        this.page = page;
        this.pages = pages;
        this.clock = clock;
        this.dashboard = dashboard;
        this.error = error;
    }

    @GET
    public Response show(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("procedure") String procedure, @QueryParam("authority") String authority,
            @QueryParam("sort") String sort, @QueryParam("dir") String dir) {
        IndicatorScope scope = scope(authority);
        Filters f = filters(from, to, procedure, authority, sort, dir);
        List<Group> rows = indicators.figures(scope, f.from(), f.to(), f.procedure(), Grouping.AUTHORITY);
        IndicatorsView total = indicators.totalOf(scope, f.from(), f.to(), f.procedure(), rows);
        List<Group> months = indicators.months(scope, YearMonth.from(f.to()), 12, f.procedure());
        Caller.CoordinatorScope c = page.caller().coordinator().orElseThrow();
        Map<String, String> names = names(scope);
        return pages.send(pages.of(dashboard, "dashboard").data("coordinatorCode", c.code())
                .data("state", pages.country(c
                        .memberState()))
                .data("kind", c.kind().name()).data("area", c.policyArea())
                .data("requestsInScope", scope.requests()).data("from", f.from()).data("to", f.to())
                .data("period", pages.format(f.from()) + " – " + pages.format(f.to()))
                .data("procedure", f.procedure() == null ? "" : f.procedure()).data("procedures", PROCEDURES)
                .data("authority", f.authority() == null ? "" : f.authority())
                .data("authorities", names.entrySet().stream().map(e -> new RequestPages.Choice(e.getKey(),
                        e.getValue(), e.getKey().equals(f.authority()))).toList())
                .data("sent", total.requestsSent() == null ? "" : integer(total.requestsSent()))
                .data("headline", figures(total)).data("charts", charts(months))
                .data("rows", sorted(rows(rows, names), f))
                .data("columns", columns(f)).data("query", f.query()), 200);
    }

    /** The indicators per authority for the period and per month, as on the page (figures as in the API). */
    @GET
    @Path("/indicators.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("procedure") String procedure, @QueryParam("authority") String authority) {
        IndicatorScope scope = scope(authority);
        Filters f = filters(from, to, procedure, authority, null, null);
        String body = DashboardCsv.indicators(indicators.figures(scope, f.from(), f.to(), f.procedure(),
                Grouping.AUTHORITY),
                indicators.figures(scope, f.from(), f.to(), f.procedure(),
                        Grouping.AUTHORITY_MONTH));
        return Response.ok(body, "text/csv;charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"indicators-" + f.from() + "-" + f.to() + ".csv\"")
                .header("Cache-Control", "no-store").build();
    }

    @ServerExceptionMapper
    public Response refused(HubException e) {
        return pages.send(pages.of(error, "dashboard").data("message", e.getMessage()), e.code().status());
    }

    /** A coordinator's scope; anyone else is refused (403), an authority outside the scope is not found (404). */
    private IndicatorScope scope(String authority) {
        if (page.caller().coordinator().isEmpty()) {
            throw new HubException(ErrorCode.FORBIDDEN, "The dashboard is for coordinators");
        }
        return IndicatorScope.of(page.caller(), blank(authority));
    }

    private Filters filters(String from, String to, String procedure, String authority, String sort, String dir) {
        LocalDate end;
        LocalDate start;
        try {
            end = blank(to) == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : LocalDate.parse(to.strip());
            start = blank(from) == null ? YearMonth.from(end).minusMonths(11).atDay(1) : LocalDate.parse(from.strip());
        } catch (DateTimeParseException e) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "A date is not valid (YYYY-MM-DD)");
        }
        if (start.isAfter(end)) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "The period starts after it ends");
        }
        String p = blank(procedure);
        if (p != null && !PROCEDURES.contains(p)) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "No such procedure");
        }
        String s = sort != null && SORTS.contains(sort) ? sort : "authority";
        return new Filters(start, end, p, blank(authority), s, "desc".equals(dir));
    }

    private Map<String, String> names(IndicatorScope scope) {
        return authorities.names(scope.memberState(), page.language());
    }

    private List<Figure> figures(IndicatorsView v) {
        return List.of(figure(v.acceptedWithin7Days()), figure(v.averageDaysToAnswer()), figure(v
                .answeredByAgreedDate()), figure(v.alertsBroadcastLate()));
    }

    private Figure figure(Indicator i) {
        return new Figure(i.name(), shown(i), i.rating() == null ? "NONE" : i.rating().name(), i.cases(), i.value());
    }

    private List<Chart> charts(List<Group> months) {
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMM yyyy", page.locale());
        List<Chart> charts = new ArrayList<>();
        List<Function<IndicatorsView, Indicator>> which = List.of(IndicatorsView::acceptedWithin7Days,
                IndicatorsView::averageDaysToAnswer, IndicatorsView::answeredByAgreedDate,
                IndicatorsView::alertsBroadcastLate);
        for (Function<IndicatorsView, Indicator> w : which) {
            Indicator first = w.apply(months.get(0).view());
            charts.add(new Chart(first.name(), first.unit(), "days".equals(first.unit()) ? "bar" : "line", months
                    .stream().map(m -> {
                        Indicator i = w.apply(m.view());
                        String raw = i.value() == null
                                ? ""
                                : "share".equals(i.unit())
                                        ? Double.toString(Math
                                                .round(i.value() * 1000) / 10.0)
                                        : i.value().toString();
                        return new Point(YearMonth.parse(m.key()).format(label), raw, shown(i), i.cases());
                    }).toList()));
        }
        return charts;
    }

    private List<Row> rows(List<Group> groups, Map<String, String> names) {
        return groups.stream().map(g -> {
            Long sent = g.view().requestsSent();
            return new Row(g.key(), names.getOrDefault(g.key(), g.key()), sent == null ? "" : integer(sent),
                    sent == null ? 0 : sent, figures(g.view()));
        }).toList();
    }

    private List<Row> sorted(List<Row> rows, Filters f) {
        Comparator<Row> by;
        if ("authority".equals(f.sort())) {
            by = Comparator.comparing(r -> r.name().toLowerCase(page.locale()));
        } else if ("sent".equals(f.sort())) {
            by = Comparator.comparingLong(Row::sentCount);
        } else {
            int i = SORTS.indexOf(f.sort()) - 2;
            // rows without data last, whichever the direction
            List<Row> with = rows.stream().filter(r -> r.figures().get(i).value() != null).sorted(Comparator
                    .comparingDouble((Row r) -> r.figures().get(i).value())).toList();
            List<Row> out = new ArrayList<>(f.descending() ? with.reversed() : with);
            rows.stream().filter(r -> !with.contains(r)).forEach(out::add);
            return out;
        }
        return rows.stream().sorted(f.descending() ? by.reversed() : by).toList();
    }

    private List<Column> columns(Filters f) {
        return SORTS.stream().map(k -> {
            boolean current = k.equals(f.sort());
            String next = current && !f.descending() ? "desc" : "asc";
            return new Column(k, "/app/dashboard?" + f.query() + "&sort=" + k + "&dir=" + next + "#authorities",
                    current ? (f.descending() ? "descending" : "ascending") : null);
        }).toList();
    }

    private String shown(Indicator i) {
        if (i.value() == null) {
            return "";
        }
        if (percent == null) { // one of each per page, not per figure (a page shows about a thousand)
            percent = NumberFormat.getPercentInstance(page.locale());
            decimal = NumberFormat.getNumberInstance(page.locale());
            for (NumberFormat n : List.of(percent, decimal)) {
                n.setMinimumFractionDigits(1);
                n.setMaximumFractionDigits(1);
            }
        }
        return ("share".equals(i.unit()) ? percent : decimal).format(i.value());
    }

    private String integer(long n) {
        if (integer == null) {
            integer = NumberFormat.getIntegerInstance(page.locale());
        }
        return integer.format(n);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
