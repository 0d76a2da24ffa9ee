package eu.authorityhub.inbox;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        return handleAll(List.of(envelope));
    }

    /**
     * The records of one poll, in order, in one transaction and set-wise: one statement claims every event id, one
     * JDBC batch writes the inbox entries, one the mails, one the webhook deliveries.
     *
     * @return the number of inbox entries written (0 for duplicates only)
     */
    @Transactional
    public int handleAll(List<String> envelopes) {
        List<Routed> routed = new ArrayList<>();
        for (String envelope : envelopes) {
            Routed r = read(envelope);
            if (r != null) {
                routed.add(r);
            }
        }
        Set<UUID> fresh = processed.claimAll(CONSUMER, routed.stream().map(r -> r.delivery().eventId()).toList());
        List<Routed> todo = new ArrayList<>();
        Set<UUID> once = new HashSet<>(); // the same event twice in one poll: its first copy only
        for (Routed r : routed) {
            if (fresh.contains(r.delivery().eventId()) && once.add(r.delivery().eventId())) {
                todo.add(r);
            }
        }
        int written = writer.addAll(todo.stream().map(r -> new InboxWriter.Addressed(r.delivery(), r.addressees()))
                .toList());
        webhooks.enqueueAll(todo.stream().map(Routed::notified).toList());
        return written;
    }

    private record Routed(InboxWriter.Delivery delivery, List<String> addressees, WebhookQueue.Notified notified) {
    }

    /** What an event brings to the inbox, or null for an event the inbox does not take. */
    private Routed read(String envelope) {
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
        if (!(notice || event.getType().startsWith(EventTypes.REQUEST_PREFIX))) {
            return null;
        }
        JsonNode data = codec.data(event);
        String caseField = notice ? "caseId" : "requestId";
        if (!data.hasNonNull(caseField) || !data.has("addressees")) {
            throw new MalformedEventException("event without " + caseField + " or addressees");
        }
        List<String> addressees = new ArrayList<>();
        data.get("addressees").forEach(a -> addressees.add(a.asText()));
        String caseId = data.get(caseField).asText();
        InboxWriter.Delivery delivery = new InboxWriter.Delivery(notice
                ? data.path("caseType").asText("REQUEST")
                : "REQUEST", UUID.fromString(caseId), id, event.getType(), data.path("state").asText(),
                event.getTime() == null ? OffsetDateTime.now() : event.getTime());
        return new Routed(delivery, addressees, new WebhookQueue.Notified(id, event.getType(), caseId, envelope,
                data));
    }
}
