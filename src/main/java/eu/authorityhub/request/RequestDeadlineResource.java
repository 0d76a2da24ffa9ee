package eu.authorityhub.request;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.deadline.DeadlinePayloads.DeadlineView;
import eu.authorityhub.deadline.DeadlinePayloads.ReassignRequest;
import eu.authorityhub.deadline.DeadlineService;
import eu.authorityhub.deadline.DeadlineTimer;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;

/**
 * Where requests and deadlines meet: a request's deadlines (read under the request's own access rule) and a
 * coordinator's reassignment of a stalled request (a step of the request). Here rather than in {@code deadline}, so that
 * the deadline feature does not depend on requests.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines and indicators")
@RequestScoped
public class RequestDeadlineResource {

    private final Caller caller;
    private final RequestService requests;
    private final RequestQueries queries;
    private final DeadlineService deadlines;

    public RequestDeadlineResource(Caller caller, RequestService requests, RequestQueries queries,
            DeadlineService deadlines) {
        this.caller = caller;
        this.requests = requests;
        this.queries = queries;
        this.deadlines = deadlines;
    }

    @GET
    @Path("/requests/{id}/deadlines")
    @RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN, Roles.COORDINATOR})
    @Operation(summary = "A request's deadlines and their states (who may read the request may read them)")
    @Transactional
    public List<DeadlineView> ofRequest(@PathParam("id") UUID id) {
        queries.checkReadable(caller, id); // the request's own access rule, 404 for outsiders
        return deadlines.ofCase(id).stream().map(DeadlineView::of).toList();
    }

    @POST
    @Path("/deadlines/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Coordinator: move the stalled request to another competent authority of its member state")
    public RequestPayloads.RequestView reassign(@PathParam("id") long id, @NotNull @Valid ReassignRequest body) {
        DeadlineTimer t = deadlines.followedBy(caller, id);
        if (!"REQUEST".equals(t.caseType)) {
            throw new HubException(ErrorCode.ILLEGAL_TRANSITION, "Only requests are reassigned");
        }
        return requests.reassign(caller, t.caseId, body.to(), body.reason().strip());
    }
}
