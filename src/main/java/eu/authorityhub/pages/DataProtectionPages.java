package eu.authorityhub.pages;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import eu.authorityhub.security.Roles;
import eu.authorityhub.subjectaccess.SubjectAccessService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The data-protection officer's page: a professional's access request answered as a printable page, from the same
 * export as {@code GET /api/v1/subject-access}.
 */
@Path("/app/data-protection")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.DATA_PROTECTION_OFFICER)
@RequestScoped
public class DataProtectionPages {

    private final SubjectAccessService subjectAccess;
    private final PageContext page;
    private final Pages pages;
    private final Template template;

    public DataProtectionPages(SubjectAccessService subjectAccess, PageContext page, Pages pages,
            @Location("pages/data-protection") Template template) {
        this.subjectAccess = subjectAccess;
        this.page = page;
        this.pages = pages;
        this.template = template;
    }

    @GET
    public Response show(@QueryParam("familyName") String familyName, @QueryParam("givenNames") String givenNames,
            @QueryParam("birthDate") String birthDate) {
        var instance = pages.of(template, "dataProtection").data("familyName", familyName == null ? "" : familyName)
                .data("givenNames", givenNames == null ? "" : givenNames).data("birthDate", birthDate == null
                        ? ""
                        : birthDate)
                .data("export", null).data("generatedAt", null).data("problem", null);
        if (familyName == null && birthDate == null) {
            return pages.send(instance, 200);
        }
        LocalDate born;
        try {
            born = LocalDate.parse(birthDate == null ? "" : birthDate.strip());
        } catch (DateTimeParseException e) {
            born = null;
        }
        if (familyName == null || familyName.isBlank() || familyName.length() > 200 || born == null
                || (givenNames != null && givenNames.length() > 200)) {
            return pages.send(instance.data("problem", "invalid"), 400);
        }
        var export = subjectAccess.export(page.caller(), familyName, givenNames, born);
        return pages.send(instance.data("export", export).data("generatedAt", pages.format(export.generatedAt())), 200);
    }
}
