package eu.authorityhub.pages;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import eu.authorityhub.inbox.InboxService;
import eu.authorityhub.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/** The home page: what arrived for the caller's authority, newest first, refreshed in place every 15 s (htmx). */
@Path("/app/inbox")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CASE_HANDLER, Roles.AUTHORITY_ADMIN, Roles.COORDINATOR})
@RequestScoped
public class InboxPages {

    private static final int SHOWN = 100;
    /** The event type without its namespace and version: "request.send". */
    private static final java.util.regex.Pattern EVENT_NAME = java.util.regex.Pattern.compile(
            "^eu\\.authorityhub\\.|\\.v[0-9]+$");

    /** One line of the inbox, ready to show. */
    @TemplateData
    public record Line(String at, String caseType, String caseId, String label, String event, String state,
            boolean fresh) {
    }

    private final InboxService inbox;
    private final PageContext page;
    private final Pages pages;
    private final Template inboxTemplate;
    private final Template entries;

    public InboxPages(InboxService inbox, PageContext page, Pages pages, @Location("pages/inbox") Template inbox1,
            @Location("pages/inbox-entries") Template entries) {
        this.inbox = inbox;
        this.page = page;
        this.pages = pages;
        this.inboxTemplate = inbox1;
        this.entries = entries;
    }

    /** The inbox; entries that arrived since the person's previous visit are marked new (and counted). */
    @GET
    public Response show(@QueryParam("kind") String kind) {
        long seen = inbox.visit(page.caller());
        java.util.Map<String, Long> counts = inbox.counts(page.caller(), seen);
        String k = kind(kind);
        return pages.send(pages.of(inboxTemplate, "inbox").data("kind", k).data("kinds", InboxService.KINDS).data(
                "counts", counts).data("fresh", counts.get("NEW")).data("seen", seen).data("entries", lines(k,
                        seen)),
                200);
    }

    /** The entries alone, for the in-place refresh; {@code seen} keeps the marks of the page's first view. */
    @GET
    @Path("/entries")
    public Response entries(@QueryParam("kind") String kind, @QueryParam("seen") long seen) {
        return pages.send(pages.of(entries, "inbox").data("entries", lines(kind(kind), seen)), 200);
    }

    private List<Line> lines(String kind, long seen) {
        return inbox.latest(page.caller(), kind, SHOWN).stream().map(e -> new Line(pages.format(e.at()),
                e.caseType(), e.caseId().toString(), e.caseType() + " " + e.caseId().toString().substring(0, 8),
                EVENT_NAME.matcher(e.eventType()).replaceAll(""), e.state(), e.cursor() > seen))
                .toList();
    }

    private static String kind(String kind) {
        return kind != null && InboxService.KINDS.contains(kind) ? kind : null;
    }
}
