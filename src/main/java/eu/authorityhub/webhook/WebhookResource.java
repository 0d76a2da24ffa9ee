package eu.authorityhub.webhook;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.authorityhub.directory.AuthorityPayloads;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;
import eu.authorityhub.webhook.WebhookPayloads.AllowListBody;
import eu.authorityhub.webhook.WebhookPayloads.AttemptView;
import eu.authorityhub.webhook.WebhookPayloads.Created;
import eu.authorityhub.webhook.WebhookPayloads.DeliveryView;
import eu.authorityhub.webhook.WebhookPayloads.HealthView;
import eu.authorityhub.webhook.WebhookPayloads.RecoverRequest;
import eu.authorityhub.webhook.WebhookPayloads.Recovered;
import eu.authorityhub.webhook.WebhookPayloads.RotateRequest;
import eu.authorityhub.webhook.WebhookPayloads.Rotated;
import eu.authorityhub.webhook.WebhookPayloads.SubscriptionRequest;
import eu.authorityhub.webhook.WebhookPayloads.SubscriptionView;

/**
 * Webhook subscriptions of the caller's authority (its admin or back-office system) or of the calling coordinator;
 * the delivery log; replay and recovery. Network allow-lists are kept by hub administrators.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@RolesAllowed({Roles.AUTHORITY_ADMIN, Roles.BACK_OFFICE, Roles.COORDINATOR})
@RequestScoped
public class WebhookResource {

    private final WebhookService webhooks;
    private final Caller caller;

    public WebhookResource(WebhookService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Path("/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe an endpoint; the signing secret is in the answer, and only there")
    public Response create(@NotNull @Valid SubscriptionRequest body) {
        Created c = webhooks.create(caller, body);
        return Response.created(URI.create("/api/v1/webhooks/" + c.subscription().id())).entity(c).build();
    }

    @GET
    @Path("/webhooks")
    @Operation(summary = "The caller's subscriptions (of its authority, or its own as a coordinator)")
    public List<SubscriptionView> list() {
        return webhooks.list(caller);
    }

    @GET
    @Path("/webhooks/{id}")
    @Operation(summary = "One subscription")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return webhooks.get(caller, id);
    }

    @PUT
    @Path("/webhooks/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the endpoint URL, filters, mode, template, ordering or rate limit")
    public SubscriptionView update(@PathParam("id") UUID id, @NotNull @Valid SubscriptionRequest body) {
        return webhooks.update(caller, id, body);
    }

    @DELETE
    @Path("/webhooks/{id}")
    @Operation(summary = "Delete a subscription (its delivery log is kept)")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(caller, id);
        return Response.noContent().build();
    }

    @POST
    @Path("/webhooks/{id}/disable")
    @Operation(summary = "Stop deliveries; they wait until the endpoint is enabled again")
    public SubscriptionView disable(@PathParam("id") UUID id) {
        return webhooks.disable(caller, id);
    }

    @POST
    @Path("/webhooks/{id}/enable")
    @Operation(summary = "Enable a disabled endpoint (also after 410 or long failure); waiting deliveries go out at once")
    public SubscriptionView enable(@PathParam("id") UUID id) {
        return webhooks.enable(caller, id);
    }

    @POST
    @Path("/webhooks/{id}/secret/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A new signing secret; the old one also signs until the grace period ends")
    public Rotated rotate(@PathParam("id") UUID id, @Valid RotateRequest body) {
        return webhooks.rotate(caller, id, body == null ? null : body.graceSeconds());
    }

    @GET
    @Path("/webhooks/{id}/deliveries")
    @Operation(summary = "The delivery log, newest first (cursor: before = a delivery id)")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id,
            @QueryParam("state") @Pattern(regexp = "PENDING|DELIVERED|FAILED") String state,
            @QueryParam("before") @Min(1) Long before,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return webhooks.deliveries(caller, id, state, before, limit);
    }

    @GET
    @Path("/webhooks/{id}/deliveries/{deliveryId}/attempts")
    @Operation(summary = "Every attempt of one delivery: status, latency, the start of the response, next attempt")
    public List<AttemptView> attempts(@PathParam("id") UUID id, @PathParam("deliveryId") long deliveryId) {
        return webhooks.attempts(caller, id, deliveryId);
    }

    @POST
    @Path("/webhooks/{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send one delivery again (same webhook-id), whatever its state")
    public DeliveryView replay(@PathParam("id") UUID id, @PathParam("deliveryId") long deliveryId) {
        return webhooks.replay(caller, id, deliveryId);
    }

    @POST
    @Path("/webhooks/{id}/recover")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Try again every failed delivery created since the given time")
    public Recovered recover(@PathParam("id") UUID id, @NotNull @Valid RecoverRequest body) {
        return new Recovered(webhooks.recover(caller, id, body.since()));
    }

    @GET
    @Path("/webhooks/{id}/health")
    @Operation(summary = "The endpoint's success rate and latency over 24 hours, its last error, what waits")
    public HealthView health(@PathParam("id") UUID id) {
        return webhooks.health(caller, id);
    }

    @GET
    @Path("/webhook-allow-lists/{owner}")
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Hub administrators: private networks and hosts an owner's endpoints may reach")
    public AllowListBody allowList(
            @PathParam("owner") @Pattern(regexp = AuthorityPayloads.CODE) String owner) {
        return webhooks.allowList(owner);
    }

    @PUT
    @Path("/webhook-allow-lists/{owner}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Hub administrators: set an owner's allow-list (CIDR networks, host names)")
    public AllowListBody putAllowList(
            @PathParam("owner") @Pattern(regexp = AuthorityPayloads.CODE) String owner,
            @NotNull @Valid AllowListBody body) {
        return webhooks.putAllowList(caller, owner, body);
    }
}
