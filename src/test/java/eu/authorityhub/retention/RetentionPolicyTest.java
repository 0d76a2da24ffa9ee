package eu.authorityhub.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The periods the law allows are checked when the hub starts: a configuration beyond them stops it. */
class RetentionPolicyTest {

    @Test
    void theRegulationsFiguresAreAccepted() {
        RetentionPolicy policy = new RetentionPolicy(config(Period.ofMonths(6), Map.of("establishment", Period
                .ofMonths(18)), Duration.ofDays(3)));
        assertThat(policy.blockAfter("general")).isEqualTo(Period.ofMonths(6));
        assertThat(policy.blockAfter("establishment")).isEqualTo(Period.ofMonths(18));
        assertThat(policy.alertRemovalAfter()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void blockingLongerThanEighteenMonthsStopsTheHub() {
        assertThatThrownBy(() -> new RetentionPolicy(config(Period.ofMonths(6), Map.of("general", Period.of(0, 18,
                1)), Duration.ZERO))).isInstanceOf(IllegalStateException.class).hasMessageContaining(
                        "hub.retention.procedures.general.block-after");
        assertThatThrownBy(() -> new RetentionPolicy(config(Period.ofMonths(19), Map.of(), Duration.ZERO)))
                .hasMessageContaining("at most 18 months");
    }

    @Test
    void anAlertsDataKeptMoreThanThreeDaysAfterItEndsStopsTheHub() {
        assertThatThrownBy(() -> new RetentionPolicy(config(Period.ofMonths(6), Map.of(), Duration.ofDays(3)
                .plusSeconds(1)))).isInstanceOf(IllegalStateException.class).hasMessageContaining(
                        "hub.retention.alert-removal-after");
        assertThatThrownBy(() -> new RetentionPolicy(config(Period.ofMonths(6), Map.of(), Duration.ofHours(-1))))
                .hasMessageContaining("within 3 days");
    }

    private static RetentionConfig config(Period block, Map<String, Period> procedures, Duration alertRemoval) {
        return new RetentionConfig() {

            @Override
            public Period blockAfter() {
                return block;
            }

            @Override
            public Period deleteAfter() {
                return Period.ofYears(3);
            }

            @Override
            public Map<String, ProcedureRetention> procedures() {
                Map<String, ProcedureRetention> m = new java.util.HashMap<>();
                procedures.forEach((k, v) -> m.put(k, () -> Optional.of(v)));
                return m;
            }

            @Override
            public Duration alertRemovalAfter() {
                return alertRemoval;
            }

            @Override
            public Duration unblockFor() {
                return Duration.ofDays(30);
            }

            @Override
            public Duration unblockAtMost() {
                return Duration.ofDays(90);
            }

            @Override
            public int batchSize() {
                return 500;
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Duration idempotencyKeep() {
                return Duration.ofDays(30);
            }

            @Override
            public Optional<Boolean> engineEnabled() {
                return Optional.empty();
            }
        };
    }
}
