package eu.authorityhub.accesslog;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.authorityhub.accesslog.AccessLogPayloads.AccessView;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;

/** Who read which personal data. */
@Path("/api/v1/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data protection")
@RequestScoped
public class AccessLogResource {

    private final Caller caller;
    private final AccessLogQueries queries;

    public AccessLogResource(Caller caller, AccessLogQueries queries) {
        this.caller = caller;
        this.queries = queries;
    }

    @GET
    @RolesAllowed({Roles.AUTHORITY_ADMIN, Roles.DATA_PROTECTION_OFFICER})
    @Operation(summary = "Accesses to personal data, newest first: an authority admin sees its own staff's, a data-protection officer every access to its authority's cases")
    public List<AccessView> list(@QueryParam("caseId") UUID caseId, @QueryParam("before") @Positive Long before,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return queries.list(caller, caseId, before, limit);
    }
}
