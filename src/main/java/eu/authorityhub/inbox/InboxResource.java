package eu.authorityhub.inbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.authorityhub.inbox.InboxPayloads.InboxPage;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;

/** An authority's (or coordinator's) inbox over HTTP: request steps, alerts and notices, read with a cursor. */
@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox")
@RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN, Roles.COORDINATOR})
@RequestScoped
public class InboxResource {

    private final InboxService inbox;
    private final Caller caller;

    public InboxResource(InboxService inbox, Caller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "What was addressed to the caller's authority (or coordinator) after cursor 'after', oldest first: request steps and alerts")
    public InboxPage inbox(@QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return inbox.since(caller, after, limit);
    }
}
