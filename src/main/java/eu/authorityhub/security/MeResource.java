package eu.authorityhub.security;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** Tells callers how the hub understood their token: the first thing to check when a national system connects. */
@Path("/api/v1/me")
@Tag(name = "Identity")
@RequestScoped
public class MeResource {

    private final Caller caller;

    public MeResource(Caller caller) {
        this.caller = caller;
    }

    public record MeView(String subject, String client, List<String> roles, String authority,
            String authorityMemberState, Caller.CoordinatorScope coordinator) {
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller as the hub resolved it: roles, authority, coordinator scope")
    public MeView me() {
        return new MeView(caller.subject(), caller.client(), caller.roles().stream().sorted().toList(),
                caller.authority().orElse(null), caller.authorityMemberState().orElse(null),
                caller.coordinator().orElse(null));
    }
}
