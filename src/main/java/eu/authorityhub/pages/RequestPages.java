package eu.authorityhub.pages;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;

import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem.FieldError;
import eu.authorityhub.directory.AuthorityService;
import eu.authorityhub.directory.ReferenceDataService;
import eu.authorityhub.request.QuestionCatalogue;
import eu.authorityhub.request.RequestPayloads.CreateRequest;
import eu.authorityhub.request.RequestPayloads.Procedure;
import eu.authorityhub.request.RequestPayloads.Professional;
import eu.authorityhub.request.RequestPayloads.AnswerItem;
import eu.authorityhub.request.RequestPayloads.RequestView;
import eu.authorityhub.request.RequestQueries;
import eu.authorityhub.request.RequestService;
import eu.authorityhub.request.RequestState;
import eu.authorityhub.request.RequestState.Action;
import eu.authorityhub.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * A case handler's requests: the sent and received lists and one case, with the steps its authority may take now.
 * Every step calls the same service as the API; a refusal is shown on the case page, and nothing is changed.
 */
@Path("/app/requests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CASE_HANDLER, Roles.AUTHORITY_ADMIN, Roles.COORDINATOR})
@RequestScoped
public class RequestPages {

    private static final int PAGE = 25;
    /** The steps these pages offer (forwarding, due dates, further information and attachments come next). */
    private static final Set<Action> OFFERED = Set.of(Action.SEND, Action.ACCEPT, Action.DECLINE, Action.ANSWER,
            Action.CLOSE, Action.WITHDRAW);

    /** One line of a request list, ready to show. */
    @TemplateData
    public record Row(String id, String reference, String state, String requester, String responder,
            String profession, String due, boolean overdue, boolean dueSoon, String updated) {
    }

    /** One question with its answer (text, or null while unanswered), ready to show. */
    @TemplateData
    public record Question(int position, String text, String answerType, List<String> choices, String answer) {
    }

    /** One timeline entry, ready to show. */
    @TemplateData
    public record Step(String at, String action, String authority, String detail) {
    }

    private final RequestQueries queries;
    private final RequestService requests;
    private final PageContext page;
    private final Pages pages;
    private final Clock clock;
    private final Template list;
    private final Template caseTemplate;
    private final Template error;
    private final Template compose;
    private final ReferenceDataService reference;
    private final AuthorityService authorities;
    private final QuestionCatalogue catalogue;

    public RequestPages(RequestQueries queries, RequestService requests, PageContext page, Pages pages, Clock clock,
            @Location("pages/requests") Template list, @Location("pages/case") Template caseTemplate,
            @Location("pages/error") Template error, @Location("pages/new-request") Template compose,
            ReferenceDataService reference, AuthorityService authorities, QuestionCatalogue catalogue) {
        this.compose = compose;
        this.reference = reference;
        this.authorities = authorities;
        this.catalogue = catalogue;
        this.queries = queries;
        this.requests = requests;
        this.page = page;
        this.pages = pages;
        this.clock = clock;
        this.list = list;
        this.caseTemplate = caseTemplate;
        this.error = error;
    }

    @GET
    public Response list(@QueryParam("box") @DefaultValue("received") String box,
            @QueryParam("page") @DefaultValue("0") int pageNumber) {
        String b = "sent".equals(box) ? "sent" : "received";
        int p = Math.max(0, pageNumber);
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = new ArrayList<>();
        queries.list(page.caller(), b, null, p, PAGE + 1).forEach(s -> {
            boolean open = s.state().open() && s.state() != RequestState.DRAFT;
            rows.add(new Row(s.id().toString(), s.reference(), s.state().name(), s.requester(), s.responder(),
                    s.profession(), pages.format(s.dueDate()), open && s.dueDate().isBefore(today), open && !s
                            .dueDate().isBefore(today) && !s.dueDate().isAfter(today.plusDays(3)),
                    pages.format(s.updatedAt())));
        });
        boolean more = rows.size() > PAGE;
        return pages.send(pages.of(list, "requests").data("box", b).data("rows", more ? rows.subList(0, PAGE) : rows)
                .data("page", p).data("hasMore", more), 200);
    }

    /**
     * The new-request form: the competent authorities of the chosen member state for the chosen profession (the
     * directory look-up), the catalogue's questions in the page language, the professional, the due date.
     */
    @GET
    @Path("/new")
    public Response compose(@QueryParam("profession") String profession,
            @QueryParam("memberState") String memberState) {
        return composePage(new Draft(profession, memberState, null, "PQ", "ESTABLISHMENT", "", "", "", List.of(),
                "", LocalDate.now(clock).plusDays(30).toString()), List.of(), null, 200);
    }

    /** Saves the draft, or sends it at once; refused input comes back on the form with the fields marked. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        Draft d = new Draft(form.getFirst("profession"), form.getFirst("memberState"), form.getFirst("responder"),
                form.getFirst("policyArea"), form.getFirst("procedure"), value(form, "familyName"), value(form,
                        "givenNames"),
                value(form, "birthDate"), form.getOrDefault("questions", List.of()), value(form, "freeText"),
                value(form, "requestedDueDate"));
        List<FieldError> errors = new ArrayList<>();
        for (String f : List.of("responder", "familyName", "givenNames", "birthDate", "requestedDueDate")) {
            String v = form.getFirst(f);
            if (v == null || v.isBlank()) {
                errors.add(new FieldError(f, "required"));
            }
        }
        if (!errors.isEmpty()) {
            return composePage(d, errors, null, 422);
        }
        try {
            Procedure procedure = Procedure.valueOf(d.procedure());
            CreateRequest body = new CreateRequest(d.responder(), d.policyArea(), procedure, d.profession(),
                    new Professional(d.familyName().strip(), d.givenNames().strip(), LocalDate.parse(d
                            .birthDate()), null, null, null),
                    d.questions(), d.freeText().isBlank() ? List.of() : List.of(d.freeText().strip()), LocalDate
                            .parse(d.requestedDueDate()),
                    null);
            RequestView created = requests.create(page.caller(), body, page.language());
            if ("send".equals(form.getFirst("then"))) {
                requests.send(page.caller(), created.id(), page.language());
            }
            return Response.seeOther(URI.create("/app/requests/" + created.id() + "?done=create")).build();
        } catch (HubException e) {
            return composePage(d, e.errors(), e.getMessage(), e.code().status());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return composePage(d, List.of(new FieldError("birthDate", "a date, yyyy-mm-dd")), null, 422);
        }
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("id") UUID id) {
        return casePage(id, null, 200);
    }

    @POST
    @Path("/{id}/{action:accept|decline|close|withdraw|send}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response step(@PathParam("id") UUID id, @PathParam("action") String action,
            MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        String lang = page.language();
        switch (action) {
            case "accept" -> requests.accept(page.caller(), id, null, lang);
            case "decline" -> requests.decline(page.caller(), id, reason(form), lang);
            case "close" -> requests.close(page.caller(), id, lang);
            case "withdraw" -> requests.withdraw(page.caller(), id, reason(form), lang);
            default -> requests.send(page.caller(), id, lang);
        }
        return Response.seeOther(URI.create("/app/requests/" + id + "?done=" + action)).build();
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        RequestView r = queries.get(page.caller(), id, page.language());
        List<AnswerItem> answers = new ArrayList<>();
        r.questions().forEach(q -> {
            String v = form.getFirst("a" + q.position());
            if (v != null && !v.isBlank()) {
                answers.add(new AnswerItem(q.position(), "YES_NO".equals(q.answerType())
                        ? BooleanNode.valueOf(Boolean.parseBoolean(v))
                        : TextNode.valueOf(v.strip())));
            }
        });
        requests.answer(page.caller(), id, answers, page.language());
        return Response.seeOther(URI.create("/app/requests/" + id + "?done=answer")).build();
    }

    /** A refused step: the case page again with the reason, its status the API's (409, 422, ...). */
    @ServerExceptionMapper
    public Response refused(HubException e) {
        String path = page.path();
        if (e.code().status() == 404 || !path.matches("/app/requests/[0-9a-f-]{36}(/.*)?")) {
            return pages.send(pages.of(error, "requests").data("message", e.getMessage()), e.code().status());
        }
        UUID id = UUID.fromString(path.substring("/app/requests/".length(), "/app/requests/".length() + 36));
        return casePage(id, e.getMessage(), e.code().status());
    }

    private Response casePage(UUID id, String notice, int status) {
        RequestView r = queries.get(page.caller(), id, page.language());
        List<String> actions = queries.available(page.caller(), r).stream().filter(OFFERED::contains).map(
                Enum::name).toList();
        List<Step> timeline = queries.timeline(page.caller(), id).stream().map(t -> new Step(pages.format(t.at()),
                t.action(), t.authority(), t.detail())).toList();
        String done = page.query("done");
        List<Question> questions = r.questions().stream().map(q -> new Question(q.position(), q.text(), q
                .answerType(), q.choices(), q.answer() == null || q.answer().isNull() ? null : q.answer().asText()))
                .toList();
        String born = r.professional() == null ? null : pages.format(r.professional().birthDate());
        return pages.send(pages.of(caseTemplate, "requests").data("r", r).data("due", pages.format(r
                .agreedDueDate() != null ? r.agreedDueDate() : r.requestedDueDate())).data("actions", actions)
                .data("questions", questions).data("born", born)
                .data("timeline", timeline).data("csrf", page.csrfToken())
                .data("notice", notice).data("done", done != null && notice == null), status);
    }

    /** What the new-request form holds, to show it again as entered. */
    @TemplateData
    public record Draft(String profession, String memberState, String responder, String policyArea,
            String procedure, String familyName, String givenNames, String birthDate, List<String> questions,
            String freeText, String requestedDueDate) {
    }

    /** A choice of a select or radio list. */
    @TemplateData
    public record Choice(String value, String label, boolean chosen) {
    }

    /** A catalogue question offered on the form. */
    @TemplateData
    public record Offered(String code, String text, boolean chosen) {
    }

    private Response composePage(Draft d, List<FieldError> errors, String problem, int status) {
        java.util.Locale locale = page.locale();
        List<Choice> professions = reference.professions(locale, null).stream().map(p -> new Choice(p.code(), p
                .name(), p.code().equals(d.profession()))).toList();
        List<Choice> states = reference.memberStates().stream().map(m -> new Choice(m.code(), m.name(), m.code()
                .equals(d.memberState()))).toList();
        List<Choice> competent = List.of();
        if (d.profession() != null && d.memberState() != null && !d.profession().isBlank() && !d.memberState()
                .isBlank()) {
            try {
                competent = authorities.competent(d.profession(), d.memberState()).stream().map(a -> new Choice(a
                        .code(), a.name() + " (" + a.code() + ")", a.code().equals(d.responder()))).toList();
            } catch (HubException e) {
                competent = List.of();
            }
        }
        List<Choice> areas = reference.policyAreas(locale).stream().map(a -> new Choice(a.code(), a.name(), a.code()
                .equals(d.policyArea()))).toList();
        List<Choice> procedures = java.util.Arrays.stream(Procedure.values()).map(p -> new Choice(p.name(), p
                .name().charAt(0) + p.name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' '), p
                        .name().equals(d.procedure())))
                .toList();
        List<Offered> offered = catalogue.all().stream().map(e -> new Offered(e.code(), e.text(page.language()),
                d.questions().contains(e.code()))).toList();
        java.util.Map<String, String> fieldErrors = Pages.byField(errors);
        return pages.send(pages.of(compose, "new").data("d", d).data("professions", professions).data("states",
                states).data("competent", competent).data("looked", !competent.isEmpty()
                        || (d.memberState() != null
                                && !d.memberState().isBlank()))
                .data("areas", areas).data("procedures", procedures).data("offered", offered).data("errors",
                        fieldErrors)
                .data("problem", problem != null ? problem : errors.isEmpty() ? null : "")
                .data("csrf", page.csrfToken()), status);
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }

    private static String reason(MultivaluedMap<String, String> form) {
        String r = form.getFirst("reason");
        if (r == null || r.isBlank()) {
            throw new HubException(eu.authorityhub.api.ErrorCode.VALIDATION_FAILED, "A reason is needed");
        }
        return r.strip();
    }
}
