package eu.authorityhub.alert;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.reactive.messaging.Message;

import eu.authorityhub.inbox.InboxWriter;
import eu.authorityhub.messaging.CloudEventCodec;
import eu.authorityhub.messaging.CloudEventCodec.MalformedEventException;
import eu.authorityhub.messaging.processed.ConsumerTransport;
import eu.authorityhub.messaging.processed.ProcessedEventLog;
import eu.authorityhub.webhook.WebhookQueue;
import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Fans an alert event out: one inbox entry per recipient authority, one per incoming-alert coordinator on the way
 * (the recorded hop; the hub passes the alert on at once), exactly once per event, through the inbox's writer: a few
 * statements whatever the number of recipients.
 */
@ApplicationScoped
public class AlertFanOut {

    static final String CONSUMER = "alert-fan-out";

    private final CloudEventCodec codec;
    private final ProcessedEventLog processed;
    private final EntityManager em;
    private final Clock clock;
    private final WebhookQueue webhooks;
    private final InboxWriter inbox;

    public AlertFanOut(CloudEventCodec codec, ProcessedEventLog processed, EntityManager em, Clock clock,
            WebhookQueue webhooks, InboxWriter inbox) {
        this.inbox = inbox;
        this.codec = codec;
        this.processed = processed;
        this.em = em;
        this.clock = clock;
        this.webhooks = webhooks;
    }

    @Incoming("alert-fan-out")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return ConsumerTransport.process(CONSUMER, message, this::handle);
    }

    /** @return inbox entries written (0 for a duplicate) */
    @Transactional
    public int handle(String envelope) {
        CloudEvent event = codec.decode(envelope);
        UUID eventId;
        UUID alertId;
        try {
            eventId = UUID.fromString(event.getId());
            alertId = UUID.fromString(event.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("alert event without UUID id or subject");
        }
        if (!event.getType().startsWith("eu.authorityhub.alert.") || !processed.claim(CONSUMER, eventId)) {
            return 0;
        }
        JsonNode data = codec.data(event);
        String state = data.path("state").asText();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime at = event.getTime() == null ? now : event.getTime();
        @SuppressWarnings("unchecked")
        java.util.List<String> coordinators = em.createNativeQuery("select distinct via_coordinator from"
                + " alert_recipient where alert_id = :a and via_coordinator is not null").setParameter("a", alertId)
                .getResultList();
        @SuppressWarnings("unchecked")
        java.util.List<String> recipients = em.createNativeQuery("select authority from alert_recipient where"
                + " alert_id = :a").setParameter("a", alertId).getResultList();
        InboxWriter.Delivery delivery = new InboxWriter.Delivery("ALERT", alertId, eventId, event.getType(), state, at);
        int written = inbox.add(delivery, coordinators) + inbox.add(delivery, recipients);
        em.createNativeQuery("update alert_recipient set routed_at = coalesce(routed_at, :now),"
                + " coordinator_passed_at = case when via_coordinator is null then null"
                + " else coalesce(coordinator_passed_at, :now) end where alert_id = :a").setParameter("now", now)
                .setParameter("a", alertId).executeUpdate();
        webhooks.enqueue(eventId, event.getType(), alertId.toString(), envelope, data);
        return written;
    }
}
