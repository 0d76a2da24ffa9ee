package eu.authorityhub.accesslog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Views of the access log. */
public final class AccessLogPayloads {

    private AccessLogPayloads() {
    }

    @Schema(name = "AccessRecord", description = "One call that showed personal data: who, which cases, what, when, why")
    public record AccessView(long seq, OffsetDateTime at, String subject, String client, String authority,
            String caseType, List<UUID> caseIds, List<String> dataKinds,
            @Schema(description = "The action: method and path", examples = "GET /api/v1/requests/{id}") String purpose) {
    }
}
