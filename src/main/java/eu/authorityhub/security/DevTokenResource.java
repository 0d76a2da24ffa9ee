package eu.authorityhub.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev mode only (absent from test and production builds): hands out a token of a demo user from the in-process OIDC
 * provider, whose port changes at every start, so the README's curl lines work as written.
 */
@Path("/dev/tokens")
@IfBuildProfile("dev")
public class DevTokenResource {

    private final String authServerUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DevTokenResource(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.authServerUrl = authServerUrl;
    }

    @GET
    @Path("/provider")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Dev mode only: the in-process OIDC provider's base URL (its token endpoint is <url>/token)")
    public String provider() {
        return authServerUrl;
    }

    @GET
    @Path("/{user}")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Dev mode only: an access token of a demo user (password = user name)")
    public Response token(@PathParam("user") String user) throws IOException, InterruptedException {
        String u = URLEncoder.encode(user, StandardCharsets.UTF_8);
        String form = "grant_type=password&client_id=quarkus-app&client_secret=secret&username=" + u + "&password="
                + u;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(authServerUrl + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = r.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return Response.status(r.statusCode()).entity(r.statusCode() == 200 ? token : r.body()).build();
    }
}
