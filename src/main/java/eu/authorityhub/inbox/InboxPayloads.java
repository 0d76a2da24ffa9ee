package eu.authorityhub.inbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the inbox API answers. */
public final class InboxPayloads {

    private InboxPayloads() {
    }

    @Schema(name = "InboxEntry")
    public record InboxEntryView(long cursor, @Schema(description = "REQUEST or ALERT") String caseType, UUID caseId,
            UUID eventId, String eventType, String state, OffsetDateTime at) {
    }

    @Schema(name = "InboxPage")
    public record InboxPage(List<InboxEntryView> entries, long nextCursor) {
    }
}
