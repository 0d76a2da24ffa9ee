package eu.authorityhub.pages;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import eu.authorityhub.api.HubException;
import eu.authorityhub.mail.MailRecipients;
import eu.authorityhub.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** A person's own settings: how often they are told by mail of what arrives for their authority. */
@Path("/app/settings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CASE_HANDLER, Roles.AUTHORITY_ADMIN})
@RequestScoped
public class SettingsPages {

    private final MailRecipients recipients;
    private final PageContext page;
    private final Pages pages;
    private final Template settings;

    public SettingsPages(MailRecipients recipients, PageContext page, Pages pages,
            @Location("pages/settings") Template settings) {
        this.recipients = recipients;
        this.page = page;
        this.pages = pages;
        this.settings = settings;
    }

    @GET
    public Response show() {
        return page(null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(MultivaluedMap<String, String> form) {
        page.checkForm(form.getFirst("csrf"));
        recipients.choose(page.user(), form.getFirst("frequency"));
        return Response.seeOther(URI.create("/app/settings?done=saved")).build();
    }

    @ServerExceptionMapper
    public Response refused(HubException e) {
        return page(e.getMessage(), e.code().status());
    }

    private Response page(String notice, int status) {
        var instance = pages.of(settings, "settings"); // registers the person first
        return pages.send(instance.data("frequency", recipients.frequency(page.user()).name()).data("email", page
                .email()).data("frequencies", MailRecipients.Frequency.values()).data("notice", notice).data("done",
                        page.query("done") != null && notice == null)
                .data("csrf", page.csrfToken()), status);
    }
}
