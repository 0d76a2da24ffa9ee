package eu.authorityhub.pages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The pages' words about blocked and deleted personal data; messages/dp_fr, _nl and _de translate them. */
@MessageBundle(value = "dp", locale = "en")
public interface DataProtectionMessages {

    @Message("The personal data of this request are blocked (IMI Regulation Art. 14): the professional, the answers, free texts and documents are hidden. The steps and dates stay as proof of the exchange. A data-protection officer of your authority may unblock them for a stated reason.")
    String blocked();

    @Message("The personal data of this request are unblocked for your authority until {until}, by its data-protection officer.")
    String unblocked(String until);

    @Message("The personal data of this request were deleted (IMI Regulation Art. 14): the professional, the answers, free texts and documents are gone. Each document's SHA-256 stays as proof.")
    String deleted();

    @Message("Withheld")
    String withheld();

    @Message("Document withheld (SHA-256 {sha})")
    String documentWithheld(String sha);
}
