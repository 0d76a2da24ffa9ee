package eu.authorityhub.pages;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import eu.authorityhub.api.HubException;
import eu.authorityhub.directory.AuthorityPayloads.AuthorityView;
import eu.authorityhub.directory.AuthorityService;
import eu.authorityhub.directory.ReferenceDataService;
import eu.authorityhub.directory.ReferencePayloads.ProfessionView;
import eu.authorityhub.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * The directory in the browser: who is competent for a profession in a member state (or any authority by name), and
 * one authority's page with its languages, professions and contact. The same look-ups as the directory API.
 */
@Path("/app/directory")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CASE_HANDLER, Roles.AUTHORITY_ADMIN, Roles.COORDINATOR})
@RequestScoped
public class DirectoryPages {

    private static final int PAGE = 25;

    /** An authority of a result list, named in the page language when it has a name in it. */
    @TemplateData
    public record Found(String code, String name, String memberState) {
    }

    private final AuthorityService authorities;
    private final ReferenceDataService reference;
    private final PageContext page;
    private final Pages pages;
    private final Template search;
    private final Template one;
    private final Template error;

    public DirectoryPages(AuthorityService authorities, ReferenceDataService reference, PageContext page,
            Pages pages, @Location("pages/directory") Template search, @Location("pages/authority") Template one,
            @Location("pages/error") Template error) {
        this.authorities = authorities;
        this.reference = reference;
        this.page = page;
        this.pages = pages;
        this.search = search;
        this.one = one;
        this.error = error;
    }

    @GET
    public Response search(@QueryParam("profession") String profession, @QueryParam("memberState") String memberState,
            @QueryParam("name") String name, @QueryParam("page") @DefaultValue("0") int pageNumber) {
        String p = blankToNull(profession);
        String ms = blankToNull(memberState);
        String n = blankToNull(name);
        int number = Math.max(0, pageNumber);
        boolean asked = p != null || ms != null || n != null;
        List<Found> found = List.of();
        long total = 0;
        if (asked) {
            var result = authorities.search(ms, p, null, n, true, "name", number, PAGE);
            found = result.items().stream().map(a -> new Found(a.code(), localName(a), a.memberState())).toList();
            total = result.total();
        }
        return pages.send(pages.of(search, "directory").data("professions", reference.professions(page.locale(),
                null).stream().map(v -> new RequestPages.Choice(v.code(), v.name(), v.code().equals(p))).toList())
                .data("states",
                        reference.memberStates().stream().map(m -> new RequestPages.Choice(m.code(), pages.country(m
                                .code()), m.code().equals(ms))).toList())
                .data("name", n == null ? "" : n).data("asked", asked).data("found", found)
                .data("total", java.text.NumberFormat
                        .getIntegerInstance(page.locale()).format(total))
                .data("page", number).data("hasMore", (number + 1L) * PAGE < total).data("query", "profession="
                        + (p == null ? "" : p) + "&memberState=" + (ms == null ? "" : ms) + "&name="
                        + java.net.URLEncoder.encode(n == null ? "" : n, java.nio.charset.StandardCharsets.UTF_8)),
                200);
    }

    @GET
    @Path("/{code}")
    public Response authority(@PathParam("code") String code) {
        AuthorityView a = authorities.get(code);
        Map<String, String> professionNames = reference.professions(page.locale(), null).stream().collect(
                Collectors.toMap(ProfessionView::code, ProfessionView::name));
        Map<String, String> areaNames = reference.policyAreas(page.locale()).stream().collect(Collectors.toMap(
                v -> v.code(), v -> v.name()));
        return pages.send(pages.of(one, "directory").data("a", a).data("name", localName(a)).data("state",
                pages.country(a.memberState())).data("professions",
                        a.professions()
                                .stream().map(c -> professionNames.getOrDefault(c, c)).sorted().toList())
                .data("areas", a.policyAreas().stream().map(c -> areaNames.getOrDefault(c, c)).toList())
                .data("workingLanguages", a.workingLanguages().stream().map(l -> java.util.Locale.forLanguageTag(l)
                        .getDisplayLanguage(page.locale())).toList()),
                200);
    }

    /** An unknown authority: the same not-found page as everywhere. */
    @ServerExceptionMapper
    public Response refused(HubException e) {
        return pages.send(pages.of(error, "directory").data("message", e.getMessage()), e.code().status());
    }

    private String localName(AuthorityView a) {
        return a.names().getOrDefault(page.language(), a.name());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
