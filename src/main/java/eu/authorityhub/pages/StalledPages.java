package eu.authorityhub.pages;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.dashboard.DashboardCsv;
import eu.authorityhub.dashboard.StalledCases;
import eu.authorityhub.dashboard.StalledCases.Stalled;
import eu.authorityhub.deadline.DeadlineService;
import eu.authorityhub.deadline.DeadlineTimer;
import eu.authorityhub.deadline.IndicatorScope;
import eu.authorityhub.directory.AuthorityService;
import eu.authorityhub.request.RequestService;
import eu.authorityhub.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * The stalled cases of a coordinator's scope, oldest first, and what a coordinator does about one: remind the party,
 * reassign a request within the member state, add a note. The same service calls as the deadlines API.
 */
@Path("/app/dashboard/stalled")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CASE_HANDLER, Roles.AUTHORITY_ADMIN, Roles.COORDINATOR})
@RequestScoped
public class StalledPages {

    private static final int SHOWN = 500;

    /** A stalled case as listed. */
    @TemplateData
    public record Line(long id, String reference, String caseType, String kind, String party, String counterpart,
            String procedure, String profession, String state, String sent, String due, long daysOverdue,
            String escalated) {
    }

    private final StalledCases stalled;
    private final DeadlineService deadlines;
    private final RequestService requests;
    private final AuthorityService authorities;
    private final eu.authorityhub.directory.ReferenceDataService reference;
    private java.util.Map<String, String> professionNames;
    private final PageContext page;
    private final Pages pages;
    private final Template list;
    private final Template one;
    private final Template error;

    public StalledPages(StalledCases stalled, DeadlineService deadlines, RequestService requests,
            AuthorityService authorities, eu.authorityhub.directory.ReferenceDataService reference, PageContext page,
            Pages pages, @Location("pages/stalled") Template list,
            @Location("pages/stalled-case") Template one, @Location("pages/error") Template error) {
        this.stalled = stalled;
        this.deadlines = deadlines;
        this.requests = requests;
        this.authorities = authorities;
        this.reference = reference;
        this.page = page;
        this.pages = pages;
        this.list = list;
        this.one = one;
        this.error = error;
    }

    /** A coordinator's note as shown. */
    @TemplateData
    public record NoteLine(String at, String author, String text) {
    }

    @GET
    public Response show(@QueryParam("done") String done) {
        List<Line> lines = stalled.of(scope(), SHOWN).stream().map(this::line).toList();
        return pages.send(pages.of(list, "stalled").data("lines", lines).data("done", done == null ? "" : done)
                .data("count", lines.size()), 200);
    }

    @GET
    @Path("/stalled.csv")
    @Produces("text/csv")
    public Response csv() {
        return Response.ok(DashboardCsv.stalled(stalled.of(scope(), SHOWN)), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"stalled-cases.csv\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public Response one(@PathParam("id") long id, @QueryParam("done") String done) {
        return caseView(stalled.one(scope(), id), null, null, done, 200);
    }

    @POST
    @Path("/{id}/remind")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response remind(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        DeadlineTimer t = followed(id);
        deadlines.remindByCoordinator(t, page.caller().coordinator().orElseThrow().code());
        return Response.seeOther(URI.create("/app/dashboard/stalled/" + id + "?done=reminded")).build();
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response note(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        DeadlineTimer t = followed(id);
        String text = form.getFirst("text") == null ? "" : form.getFirst("text").strip();
        if (text.isEmpty() || text.length() > 4000) {
            return caseView(stalled.one(scope(), id), "text", text, null, 400);
        }
        deadlines.addNote(t, page.caller().coordinator().orElseThrow().code(), page.user(), text);
        return Response.seeOther(URI.create("/app/dashboard/stalled/" + id + "?done=noted")).build();
    }

    @POST
    @Path("/{id}/reassign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reassign(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        Stalled s = stalled.one(scope(), id);
        String to = form.getFirst("to") == null ? "" : form.getFirst("to").strip();
        String reason = form.getFirst("reason") == null ? "" : form.getFirst("reason").strip();
        if (!"REQUEST".equals(s.caseType())) {
            throw new HubException(ErrorCode.ILLEGAL_TRANSITION, "Only requests are reassigned");
        }
        if (to.isEmpty()) {
            return caseView(s, "to", reason, null, 400);
        }
        if (reason.isEmpty() || reason.length() > 2000) {
            return caseView(s, "reason", reason, null, 400);
        }
        requests.reassign(page.caller(), s.caseId(), to, reason);
        return Response.seeOther(URI.create("/app/dashboard/stalled?done=reassigned")).build();
    }

    @ServerExceptionMapper
    public Response refused(HubException e) {
        return pages.send(pages.of(error, "stalled").data("message", e.getMessage()), e.code().status());
    }

    private DeadlineTimer followed(long id) {
        stalled.one(scope(), id); // in the scope and stalled; 404 otherwise
        return deadlines.followedBy(page.caller(), id);
    }

    private Response caseView(Stalled s, String invalid, String typed, String done, int status) {
        List<RequestPages.Choice> targets = "REQUEST".equals(s.caseType())
                ? authorities.competent(s.profession(), page.caller().coordinator().orElseThrow().memberState())
                        .stream().filter(a -> !a.code().equals(s.party())).map(a -> new RequestPages.Choice(a.code(),
                                a.names().getOrDefault(page.language(), a.name()), false))
                        .toList()
                : List.of();
        DeadlineTimer t = deadlines.followedBy(page.caller(), s.deadlineId());
        var notes = deadlines.notes(t).stream().map(n -> new NoteLine(pages.format(n.at()), n.author(), n.text()))
                .toList();
        return pages.send(pages.of(one, "stalled").data("c", line(s)).data("targets", targets).data("notes", notes)
                .data("invalid", invalid == null ? "" : invalid).data("typed", typed == null ? "" : typed)
                .data("done", done == null ? "" : done).data("csrf", page.csrfToken()), status);
    }

    private Line line(Stalled s) {
        return new Line(s.deadlineId(), s.reference(), s.caseType(), s.kind(), s.party(), s.counterpart(),
                s.procedure().toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
                professions().getOrDefault(s.profession(), s.profession()), s.caseState(), pages.format(s.sentAt()),
                pages.format(s.dueAt()),
                s.daysOverdue(), pages.format(s.escalatedAt()));
    }

    private java.util.Map<String, String> professions() {
        if (professionNames == null) {
            professionNames = reference.professions(page.locale(), null).stream().collect(java.util.stream.Collectors
                    .toMap(v -> v.code(), v -> v.name()));
        }
        return professionNames;
    }

    private IndicatorScope scope() {
        if (page.caller().coordinator().isEmpty()) {
            throw new HubException(ErrorCode.FORBIDDEN, "The stalled cases are for coordinators");
        }
        return IndicatorScope.of(page.caller(), null);
    }
}
