package eu.authorityhub.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Time is a dependency: everything that stamps, schedules or compares time reads this {@link Clock}. Tests replace it
 * with an adjustable clock instead of sleeping.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
