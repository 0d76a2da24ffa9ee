package eu.authorityhub.mail;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Writes a person's mail in their language: the case references and links, never a professional's name. */
@ApplicationScoped
public class MailComposer {

    /** One thing to tell: what it is, its reference, where to open it. */
    @TemplateData
    public record Notice(String kind, String reference, String link) {
    }

    private final Template notice;
    private final MailConfig config;

    public MailComposer(@Location("mail/notice.txt") Template notice, MailConfig config) {
        this.notice = notice;
        this.config = config;
    }

    public Mail compose(String to, String language, List<Notice> notices) {
        MailMessages words = MessageBundles.get(MailMessages.class, Localized.Literal.of(language));
        String subject = notices.size() == 1
                ? words.subject(notices.get(0).reference())
                : words.digestSubject(notices.size());
        String text = notice.instance().setLocale(Locale.forLanguageTag(language)).data("notices", notices).data(
                "settings", base() + "/app/settings").render();
        return Mail.withText(to, subject, text);
    }

    /** A notice of an event about a case: a deadline notice, a request or an alert. */
    public Notice notice(String caseType, String eventType, java.util.UUID caseId, String reference) {
        String kind = eventType.contains(".deadline.") ? "DEADLINE" : "ALERT".equals(caseType) ? "ALERT" : "REQUEST";
        String path = "ALERT".equals(caseType) ? "/app/alerts/" : "/app/requests/";
        return new Notice(kind, reference, base() + path + caseId);
    }

    private String base() {
        return config.linkBase().replaceAll("/+$", "");
    }
}
