package eu.authorityhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token bucket, with time given explicitly. */
class RateLimiterTest {

    @Test
    void burstThenSustainedRateThenWaitTime() {
        RateLimiter.Bucket bucket = new RateLimiter.Bucket(2, 0);
        assertThat(bucket.take(1.0, 2, 0)).isZero();
        assertThat(bucket.take(1.0, 2, 0)).isZero();
        assertThat(bucket.take(1.0, 2, 0)).as("seconds to wait").isEqualTo(1);
        assertThat(bucket.take(1.0, 2, 1000)).as("refilled one token after a second").isZero();
        assertThat(bucket.take(0.1, 2, 1000)).as("slow rate: ten seconds").isEqualTo(10);
        assertThat(bucket.take(1.0, 2, 100_000)).as("never more than the burst").isZero();
        assertThat(bucket.take(1.0, 2, 100_000)).isZero();
        assertThat(bucket.take(1.0, 2, 100_000)).isEqualTo(1);
    }
}
