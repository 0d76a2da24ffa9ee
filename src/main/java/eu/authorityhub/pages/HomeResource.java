package eu.authorityhub.pages;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;

/**
 * The hub's address leads to the pages, through the sign-in when needed; each person lands on the first page their
 * role may open: case work (the inbox), else the data-protection officer's page.
 */
@Path("/")
public class HomeResource {

    private final PageContext page;

    HomeResource(PageContext page) {
        this.page = page;
    }

    @GET
    @PermitAll
    public Response home() {
        return Response.seeOther(URI.create("/app")).build();
    }

    @GET
    @Path("app")
    @Authenticated
    public Response landing() {
        Caller caller = page.caller();
        boolean dpoOnly = !Pages.doesCaseWork(caller) && caller.hasRole(Roles.DATA_PROTECTION_OFFICER);
        return Response.seeOther(URI.create(dpoOnly ? "/app/data-protection" : "/app/inbox")).build();
    }
}
