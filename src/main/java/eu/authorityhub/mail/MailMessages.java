package eu.authorityhub.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The mails' words in English; messages/mail_fr, _nl and _de translate them. No personal data in any of them. */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {

    @Message("Authority hub: {reference}")
    String subject(String reference);

    @Message("Authority hub: {count} updates for your authority")
    String digestSubject(int count);

    @Message("Hello,")
    String greeting();

    @Message("there is news for your authority in the authority hub:")
    String intro();

    @Message("Request")
    String kind_REQUEST();

    @Message("Alert")
    String kind_ALERT();

    @Message("Deadline notice on request")
    String kind_DEADLINE();

    @Message("Sign in to read it; for the protection of the people concerned, this mail names no one.")
    String signIn();

    @Message("You get these mails because you handle cases of your authority. Choose immediate mails, a daily digest or none: {link}")
    String why(String link);
}
