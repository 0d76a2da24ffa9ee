package eu.authorityhub.journal;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import eu.authorityhub.messaging.processed.ConsumerTransport;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/** Kafka transport of the event journal. */
@ApplicationScoped
public class EventJournalConsumer {

    private final EventJournalHandler handler;

    public EventJournalConsumer(EventJournalHandler handler) {
        this.handler = handler;
    }

    @Incoming("event-journal")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("unknown");
        return ConsumerTransport.process(EventJournalHandler.CONSUMER, message, payload -> handler.handle(topic,
                payload));
    }
}
