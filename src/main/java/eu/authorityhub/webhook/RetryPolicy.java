package eu.authorityhub.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * When a failed delivery is tried again: the configured schedule with jitter, longer when the endpoint asks for it
 * (Retry-After, up to a bound), and never once the schedule is spent.
 */
@ApplicationScoped
class RetryPolicy {

    private final WebhookConfig config;
    private final Clock clock;

    RetryPolicy(WebhookConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether the delivery has attempts left after attempt number {@code attempt} failed. */
    boolean retries(int attempt) {
        return attempt <= config.retrySchedule().size();
    }

    /** The wait after failed attempt number {@code attempt}. */
    Duration wait(int attempt, AttemptOutcome o) {
        List<Duration> schedule = config.retrySchedule();
        Duration base = schedule.get(Math.min(attempt, schedule.size()) - 1);
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * config.jitter();
        Duration wait = Duration.ofMillis(Math.max(0, Math.round(base.toMillis() * factor)));
        Duration asked = RetryAfter.parse(o.retryAfter(), clock.instant()).orElse(null);
        if (asked != null && asked.compareTo(wait) > 0) {
            wait = asked.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : asked;
        }
        return wait;
    }
}
