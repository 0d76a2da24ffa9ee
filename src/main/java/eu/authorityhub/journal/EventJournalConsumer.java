package eu.authorityhub.journal;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import eu.authorityhub.journal.EventJournalHandler.Delivered;
import eu.authorityhub.messaging.processed.ConsumerTransport;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Kafka transport of the event journal: a poll's records per transaction. */
@ApplicationScoped
public class EventJournalConsumer {

    private final EventJournalHandler handler;

    public EventJournalConsumer(EventJournalHandler handler) {
        this.handler = handler;
    }

    @Incoming("event-journal")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return ConsumerTransport.processBatch(EventJournalHandler.CONSUMER, batch, records -> handler.handleAll(
                records.stream().map(r -> new Delivered(r.getTopic(), r.getPayload())).toList()),
                r -> handler.handle(r
                        .getTopic(), r.getPayload()));
    }
}
