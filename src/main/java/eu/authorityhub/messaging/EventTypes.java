package eu.authorityhub.messaging;

/**
 * The stable, versioned CloudEvents {@code type} names the hub publishes. A breaking change of a payload gets a new
 * version suffix; consumers switch on these strings. Each has a JSON Schema under {@code kafka/schemas/}.
 */
public final class EventTypes {

    public static final String AUTHORITY_CREATED = "eu.authorityhub.directory.authority.created.v1";
    public static final String AUTHORITY_UPDATED = "eu.authorityhub.directory.authority.updated.v1";
    public static final String AUTHORITY_DEACTIVATED = "eu.authorityhub.directory.authority.deactivated.v1";
    public static final String COORDINATOR_CREATED = "eu.authorityhub.directory.coordinator.created.v1";

    /** Information request steps: {@code eu.authorityhub.request.<step>.v1}, see RequestState.Action#eventType. */
    public static final String REQUEST_PREFIX = "eu.authorityhub.request.";

    /** A request's personal data were blocked or deleted (IMI Regulation Art. 14); both parties are told. */
    public static final String PERSONAL_DATA_BLOCKED = REQUEST_PREFIX + "personal-data.blocked.v1";
    public static final String PERSONAL_DATA_DELETED = REQUEST_PREFIX + "personal-data.deleted.v1";

    /** Professional alerts: {@code eu.authorityhub.alert.<action>.v1}. */
    public static final String ALERT_PREFIX = "eu.authorityhub.alert.";
    public static final String ALERT_BROADCAST = ALERT_PREFIX + "broadcast.v1";
    public static final String ALERT_UPDATED = ALERT_PREFIX + "updated.v1";
    public static final String ALERT_WITHDRAWN = ALERT_PREFIX + "withdrawn.v1";
    public static final String ALERT_EXPIRED = ALERT_PREFIX + "expired.v1";

    /** Deadline notices. */
    public static final String DEADLINE_REMINDER = "eu.authorityhub.deadline.reminder.v1";
    public static final String DEADLINE_OVERDUE = "eu.authorityhub.deadline.overdue.v1";
    public static final String DEADLINE_ESCALATED = "eu.authorityhub.deadline.escalated.v1";

    /** Webhook endpoints: an endpoint was disabled (410 Gone, or failing for too long). */
    public static final String WEBHOOK_ENDPOINT_DISABLED = "eu.authorityhub.webhook.endpoint.disabled.v1";

    /** The request steps that record an event ({@code eu.authorityhub.request.<step>.v1}). */
    public static final java.util.List<String> REQUEST_STEPS = java.util.List.of("send", "accept", "propose-due-date",
            "agree-due-date", "reject-due-date", "forward", "decline", "answer", "request-further-info", "close",
            "withdraw");

    /** Types with a fixed name; each has a schema in kafka/schemas and a message in asyncapi.yaml. */
    public static final java.util.Set<String> PUBLISHED = java.util.Set.of(AUTHORITY_CREATED, AUTHORITY_UPDATED,
            AUTHORITY_DEACTIVATED, COORDINATOR_CREATED, ALERT_BROADCAST, ALERT_UPDATED, ALERT_WITHDRAWN,
            ALERT_EXPIRED, PERSONAL_DATA_BLOCKED, PERSONAL_DATA_DELETED, DEADLINE_REMINDER, DEADLINE_OVERDUE,
            DEADLINE_ESCALATED, WEBHOOK_ENDPOINT_DISABLED);

    /** Every type the hub publishes (what a webhook filter may name). */
    public static final java.util.Set<String> ALL = java.util.stream.Stream.concat(PUBLISHED.stream(),
            REQUEST_STEPS.stream().map(s -> REQUEST_PREFIX + s + ".v1")).collect(
                    java.util.stream.Collectors.toUnmodifiableSet());

    private EventTypes() {
    }
}
