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

    /** The Single Market Scoreboard's colours. */
    public enum Rating {
        GREEN,
        YELLOW,
        RED
    }

    @Schema(name = "Indicator")
    public record Indicator(String name,
            @Schema(description = "The figure; null when the period has no case to count (no data)") Double value,
            String unit, String target,
            Boolean green,
            @Schema(description = "The Scoreboard's colour: shares green at 80 % or more, yellow from 60 %, red below;"
                    + " average days green under 16, yellow up to 25, red above; null without data") Rating rating,
            long cases) {

        /** A share of requests, rated on the figure as shown (rounded to 0.1 %). */
        public static Indicator share(String name, Double value, long cases) {
            Rating r = value == null ? null : value >= 0.8 ? Rating.GREEN : value >= 0.6 ? Rating.YELLOW : Rating.RED;
            return new Indicator(name, value, "share", ">= 0.80", r == null ? null : r == Rating.GREEN, r, cases);
        }

        /** Average days, rated on the figure as shown (rounded to 0.1 day). */
        public static Indicator days(String name, Double value, long cases) {
            Rating r = value == null ? null : value < 16 ? Rating.GREEN : value <= 25 ? Rating.YELLOW : Rating.RED;
            return new Indicator(name, value, "days", "< 16", r == null ? null : r == Rating.GREEN, r, cases);
        }

        /** A share of late alerts: rated by the share thresholds applied to the share broadcast on time. */
        public static Indicator lateShare(String name, Double value, long cases) {
            Rating r = value == null ? null : value <= 0.2 ? Rating.GREEN : value <= 0.4 ? Rating.YELLOW : Rating.RED;
            return new Indicator(name, value, "share", "0", value == null ? null : value == 0, r, cases);
        }
    }

    @Schema(name = "Indicators", description = "IMI's timeliness indicators over a period, computed from recorded times")
    public record IndicatorsView(String memberState, String authority, LocalDate from, LocalDate to,
            @Schema(description = "Requests sent to the scope in the period; null when requests are outside the"
                    + " caller's scope (incoming-alert coordinators)") Long requestsSent,
            Indicator acceptedWithin7Days, Indicator averageDaysToAnswer, Indicator answeredByAgreedDate,
            Indicator alertsBroadcastLate) {
    }

    @Schema(name = "MonthIndicators", description = "The indicators of one month (UTC); values null when no data")
    public record MonthView(String month, IndicatorsView indicators) {
    }
}
