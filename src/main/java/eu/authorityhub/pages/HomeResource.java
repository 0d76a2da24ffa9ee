package eu.authorityhub.pages;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The hub's address leads to the inbox, through the sign-in when needed. */
@Path("/")
public class HomeResource {

    @GET
    @PermitAll
    public Response home() {
        return Response.seeOther(URI.create("/app/inbox")).build();
    }
}
