package eu.authorityhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.authorityhub.fault.FaultDrill;
import eu.authorityhub.fault.FaultDrill.Fault;
import eu.authorityhub.testing.PackagedHub;

/**
 * Fault suite, long form (tag "bench", run by bench/run after packaging): sixteen back-office systems load the
 * packaged hub while it is killed with SIGKILL twice, the broker is killed, and PostgreSQL is down for longer than a
 * minute (longer than the Kafka connector's default patience with an unacknowledged record). Prints the counts and
 * writes bench/results/faults.json; fails when anything acknowledged was lost or doubled.
 */
@Tag("bench")
class FaultBench {

    @Test
    void longFaultDrill() throws Exception {
        int clients = Integer.getInteger("bench.faults.clients", 16);
        Duration outage = Duration.ofSeconds(Integer.getInteger("bench.faults.outage-seconds", 75));
        FaultDrill.Report r;
        try (FaultDrill drill = new FaultDrill(new FaultDrill.Settings(clients, 300, outage, List.of(
                Fault.HUB_SIGKILL, Fault.BROKER_SIGKILL, Fault.DATABASE_STOP, Fault.HUB_SIGKILL),
                PackagedHub.DEFAULT_JVM))) {
            r = drill.run();
        }
        System.out.println("\nfault drill, long form: " + clients + " clients, outages of at least " + outage
                .toSeconds() + " s" + r.table());
        Path file = Path.of("bench", "results", "faults.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, r.json());
        System.out.println("written: " + file);

        assertThat(r.unexpectedAnswers()).isEmpty();
        assertThat(r.serverErrors()).isZero();
        assertThat(r.requestsStored()).isEqualTo(r.created());
        assertThat(r.duplicateCreates() + r.inboxNotExactlyOnce() + r.acknowledgedMissingOnTopic() + r
                .acknowledgedWithoutWebhook() + r.webhookIdNotTheEvent() + r.badSignatures() + r.unpublishedEvents()
                + r
                        .stepsWithoutEvent()
                + r.eventsWithoutStep()).isZero();
        assertThat(r.inboxEntries()).isEqualTo(r.acknowledged());
    }
}
