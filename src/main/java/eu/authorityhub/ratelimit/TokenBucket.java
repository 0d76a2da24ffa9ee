package eu.authorityhub.ratelimit;

/**
 * A token bucket: it holds at most {@code capacity} tokens and refills continuously at {@code rate} tokens a second;
 * each call takes one token when there is one. Time is passed in (nanoseconds on any monotonic scale), so callers use
 * the injectable clock or {@link System#nanoTime()} as suits them. Used for the API's per-client limits and for each
 * webhook endpoint's rate limit. Thread-safe.
 */
public final class TokenBucket {

    private double tokens;
    private long lastNanos;

    /** A full bucket. */
    public TokenBucket(double capacity, long nowNanos) {
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /**
     * Takes a token if there is one.
     *
     * @return 0 when a token was taken, else the nanoseconds until the next one is there
     */
    public synchronized long take(double rate, double capacity, long nowNanos) {
        tokens = Math.min(capacity, tokens + Math.max(0, nowNanos - lastNanos) * rate / 1e9);
        lastNanos = Math.max(lastNanos, nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / rate * 1e9));
    }

    /** When the bucket was last used. */
    public synchronized long lastNanos() {
        return lastNanos;
    }
}
