package eu.authorityhub.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import eu.authorityhub.webhook.EndpointGuard.AllowList;
import eu.authorityhub.webhook.WebhookPayloads.Mode;

/** The instance's leases on their own: whose turn it is, how deep an endpoint may lease, what a failure gives back. */
class LocalLeasesTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    private long ids;

    @Test
    void turnsGoRoundTheEndpointsWithinTheInstanceAndPerEndpointLimits() {
        LocalLeases leases = new LocalLeases(3, 2, 8, 100);
        leases.add(jobs(A, 4));
        leases.add(jobs(B, 4));

        List<LocalLeases.Held> first = leases.startable();
        assertThat(first).extracting(h -> h.job().subscriptionId()).containsExactly(A, B, A);
        assertThat(leases.startable()).as("the instance's three slots are taken").isEmpty();

        // A answers: the freed slot goes to B (A's turn came last), never a third to A
        LocalLeases.AfterAnswer next = leases.answered(A, true);
        assertThat(next.start()).extracting(h -> h.job().subscriptionId()).containsExactly(B);
        assertThat(next.giveBack()).isEmpty();
        assertThat(leases.answered(B, true).start()).extracting(h -> h.job().subscriptionId()).containsExactly(A);
    }

    @Test
    void anEndpointMayLeaseAheadOnlyAfterAnUnbrokenRunOfSuccesses() {
        LocalLeases leases = new LocalLeases(10, 2, 8, 100);
        assertThat(leases.room(A)).as("an endpoint not seen yet").isEqualTo(2);
        leases.add(jobs(A, 2));
        assertThat(leases.room(A)).isZero();
        assertThat(leases.full()).containsExactly(A);
        leases.startable();
        leases.answered(A, true);
        assertThat(leases.room(A)).as("one success is not a run").isEqualTo(1);
        leases.answered(A, true);
        assertThat(leases.room(A)).as("two in a row: leases ahead").isEqualTo(8);
        assertThat(leases.full()).isEmpty();

        leases.add(jobs(A, 5));
        leases.startable();
        leases.answered(A, false);
        assertThat(leases.room(A)).as("a failure ends the run: back to 2, one of them still under way").isEqualTo(1);
    }

    @Test
    void aFailureGivesTheEndpointsWaitingDeliveriesBackAndLeavesTheOthersAlone() {
        LocalLeases leases = new LocalLeases(10, 2, 8, 100);
        warm(leases, A);
        List<LocalLeases.Held> a = leases.add(jobs(A, 6));
        leases.add(jobs(B, 1));
        assertThat(leases.startable()).hasSize(3); // two of A, one of B
        assertThat(leases.room()).isEqualTo(100 - 7);

        LocalLeases.AfterAnswer after = leases.answered(A, false);
        assertThat(after.giveBack()).containsExactlyElementsOf(a.subList(2, 6));
        assertThat(after.start()).isEmpty();
        assertThat(leases.room()).as("the given back ones no longer count").isEqualTo(100 - 2);
        assertThat(leases.answered(A, false).giveBack()).isEmpty();
        assertThat(leases.answered(B, true).giveBack()).isEmpty();
        assertThat(leases.room()).isEqualTo(100);
    }

    @Test
    void theInstanceClaimsAgainWhenHalfItsRoomIsFree() {
        LocalLeases leases = new LocalLeases(4, 4, 4, 4);
        leases.add(jobs(A, 4));
        assertThat(leases.room()).isZero();
        leases.startable();
        assertThat(leases.answered(A, true).claimAgain()).isFalse();
        assertThat(leases.answered(A, true).claimAgain()).isTrue();
    }

    private void warm(LocalLeases leases, UUID endpoint) {
        leases.add(jobs(endpoint, 2));
        leases.startable();
        leases.answered(endpoint, true);
        leases.answered(endpoint, true);
    }

    private List<DeliveryJob> jobs(UUID subscription, int n) {
        List<DeliveryJob> jobs = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> jobs.add(new DeliveryJob(++ids, subscription, "NL-X", "https://x.test/",
                Mode.STRUCTURED, null, UUID.randomUUID(), "t", "{}", 1, List.of(), AllowList.NONE,
                OffsetDateTime.now().plusMinutes(1))));
        return jobs;
    }
}
