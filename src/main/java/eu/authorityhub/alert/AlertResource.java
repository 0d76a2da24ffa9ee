package eu.authorityhub.alert;

import java.net.URI;
import java.time.LocalDate;
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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.authorityhub.alert.AlertPayloads.AlertType;
import eu.authorityhub.alert.AlertPayloads.AlertView;
import eu.authorityhub.alert.AlertPayloads.BroadcastRequest;
import eu.authorityhub.alert.AlertPayloads.InformedRequest;
import eu.authorityhub.alert.AlertPayloads.ReceiptRequest;
import eu.authorityhub.alert.AlertPayloads.ReceiptsView;
import eu.authorityhub.alert.AlertPayloads.UpdateRequest;
import eu.authorityhub.api.idempotency.IdempotentPost;
import eu.authorityhub.directory.AuthorityPayloads;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;

/** Professional alerts over HTTP. Every POST accepts an {@code Idempotency-Key}. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Professional alerts")
@RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE})
@RequestScoped
public class AlertResource {

    private final AlertService alerts;
    private final Caller caller;
    private final IdempotentPost idempotent;

    public AlertResource(AlertService alerts, Caller caller, IdempotentPost idempotent) {
        this.alerts = alerts;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Broadcast an alert from the caller's authority to the competent authorities of every other member state")
    public Response broadcast(@NotNull @Valid BroadcastRequest body, @Context UriInfo uri,
            @HeaderParam(IdempotentPost.HEADER) String key) {
        Response r = idempotent.post(caller.client(), key, uri.getPath(), body, 201,
                () -> alerts.broadcast(caller, body));
        return r.getEntity() instanceof AlertView v
                ? Response.fromResponse(r).location(URI.create("/api/v1/alerts/" + v.id())).build()
                : r;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN, Roles.COORDINATOR})
    @Operation(summary = "One alert: every field for the issuer and recipients, profession and scope for coordinators")
    public AlertView get(@PathParam("id") UUID id) {
        return alerts.get(caller, id);
    }

    @POST
    @Path("/{id}/update")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issuer: the decision changed; every recipient of the original is told")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid UpdateRequest body, @Context UriInfo uri,
            @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.post(caller.client(), key, uri.getPath(), body, 200,
                () -> alerts.update(caller, id, body));
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(summary = "Issuer: the decision was revoked; recipients are told and the personal data removed")
    public Response withdraw(@PathParam("id") UUID id, @Context UriInfo uri,
            @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.post(caller.client(), key, uri.getPath(), null, 200,
                () -> alerts.withdraw(caller, id));
    }

    @POST
    @Path("/{id}/professional-informed")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issuer: record when and how the professional was informed in writing")
    public Response informed(@PathParam("id") UUID id, @NotNull @Valid InformedRequest body, @Context UriInfo uri,
            @HeaderParam(IdempotentPost.HEADER) String key) {
        return idempotent.post(caller.client(), key, uri.getPath(), body, 200,
                () -> alerts.informed(caller, id, body));
    }

    @POST
    @Path("/{id}/receipt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recipient: acknowledge the alert as received or read (idempotent)")
    public Response receipt(@PathParam("id") UUID id, @NotNull @Valid ReceiptRequest body) {
        alerts.receipt(caller, id, body.status());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/receipts")
    @RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN})
    @Operation(summary = "Issuer: who has and has not received and read the alert")
    public ReceiptsView receipts(@PathParam("id") UUID id) {
        return alerts.receipts(caller, id);
    }

    @GET
    @Path("/received")
    @RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN})
    @Operation(summary = "Alerts received by the caller's authority, filtered, newest first, each with a one-line summary")
    public List<AlertView> received(
            @QueryParam("profession") @Pattern(regexp = AuthorityPayloads.REFERENCE_CODE) String profession,
            @QueryParam("memberState") @Pattern(regexp = AuthorityPayloads.COUNTRY) String memberState,
            @QueryParam("type") AlertType type, @QueryParam("state") Alert.State state,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return alerts.received(caller, profession, memberState, type, state, from, to, page, size);
    }

    @GET
    @Path("/sent")
    @RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN})
    @Operation(summary = "Alerts issued by the caller's authority; uninformed=true lists those where informing the professional is not recorded")
    public List<AlertView> sent(@QueryParam("uninformed") @DefaultValue("false") boolean uninformed,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return alerts.sent(caller, uninformed, page, size);
    }
}
