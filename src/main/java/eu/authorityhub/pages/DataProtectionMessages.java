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

    @Message("Data protection")
    String dataProtection();

    @Message("Subject access")
    String subjectAccess();

    @Message("A professional asks what your authority holds about them (GDPR Art. 15, IMI Regulation Art. 19). Every request and alert of your authority about that person, the data held (blocked ones included) and every access to them. Print this page, or use GET /api/v1/subject-access for the same as JSON. The search itself is recorded.")
    String subjectAccessIntro();

    @Message("Give the family name and the birth date (YYYY-MM-DD).")
    String subjectAccessInvalid();

    @Message("Family name")
    String familyName();

    @Message("Given names (optional)")
    String givenNames();

    @Message("Birth date")
    String birthDate();

    @Message("Find")
    String find();

    @Message("What the hub holds about {name}, born {born}")
    String exportTitle(String name, java.time.LocalDate born);

    @Message("For {authority}, made {at}.")
    String exportFor(String authority, String at);

    @Message("Information requests")
    String requests();

    @Message("Alerts")
    String alerts();

    @Message("Accesses to these cases")
    String accesses();

    @Message("None.")
    String none();

    @Message("Personal data")
    String personalData();

    @Message("Data held")
    String dataHeld();

    @Message("(name deleted)")
    String deletedName();

    @Message("Issuer")
    String issuer();

    @Message("When")
    String when();

    @Message("Who")
    String who();

    @Message("Authority")
    String authority();

    @Message("What")
    String what();

    @Message("Why")
    String why();
}
