package eu.authorityhub.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.deadline.DeadlinePayloads.DeadlineView;
import eu.authorityhub.deadline.DeadlinePayloads.IndicatorsView;
import eu.authorityhub.deadline.DeadlinePayloads.MonthView;
import eu.authorityhub.deadline.DeadlinePayloads.NoteRequest;
import eu.authorityhub.deadline.DeadlinePayloads.NoteView;
import eu.authorityhub.directory.AuthorityPayloads;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;

/** Deadlines of cases, of an authority, of a coordinator's scope; timeliness indicators. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines and indicators")
@RolesAllowed(Roles.COORDINATOR)
@RequestScoped
public class DeadlineResource {

    /** The procedures of requests, as the indicators filter them. */
    static final String PROCEDURE = "^(GENERAL|ESTABLISHMENT|TEMPORARY_PROVISION)$";

    private final Caller caller;
    private final IndicatorService indicators;
    private final DeadlineService deadlines;
    private final java.time.Clock clock;

    public DeadlineResource(Caller caller, IndicatorService indicators, DeadlineService deadlines,
            java.time.Clock clock) {
        this.caller = caller;
        this.indicators = indicators;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @GET
    @Path("/deadlines")
    @RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN})
    @Operation(summary = "The caller's authority's running deadlines: upcoming (not yet due) or overdue")
    @Transactional
    public List<DeadlineView> mine(
            @QueryParam("status") @DefaultValue("upcoming") @Pattern(regexp = "^(upcoming|overdue)$") String status,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        String me = caller.authority().orElseThrow(() -> new HubException(
                ErrorCode.NOT_ACTING_FOR_AUTHORITY, "The token names no active authority"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        // overdue: past due and still owed, also after the engine has escalated it
        String due = "upcoming".equals(status) ? "dueAt > ?2" : "dueAt <= ?2";
        return DeadlineTimer.<DeadlineTimer>find("party = ?1 and state <> ?3 and " + due + " order by dueAt", me, now,
                DeadlineTimer.State.CANCELLED).page(0, size).list().stream().map(DeadlineView::of).toList();
    }

    @GET
    @Path("/deadlines/escalations")
    @Operation(summary = "Coordinator: overdue and escalated deadlines of the authorities of its member state")
    @Transactional
    public List<DeadlineView> escalations(@QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        String state = caller.coordinator().map(Caller.CoordinatorScope::memberState)
                .orElseThrow(() -> new HubException(
                        ErrorCode.FORBIDDEN, "The token names no active coordinator"));
        return DeadlineTimer.<DeadlineTimer>find("partyState = ?1 and (overdueAt is not null) and state <> ?2"
                + " order by dueAt", state, DeadlineTimer.State.CANCELLED).page(0, size).list().stream()
                .map(DeadlineView::of).toList();
    }

    @POST
    @Path("/deadlines/{id}/remind")
    @Operation(summary = "Coordinator: remind the party of a deadline it owes (its member state's deadlines only)")
    @Transactional
    public Response remind(@PathParam("id") long id) {
        DeadlineTimer t = deadlines.followedBy(caller, id);
        deadlines.remindByCoordinator(t, caller.coordinator().orElseThrow().code());
        return Response.accepted().build();
    }

    @POST
    @Path("/deadlines/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Coordinator: add a note to a deadline it follows")
    @Transactional
    public Response note(@PathParam("id") long id, @NotNull @Valid NoteRequest body) {
        DeadlineTimer t = deadlines.followedBy(caller, id);
        return Response.status(201)
                .entity(deadlines.addNote(t, caller.coordinator().orElseThrow().code(), caller.subject(),
                        body.text().strip()))
                .build();
    }

    @GET
    @Path("/deadlines/{id}/notes")
    @Operation(summary = "Coordinator: the notes on a deadline it follows")
    @Transactional
    public List<NoteView> notes(@PathParam("id") long id) {
        return deadlines.notes(deadlines.followedBy(caller, id));
    }

    /** A deadline of the coordinator's member state; any other answers 404, like a missing one. */
    @GET
    @Path("/indicators")
    @RolesAllowed({Roles.COORDINATOR, Roles.AUTHORITY_ADMIN, Roles.CASE_HANDLER})
    @Operation(summary = "IMI's timeliness indicators over a period (requests by day of sending, UTC): a coordinator's"
            + " scope or one authority of it; an authority's own staff see their authority's")
    public IndicatorsView indicators(
            @QueryParam("authority") @Pattern(regexp = AuthorityPayloads.CODE) String authority,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("procedure") @Pattern(regexp = PROCEDURE) String procedure) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        LocalDate start = from != null ? from : end.minusDays(365);
        if (start.isAfter(end)) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "from is after to");
        }
        return indicators.total(IndicatorScope.of(caller, authority), start, end, procedure);
    }

    @GET
    @Path("/indicators/months")
    @RolesAllowed({Roles.COORDINATOR, Roles.AUTHORITY_ADMIN, Roles.CASE_HANDLER})
    @Operation(summary = "The indicators month by month (UTC), up to a month: every month listed, those without a case"
            + " with no data (null values)")
    public List<MonthView> months(
            @QueryParam("authority") @Pattern(regexp = AuthorityPayloads.CODE) String authority,
            @Parameter(description = "The last month, YYYY-MM (default: this month)") @QueryParam("to") @Pattern(regexp = "^\\d{4}-(0[1-9]|1[0-2])$") String to,
            @QueryParam("months") @DefaultValue("12") @Min(1) @Max(36) int months,
            @QueryParam("procedure") @Pattern(regexp = PROCEDURE) String procedure) {
        java.time.YearMonth last = to != null
                ? java.time.YearMonth.parse(to)
                : java.time.YearMonth.now(clock.withZone(java.time.ZoneOffset.UTC));
        return indicators.months(IndicatorScope.of(caller, authority), last, months, procedure).stream()
                .map(g -> new MonthView(g.key(), g.view())).toList();
    }

    @GET
    @Path("/indicators/authorities")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Coordinator: the indicators of each authority of its scope over a period")
    public List<IndicatorsView> perAuthority(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("procedure") @Pattern(regexp = PROCEDURE) String procedure) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        LocalDate start = from != null ? from : end.minusDays(365);
        if (start.isAfter(end)) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "from is after to");
        }
        return indicators.figures(IndicatorScope.of(caller, null), start, end, procedure,
                IndicatorService.Grouping.AUTHORITY).stream().map(IndicatorService.Group::view).toList();
    }
}
