package eu.authorityhub.directory;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Views of the reference data and coordinators. */
public final class ReferencePayloads {

    private ReferencePayloads() {
    }

    @Schema(name = "MemberState")
    public record MemberStateView(String code, String name, List<String> languages, boolean eu) {
    }

    @Schema(name = "Profession")
    public record ProfessionView(String code, String name, Map<String, String> names, boolean sectoral,
            boolean alertEligible, boolean educationOfMinors, String isco, String escoUri) {
    }

    @Schema(name = "PolicyArea")
    public record PolicyAreaView(String code, String name, Map<String, String> names) {
    }

    @Schema(name = "Coordinator")
    public record CoordinatorView(String code, Coordinator.Kind kind, String memberState, String policyArea,
            String name, String contactEmail, boolean active) {

        static CoordinatorView of(Coordinator c) {
            return new CoordinatorView(c.code, c.kind, c.memberState, c.policyArea, c.name, c.contactEmail, c.active);
        }
    }

    @Schema(name = "CoordinatorCreateRequest")
    public record CoordinatorRequest(
            @Schema(examples = "NL-NC") @NotNull @Pattern(regexp = AuthorityPayloads.CODE) String code,
            @NotNull Coordinator.Kind kind,
            @Schema(examples = "NL") @NotNull @Pattern(regexp = AuthorityPayloads.COUNTRY) String memberState,
            @Schema(description = "Required for POLICY_AREA coordinators, absent otherwise", examples = "PQ") @Pattern(regexp = AuthorityPayloads.REFERENCE_CODE) String policyArea,
            @NotBlank @Size(max = 200) String name, @Email @Size(max = 200) String contactEmail) {
    }

    /** Data of {@code coordinator.created.v1}. */
    public record CoordinatorCreatedEvent(String code, Coordinator.Kind kind, String memberState, String policyArea,
            String name) {
    }
}
