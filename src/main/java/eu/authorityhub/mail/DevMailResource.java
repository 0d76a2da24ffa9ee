package eu.authorityhub.mail;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import eu.authorityhub.embedded.EmbeddedMail;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev mode only (absent from test and production builds): the mails the embedded mail server caught for the people
 * who used the pages, newest last, as plain text.
 */
@Path("/dev/mails")
@IfBuildProfile("dev")
public class DevMailResource {

    private final EntityManager em;
    private final int imapPort;

    public DevMailResource(EntityManager em,
            @ConfigProperty(name = EmbeddedMail.IMAP_PORT, defaultValue = "0") int imapPort) {
        this.em = em;
        this.imapPort = imapPort;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    @Operation(summary = "Dev mode only: the mails caught by the embedded mail server")
    @Transactional
    public String mails() {
        if (imapPort == 0) {
            return "No embedded mail server: quarkus.mailer.host is configured, so mails went there.\n";
        }
        @SuppressWarnings("unchecked")
        List<String> addresses = em.createNativeQuery("select email from mail_recipient where email is not null"
                + " order by email").getResultList();
        StringBuilder out = new StringBuilder("Mails caught by the embedded mail server (dev mode only)\n\n");
        addresses.stream().flatMap(a -> EmbeddedMail.read(imapPort, a).stream()).forEach(m -> out.append("To: ")
                .append(m.to()).append("\nDate: ").append(m.sent()).append("\nSubject: ").append(m.subject()).append(
                        "\n\n")
                .append(m.text().strip()).append("\n\n----------------------------------------\n\n"));
        if (addresses.isEmpty()) {
            out.append("Nobody has signed in to the pages yet: mails go to those who have.\n");
        }
        return out.toString();
    }
}
