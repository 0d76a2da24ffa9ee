package eu.authorityhub.request.inbox;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import eu.authorityhub.api.Failures;
import eu.authorityhub.messaging.CloudEventCodec.MalformedEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Kafka transport of the inbox: retries while the database is down, dead-letters what it cannot read. */
@ApplicationScoped
public class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

    private final InboxHandler handler;

    public InboxConsumer(InboxHandler handler) {
        this.handler = handler;
    }

    @Incoming("request-inbox")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            Failures.retryWhileUnavailable(() -> handler.handle(message.getPayload()));
            return message.ack();
        } catch (MalformedEventException e) {
            LOG.warnf("Unreadable request event sent to the dead-letter topic: %s", e.getMessage());
            return message.nack(e);
        }
    }
}
