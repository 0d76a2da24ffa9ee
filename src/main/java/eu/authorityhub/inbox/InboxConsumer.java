package eu.authorityhub.inbox;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.authorityhub.messaging.processed.ConsumerTransport;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Kafka transport of the inbox (request steps and deadline notices): a poll's records per transaction. */
@ApplicationScoped
public class InboxConsumer {

    private final InboxHandler handler;

    public InboxConsumer(InboxHandler handler) {
        this.handler = handler;
    }

    @Incoming("request-inbox")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return ConsumerTransport.processBatch(InboxHandler.CONSUMER, batch, records -> handler.handleAll(records
                .stream().map(KafkaRecord::getPayload).toList()), r -> handler.handle(r.getPayload()));
    }
}
