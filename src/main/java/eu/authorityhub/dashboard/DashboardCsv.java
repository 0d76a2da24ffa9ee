package eu.authorityhub.dashboard;

import java.util.List;

import eu.authorityhub.deadline.DeadlinePayloads.Indicator;
import eu.authorityhub.deadline.DeadlinePayloads.IndicatorsView;
import eu.authorityhub.deadline.IndicatorService.Group;

/**
 * The coordinators' dashboard as CSV (RFC 4180, UTF-8): the indicators per authority for the period and per month, and
 * the stalled cases. Figures as the API gives them (shares 0 to 1, days with one decimal); no data is an empty cell.
 */
public final class DashboardCsv {

    private DashboardCsv() {
    }

    /** One row per authority for the whole period ("period"), then one per authority and month (YYYY-MM). */
    public static String indicators(List<Group> perAuthority, List<Group> perAuthorityMonth) {
        StringBuilder out = new StringBuilder("authority,month,from,to,requests_sent,accepted_within_7_days,"
                + "acceptance_cases,average_days_to_answer,answered_cases,answered_by_agreed_date,agreed_cases,"
                + "alerts_broadcast_late,alert_cases\r\n");
        perAuthority.forEach(g -> row(out, g.key(), "period", g.view()));
        perAuthorityMonth.forEach(g -> row(out, g.key().split(" ")[0], g.key().split(" ")[1], g.view()));
        return out.toString();
    }

    private static void row(StringBuilder out, String authority, String month, IndicatorsView v) {
        line(out, authority, month, v.from().toString(), v.to().toString(), v.requestsSent() == null
                ? ""
                : v
                        .requestsSent().toString(),
                value(v.acceptedWithin7Days()), cases(v.acceptedWithin7Days()), value(v
                        .averageDaysToAnswer()),
                cases(v.averageDaysToAnswer()), value(v.answeredByAgreedDate()), cases(v.answeredByAgreedDate()),
                value(v.alertsBroadcastLate()), cases(v.alertsBroadcastLate()));
    }

    /** The stalled cases, oldest due first. */
    public static String stalled(List<StalledCases.Stalled> cases) {
        StringBuilder out = new StringBuilder("reference,case_type,owed_step,party,counterpart,procedure,profession,"
                + "case_state,sent_at,due_at,days_overdue,escalated_at,reminded_at\r\n");
        for (StalledCases.Stalled s : cases) {
            line(out, s.reference(), s.caseType(), s.kind(), s.party(), s.counterpart(), s.procedure(),
                    s.profession(), s.caseState(), text(s.sentAt()), text(s.dueAt()), Long.toString(s.daysOverdue()),
                    text(s.escalatedAt()), text(s.remindedAt()));
        }
        return out.toString();
    }

    private static String value(Indicator i) {
        return i.value() == null ? "" : i.value().toString();
    }

    private static String cases(Indicator i) {
        return Long.toString(i.cases());
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static void line(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /** Quoted when needed; a cell that a spreadsheet would run as a formula is made plain text. */
    static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+")) {
            s = "'" + s;
        }
        return s.matches(".*[,\"\r\n].*") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
