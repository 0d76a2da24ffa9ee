package eu.authorityhub.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.BrokerProcess;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.HubInfrastructure;
import eu.authorityhub.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Fault suite, short form: the Kafka broker stops while authorities keep sending requests, then comes back. The API
 * keeps answering (Kafka is not on the request path: the outbox holds the events), readiness reports the outage, and
 * afterwards every acknowledged request exists exactly once and reached its responder's inbox exactly once, without
 * anyone restarting the hub. Uses a broker of its own so that stopping it disturbs no other test.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.OwnBroker.class)
class BrokerOutageTest {

    public static class OwnBroker implements QuarkusTestProfile, HubInfrastructure.OwnBroker {

        // shared through system properties (strings only): Quarkus loads this class in more than one class loader.
        // The broker runs in a child JVM, so that stopping it is a real outage of a separate process.
        private static final String DIR = "hub.test.outage-kafka.dir";
        private static final String PORT = "hub.test.outage-kafka.port";
        private static final String CONTROLLER = "hub.test.outage-kafka.controller";
        private static final String PID = "hub.test.outage-kafka.pid";

        static synchronized void start() {
            try {
                if (System.getProperty(DIR) == null) {
                    System.setProperty(DIR, Files.createTempDirectory("hub-outage-kafka-").toString());
                    System.setProperty(PORT, String.valueOf(HubInfrastructure.freePort()));
                    System.setProperty(CONTROLLER, String.valueOf(HubInfrastructure.freePort()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Process p = BrokerProcess.start(Path.of(System.getProperty(DIR)), port(), Integer.parseInt(System
                    .getProperty(CONTROLLER)));
            System.setProperty(PID, Long.toString(p.pid()));
        }

        static synchronized void stop() {
            String pid = System.getProperty(PID);
            if (pid != null) {
                System.clearProperty(PID);
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(h -> BrokerProcess.stop(h, false));
            }
        }

        static int port() {
            return Integer.parseInt(System.getProperty(PORT));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            if (System.getProperty(DIR) == null) {
                start();
                Runtime.getRuntime().addShutdownHook(new Thread(OwnBroker::stop));
            }
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + port(), "hub.outbox.publish-timeout", "3s");
        }
    }

    @Inject
    EntityManager em;

    @Test
    void aBrokerOutageLosesNothingAndTheApiKeepsAnswering() throws Exception {
        String requester = Fixtures.authorityCode("NL");
        String responder = Fixtures.authorityCode("SE");
        Fixtures.createAuthority(requester, "NL", "NURSE");
        Fixtures.createAuthority(responder, "SE", "NURSE");
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> acknowledged = new ArrayList<>();

        send(requester, responder, 10, acknowledged, statuses);
        OwnBroker.stop();
        try {
            send(requester, responder, 20, acknowledged, statuses);
            given().when().get("/q/health/ready").then().statusCode(503);
        } finally {
            OwnBroker.start();
        }
        send(requester, responder, 10, acknowledged, statuses);

        // recovered by itself: every acknowledged request is in the responder's inbox exactly once
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(
                () -> inboxEntries(responder, acknowledged) == acknowledged.size());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/q/health/ready")
                .statusCode() == 200);
        long stored = count("select count(*) from information_request where cast(id as text) in (:ids)", acknowledged);
        long inbox = inboxEntries(responder, acknowledged);
        long pending = count("select count(*) from outbox_message where published_at is null and event_key in"
                + " (:ids)", acknowledged);
        System.out.printf("broker outage: %d requests acknowledged (statuses %s), %d stored, %d inbox entries,"
                + " %d events still unpublished%n", acknowledged.size(), statuses, stored, inbox, pending);
        assertThat(statuses.keySet()).allMatch(s -> s < 500);
        assertThat(acknowledged).hasSize(40).doesNotHaveDuplicates();
        assertThat(stored).isEqualTo(40);
        assertThat(inbox).isEqualTo(40);
        assertThat(pending).isZero();
    }

    private static void send(String requester, String responder, int n, List<String> acknowledged,
            Map<Integer, Integer> statuses) {
        String token = Tokens.forAuthority(requester, Roles.BACK_OFFICE);
        for (int i = 0; i < n; i++) {
            var created = given().auth().oauth2(token).contentType("application/json").body("""
                    {"responder":"%s","policyArea":"PQ","procedure":"GENERAL","profession":"NURSE",
                     "professional":{"familyName":"Lind","givenNames":"Eva","birthDate":"1985-05-05"},
                     "questions":["PQ-G-PER-01"],"requestedDueDate":"%s"}""".formatted(responder,
                    LocalDate.now().plusDays(30))).post("/api/v1/requests");
            statuses.merge(created.statusCode(), 1, Integer::sum);
            if (created.statusCode() != 201) {
                continue;
            }
            String id = created.path("id");
            var sent = given().auth().oauth2(token).post("/api/v1/requests/" + id + "/send");
            statuses.merge(sent.statusCode(), 1, Integer::sum);
            if (sent.statusCode() == 200) {
                acknowledged.add(id);
            }
        }
    }

    private long inboxEntries(String responder, List<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from"
                + " inbox_entry where authority = :a and event_type = 'eu.authorityhub.request.send.v1' and"
                + " cast(case_id as text) in (:ids)").setParameter("a", responder).setParameter("ids", ids)
                .getSingleResult()).longValue());
    }

    private long count(String sql, List<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter("ids",
                ids).getSingleResult()).longValue());
    }
}
