package eu.authorityhub.directory;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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

import eu.authorityhub.directory.AuthorityPayloads.AuthorityView;
import eu.authorityhub.directory.AuthorityPayloads.CreateRequest;
import eu.authorityhub.directory.AuthorityPayloads.Page;
import eu.authorityhub.directory.AuthorityPayloads.UpdateRequest;
import eu.authorityhub.security.Roles;
import io.quarkus.security.Authenticated;

/**
 * The authority directory. Public (no token): one authority and the "who is competent for profession P in member state
 * S" look-up, the questions citizens and authorities hunt for across national sites; they return only what a public
 * register shows. The search across the directory and every change need a token.
 */
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

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Change an authority (hub admin); the body's version must be the current one")
    public AuthorityView update(@PathParam("code") @Pattern(regexp = AuthorityPayloads.CODE) String code,
            @NotNull @Valid UpdateRequest request) {
        return service.update(code, request);
    }

    @POST
    @Path("/{code}/deactivate")
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Deactivate an authority (hub admin): it keeps its history but takes part in nothing new")
    public AuthorityView deactivate(@PathParam("code") @Pattern(regexp = AuthorityPayloads.CODE) String code) {
        return service.deactivate(code);
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "One authority by its code (public)")
    public AuthorityView get(@PathParam("code") @Pattern(regexp = AuthorityPayloads.CODE) String code) {
        return service.get(code);
    }

    @GET
    @Path("/competent")
    @PermitAll
    @Operation(summary = "Active authorities of a member state competent for a profession (public)")
    public List<AuthorityView> competent(
            @QueryParam("profession") @NotNull @Pattern(regexp = AuthorityPayloads.REFERENCE_CODE) String profession,
            @QueryParam("memberState") @NotNull @Pattern(regexp = AuthorityPayloads.COUNTRY) String memberState) {
        return service.competent(profession, memberState);
    }

    @GET
    @Authenticated
    @Operation(summary = "Search the directory: filters combine; paged and sorted (sort: code, name, memberState; - for descending)")
    public Page search(@QueryParam("memberState") @Pattern(regexp = AuthorityPayloads.COUNTRY) String memberState,
            @QueryParam("profession") @Pattern(regexp = AuthorityPayloads.REFERENCE_CODE) String profession,
            @QueryParam("policyArea") @Pattern(regexp = AuthorityPayloads.REFERENCE_CODE) String policyArea,
            @QueryParam("name") @Size(max = 100) String name, @QueryParam("active") Boolean active,
            @QueryParam("sort") @DefaultValue("code") @Pattern(regexp = "^-?(code|name|memberState)$") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.search(memberState, profession, policyArea, name, active, sort, page, size);
    }
}
