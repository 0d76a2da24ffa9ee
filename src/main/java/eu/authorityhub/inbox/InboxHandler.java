package eu.authorityhub.inbox;

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
import eu.authorityhub.webhook.WebhookQueue;
import io.cloudevents.CloudEvent;

/**
 * Builds inboxes from request steps and deadline notices: one entry per addressee, whatever the number of deliveries.
 */
@ApplicationScoped
public class InboxHandler {

    static final String CONSUMER = "request-inbox";
    private static final String WEBHOOK_PREFIX = "eu.authorityhub.webhook.";

    private final CloudEventCodec codec;
    private final ProcessedEventLog processed;
    private final WebhookQueue webhooks;
    private final InboxWriter writer;

    public InboxHandler(CloudEventCodec codec, ProcessedEventLog processed, WebhookQueue webhooks,
            InboxWriter writer) {
        this.writer = writer;
        this.codec = codec;
        this.processed = processed;
        this.webhooks = webhooks;
    }

    /** @return the number of inbox entries written (0 for a duplicate) */
    @Transactional
    public int handle(String envelope) {
        return apply(envelope);
    }

    /** The records of one poll, in order, in one transaction. */
    @Transactional
    public int handleAll(java.util.List<String> envelopes) {
        int written = 0;
        for (String envelope : envelopes) {
            written += apply(envelope);
        }
        return written;
    }

    private int apply(String envelope) {
        CloudEvent event = codec.decode(envelope);
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event id is not a UUID");
        }
        // deadline notices and webhook notices name their case in caseId (with caseType), request steps in requestId
        boolean notice = event.getType().startsWith(DeadlineService.TYPE_PREFIX)
                || event.getType().startsWith(WEBHOOK_PREFIX);
        if (!(notice || event.getType().startsWith(EventTypes.REQUEST_PREFIX)) || !processed.claim(CONSUMER, id)) {
            return 0;
        }
        JsonNode data = codec.data(event);
        String caseField = notice ? "caseId" : "requestId";
        if (!data.hasNonNull(caseField) || !data.has("addressees")) {
            throw new MalformedEventException("event without " + caseField + " or addressees");
        }
        java.util.List<String> addressees = new java.util.ArrayList<>();
        data.get("addressees").forEach(a -> addressees.add(a.asText()));
        int written = writer.add(new InboxWriter.Delivery(notice ? data.path("caseType").asText("REQUEST") : "REQUEST",
                UUID.fromString(data.get(caseField).asText()), id, event.getType(), data.path("state").asText(),
                event.getTime() == null ? OffsetDateTime.now() : event.getTime()), addressees);
        webhooks.enqueue(id, event.getType(), data.get(caseField).asText(), envelope, data);
        return written;
    }
}
