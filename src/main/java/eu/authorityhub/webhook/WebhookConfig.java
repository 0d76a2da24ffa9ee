package eu.authorityhub.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook delivery settings (hub.webhooks.*); docs/webhooks.md explains each. */
@ConfigMapping(prefix = "hub.webhooks")
public interface WebhookConfig {

    /**
     * Waits between attempts: the first retry after the first, and so on; after the last, the delivery has failed.
     * The default spreads ten attempts over about three and a half days.
     */
    @WithDefault("5S,5M,30M,2H,5H,10H,10H,24H,24H")
    List<Duration> retrySchedule();

    /** Each wait is moved by up to this share, at random, so that failed endpoints are not all retried at once. */
    @WithDefault("0.2")
    double jitter();

    /** The longest wait a Retry-After header may ask for. */
    @WithDefault("PT24H")
    Duration maxRetryAfter();

    /** Time allowed for connecting, sending and receiving the whole response. */
    @WithDefault("PT15S")
    Duration timeout();

    /** An endpoint failing without a single success for this long is disabled and its owner told. */
    @WithDefault("P5D")
    Duration disableAfter();

    /** Grace period of a rotated secret: both secrets sign until it ends. */
    @WithDefault("PT24H")
    Duration rotationGrace();

    /** Deliveries under way at once in one hub instance, over all endpoints. */
    @WithDefault("256")
    int maxInFlight();

    /** Deliveries under way at once to one endpoint (1 for an ordered subscription). */
    @WithDefault("8")
    int perEndpointInFlight();

    /**
     * Deliveries one endpoint may have leased on one hub instance once its last per-endpoint-in-flight answers were
     * successes (otherwise it may have per-endpoint-in-flight): one claim then feeds several round trips.
     */
    @WithDefault("64")
    int leaseAhead();

    /** Deliveries one hub instance may have leased at once (under way or waiting for a slot). */
    @WithDefault("1024")
    int maxLeased();

    /** How often the dispatcher looks for due deliveries (it is also woken when new ones are queued). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries claimed per dispatcher query. */
    @WithDefault("500")
    int batchSize();

    /** Plain http endpoints are refused unless this is false (dev and test only). */
    @WithDefault("true")
    boolean requireHttps();

    /** Deployment-wide allow-list of networks (CIDR) that may be reached although private, e.g. a government WAN. */
    Optional<List<String>> allowedNetworks();

    /** Deployment-wide allow-list of host names whose private addresses may be reached. */
    Optional<List<String>> allowedHosts();

    /** The response body kept in the delivery log, in bytes. */
    @WithDefault("1024")
    int responseLogBytes();

    /** The dispatcher runs in this instance (the tests drive it themselves). */
    @WithDefault("true")
    boolean dispatcherEnabled();
}
