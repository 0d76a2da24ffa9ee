package eu.authorityhub.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

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
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

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
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, clock.millis()));
        return bucket.take(rate, burst, clock.millis());
    }

    @Scheduled(every = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetIdle() {
        long cutoff = clock.millis() - config.idleExpiry().toMillis();
        buckets.values().removeIf(b -> b.lastMillis() < cutoff);
    }

    static final class Bucket {

        private double tokens;
        private long last;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.last = now;
        }

        synchronized long take(double rate, int burst, long now) {
            tokens = Math.min(burst, tokens + Math.max(0, now - last) * rate / 1000.0);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / rate));
        }

        synchronized long lastMillis() {
            return last;
        }
    }
}
