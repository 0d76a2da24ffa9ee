package eu.authorityhub.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Views of deadlines and timeliness indicators. */
public final class DeadlinePayloads {

    private DeadlinePayloads() {
    }

    @Schema(name = "Deadline")
    public record DeadlineView(long id, String caseType, UUID caseId, String reference, DeadlineTimer.Kind kind,
            String procedure,
            String party, String partyState, OffsetDateTime dueAt, DeadlineTimer.State state,
            @Schema(description = "The next notice: REMINDER, OVERDUE or ESCALATION") DeadlineTimer.Stage nextStage,
            OffsetDateTime nextFireAt, OffsetDateTime remindedAt, OffsetDateTime overdueAt,
            OffsetDateTime escalatedAt) {

        public static DeadlineView of(DeadlineTimer t) {
            return new DeadlineView(t.id, t.caseType, t.caseId, t.reference, t.kind, t.procedure, t.party, t.partyState,
                    t.dueAt,
                    t.state, t.state == DeadlineTimer.State.PENDING ? t.stage : null,
                    t.state == DeadlineTimer.State.PENDING ? t.nextFireAt : null, t.remindedAt, t.overdueAt,
                    t.escalatedAt);
        }
    }

    @Schema(name = "DeadlineNoteRequest")
    public record NoteRequest(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 4000) String text) {
    }

    @Schema(name = "ReassignRequest")
    public record ReassignRequest(
            @Schema(examples = "NL-DUO") @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Pattern(regexp = eu.authorityhub.directory.AuthorityPayloads.CODE) String to,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000) String reason) {
    }

    @Schema(name = "DeadlineNote")
    public record NoteView(long id, long deadlineId, String coordinator, String author, String text,
            OffsetDateTime at) {
    }

    @Schema(name = "Indicator")
    public record Indicator(String name, Double value, String unit, String target, Boolean green, long cases) {
    }

    @Schema(name = "Indicators", description = "IMI's timeliness indicators over a period, computed from recorded times")
    public record IndicatorsView(String memberState, String authority, LocalDate from, LocalDate to,
            Indicator acceptedWithin7Days, Indicator averageDaysToAnswer, Indicator answeredByAgreedDate,
            Indicator alertsBroadcastLate) {
    }
}
