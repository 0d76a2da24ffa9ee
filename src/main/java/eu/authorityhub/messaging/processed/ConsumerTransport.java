package eu.authorityhub.messaging.processed;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import eu.authorityhub.api.Failures;
import eu.authorityhub.messaging.CloudEventCodec.MalformedEventException;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The one way the hub's consumers treat records: hand them to the transactional handler, retrying while the database
 * is unavailable (keeping the partition's order, never skipping), acknowledge on success, and nack a record that is
 * not a readable hub event so that it goes to the dead-letter topic.
 * <p>
 * A poll's records are applied in one transaction (one commit per poll instead of one per record); the per-event
 * idempotency claims make that safe to redeliver. When one of them is unreadable, that transaction rolls back and the
 * poll is applied again a record at a time, so that the unreadable ones alone are dead-lettered.
 */
public final class ConsumerTransport {

    private static final Logger LOG = Logger.getLogger(ConsumerTransport.class);

    private ConsumerTransport() {
    }

    public static CompletionStage<Void> process(String consumer, Message<String> message,
            Function<String, ?> handler) {
        try {
            Failures.retryWhileUnavailable(() -> handler.apply(message.getPayload()));
            return message.ack();
        } catch (MalformedEventException e) {
            LOG.warnf("%s: unreadable record sent to the dead-letter topic: %s", consumer, e.getMessage());
            return message.nack(e);
        }
    }

    /**
     * @param all applies every record of the poll in one transaction
     * @param one applies one record in a transaction of its own
     */
    public static CompletionStage<Void> processBatch(String consumer, KafkaRecordBatch<String, String> batch,
            Consumer<List<KafkaRecord<String, String>>> all, Function<KafkaRecord<String, String>, ?> one) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        try {
            Failures.retryWhileUnavailable(() -> {
                all.accept(records);
                return null;
            });
            return batch.ack();
        } catch (MalformedEventException e) {
            LOG.debugf("%s: a poll of %d records holds an unreadable one; applied a record at a time", consumer,
                    records.size());
        }
        CompletionStage<Void> done = java.util.concurrent.CompletableFuture.completedFuture(null);
        for (KafkaRecord<String, String> r : records) {
            CompletionStage<Void> settled = process(consumer, r, payload -> one.apply(r));
            done = done.thenCombine(settled, (a, b) -> null);
        }
        return done;
    }
}
