package eu.authorityhub.subjectaccess;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import eu.authorityhub.accesslog.AccessLogPayloads.AccessView;

/** The subject-access export (GDPR Art. 15, IMI Regulation Art. 19). */
public final class SubjectAccessPayloads {

    private SubjectAccessPayloads() {
    }

    @Schema(name = "SubjectAccessRequestCase", description = "One request of the officer's authority about the person, with the data held")
    public record RequestCase(UUID id, String reference, String state, String requester, String responder,
            String procedure, String profession, OffsetDateTime createdAt, OffsetDateTime closedAt,
            @Schema(enumeration = {
                    "ACTIVE", "BLOCKED", "DELETED"}) String personalData,
            JsonNode professional,
            JsonNode questions, String declineReason, List<Document> documents, List<Step> timeline){
    }

    @Schema(name = "SubjectAccessDocument")
    public record Document(UUID id, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, OffsetDateTime uploadedAt, boolean contentHeld) {
    }

    @Schema(name = "SubjectAccessStep")
    public record Step(int seq, String action, String authority, OffsetDateTime at, String detail) {
    }

    @Schema(name = "SubjectAccessAlertCase", description = "One alert of the officer's authority (sent or received) about the person")
    public record AlertCase(UUID id, String reference, String state, String issuer, String profession,
            String alertType, String scope, String restriction, LocalDate decisionDate, LocalDate periodFrom,
            LocalDate periodUntil, JsonNode professional, OffsetDateTime broadcastAt,
            OffsetDateTime personalDataRemovedAt) {
    }

    @Schema(name = "SubjectAccessExport")
    public record Export(String authority, String familyName, String givenNames, LocalDate birthDate,
            OffsetDateTime generatedAt, List<RequestCase> requests, List<AlertCase> alerts,
            @Schema(description = "Every recorded access to these cases") List<AccessView> accesses) {
    }
}
