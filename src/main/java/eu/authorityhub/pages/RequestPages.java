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
import eu.authorityhub.request.AttachmentService;
import eu.authorityhub.request.RequestPayloads.AnswerItem;
import eu.authorityhub.request.RequestPayloads.ForwardBody;
import eu.authorityhub.request.RequestPayloads.FurtherInfoBody;
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
    /** The steps a case handler takes on the case page (reassigning is the coordinators'). */
    private static final Set<Action> OFFERED = java.util.EnumSet.complementOf(java.util.EnumSet.of(Action.REASSIGN));

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
    public record Step(String at, String key, String action, String authority, String detail) {
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
    private final AttachmentService attachments;

    public RequestPages(RequestQueries queries, RequestService requests, PageContext page, Pages pages, Clock clock,
            @Location("pages/requests") Template list, @Location("pages/case") Template caseTemplate,
            @Location("pages/error") Template error, @Location("pages/new-request") Template compose,
            ReferenceDataService reference, AuthorityService authorities, QuestionCatalogue catalogue,
            AttachmentService attachments) {
        this.attachments = attachments;
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
            @QueryParam("state") String stateName, @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") int pageNumber) {
        String b = "sent".equals(box) ? "sent" : "received";
        RequestState state = java.util.Arrays.stream(RequestState.values()).filter(s -> s.name().equals(stateName))
                .findFirst().orElse(null);
        boolean byDue = "due".equals(sort);
        int p = Math.max(0, pageNumber);
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = new ArrayList<>();
        queries.list(page.caller(), b, state, byDue, p, PAGE + 1).forEach(s -> {
            boolean open = s.state().open() && s.state() != RequestState.DRAFT;
            rows.add(new Row(s.id().toString(), s.reference(), s.state().name(), s.requester(), s.responder(),
                    s.profession(), pages.format(s.dueDate()), open && s.dueDate().isBefore(today), open && !s
                            .dueDate().isBefore(today) && !s.dueDate().isAfter(today.plusDays(3)),
                    pages.format(s.updatedAt())));
        });
        boolean more = rows.size() > PAGE;
        return pages.send(pages.of(list, "requests").data("box", b).data("rows", more ? rows.subList(0, PAGE) : rows)
                .data("page", p).data("hasMore", more).data("states", RequestState.values())
                .data("state", state == null ? "" : state.name())
                .data("sort", byDue ? "due" : "updated"), 200);
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

    /** One transaction for the page's reads (the case, its steps, timeline, documents, forward targets). */
    @GET
    @Path("/{id}")
    @jakarta.transaction.Transactional
    public Response show(@PathParam("id") UUID id) {
        return casePage(id, null, 200);
    }

    @POST
    @Path("/{id}/{action:accept|decline|close|withdraw|send|agree-due-date|reject-due-date}")
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
            case "agree-due-date" -> requests.settleDueDate(page.caller(), id, true, lang);
            case "reject-due-date" -> requests.settleDueDate(page.caller(), id, false, lang);
            default -> requests.send(page.caller(), id, lang);
        }
        return Response.seeOther(URI.create("/app/requests/" + id + "?done=" + action)).build();
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return answers(id, form, "save".equals(form.getFirst("then")));
    }

    @POST
    @Path("/{id}/propose-due-date")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response proposeDueDate(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        requests.proposeDueDate(page.caller(), id, date(form.getFirst("dueDate"), "dueDate"), page.language());
        return Response.seeOther(URI.create("/app/requests/" + id + "?done=propose")).build();
    }

    /** Forwards the whole request, or only the ticked questions as a new request. */
    @POST
    @Path("/{id}/forward")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forward(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        String to = form.getFirst("to");
        if (to == null || to.isBlank()) {
            throw new HubException(eu.authorityhub.api.ErrorCode.VALIDATION_FAILED, "Choose the authority",
                    List.of(new FieldError("to", "required")), java.util.Map.of());
        }
        List<Integer> positions = form.getOrDefault("positions", List.of()).stream().map(Integer::valueOf).toList();
        requests.forward(page.caller(), id, new ForwardBody(to, reason(form), positions.isEmpty() ? null : positions),
                page.language());
        return Response.seeOther(URI.create("/app/requests/" + id + "?done=forward")).build();
    }

    /** Further questions after the answer, one per line, with an optional new due date. */
    @POST
    @Path("/{id}/further-information")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response furtherInformation(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        List<String> asked = value(form, "questions").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (asked.isEmpty()) {
            throw new HubException(eu.authorityhub.api.ErrorCode.VALIDATION_FAILED, "Ask at least one question",
                    List.of(new FieldError("further", "required")), java.util.Map.of());
        }
        String due = form.getFirst("dueDate");
        requests.furtherInformation(page.caller(), id, new FurtherInfoBody(asked, due == null || due.isBlank()
                ? null
                : date(due, "dueDate")), page.language());
        return Response.seeOther(URI.create("/app/requests/" + id + "?done=further")).build();
    }

    /** Uploads a document (a multipart form, so it works without JavaScript). */
    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("id") UUID id, @org.jboss.resteasy.reactive.RestForm String csrf,
            @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file)
            throws java.io.IOException {
        page.checkForm(csrf);
        if (file == null || file.size() == 0) {
            throw new HubException(eu.authorityhub.api.ErrorCode.VALIDATION_FAILED, "Choose a file",
                    List.of(new FieldError("file", "required")), java.util.Map.of());
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file.uploadedFile())) {
            attachments.attach(page.caller(), id, java.nio.file.Path.of(file.fileName()).getFileName().toString(),
                    file.contentType(), in);
        }
        return Response.seeOther(URI.create("/app/requests/" + id + "?done=attach")).build();
    }

    /** Downloads a document: never shown inline, never cached (nosniff comes with every answer). */
    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        eu.authorityhub.request.Attachment a = attachments.get(page.caller(), id, attachmentId);
        return Response.ok(a.content, a.contentType).header("Content-Disposition", "attachment; filename=\""
                + a.fileName.replaceAll("[\"\\\\\\r\\n]", "_") + "\"").header(
                        "Cache-Control", "no-store")
                .build();
    }

    private Response answers(UUID id, MultivaluedMap<String, String> form, boolean saveOnly) {
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
        if (saveOnly) {
            requests.saveAnswers(page.caller(), id, answers, page.language());
        } else {
            requests.answer(page.caller(), id, answers, page.language());
        }
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
        return casePage(id, e.getMessage(), Pages.byField(e.errors()), e.code().status());
    }

    private Response casePage(UUID id, String notice, int status) {
        return casePage(id, notice, java.util.Map.of(), status);
    }

    private Response casePage(UUID id, String notice, java.util.Map<String, String> errors, int status) {
        RequestView r = queries.get(page.caller(), id, page.language());
        List<String> actions = queries.available(page.caller(), r).stream().filter(OFFERED::contains).filter(
                a -> r.proposedDueDate() != null || (a != Action.AGREE_DUE_DATE && a != Action.REJECT_DUE_DATE))
                .map(Enum::name).toList();
        List<Step> timeline = queries.timeline(page.caller(), id).stream().map(t -> new Step(pages.format(t.at()),
                STEPS.contains(t.action()) ? "step_" + t.action() : null, t.action(), t.authority(), t.detail()))
                .toList();
        String done = page.query("done");
        List<Question> questions = r.questions().stream().map(q -> new Question(q.position(), q.text(), q
                .answerType(), q.choices(), q.answer() == null || q.answer().isNull() ? null : q.answer().asText()))
                .toList();
        String born = r.professional() == null ? null : pages.format(r.professional().birthDate());
        List<Choice> forwardTo = List.of();
        if (actions.contains(Action.FORWARD.name())) {
            String state = authorities.get(r.responder()).memberState();
            forwardTo = authorities.competent(r.profession(), state).stream().filter(a -> !a.code().equals(r
                    .responder()) && !a.code().equals(r.requester())).map(a -> new Choice(a.code(), a.name() + " ("
                            + a.code() + ")", false))
                    .toList();
        }
        List<Document> documents = attachments.list(page.caller(), id).stream().map(a -> new Document(a.id()
                .toString(), a.fileName(), a.contentType(),
                a.sizeBytes() < 1024
                        ? a.sizeBytes() + " B"
                        : (a
                                .sizeBytes() + 1023) / 1024 + " KB",
                a.uploadedBy(), pages.format(a.uploadedAt()), a.sha256())).toList();
        return pages.send(pages.of(caseTemplate, "requests").data("r", r).data("due", pages.format(r
                .agreedDueDate() != null ? r.agreedDueDate() : r.requestedDueDate())).data("proposed", pages.format(r
                        .proposedDueDate()))
                .data("actions", actions).data("questions", questions).data("born", born)
                .data("timeline", timeline).data("csrf", page.csrfToken()).data("forwardTo", forwardTo)
                .data("documents", documents).data("tomorrow", LocalDate.now(clock).plusDays(1).toString())
                .data("errors", errors).data("notice", notice).data("withheld", !"ACTIVE".equals(r.personalData()) && r
                        .unblockedUntil() == null)
                .data("unblockedUntil", r.unblockedUntil() == null
                        ? null
                        : pages.format(r.unblockedUntil()))
                .data("done", done != null && notice == null),
                status);
    }

    /** The timeline's steps that have a name in the page language. */
    private static final Set<String> STEPS = java.util.stream.Stream.concat(java.util.stream.Stream.of("CREATE"),
            java.util.Arrays.stream(Action.values()).map(Enum::name)).collect(java.util.stream.Collectors.toSet());

    /** An attachment, ready to show. */
    @TemplateData
    public record Document(String id, String fileName, String contentType, String size, String uploadedBy,
            String uploadedAt, String sha256) {
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
        List<Choice> states = reference.memberStates().stream().map(m -> new Choice(m.code(), pages.country(m.code()), m
                .code().equals(d.memberState()))).toList();
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

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new HubException(eu.authorityhub.api.ErrorCode.VALIDATION_FAILED, field + " is not a date",
                    List.of(new FieldError(field, "a date, yyyy-mm-dd")), java.util.Map.of());
        }
    }

    private static String reason(MultivaluedMap<String, String> form) {
        String r = form.getFirst("reason");
        if (r == null || r.isBlank()) {
            throw new HubException(eu.authorityhub.api.ErrorCode.VALIDATION_FAILED, "A reason is needed");
        }
        return r.strip();
    }
}
