package eu.authorityhub.retention;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.authorityhub.retention.RetentionPayloads.DecisionView;
import eu.authorityhub.retention.RetentionPayloads.DeletionBody;
import eu.authorityhub.retention.RetentionPayloads.PersonalDataStatus;
import eu.authorityhub.retention.RetentionPayloads.UnblockBody;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;

/** The personal-data lifecycle of a request: its status for the parties, and the officers' decisions. */
@Path("/api/v1/requests/{id}/personal-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data protection")
@RequestScoped
public class PersonalDataResource {

    private final Caller caller;
    private final PersonalDataDecisions decisions;

    public PersonalDataResource(Caller caller, PersonalDataDecisions decisions) {
        this.caller = caller;
        this.decisions = decisions;
    }

    @GET
    @RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN, Roles.DATA_PROTECTION_OFFICER})
    @Operation(summary = "Whether the request's personal data are active, blocked or deleted, when that happens, and the decisions taken (parties only)")
    public PersonalDataStatus status(@PathParam("id") UUID id) {
        return decisions.status(caller, id);
    }

    @POST
    @Path("/unblocking")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DATA_PROTECTION_OFFICER)
    @Operation(summary = "Data-protection officer of a party: unblock the request's personal data for the own authority, for a stated reason and a limited time (IMI Regulation Art. 14(1))")
    public DecisionView unblock(@PathParam("id") UUID id, @NotNull @Valid UnblockBody body) {
        return decisions.unblock(caller, id, body.reason().strip(), body.days());
    }

    @POST
    @Path("/deletion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DATA_PROTECTION_OFFICER)
    @Operation(summary = "Data-protection officer of a party: delete a closed request's personal data now, with the professional's consent (IMI Regulation Art. 14(2)); both parties are told")
    public DecisionView delete(@PathParam("id") UUID id, @NotNull @Valid DeletionBody body) {
        return decisions.deleteEarly(caller, id, body.reason().strip(), body.consent().strip());
    }
}
