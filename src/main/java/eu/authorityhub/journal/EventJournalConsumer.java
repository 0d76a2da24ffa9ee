package eu.authorityhub.journal;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import eu.authorityhub.messaging.CloudEventCodec.MalformedEventException;
import eu.authorityhub.api.Failures;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Kafka transport of the event journal: reads the record, hands it to the transactional handler, acknowledges. While
 * the database is unavailable it retries the same record (keeping the partition's order) instead of skipping it; a
 * record that can never be read goes to the dead-letter topic.
 */
@ApplicationScoped
public class EventJournalConsumer {

    private static final Logger LOG = Logger.getLogger(EventJournalConsumer.class);

    private final EventJournalHandler handler;

    public EventJournalConsumer(EventJournalHandler handler) {
        this.handler = handler;
    }

    @Incoming("event-journal")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("unknown");
        try {
            Failures.retryWhileUnavailable(() -> handler.handle(topic, message.getPayload()));
            return message.ack();
        } catch (MalformedEventException e) {
            LOG.warnf("Unreadable record on %s sent to the dead-letter topic: %s", topic, e.getMessage());
            return message.nack(e);
        }
    }
}
