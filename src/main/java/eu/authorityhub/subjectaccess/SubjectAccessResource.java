package eu.authorityhub.subjectaccess;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;
import eu.authorityhub.subjectaccess.SubjectAccessPayloads.Export;

/** The subject-access export for a data-protection officer. */
@Path("/api/v1/subject-access")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data protection")
@RequestScoped
public class SubjectAccessResource {

    private final Caller caller;
    private final SubjectAccessService service;

    public SubjectAccessResource(Caller caller, SubjectAccessService service) {
        this.caller = caller;
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.DATA_PROTECTION_OFFICER)
    @Operation(summary = "Data-protection officer: every case of the own authority about one professional, the data held (blocked ones included) and every access to them (GDPR Art. 15, IMI Regulation Art. 19)")
    public Export export(@QueryParam("familyName") @NotBlank @Size(max = 200) String familyName,
            @QueryParam("givenNames") @Size(max = 200) String givenNames,
            @QueryParam("birthDate") @NotNull LocalDate birthDate) {
        return service.export(caller, familyName, givenNames, birthDate);
    }
}
