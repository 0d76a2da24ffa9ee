package eu.authorityhub.request;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import eu.authorityhub.directory.AuthorityPayloads;

/** API bodies, views and event data of information requests. */
public final class RequestPayloads {

    private RequestPayloads() {
    }

    public enum Procedure {
        GENERAL,
        ESTABLISHMENT,
        TEMPORARY_PROVISION
    }

    @Schema(name = "Professional", description = "The professional concerned (personal data: shown to the parties only)")
    public record Professional(@Schema(examples = "Kowalska") @NotBlank @Size(max = 200) String familyName,
            @Schema(examples = "Anna Maria") @NotBlank @Size(max = 200) String givenNames,
            @Schema(examples = "1984-03-12") @NotNull LocalDate birthDate,
            @Schema(examples = "Kraków") @Size(max = 200) String birthPlace,
            @Schema(examples = "PL") @Pattern(regexp = "^[A-Z]{2}$") String nationality,
            @Schema(description = "Identifiers such as register numbers", examples = "{\"PL-NIL-PWZ\":\"1234567\"}") @Size(max = 10) Map<@Size(max = 50) String, @Size(max = 100) String> identifiers) {
    }

    @Schema(name = "RequestCreate", description = "A new request (a draft until it is sent)")
    public record CreateRequest(
            @Schema(examples = "NL-BIG", description = "The authority asked; the requester is the caller's authority") @NotNull @Pattern(regexp = AuthorityPayloads.CODE) String responder,
            @Schema(examples = "PQ") @NotNull @Pattern(regexp = AuthorityPayloads.REFERENCE_CODE) String policyArea,
            @NotNull Procedure procedure,
            @Schema(examples = "NURSE") @NotNull @Pattern(regexp = AuthorityPayloads.REFERENCE_CODE) String profession,
            @NotNull @Valid Professional professional,
            @Schema(description = "Codes from GET /api/v1/questions", examples = "[\"PQ-G-PER-01\",\"PQ-G-EXE-02\"]") @Size(max = 60) List<@NotNull @Pattern(regexp = "^[A-Z0-9-]{3,30}$") String> questions,
            @Schema(description = "Questions in the requester's own words", examples = "[\"Was the registration ever suspended?\"]") @Size(max = 20) List<@NotBlank @Size(max = 2000) String> freeTextQuestions,
            @Schema(examples = "2026-12-31") @NotNull LocalDate requestedDueDate,
            @Schema(examples = "pl", description = "ISO 639-1; the requester's working language by default") @Pattern(regexp = "^[a-z]{2}$") String language) {
    }

    @Schema(name = "RequestQuestion")
    public record QuestionView(int position, String code, String text, String answerType, List<String> choices,
            int round, JsonNode answer, OffsetDateTime answeredAt) {
    }

    @Schema(name = "Request")
    public record RequestView(UUID id, String reference, RequestState state, String requester, String responder,
            String policyArea, Procedure procedure, String profession,
            @Schema(description = "Absent for coordinators: need-to-know") Professional professional,
            String requesterLanguage, String viewLanguage, LocalDate requestedDueDate, LocalDate proposedDueDate,
            LocalDate agreedDueDate, List<QuestionView> questions, UUID forwardedFrom, String declineReason,
            OffsetDateTime createdAt, OffsetDateTime sentAt, OffsetDateTime acceptedAt, OffsetDateTime answeredAt,
            OffsetDateTime closedAt, long version,
            @Schema(description = "ACTIVE, BLOCKED (6 months after closure by default) or DELETED (3 years after closure); blocked or deleted data are absent from every view", enumeration = {
                    "ACTIVE", "BLOCKED", "DELETED"}) String personalData,
            @Schema(description = "Set while a data-protection officer of the caller's authority has unblocked the data") OffsetDateTime unblockedUntil){
    }

    @Schema(name = "RequestSummary")
    public record SummaryView(UUID id, String reference, RequestState state, String requester, String responder,
            String profession, LocalDate dueDate, OffsetDateTime updatedAt) {
    }

    @Schema(name = "AcceptRequest")
    public record AcceptBody(
            @Schema(description = "Absent: the requested date is accepted. Present: proposed instead, for the requester to agree") LocalDate proposedDueDate) {
    }

    @Schema(name = "DueDateProposal")
    public record DueDateBody(@NotNull LocalDate dueDate) {
    }

    @Schema(name = "Reason")
    public record ReasonBody(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "ForwardRequest")
    public record ForwardBody(
            @Schema(examples = "FR-ONI") @NotNull @Pattern(regexp = AuthorityPayloads.CODE) String to,
            @NotBlank @Size(max = 2000) String reason,
            @Schema(description = "Positions of the questions to forward; absent = the whole request") @Size(max = 80) List<@NotNull @Positive Integer> positions) {
    }

    @Schema(name = "Answer")
    public record AnswerItem(@NotNull @Positive Integer position,
            @Schema(description = "true/false, an ISO date, text, one of the choices, or an attachment id, by answer type") @NotNull JsonNode value) {
    }

    @Schema(name = "Answers")
    public record AnswersBody(@NotEmpty @Size(max = 80) List<@NotNull @Valid AnswerItem> answers) {
    }

    @Schema(name = "AnswerSubmission", description = "Sends the answer; answers given here are saved first")
    public record AnswerSubmission(@Size(max = 80) List<@NotNull @Valid AnswerItem> answers) {
    }

    @Schema(name = "FurtherInformation")
    public record FurtherInfoBody(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 2000) String> questions,
            @Schema(description = "A new due date for the further information, optional") LocalDate dueDate) {
    }

    @Schema(name = "TimelineEntry")
    public record TimelineView(int seq, String action, String authority, String actor, OffsetDateTime at,
            String detail) {
    }

    @Schema(name = "Attachment")
    public record AttachmentView(UUID id, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, OffsetDateTime uploadedAt) {
    }

    @Schema(name = "CatalogueQuestion")
    public record CatalogueQuestionView(int catalogueVersion, String code, String category, String group,
            String answerType, List<String> choices, String text, String language) {
    }

    /**
     * Data of every request event (kafka/schemas/request-event.v1.json). No personal data: national systems fetch the
     * request through the API, so what Kafka retains reveals nothing about the professional.
     */
    public record RequestEvent(UUID requestId, String reference, String action, RequestState state, String requester,
            String responder, String requesterState, String responderState, String policyArea, String profession,
            LocalDate requestedDueDate, LocalDate proposedDueDate, LocalDate agreedDueDate, String actorAuthority,
            List<String> addressees, UUID forwardedFrom, long version) {
    }
}
