package eu.authorityhub.retention;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** API bodies and views of the personal-data lifecycle. */
public final class RetentionPayloads {

    private RetentionPayloads() {
    }

    @Schema(name = "Unblocking", description = "Unblocks a case's personal data for the officer's authority, for a limited time")
    public record UnblockBody(
            @Schema(description = "Why the data are needed (proof of the exchange); recorded", examples = "Court case 4 K 12/26 asks for proof of the verification") @NotBlank @Size(max = 2000) String reason,
            @Schema(description = "How many days; 30 when absent, at most 90", examples = "14") @Positive @Max(365) Integer days) {
    }

    @Schema(name = "EarlyDeletion", description = "Deletes a closed case's personal data before their time, with the professional's consent")
    public record DeletionBody(
            @Schema(examples = "The professional asked for deletion (GDPR Art. 17)") @NotBlank @Size(max = 2000) String reason,
            @Schema(description = "How the professional's consent was given and where it is kept", examples = "Signed consent of 2026-11-02, file 12/2026") @NotBlank @Size(max = 2000) String consent) {
    }

    @Schema(name = "PersonalDataDecision")
    public record DecisionView(long id, @Schema(enumeration = {
            "UNBLOCK", "EARLY_DELETION"}) String kind,
            String authority, String officer, String reason, String consent, OffsetDateTime at,
            OffsetDateTime until){
    }

    @Schema(name = "PersonalDataStatus")
    public record PersonalDataStatus(UUID requestId,
            @Schema(enumeration = {
                    "ACTIVE", "BLOCKED", "DELETED"}) String personalData,
            OffsetDateTime blockedAt,
            OffsetDateTime deletedAt, OffsetDateTime blockDueAt, OffsetDateTime deleteDueAt,
            @Schema(description = "Set while the data are unblocked for the caller's authority") OffsetDateTime unblockedUntil,
            List<DecisionView> decisions){
    }
}
