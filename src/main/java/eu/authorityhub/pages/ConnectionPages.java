package eu.authorityhub.pages;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import eu.authorityhub.api.HubException;
import eu.authorityhub.api.Problem.FieldError;
import eu.authorityhub.security.Roles;
import eu.authorityhub.webhook.WebhookPayloads.Created;
import eu.authorityhub.webhook.WebhookPayloads.HealthView;
import eu.authorityhub.webhook.WebhookPayloads.Rotated;
import eu.authorityhub.webhook.WebhookPayloads.SubscriptionRequest;
import eu.authorityhub.webhook.WebhookPayloads.SubscriptionView;
import eu.authorityhub.webhook.WebhookService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * The back-office connection for an authority's administrator: webhook subscriptions created, their secret shown
 * once, rotated, disabled and enabled, with the delivery log, each attempt, and replay. The webhook API's service.
 */
@Path("/app/connection")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.AUTHORITY_ADMIN)
@RequestScoped
public class ConnectionPages {

    /** The event families a back office subscribes to, offered as choices. */
    static final List<String> FAMILIES = List.of("eu.authorityhub.request.*", "eu.authorityhub.alert.*",
            "eu.authorityhub.deadline.*", "eu.authorityhub.webhook.*");
    private static final int LOG = 25;

    /** A subscription of the list, ready to show. */
    @TemplateData
    public record Line(String id, String url, String description, String events, String status) {
    }

    /** One delivery with its attempts, ready to show. */
    @TemplateData
    public record Delivery(long id, String eventType, String caseId, String state, int attempts, String created,
            String delivered, String next, String lastError, List<Attempt> tries) {
    }

    /** One attempt of a delivery. */
    @TemplateData
    public record Attempt(int attempt, String at, String status, String latency, String error) {
    }

    /** A family of event types offered on the form. */
    @TemplateData
    public record Family(String pattern, String key, boolean chosen) {
    }

    private final WebhookService webhooks;
    private final PageContext page;
    private final Pages pages;
    private final Template list;
    private final Template one;
    private final Template secret;
    private final Template error;

    public ConnectionPages(WebhookService webhooks, PageContext page, Pages pages,
            @Location("pages/connection") Template list, @Location("pages/subscription") Template one,
            @Location("pages/secret") Template secret, @Location("pages/error") Template error) {
        this.webhooks = webhooks;
        this.page = page;
        this.pages = pages;
        this.list = list;
        this.one = one;
        this.secret = secret;
        this.error = error;
    }

    @GET
    public Response list() {
        return listPage("", "", List.of(FAMILIES.get(0), FAMILIES.get(1)), false, Map.of(), null, 200);
    }

