package eu.authorityhub.messaging;

import java.util.List;
import java.util.Objects;

/**
 * What a state change hands to the outbox: a versioned type, the case it belongs to (the Kafka key, so all events of
 * one case stay in order), the feature that produced it, its JSON payload and the topics it goes to.
 *
 * @param type CloudEvents type, one of {@link EventTypes}
 * @param caseId the case id (request id, alert id, authority code): CloudEvents subject and Kafka key
 * @param source CloudEvents source, a URI reference naming the producing feature, e.g. {@code /hub/directory}
 * @param data the payload record, serialised as JSON
 * @param topics one or more topics; the same event (same id) is written to each
 */
public record OutgoingEvent(String type, String caseId, String source, Object data, List<String> topics) {

    public OutgoingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
        if (topics == null || topics.isEmpty()) {
            throw new IllegalArgumentException("an event needs at least one topic");
        }
        topics = List.copyOf(topics);
    }
}
