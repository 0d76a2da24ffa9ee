package eu.authorityhub.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token bucket, with time given explicitly (the API's client limits and webhook endpoints share it). */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void burstThenSustainedRateThenWaitTime() {
        TokenBucket bucket = new TokenBucket(2, 0);
        assertThat(bucket.take(1.0, 2, 0)).isZero();
        assertThat(bucket.take(1.0, 2, 0)).isZero();
        assertThat(bucket.take(1.0, 2, 0)).as("nanoseconds to wait").isEqualTo(SECOND);
        assertThat(bucket.take(1.0, 2, SECOND)).as("refilled one token after a second").isZero();
        assertThat(bucket.take(0.1, 2, SECOND)).as("slow rate: ten seconds").isEqualTo(10 * SECOND);
        assertThat(bucket.take(1.0, 2, 100 * SECOND)).as("never more than the burst").isZero();
        assertThat(bucket.take(1.0, 2, 100 * SECOND)).isZero();
        assertThat(bucket.take(1.0, 2, 100 * SECOND)).isEqualTo(SECOND);
    }

    @Test
    void halfAToken() {
        TokenBucket bucket = new TokenBucket(1, 0);
        assertThat(bucket.take(2.0, 1, 0)).isZero();
        assertThat(bucket.take(2.0, 1, SECOND / 4)).as("half a token there, a quarter second to go")
                .isEqualTo(SECOND / 4);
        assertThat(bucket.lastNanos()).isEqualTo(SECOND / 4);
    }
}
