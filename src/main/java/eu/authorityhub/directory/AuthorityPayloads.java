package eu.authorityhub.directory;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API bodies and event payloads of the directory; entities never leave the service. */
public final class AuthorityPayloads {

    public static final String CODE = "^[A-Z]{2}-[A-Z0-9-]{2,40}$";
    public static final String COUNTRY = "^[A-Z]{2}$";
    public static final String LANGUAGE = "^[a-z]{2}$";
    public static final String REFERENCE_CODE = "^[A-Z][A-Z0-9_]{1,40}$";

    private AuthorityPayloads() {
    }

    @Schema(name = "Contact")
    public record Contact(@Schema(examples = "imi@big-register.nl") @Email @Size(max = 200) String email,
            @Schema(examples = "+31 70 340 6699") @Pattern(regexp = "^\\+?[0-9 ()-]{4,30}$") String phone,
            @Schema(examples = "https://www.bigregister.nl") @Pattern(regexp = "^https://[^\\s]{3,300}$") String website) {
    }

    @Schema(name = "AuthorityCreateRequest", description = "A new competent authority")
    public record CreateRequest(
            @Schema(examples = "NL-BIG", description = "Stable code: member state, a dash, 2 to 40 of A-Z 0-9 -") @NotNull @Pattern(regexp = CODE) String code,
            @Schema(examples = "NL", description = "ISO 3166 alpha-2 code of an EEA member state") @NotNull @Pattern(regexp = COUNTRY) String memberState,
            @Schema(examples = "BIG-register") @NotBlank @Size(max = 200) String name,
            @Schema(description = "Whether it sends and/or receives professional alerts; NONE when absent") AlertParticipation alerts,
            @Schema(description = "Names in other languages, keyed by ISO 639-1 code", examples = "{\"en\":\"BIG Register\"}") @Size(max = 30) Map<@Pattern(regexp = LANGUAGE) String, @NotBlank @Size(max = 200) String> names,
            @Schema(examples = "[\"nl\",\"en\"]") @Size(max = 30) List<@NotNull @Pattern(regexp = LANGUAGE) String> workingLanguages,
            @Schema(examples = "[\"DOCTOR\",\"NURSE\"]", description = "Profession codes (GET /api/v1/professions)") @Size(max = 100) List<@NotNull @Pattern(regexp = REFERENCE_CODE) String> professions,
            @Schema(examples = "[\"PQ\"]", description = "Policy area codes (GET /api/v1/policy-areas)") @Size(max = 20) List<@NotNull @Pattern(regexp = REFERENCE_CODE) String> policyAreas,
            @Valid Contact contact) {

        /** The minimal form: code, member state and name. */
        public CreateRequest(String code, String memberState, String name, AlertParticipation alerts) {
            this(code, memberState, name, alerts, null, null, null, null, null);
        }
    }

    @Schema(name = "AuthorityUpdateRequest", description = "The new state of an authority; code and member state never change")
    public record UpdateRequest(
            @Schema(description = "The version the change is based on (optimistic locking)") @NotNull @PositiveOrZero Long version,
            @NotBlank @Size(max = 200) String name, AlertParticipation alerts,
            @Size(max = 30) Map<@Pattern(regexp = LANGUAGE) String, @NotBlank @Size(max = 200) String> names,
            @Size(max = 30) List<@NotNull @Pattern(regexp = LANGUAGE) String> workingLanguages,
            @Size(max = 100) List<@NotNull @Pattern(regexp = REFERENCE_CODE) String> professions,
            @Size(max = 20) List<@NotNull @Pattern(regexp = REFERENCE_CODE) String> policyAreas,
            @Valid Contact contact) {
    }

    @Schema(name = "Authority")
    public record AuthorityView(String code, String memberState, String name, Map<String, String> names,
            List<String> workingLanguages, List<String> professions, List<String> policyAreas,
            AlertParticipation alerts, Contact contact, boolean active, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, long version) {

        static AuthorityView of(Authority a) {
            return new AuthorityView(a.code, a.memberState, a.name, new TreeMap<>(a.names),
                    Arrays.asList(a.workingLanguages), Arrays.asList(a.professions), Arrays.asList(a.policyAreas),
                    a.alerts, new Contact(a.contactEmail, a.contactPhone, a.website), a.active, a.createdAt,
                    a.updatedAt, a.version);
        }
    }

    @Schema(name = "AuthorityPage")
    public record Page(List<AuthorityView> items, int page, int size, long total) {
    }

    /** Data of {@code authority.created.v1} and {@code authority.updated.v1} (kafka/schemas). */
    public record AuthorityChangedEvent(String code, String memberState, String name, Map<String, String> names,
            List<String> workingLanguages, List<String> professions, List<String> policyAreas,
            AlertParticipation alerts, boolean active, long version) {

        static AuthorityChangedEvent of(Authority a) {
            return new AuthorityChangedEvent(a.code, a.memberState, a.name, new TreeMap<>(a.names),
                    Arrays.asList(a.workingLanguages), Arrays.asList(a.professions), Arrays.asList(a.policyAreas),
                    a.alerts, a.active, a.version);
        }
    }

    /** Data of {@code authority.deactivated.v1}. */
    public record AuthorityDeactivatedEvent(String code, String memberState) {
    }
}
