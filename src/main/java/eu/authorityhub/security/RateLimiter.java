package eu.authorityhub.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import eu.authorityhub.ratelimit.TokenBucket;
import io.quarkus.scheduler.Scheduled;

/**
 * Token buckets per client, in memory per replica (N replicas allow N times the rate; document the per-replica figure
 * to clients). A bucket refills continuously at the client's rate up to its burst.
 */
@ApplicationScoped
public class RateLimiter {

    private final SecurityConfig.RateLimit config;
    private final String clientClaim;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(SecurityConfig config, Clock clock) {
        this.config = config.rateLimit();
        this.clientClaim = config.clientClaim();
        this.clock = clock;
    }

    /** The token claim that names the client. */
    public String clientClaim() {
        return clientClaim;
    }

    /** @return 0 when the request may go ahead, else the seconds to wait before the next one is allowed */
    public long acquire(String client) {
        if (!config.enabled()) {
            return 0;
        }
        SecurityConfig.Client limits = config.clients().get(client);
        double rate = limits == null ? config.requestsPerSecond() : limits.requestsPerSecond();
        int burst = limits == null ? config.burst() : limits.burst();
        long now = clock.millis() * 1_000_000;
        long waitNanos = buckets.computeIfAbsent(client, c -> new TokenBucket(burst, now)).take(rate, burst, now);
        return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000);
    }

    @Scheduled(every = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetIdle() {
        long cutoff = (clock.millis() - config.idleExpiry().toMillis()) * 1_000_000;
        buckets.values().removeIf(b -> b.lastNanos() < cutoff);
    }
}
