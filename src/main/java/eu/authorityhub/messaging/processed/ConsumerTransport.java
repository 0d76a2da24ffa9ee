package eu.authorityhub.messaging.processed;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import eu.authorityhub.api.Failures;
import eu.authorityhub.messaging.CloudEventCodec.MalformedEventException;

/**
 * The one way the hub's consumers treat a record: hand it to the transactional handler, retrying the same record
 * while the database is unavailable (keeping the partition's order, never skipping), acknowledge on success, and
 * nack a record that is not a readable hub event so that it goes to the dead-letter topic.
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
}
