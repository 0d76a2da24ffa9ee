package eu.authorityhub.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings of the messaging spine, with their defaults. */
@ConfigMapping(prefix = "hub.outbox")
public interface MessagingConfig {

    /** How often the relay looks for pending rows when nothing woke it (other replicas' commits, retries). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Rows claimed and published per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before it rolls back and retries. */
    @WithDefault("30s")
    Duration publishTimeout();

    /** Published rows are kept this long (evidence of what was sent), then purged. */
    @WithDefault("P7D")
    Duration retention();

    /** Whether the relay runs in this instance. */
    @WithDefault("true")
    boolean relayEnabled();
}
