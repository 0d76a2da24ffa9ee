package eu.authorityhub.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The hub's clock in tests: follows the system clock until a test moves it, so tests shift time instead of sleeping.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<ZoneId> zone = new AtomicReference<>(ZoneOffset.UTC);

    public void advance(Duration d) {
        offset.updateAndGet(o -> o.plus(d));
    }

    /** Moves the clock to an instant (it goes on ticking from there). */
    public void moveTo(Instant at) {
        offset.set(Duration.between(Instant.now(), at));
    }

    /** The zone the hub's clock reports (a host moved to another time zone); the instant is unchanged. */
    public void zone(ZoneId z) {
        zone.set(z);
    }

    public void reset() {
        offset.set(Duration.ZERO);
        zone.set(ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return zone.get();
    }

    @Override
    public Clock withZone(ZoneId z) {
        TestClock self = this;
        return new Clock() {

            @Override
            public ZoneId getZone() {
                return z;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
