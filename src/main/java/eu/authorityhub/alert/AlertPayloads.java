package eu.authorityhub.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.authorityhub.directory.AuthorityPayloads;

/** Alert bodies, views and event data. There is no field for reasons, by law. */
public final class AlertPayloads {

    private AlertPayloads() {
    }

    public enum AlertType {
        RESTRICTION_OR_PROHIBITION,
        FALSIFIED_QUALIFICATION
    }

    public enum Scope {
        FULL_PROHIBITION,
        PARTIAL_RESTRICTION,
        NOT_APPLICABLE
    }

    public enum InformedMeans {
        REGISTERED_LETTER,
        LETTER,
        EMAIL,
        IN_PERSON,
        OTHER
    }

    public enum ReceiptStatus {
        RECEIVED,
        READ
    }

    @Schema(name = "AlertProfessional", description = "Identity of the professional: name, date and place of birth")
    public record Professional(@Schema(examples = "Jansen") @NotBlank @Size(max = 200) String familyName,
            @Schema(examples = "Maria") @NotBlank @Size(max = 200) String givenNames,
            @Schema(examples = "1979-05-04") @NotNull LocalDate birthDate,
            @Schema(examples = "Utrecht") @Size(max = 200) String birthPlace) {
    }

    @Schema(name = "AlertBroadcast", description = "A new alert from the caller's authority")
    public record BroadcastRequest(@NotNull @Valid Professional professional,
            @Schema(examples = "NURSE") @NotNull @Pattern(regexp = AuthorityPayloads.REFERENCE_CODE) String profession,
            @Schema(examples = "Intensive care") @Size(max = 200) String specialty,
            @NotNull AlertType type, @NotNull Scope scope,
            @Schema(description = "Partial restrictions only: what may not be done. No reasons.", examples = "May not administer controlled medicines") @Size(max = 500) String restriction,
            @Schema(examples = "Regionaal Tuchtcollege Amsterdam") @NotBlank @Size(max = 300) String decidingBody,
            @NotNull LocalDate decisionDate, @NotNull LocalDate periodFrom,
            @Schema(description = "Absent: open-ended") LocalDate periodUntil) {
    }

    @Schema(name = "AlertUpdate", description = "The decision changed: the new scope and period")
    public record UpdateRequest(@NotNull Scope scope, @Size(max = 500) String restriction,
            @Size(max = 200) String specialty, @NotNull LocalDate periodFrom, LocalDate periodUntil) {
    }

    @Schema(name = "ProfessionalInformed")
    public record InformedRequest(@NotNull LocalDate informedOn, @NotNull InformedMeans means) {
    }

    @Schema(name = "AlertReceipt")
    public record ReceiptRequest(@NotNull ReceiptStatus status) {
    }

    @Schema(name = "Alert", description = "Recipients and the issuer see every field; coordinators profession and scope only")
    public record AlertView(UUID id, String reference, String summary, String issuer, String issuerState,
            String profession, String specialty, AlertType type, Scope scope, String restriction,
            String decidingBody, LocalDate decisionDate, LocalDate periodFrom, LocalDate periodUntil,
            Professional professional, Alert.State state, OffsetDateTime broadcastAt, Boolean late,
            LocalDate professionalInformedOn, InformedMeans professionalInformedMeans, long version) {
    }

    @Schema(name = "AlertRecipientReceipt")
    public record RecipientView(String authority, String memberState, String viaCoordinator,
            OffsetDateTime routedAt, OffsetDateTime coordinatorPassedAt, OffsetDateTime receivedAt,
            OffsetDateTime readAt) {
    }

    @Schema(name = "AlertReceipts")
    public record ReceiptsView(int recipients, int received, int read, List<RecipientView> items) {
    }

    /** Data of every alert event (kafka/schemas/alert-*.v1.json). No personal data: fetch the alert. */
    public record AlertEvent(UUID alertId, String reference, String action, Alert.State state, String issuer,
            String issuerState, String profession, String specialty, AlertType type, Scope scope,
            LocalDate periodFrom, LocalDate periodUntil, boolean late,
            @Schema(description = "The original alert (Common Alerting Protocol 'references')") UUID references,
            List<String> memberStates, long version) {
    }
}
