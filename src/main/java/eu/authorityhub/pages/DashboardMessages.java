package eu.authorityhub.pages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The coordinators' pages' words in English (dashboard, stalled cases); messages/dash_fr, _nl and _de translate them.
 * A bundle of its own: one bundle with all the pages' words grows past what the generated resolver can hold.
 */
@MessageBundle(value = "dash", locale = "en")
public interface DashboardMessages {

    @Message("Dashboard")
    String dashboard();
    @Message("Response times")
    String dashboardTitle();
    @Message("IMI's indicators of the competent authorities of {state}, from the times the hub recorded.")
    String scopeNational(String state);
    @Message("IMI's indicators of the competent authorities of {state} in the policy area {area}, from the times the hub recorded.")
    String scopeArea(String state, String area);
    @Message("Alerts received by the authorities of {state}, from the times the hub recorded.")
    String scopeAlerts(String state);
    @Message("Colours follow the Single Market Scoreboard: shares green at 80 % or more, yellow from 60 %, red below; average days green under 16, yellow up to 25, red above. Requests count in the month they were sent (UTC).")
    String scoreboardNote();
    @Message("Period and filters")
    String filters();
    @Message("All procedures")
    String allProcedures();
    @Message("General")
    String procedure_GENERAL();
    @Message("Establishment")
    String procedure_ESTABLISHMENT();
    @Message("Temporary provision")
    String procedure_TEMPORARY_PROVISION();
    @Message("Authority")
    String authorityFilter();
    @Message("All authorities in scope")
    String allAuthorities();
    @Message("{period}")
    String periodFigures(String period);
    @Message("Requests received in the period: {n}")
    String requestsReceived(String n);
    @Message("Accepted within 7 days")
    String ind_acceptedWithin7Days();
    @Message("Average days to answer")
    String ind_averageDaysToAnswer();
    @Message("Answered by the agreed date")
    String ind_answeredByAgreedDate();
    @Message("Alerts sent more than 3 days after the decision")
    String ind_alertsBroadcastLate();
    @Message("Target: 80 % or more")
    String target_acceptedWithin7Days();
    @Message("Target: under 16 days")
    String target_averageDaysToAnswer();
    @Message("Target: 80 % or more")
    String target_answeredByAgreedDate();
    @Message("Target: none")
    String target_alertsBroadcastLate();
    @Message("Green: on target")
    String rating_GREEN();
    @Message("Yellow: below target")
    String rating_YELLOW();
    @Message("Red: far below target")
    String rating_RED();
    @Message("No data")
    String rating_NONE();
    @Message("no data")
    String noData();
    @Message("cases counted: {n}")
    String casesCounted(long n);
    @Message("The last 12 months")
    String trend();
    @Message("Chart of the table below it.")
    String chartNote();
    @Message("Month")
    String month();
    @Message("Figure")
    String figure();
    @Message("Cases")
    String casesCol();
    @Message("Colour")
    String rating();
    @Message("Per authority")
    String perAuthority();
    @Message("Select a column head to sort; authorities without data for a figure come last.")
    String perAuthorityNote();
    @Message("Authority")
    String col_authority();
    @Message("Requests")
    String col_sent();
    @Message("Accepted within 7 days")
    String col_accepted();
    @Message("Average days to answer")
    String col_days();
    @Message("Answered by the agreed date")
    String col_onTime();
    @Message("Alerts sent late")
    String col_alerts();
    @Message("No authority of the scope has a case in this period.")
    String noAuthorityData();
    @Message("Download the indicators per authority and month (CSV)")
    String downloadIndicators();
    @Message("Requests are outside an incoming-alert coordinator's scope.")
    String requestsOutOfScope();
    @Message("Stalled cases")
    String stalled();
    @Message("Overdue and escalated deadlines of your scope, oldest first. Only the case's metadata is shown, never the professional or the answers.")
    String stalledIntro();
    @Message("Stalled cases: {n}")
    String stalledCount(int n);
    @Message("No overdue case in your scope.")
    String noStalled();
    @Message("Owed step")
    String owedStep();
    @Message("Owed by")
    String owedBy();
    @Message("Counterpart")
    String counterpart();
    @Message("Due")
    String dueAt();
    @Message("Days overdue")
    String daysOverdue();
    @Message("Escalated")
    String escalated();
    @Message("Act on {reference}")
    String act(String reference);
    @Message("Stalled case {reference}")
    String actTitle(String reference);
    @Message("Remind the authority that owes the step")
    String remindParty();
    @Message("Reminded")
    String reminded();
    @Message("Reassign to")
    String reassignTo();
    @Message("Reason for the reassignment")
    String reassignReason();
    @Message("Reassign")
    String reassign();
    @Message("No other competent authority in your member state for this profession.")
    String noReassignTarget();
    @Message("Notes")
    String notes();
    @Message("Note")
    String noteText();
    @Message("Add the note")
    String addNote();
    @Message("No note yet.")
    String noNotes();
    @Message("Download the stalled cases (CSV)")
    String downloadStalled();
    @Message("Back to the stalled cases")
    String backToStalled();
    @Message("Request")
    String caseType_REQUEST();
    @Message("Alert")
    String caseType_ALERT();
    @Message("Accept or decline")
    String owed_ACCEPTANCE();
    @Message("Answer")
    String owed_ANSWER();
    @Message("Give further information")
    String owed_FURTHER_INFO();
    @Message("Move the case on")
    String owed_INACTIVITY();
    @Message("Sent")
    String sentAt();
    @Message("The authority was reminded.")
    String remindedDone();
    @Message("The request was reassigned.")
    String reassignedDone();
    @Message("The note was added.")
    String notedDone();
    @Message("Please fill in")
    String fillIn();
    @Message("From")
    String dashFrom();
    @Message("To")
    String dashTo();
}
