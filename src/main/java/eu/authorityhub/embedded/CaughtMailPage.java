package eu.authorityhub.embedded;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import eu.authorityhub.mail.MailRecipients;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev mode only (absent from test and production builds): the mails the embedded mail server caught for the people
 * who used the pages, oldest first per person, as plain text.
 */
@Path("/dev/mails")
@IfBuildProfile("dev")
public class CaughtMailPage {

    private final MailRecipients recipients;
    private final int imapPort;

    public CaughtMailPage(MailRecipients recipients,
            @ConfigProperty(name = EmbeddedMail.IMAP_PORT, defaultValue = "0") int imapPort) {
        this.recipients = recipients;
        this.imapPort = imapPort;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    @Operation(summary = "Dev mode only: the mails caught by the embedded mail server")
    public String mails() {
        if (imapPort == 0) {
            return "No embedded mail server: quarkus.mailer.host is configured, so mails went there.\n";
        }
        List<String> addresses = recipients.addresses();
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
