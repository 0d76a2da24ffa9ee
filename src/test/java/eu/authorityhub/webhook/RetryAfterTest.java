package eu.authorityhub.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Retry-After in every form HTTP allows (RFC 9110 section 5.6.7), read against a fixed instant. */
class RetryAfterTest {

    /** Sun, 06 Nov 1994 08:49:37 GMT, the example date of the HTTP specifications, minus two minutes. */
    private static final Instant NOW = Instant.parse("1994-11-06T08:47:37Z");

    @Test
    void secondsAndTheThreeDateForms() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).as("IMF-fixdate").contains(Duration
                .ofMinutes(2));
        assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).as("RFC 850").contains(Duration
                .ofMinutes(2));
        assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", NOW)).as("asctime").contains(Duration.ofMinutes(2));
    }

    @Test
    void aDateInThePastMeansNowAndNonsenseMeansNothing() {
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }
}
