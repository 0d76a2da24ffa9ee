package eu.authorityhub.directory;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.authorityhub.directory.AuthorityPayloads.AuthorityView;
import eu.authorityhub.directory.AuthorityPayloads.CreateRequest;
import eu.authorityhub.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/authorities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory")
public class AuthorityResource {

    private final AuthorityService service;

    public AuthorityResource(AuthorityService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Register a competent authority (hub admin)")
    public Response create(@NotNull @Valid CreateRequest request) {
        AuthorityView created = service.create(request);
        return Response.created(URI.create("/api/v1/authorities/" + created.code())).entity(created).build();
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(summary = "One authority by its code")
    public AuthorityView get(@PathParam("code") @Pattern(regexp = "^[A-Z]{2}-[A-Z0-9-]{2,40}$") String code) {
        return service.get(code);
    }

    @GET
    @Authenticated
    @Operation(summary = "Authorities, optionally of one member state, sorted by code")
    public List<AuthorityView> list(@QueryParam("memberState") @Pattern(regexp = "^[A-Z]{2}$") String memberState,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(memberState, page, size);
    }
}
