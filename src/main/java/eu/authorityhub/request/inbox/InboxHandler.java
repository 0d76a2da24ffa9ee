package eu.authorityhub.request.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import eu.authorityhub.deadline.DeadlineService;
import eu.authorityhub.messaging.CloudEventCodec;
import eu.authorityhub.messaging.EventTypes;
import eu.authorityhub.messaging.CloudEventCodec.MalformedEventException;
import eu.authorityhub.messaging.processed.ProcessedEventLog;
import io.cloudevents.CloudEvent;

/**
 * Builds inboxes from request steps and deadline notices: one entry per addressee, whatever the number of deliveries.
 */
@ApplicationScoped
public class InboxHandler {

    static final String CONSUMER = "request-inbox";

    private final CloudEventCodec codec;
    private final ProcessedEventLog processed;

    public InboxHandler(CloudEventCodec codec, ProcessedEventLog processed) {
        this.codec = codec;
        this.processed = processed;
    }

    /** @return the number of inbox entries written (0 for a duplicate) */
    @Transactional
    public int handle(String envelope) {
        CloudEvent event = codec.decode(envelope);
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event id is not a UUID");
        }
        boolean deadline = event.getType().startsWith(DeadlineService.TYPE_PREFIX);
        if (!(deadline || event.getType().startsWith(EventTypes.REQUEST_PREFIX)) || !processed.claim(CONSUMER, id)) {
            return 0;
        }
        JsonNode data = codec.data(event);
        String caseField = deadline ? "caseId" : "requestId";
        if (!data.hasNonNull(caseField) || !data.has("addressees")) {
            throw new MalformedEventException("event without " + caseField + " or addressees");
        }
        int written = 0;
        for (JsonNode addressee : data.get("addressees")) {
            InboxEntry e = new InboxEntry();
            e.authority = addressee.asText();
            e.caseId = UUID.fromString(data.get(caseField).asText());
            e.caseType = deadline ? data.path("caseType").asText("REQUEST") : "REQUEST";
            e.eventId = id;
            e.eventType = event.getType();
            e.state = data.path("state").asText();
            e.at = event.getTime() == null ? OffsetDateTime.now() : event.getTime();
            e.persist();
            written++;
        }
        return written;
    }
}
