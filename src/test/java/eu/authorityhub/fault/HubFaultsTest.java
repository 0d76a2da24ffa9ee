package eu.authorityhub.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.authorityhub.fault.FaultDrill.Fault;
import eu.authorityhub.fault.FaultDrill.FaultReport;
import eu.authorityhub.testing.PackagedHub;

/**
 * Fault suite, short form (every build, after packaging: tag "packaged"): the packaged hub under load from four
 * back-office systems is killed with SIGKILL and restarted, then the Kafka broker is killed and restarted, then
 * PostgreSQL is stopped and restarted. Nothing acknowledged is lost or doubled, every event reaches its inbox exactly
 * once and its webhook at least once under the event's id, the API answers 503 and never 500 while the database is
 * down, and the hub recovers from the broker and database outages by itself. The long form is
 * {@code bench/run FaultBench}.
 */
@Tag("packaged")
class HubFaultsTest {

    @Test
    void nothingAcknowledgedIsLostOrDoubledThroughAKillABrokerOutageAndADatabaseOutage() throws Exception {
        FaultDrill.Report r;
        try (FaultDrill drill = new FaultDrill(new FaultDrill.Settings(4, 20, Duration.ofSeconds(3), List.of(
                Fault.HUB_SIGKILL, Fault.BROKER_SIGKILL, Fault.DATABASE_STOP), PackagedHub.DEFAULT_JVM))) {
            r = drill.run();
        }
        System.out.println(r.table());

        assertThat(r.unexpectedAnswers()).isEmpty();
        assertThat(r.serverErrors()).isZero();
        assertThat(r.acknowledged()).isGreaterThanOrEqualTo(80);
        // exactly once in the database and the inbox
        assertThat(r.requestsStored()).isEqualTo(r.created());
        assertThat(r.duplicateCreates()).isZero();
        assertThat(r.inboxEntries()).isEqualTo(r.acknowledged());
        assertThat(r.inboxNotExactlyOnce()).isZero();
        // at least once on the topic and at the webhook, under the event's id, signed
        assertThat(r.acknowledgedMissingOnTopic()).isZero();
        assertThat(r.acknowledgedWithoutWebhook()).isZero();
        assertThat(r.webhookIdNotTheEvent()).isZero();
        assertThat(r.badSignatures()).isZero();
        // nothing partial
        assertThat(r.unpublishedEvents()).isZero();
        assertThat(r.stepsWithoutEvent()).isZero();
        assertThat(r.eventsWithoutStep()).isZero();

        FaultReport broker = r.faults().get(1);
        assertThat(broker.readyDuringOutage()).as("readiness during the broker outage").isFalse();
        assertThat(broker.acknowledgedDuringOutage()).as("requests acknowledged with the broker down").isPositive();
        FaultReport database = r.faults().get(2);
        assertThat(database.readyDuringOutage()).as("readiness during the database outage").isFalse();
        assertThat(database.refusedDuringOutage()).as("503 answers with the database down").isPositive();
        assertThat(r.answers()).containsKey("503");
    }
}
