package eu.authorityhub.inbox;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import eu.authorityhub.messaging.processed.ConsumerTransport;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Kafka transport of the inbox (request steps and deadline notices). */
@ApplicationScoped
public class InboxConsumer {

    private final InboxHandler handler;

    public InboxConsumer(InboxHandler handler) {
        this.handler = handler;
    }

    @Incoming("request-inbox")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return ConsumerTransport.process(InboxHandler.CONSUMER, message, handler::handle);
    }
}
