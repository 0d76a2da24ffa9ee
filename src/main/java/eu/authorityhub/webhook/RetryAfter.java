package eu.authorityhub.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import io.netty.handler.codec.DateFormatter;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110, 10.2.3): a number of seconds, or an HTTP date in any of the three
 * forms HTTP allows (IMF-fixdate, the obsolete RFC 850 form and asctime), read by Netty's HTTP date parser.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the header asks for, from {@code now}; empty when there is none or it cannot be read. */
    static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // more digits than a long holds
            }
        }
        Date at = DateFormatter.parseHttpDate(value);
        if (at == null) {
            return Optional.empty();
        }
        Duration d = Duration.between(now, at.toInstant());
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
    }
}
