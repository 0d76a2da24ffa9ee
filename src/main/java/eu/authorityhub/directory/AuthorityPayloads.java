package eu.authorityhub.directory;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API bodies and event payloads of the directory; entities never leave the service. */
public final class AuthorityPayloads {

    private AuthorityPayloads() {
    }

    @Schema(name = "AuthorityCreateRequest", description = "A new competent authority")
    public record CreateRequest(
            @Schema(examples = "NL-BIG", description = "Stable code: member state, a dash, 2 to 40 of A-Z 0-9 -") @NotNull @Pattern(regexp = "^[A-Z]{2}-[A-Z0-9-]{2,40}$") String code,
            @Schema(examples = "NL", description = "ISO 3166 alpha-2 code of an EEA member state") @NotNull @Pattern(regexp = "^[A-Z]{2}$") String memberState,
            @Schema(examples = "BIG-register") @NotBlank @Size(max = 200) String name,
            @Schema(description = "Whether it sends and/or receives professional alerts; NONE when absent") AlertParticipation alerts) {
    }

    @Schema(name = "Authority")
    public record AuthorityView(String code, String memberState, String name, AlertParticipation alerts,
            boolean active, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

        static AuthorityView of(Authority a) {
            return new AuthorityView(a.code, a.memberState, a.name, a.alerts, a.active, a.createdAt, a.updatedAt,
                    a.version);
        }
    }

    /** Data of the {@code authority.created.v1} event (kafka/schemas/authority-created.v1.json). */
    public record AuthorityCreatedEvent(String code, String memberState, String name, AlertParticipation alerts,
            boolean active) {
    }
}
