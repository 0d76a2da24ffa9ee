package eu.authorityhub.pages;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
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

    public RequestPages(RequestQueries queries, RequestService requests, PageContext page, Pages pages, Clock clock,
            @Location("pages/requests") Template list, @Location("pages/case") Template caseTemplate,
            @Location("pages/error") Template error) {
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

    private static String reason(MultivaluedMap<String, String> form) {
        String r = form.getFirst("reason");
        if (r == null || r.isBlank()) {
            throw new HubException(eu.authorityhub.api.ErrorCode.VALIDATION_FAILED, "A reason is needed");
        }
        return r.strip();
    }
}
