package eu.authorityhub.directory;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.authorityhub.api.Languages;
import eu.authorityhub.directory.ReferencePayloads.CoordinatorRequest;
import eu.authorityhub.directory.ReferencePayloads.CoordinatorView;
import eu.authorityhub.directory.ReferencePayloads.MemberStateView;
import eu.authorityhub.directory.ReferencePayloads.PolicyAreaView;
import eu.authorityhub.directory.ReferencePayloads.ProfessionView;
import eu.authorityhub.security.Roles;
import io.quarkus.security.Authenticated;

/** Reference data (public: it is the vocabulary of every exchange) and coordinators (authenticated). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory")
public class ReferenceDataResource {

    private final ReferenceDataService service;

    public ReferenceDataResource(ReferenceDataService service) {
        this.service = service;
    }

    @GET
    @Path("/member-states")
    @PermitAll
    @Operation(summary = "The 30 EEA member states and their official languages (public)")
    public List<MemberStateView> memberStates() {
        return service.memberStates();
    }

    @GET
    @Path("/professions")
    @PermitAll
    @Operation(summary = "The profession catalogue, names in the Accept-Language language (public)")
    public List<ProfessionView> professions(@QueryParam("alertEligible") Boolean alertEligible,
            @Context HttpHeaders headers) {
        return service.professions(language(headers), alertEligible);
    }

    @GET
    @Path("/policy-areas")
    @PermitAll
    @Operation(summary = "Policy areas, names in the Accept-Language language (public)")
    public List<PolicyAreaView> policyAreas(@Context HttpHeaders headers) {
        return service.policyAreas(language(headers));
    }

    @GET
    @Path("/coordinators")
    @Authenticated
    @Operation(summary = "Coordinators, optionally of one member state")
    public List<CoordinatorView> coordinators(
            @QueryParam("memberState") @Pattern(regexp = AuthorityPayloads.COUNTRY) String memberState) {
        return service.coordinators(memberState);
    }

    @POST
    @Path("/coordinators")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Register a coordinator (hub admin)")
    public Response createCoordinator(@NotNull @Valid CoordinatorRequest request) {
        CoordinatorView created = service.createCoordinator(request);
        return Response.created(URI.create("/api/v1/coordinators?memberState=" + created.memberState()))
                .entity(created).build();
    }

    private static Locale language(HttpHeaders headers) {
        return Languages.preferred(headers).map(Locale::of).orElse(Locale.ENGLISH);
    }
}