    /** Creates a subscription; the answer is the only page that ever shows its secret. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        String url = value(form, "url").strip();
        String description = value(form, "description").strip();
        List<String> events = form.getOrDefault("events", List.of()).stream().filter(FAMILIES::contains).toList();
        boolean ed25519 = "true".equals(form.getFirst("ed25519"));
        List<FieldError> errors = new ArrayList<>();
        if (url.isEmpty()) {
            errors.add(new FieldError("url", "required"));
        }
        if (events.isEmpty()) {
            errors.add(new FieldError("events", "choose at least one"));
        }
        if (!errors.isEmpty()) {
            return listPage(url, description, events, ed25519, Pages.byField(errors), "", 422);
        }
        try {
            Created c = webhooks.create(page.caller(), new SubscriptionRequest(url, events, null, null, description
                    .isEmpty() ? null : description, null, null, null, null, ed25519));
            return secretPage(c.subscription().id(), c.secret(), c.publicKey(), null);
        } catch (HubException e) {
            Map<String, String> byField = new java.util.LinkedHashMap<>(Pages.byField(e.errors()));
            if (byField.isEmpty()) {
                byField.put("url", e.getMessage());
            }
            return listPage(url, description, events, ed25519, byField, e.getMessage(), e.code().status());
        }
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("id") UUID id) {
        return subscriptionPage(id, null, 200);
    }

    @POST
    @Path("/{id}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotate(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        Rotated r = webhooks.rotate(page.caller(), id, null);
        return secretPage(id, r.secret(), r.publicKey(), pages.format(r.graceUntil()));
    }

    @POST
    @Path("/{id}/{step:disable|enable|delete}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response step(@PathParam("id") UUID id, @PathParam("step") String step,
            MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        switch (step) {
            case "disable" -> webhooks.disable(page.caller(), id);
            case "enable" -> webhooks.enable(page.caller(), id);
            default -> {
                webhooks.delete(page.caller(), id);
                return Response.seeOther(URI.create("/app/connection?done=delete")).build();
            }
        }
        return Response.seeOther(URI.create("/app/connection/" + id + "?done=" + step)).build();
    }

    @POST
    @Path("/{id}/deliveries/{delivery}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("id") UUID id, @PathParam("delivery") long delivery,
            MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        webhooks.replay(page.caller(), id, delivery);
        return Response.seeOther(URI.create("/app/connection/" + id + "?done=replay")).build();
    }

    /** A refused step: the subscription's page with the reason; an unknown or foreign one: the not-found page. */
    @ServerExceptionMapper
    public Response refused(HubException e) {
        String path = page.path();
        if (e.code().status() == 404 || !path.matches("/app/connection/[0-9a-f-]{36}(/.*)?")) {
            return pages.send(pages.of(error, "connection").data("message", e.getMessage()), e.code().status());
        }
        UUID id = UUID.fromString(path.substring("/app/connection/".length(), "/app/connection/".length() + 36));
        return subscriptionPage(id, e.getMessage(), e.code().status());
    }

    private Response listPage(String url, String description, List<String> events, boolean ed25519,
            Map<String, String> errors, String problem, int status) {
        List<Line> lines = webhooks.list(page.caller()).stream().map(s -> new Line(s.id().toString(), s.url(), s
                .description(), String.join(", ", s.eventTypes()), s.status().name())).toList();
        List<Family> families = FAMILIES.stream().map(f -> new Family(f, "family_" + f.split("\\.")[1], events
                .contains(f))).toList();
        String done = page.query("done");
        return pages.send(pages.of(list, "connection").data("lines", lines).data("url", url).data("description",
                description).data("families", families).data("ed25519", ed25519).data("errors", errors)
                .data("problem", problem).data("done", done != null && problem == null).data("csrf", page
                        .csrfToken()),
                status);
    }

    private Response subscriptionPage(UUID id, String notice, int status) {
        SubscriptionView s = webhooks.get(page.caller(), id);
        HealthView h = webhooks.health(page.caller(), id);
        List<Delivery> log = webhooks.deliveries(page.caller(), id, null, null, LOG).stream().map(d -> new Delivery(d
                .id(), d.eventType(), d.caseId(), d.state(), d.attempts(), pages.format(d.createdAt()),
                pages.format(d
                        .deliveredAt()),
                pages.format(d.nextAttemptAt()), d.lastError(), d.attempts() == 0
                        ? List.of()
                        : webhooks.attempts(page.caller(), id, d.id()).stream().map(a -> new Attempt(a.attempt(),
                                pages.format(a.startedAt()), a.status() == null ? "–" : a.status().toString(), a
                                        .latencyMs() == null ? "–" : a.latencyMs() + " ms",
                                a.error())).toList()))
                .toList();
        String done = page.query("done");
        String rate = h.successRate24h() == null
                ? "–"
                : java.text.NumberFormat.getPercentInstance(page.locale()).format(h.successRate24h());
        return pages.send(pages.of(one, "connection").data("s", s).data("h", h).data("rate", rate).data("lastSuccess",
                pages.format(h.lastSuccessAt())).data("lastFailure", pages.format(h.lastFailureAt())).data("log", log)
                .data("notice", notice).data("done", done != null && notice == null).data("csrf", page.csrfToken()),
                status);
    }

    private Response secretPage(UUID id, String secretValue, String publicKey, String graceUntil) {
        return pages.send(pages.of(secret, "connection").data("id", id.toString()).data("secret", secretValue).data(
                "publicKey", publicKey).data("graceUntil", graceUntil), 200);
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }
}
