package eu.authorityhub.pages;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import eu.authorityhub.mail.MailRecipients;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Renders a page with what every page shows (user, authority, language, menu) and sends it uncached. */
@RequestScoped
public class Pages {

    private final PageContext page;
    private final MailRecipients recipients;
    private DateTimeFormatter dateTime;
    private DateTimeFormatter date;

    public Pages(PageContext page, MailRecipients recipients) {
        this.page = page;
        this.recipients = recipients;
    }

    /**
     * A page with what every page shows. The person is (re)registered for mail notices of their authority, with the
     * address and language of this visit (written only when one of them changed).
     */
    public TemplateInstance of(Template template, String section) {
        page.caller().authority().ifPresent(a -> recipients.seen(page.user(), a, page.email(), page.language()));
        return template.instance().setLocale(page.locale()).data("lang", page.language()).data("languages",
                PageContext.LANGUAGES).data("user", page.user()).data("authority", page.caller().authority()
                        .orElse(null))
                .data("section", section).data("admin", page.authorityAdmin())
                .data("coordinator", page.caller().coordinator().isPresent()).data("dpo", page.caller().hasRole(
                        eu.authorityhub.security.Roles.DATA_PROTECTION_OFFICER))
                .data("caseWork", doesCaseWork(page.caller())).data("settings", page.caller().hasRole(
                        eu.authorityhub.security.Roles.CASE_HANDLER)
                        || page.caller().hasRole(
                                eu.authorityhub.security.Roles.AUTHORITY_ADMIN));
    }

    /**
     * Whether the person may open the case pages (inbox, requests, alerts, directory): the menu offers only the pages a
     * person's role opens.
     */
    static boolean doesCaseWork(eu.authorityhub.security.Caller caller) {
        return caller.hasRole(eu.authorityhub.security.Roles.CASE_HANDLER) || caller.hasRole(
                eu.authorityhub.security.Roles.AUTHORITY_ADMIN)
                || caller.hasRole(
                        eu.authorityhub.security.Roles.COORDINATOR);
    }

    /** The page as a response: no caching (personal data), and the chosen language remembered. */
    public Response send(TemplateInstance page, int status) {
        return Response.status(status).entity(page).type("text/html;charset=UTF-8")
                .header("Cache-Control", "no-store").cookie(new NewCookie.Builder(PageContext.LANGUAGE_COOKIE)
                        .value(this.page.language()).path("/").sameSite(NewCookie.SameSite.STRICT).httpOnly(true)
                        .maxAge(365 * 24 * 3600).build())
                .build();
    }

    /** Field errors of a refused form by field name (the first per field), as the form templates show them. */
    public static java.util.Map<String, String> byField(java.util.List<eu.authorityhub.api.Problem.FieldError> errors) {
        java.util.Map<String, String> byField = new java.util.LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field().replaceAll("\\[.*", "").replaceFirst("^professional\\.",
                ""), e.message()));
        return byField;
    }

    /** A member state's name in the page language. */
    public String country(String code) {
        return java.util.Locale.of("", code).getDisplayCountry(page.locale());
    }

    public String format(OffsetDateTime t) {
        if (t == null) {
            return "";
        }
        if (dateTime == null) { // one formatter per page, not per value (a timeline has hundreds)
            dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(page
                    .locale());
        }
        return t.format(dateTime);
    }

    public String format(java.time.LocalDate d) {
        if (d == null) {
            return "";
        }
        if (date == null) {
            date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(page.locale());
        }
        return d.format(date);
    }
}
