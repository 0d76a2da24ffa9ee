package eu.authorityhub.pages;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

import eu.authorityhub.alert.Alert;
import eu.authorityhub.alert.AlertPayloads.AlertType;
import eu.authorityhub.alert.AlertPayloads.AlertView;
import eu.authorityhub.alert.AlertPayloads.BroadcastRequest;
import eu.authorityhub.alert.AlertPayloads.InformedMeans;
import eu.authorityhub.alert.AlertPayloads.InformedRequest;
import eu.authorityhub.alert.AlertPayloads.Professional;
import eu.authorityhub.alert.AlertPayloads.ReceiptStatus;
import eu.authorityhub.alert.AlertPayloads.RecipientView;
import eu.authorityhub.alert.AlertPayloads.Scope;
import eu.authorityhub.alert.AlertPayloads.UpdateRequest;
import eu.authorityhub.alert.AlertService;
import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem.FieldError;
import eu.authorityhub.directory.ReferenceDataService;
import eu.authorityhub.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * Alerts in the browser: those received (with filters and the one-line summary), those sent with each recipient's
 * receipt, a new alert with only the fields the law allows (there is no field for reasons), and the issuer's update,
 * withdrawal and record of informing the professional. Every step calls the API's service.
 */
@Path("/app/alerts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CASE_HANDLER, Roles.AUTHORITY_ADMIN, Roles.COORDINATOR})
@RequestScoped
public class AlertPages {

    private static final int PAGE = 25;

    /** One alert of a list, ready to show. */
    @TemplateData
    public record Row(String id, String reference, String summary, String type, String state, String issuer,
            String broadcast, boolean late) {
    }

    /** One recipient's receipt, ready to show. */
    @TemplateData
    public record Receipt(String authority, String memberState, String via, String received, String read) {
    }

    /** What the new-alert form holds, to show it again as entered. */
    @TemplateData
    public record Draft(String profession, String specialty, String type, String scope, String restriction,
            String decidingBody, String decisionDate, String periodFrom, String periodUntil, String familyName,
            String givenNames, String birthDate, String birthPlace) {
    }

    private final AlertService alerts;
    private final ReferenceDataService reference;
    private final PageContext page;
    private final Pages pages;
    private final Clock clock;
    private final Template list;
    private final Template one;
    private final Template compose;
    private final Template error;

    public AlertPages(AlertService alerts, ReferenceDataService reference, PageContext page, Pages pages,
            Clock clock, @Location("pages/alerts") Template list, @Location("pages/alert") Template one,
            @Location("pages/new-alert") Template compose, @Location("pages/error") Template error) {
        this.alerts = alerts;
        this.reference = reference;
        this.page = page;
        this.pages = pages;
        this.clock = clock;
        this.list = list;
        this.one = one;
        this.compose = compose;
        this.error = error;
    }

    @GET
    public Response list(@QueryParam("box") @DefaultValue("received") String box,
            @QueryParam("type") String type, @QueryParam("state") String state,
            @QueryParam("page") @DefaultValue("0") int pageNumber) {
        String b = "sent".equals(box) ? "sent" : "received";
        AlertType t = parse(AlertType.class, type);
        Alert.State s = parse(Alert.State.class, state);
        int p = Math.max(0, pageNumber);
        List<AlertView> found = "sent".equals(b)
                ? alerts.sent(page.caller(), false, p, PAGE + 1)
                : alerts.received(page.caller(), null, null, t, s, null, null, p, PAGE + 1);
        List<Row> rows = found.stream().limit(PAGE).map(a -> new Row(a.id().toString(), a.reference(), a.summary(),
                a.type() == null ? "" : a.type().name(), a.state().name(), a.issuer(), pages.format(a
                        .broadcastAt()),
                Boolean.TRUE.equals(a.late()))).toList();
        return pages.send(pages.of(list, "alerts").data("box", b).data("rows", rows).data("type", t == null
                ? ""
                : t.name()).data("state", s == null ? "" : s.name()).data("types", AlertType.values())
                .data("states", Alert.State.values()).data("page", p).data("hasMore", found.size() > PAGE), 200);
    }

    @GET
    @Path("/new")
    public Response compose() {
        String today = LocalDate.now(clock).toString();
        return composePage(new Draft("", "", AlertType.RESTRICTION_OR_PROHIBITION.name(), Scope.FULL_PROHIBITION
                .name(), "", "", today, today, "", "", "", "", ""), List.of(), null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response broadcast(MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        Draft d = new Draft(value(form, "profession"), value(form, "specialty"), value(form, "type"), value(form,
                "scope"), value(form, "restriction"), value(form, "decidingBody"), value(form, "decisionDate"),
                value(form, "periodFrom"), value(form, "periodUntil"), value(form, "familyName"), value(form,
                        "givenNames"),
                value(form, "birthDate"), value(form, "birthPlace"));
        List<FieldError> errors = new ArrayList<>();
        required(d.familyName(), "familyName", errors);
        required(d.givenNames(), "givenNames", errors);
        required(d.profession(), "profession", errors);
        required(d.decidingBody(), "decidingBody", errors);
        LocalDate born = date(d.birthDate(), "birthDate", true, errors);
        LocalDate decided = date(d.decisionDate(), "decisionDate", true, errors);
        LocalDate from = date(d.periodFrom(), "periodFrom", true, errors);
        LocalDate until = date(d.periodUntil(), "periodUntil", false, errors);
        AlertType type = parse(AlertType.class, d.type());
        Scope scope = parse(Scope.class, d.scope());
        if (type == null) {
            errors.add(new FieldError("type", "required"));
        }
        if (scope == null) {
            errors.add(new FieldError("scope", "required"));
        }
        if (!errors.isEmpty()) {
            return composePage(d, errors, null, 422);
        }
        try {
            AlertView sent = alerts.broadcast(page.caller(), new BroadcastRequest(new Professional(d.familyName()
                    .strip(), d.givenNames().strip(), born, blankToNull(d.birthPlace())), d.profession(), blankToNull(
                            d
                                    .specialty()),
                    type, scope, blankToNull(d.restriction()), d.decidingBody().strip(), decided, from, until));
            return Response.seeOther(URI.create("/app/alerts/" + sent.id() + "?done=broadcast")).build();
        } catch (HubException e) {
            return composePage(d, e.errors(), e.getMessage(), e.code().status());
        }
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("id") UUID id) {
        return alertPage(id, null, Map.of(), 200);
    }

    @POST
    @Path("/{id}/receipt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response receipt(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        alerts.receipt(page.caller(), id, "READ".equals(form.getFirst("status"))
                ? ReceiptStatus.READ
                : ReceiptStatus.RECEIVED);
        return Response.seeOther(URI.create("/app/alerts/" + id + "?done=receipt")).build();
    }

    @POST
    @Path("/{id}/update")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        List<FieldError> errors = new ArrayList<>();
        Scope scope = parse(Scope.class, form.getFirst("scope"));
        LocalDate from = date(value(form, "periodFrom"), "periodFrom", true, errors);
        LocalDate until = date(value(form, "periodUntil"), "periodUntil", false, errors);
        if (scope == null) {
            errors.add(new FieldError("scope", "required"));
        }
        if (!errors.isEmpty()) {
            return alertPage(id, null, Pages.byField(errors), 422);
        }
        alerts.update(page.caller(), id, new UpdateRequest(scope, blankToNull(form.getFirst("restriction")),
                blankToNull(form.getFirst("specialty")), from, until));
        return Response.seeOther(URI.create("/app/alerts/" + id + "?done=update")).build();
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        alerts.withdraw(page.caller(), id);
        return Response.seeOther(URI.create("/app/alerts/" + id + "?done=withdraw")).build();
    }

    @POST
    @Path("/{id}/informed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response informed(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = date(value(form, "informedOn"), "informedOn", true, errors);
        InformedMeans means = parse(InformedMeans.class, form.getFirst("means"));
        if (means == null) {
            errors.add(new FieldError("means", "required"));
        }
        if (!errors.isEmpty()) {
            return alertPage(id, null, Pages.byField(errors), 422);
        }
        alerts.informed(page.caller(), id, new InformedRequest(on, means));
        return Response.seeOther(URI.create("/app/alerts/" + id + "?done=informed")).build();
    }

    /** A refused step: the alert page again with the reason and the fields marked; a hidden alert: the 404 page. */
    @ServerExceptionMapper
    public Response refused(HubException e) {
        String path = page.path();
        if (e.code().status() == 404 || !path.matches("/app/alerts/[0-9a-f-]{36}(/.*)?")) {
            return pages.send(pages.of(error, "alerts").data("message", e.getMessage()), e.code().status());
        }
        UUID id = UUID.fromString(path.substring("/app/alerts/".length(), "/app/alerts/".length() + 36));
        return alertPage(id, e.getMessage(), Pages.byField(e.errors()), e.code().status());
    }

    private Response alertPage(UUID id, String notice, Map<String, String> errors, int status) {
        AlertView a = alerts.get(page.caller(), id);
        String me = page.caller().authority().orElse("");
        boolean issuer = me.equals(a.issuer());
        boolean active = a.state() == Alert.State.ACTIVE;
        RecipientView own = issuer ? null : alerts.ownReceipt(page.caller(), id).orElse(null);
        List<Receipt> receipts = issuer
                ? alerts.receipts(page.caller(), id).items().stream().map(r -> new Receipt(r.authority(), r
                        .memberState(), r.viaCoordinator(), pages.format(r.receivedAt()), pages.format(r.readAt())))
                        .toList()
                : List.of();
        String done = page.query("done");
        return pages.send(pages.of(one, "alerts").data("a", a).data("issuer", issuer).data("canChange", issuer
                && active).data("own", own).data("ownReceived", own == null ? "" : pages.format(own.receivedAt()))
                .data("ownRead", own == null ? "" : pages.format(own.readAt())).data("receipts", receipts)
                .data("broadcast", pages.format(a.broadcastAt())).data("decided", pages.format(a.decisionDate()))
                .data("from", pages.format(a.periodFrom())).data("until", pages.format(a.periodUntil()))
                .data("born", a.professional() == null ? "" : pages.format(a.professional().birthDate()))
                .data("informedOn", pages.format(a.professionalInformedOn())).data("scopes", Scope.values())
                .data("means", InformedMeans.values()).data("today", LocalDate.now(clock).toString())
                .data("errors", errors).data("notice", notice).data("done", done != null && notice == null)
                .data("csrf", page.csrfToken()), status);
    }

    private Response composePage(Draft d, List<FieldError> errors, String problem, int status) {
        List<RequestPages.Choice> professions = reference.professions(page.locale(), true).stream().map(
                p -> new RequestPages.Choice(p.code(), p.name(), p.code().equals(d.profession()))).toList();
        LocalDate decided = parseOrNull(d.decisionDate());
        return pages.send(pages.of(compose, "newAlert").data("d", d).data("professions", professions).data("types",
                AlertType.values()).data("scopes", Scope.values()).data("errors", Pages.byField(errors))
                .data("problem", problem != null ? problem : errors.isEmpty() ? null : "")
                .data("deadline", decided == null ? "" : pages.format(decided.plusDays(3)))
                .data("csrf", page.csrfToken()), status);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst().orElse(null);
    }

    private static LocalDate date(String value, String field, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "a date, yyyy-mm-dd"));
            return null;
        }
    }

    private static LocalDate parseOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void required(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required"));
        }
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
