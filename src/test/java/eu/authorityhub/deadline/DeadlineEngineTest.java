package eu.authorityhub.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.authorityhub.deadline.DeadlineTimer.Kind;
import eu.authorityhub.messaging.outbox.OutboxMessage;
import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.TestClock;
import eu.authorityhub.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The deadline engine, driven by the adjustable clock on the real database: no sleeps. */
@QuarkusTest
class DeadlineEngineTest {

    @Inject
    DeadlineEngine engine;
    @Inject
    DeadlineService deadlines;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void acceptanceTimerRemindsThenIsOverdueThenEscalatesOnceEach() {
        Parties p = new Parties();
        String id = p.sentRequest(LocalDate.now().plusDays(30));
        engine.run();
        assertThat(notices(id)).isEmpty();

        clock.advance(Duration.ofDays(5).plusMinutes(1)); // 7-day acceptance, reminder 2 days before
        engine.run();
        engine.run();
        assertThat(notices(id)).containsExactly("reminder");
        clock.advance(Duration.ofDays(2));
        engine.run();
        assertThat(notices(id)).containsExactly("reminder", "overdue");
        clock.advance(Duration.ofDays(3));
        engine.run();
        engine.run();
        assertThat(notices(id)).containsExactly("reminder", "overdue", "escalated");
        assertThat(outbox(id, "escalated").get(0)).contains("\"kind\":\"ACCEPTANCE\"").contains("\"party\":\""
                + p.responder + "\"");
    }

    @Test
    void eachProcedureHasItsOwnPolicy() {
        // test profile: temporary provision accepts within 3 days, reminded 1 day before, escalated 1 day after
        Parties p = new Parties();
        String general = p.sentRequest(LocalDate.now().plusDays(30));
        String urgent = p.sentRequest(LocalDate.now().plusDays(30), "TEMPORARY_PROVISION");
        OffsetDateTime now = OffsetDateTime.now(clock);
        p.as(p.requester).get("/api/v1/requests/" + urgent + "/deadlines").then().statusCode(200)
                .body("find { it.kind == 'ACCEPTANCE' }.procedure", org.hamcrest.Matchers.equalTo(
                        "temporary-provision"));
        assertThat(acceptanceDue(p, urgent)).isBetween(now.plusDays(3).minusMinutes(1), now.plusDays(3).plusMinutes(1));
        assertThat(acceptanceDue(p, general)).isBetween(now.plusDays(7).minusMinutes(1), now.plusDays(7).plusMinutes(
                1));

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        engine.run();
        assertThat(notices(urgent)).containsExactly("reminder");
        assertThat(notices(general)).isEmpty();
        clock.advance(Duration.ofDays(1));
        engine.run();
        clock.advance(Duration.ofDays(1));
        engine.run();
        assertThat(notices(urgent)).containsExactly("reminder", "overdue", "escalated");
        assertThat(notices(general)).isEmpty();
    }

    private static OffsetDateTime acceptanceDue(Parties p, String id) {
        return OffsetDateTime.parse(p.as(p.requester).get("/api/v1/requests/" + id + "/deadlines").then()
                .extract().path("find { it.kind == 'ACCEPTANCE' }.dueAt"));
    }

    @Test
    void answeredJustBeforeTheDueTimeGetsNoOverdueNotice() {
        Parties p = new Parties();
        LocalDate dueDate = LocalDate.now().plusDays(20);
        String id = p.sentRequest(dueDate);
        p.as(p.responder).contentType("application/json").body("{}").post("/api/v1/requests/" + id + "/accept")
                .then().statusCode(200);
        OffsetDateTime due = dueDate.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        clock.advance(Duration.between(OffsetDateTime.now(), due).minusMinutes(1));
        engine.run();
        assertThat(notices(id)).containsExactly("reminder");

        p.as(p.responder).contentType("application/json").body("{\"answers\":[{\"position\":1,\"value\":true}]}")
                .post("/api/v1/requests/" + id + "/answer").then().statusCode(200);
        clock.advance(Duration.ofMinutes(2));
        engine.run();
        clock.advance(Duration.ofDays(4));
        engine.run();
        assertThat(notices(id)).containsExactly("reminder");
    }

    @Test
    void aRenegotiatedDueDateMovesTheTimer() {
        Parties p = new Parties();
        LocalDate requested = LocalDate.now().plusDays(10);
        LocalDate later = LocalDate.now().plusDays(40);
        String id = p.sentRequest(requested);
        p.as(p.responder).contentType("application/json").body("{\"proposedDueDate\":\"" + later + "\"}")
                .post("/api/v1/requests/" + id + "/accept").then().statusCode(200);
        p.as(p.requester).post("/api/v1/requests/" + id + "/due-date/agreement").then().statusCode(200);
        clock.advance(Duration.ofDays(12));
        engine.run();
        assertThat(notices(id)).as("nothing is due at the old date").isEmpty();
        clock.advance(Duration.ofDays(27));
        engine.run();
        assertThat(notices(id)).containsExactly("reminder");
    }

    @Test
    void twoEnginesFireEveryTimerExactlyOnce() throws Exception {
        List<UUID> cases = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 300; i++) {
                UUID c = UUID.randomUUID();
                cases.add(c);
                deadlines.startIn("REQUEST", "general", c, "T-" + i, Kind.ANSWER, "XX-TWO-ENGINES", "NL",
                        Duration.ofHours(1));
            }
        });
        clock.advance(Duration.ofHours(2));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> instance = () -> engine.run();
            List<Future<Integer>> runs = pool.invokeAll(List.of(instance, instance));
            int fired = 0;
            for (Future<Integer> r : runs) {
                fired += r.get();
            }
            assertThat(fired).isGreaterThanOrEqualTo(300);
        } finally {
            pool.shutdownNow();
        }
        long overdue = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                "eventType = ?1 and topic = ?2 and eventKey in ?3", DeadlineService.TYPE_PREFIX + "overdue.v1",
                "hub.deadline.events", cases.stream().map(UUID::toString).toList()));
        assertThat(overdue).isEqualTo(300);
    }

    @Test
    void aTimerThatFellDueWhileTheHubWasDownFiresAtRestartMarkedLate() throws Exception {
        UUID c = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> deadlines.startIn("REQUEST", "general", c, "T-late", Kind.ANSWER,
                "XX-LATE", "NL", Duration.ofHours(1)));
        clock.advance(Duration.ofHours(3)); // no engine ran meanwhile
        engine.run();
        List<String> overdue = outbox(c.toString(), "overdue");
        assertThat(overdue).hasSize(1);
        com.fasterxml.jackson.databind.JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(overdue
                        .get(0))
                .path("data");
        assertThat(data.path("late").isBoolean() && data.path("late").booleanValue()).as("late: " + data).isTrue();
        // due one hour after the start, fired three hours after it: two hours overdue, exactly
        assertThat(data.path("overdueSeconds").isIntegralNumber()).as("overdueSeconds: " + data).isTrue();
        assertThat(data.path("overdueSeconds").longValue()).isEqualTo(Duration.ofHours(2).toSeconds());
    }

    private static List<String> notices(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find(
                "eventKey = ?1 and topic = 'hub.deadline.events' order by seq", caseId).list().stream()
                .map(m -> m.eventType.replace(DeadlineService.TYPE_PREFIX, "").replace(".v1", "")).toList());
    }

    private static List<String> outbox(String caseId, String notice) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find(
                "eventKey = ?1 and topic = 'hub.deadline.events' and eventType = ?2 order by seq", caseId,
                DeadlineService.TYPE_PREFIX + notice + ".v1").list().stream().map(m -> m.payload).toList());
    }

    /** Two authorities in two member states. */
    static final class Parties {

        final String requester = Fixtures.authorityCode("PT");
        final String responder = Fixtures.authorityCode("ES");

        Parties() {
            Fixtures.createAuthority(requester, "PT", "NURSE");
            Fixtures.createAuthority(responder, "ES", "NURSE");
        }

        RequestSpecification as(String authority) {
            return RestAssured.given().auth().oauth2(Tokens.forAuthority(authority, Roles.CASE_HANDLER));
        }

        String sentRequest(LocalDate due) {
            return sentRequest(due, "GENERAL");
        }

        String sentRequest(LocalDate due, String procedure) {
            String id = as(requester).contentType("application/json").body("""
                    {"responder":"%s","policyArea":"PQ","procedure":"%s","profession":"NURSE",
                     "professional":{"familyName":"Silva","givenNames":"Ana","birthDate":"1990-02-02"},
                     "questions":["PQ-G-PER-01"],"requestedDueDate":"%s"}""".formatted(responder, procedure, due))
                    .post("/api/v1/requests").then().statusCode(201).extract().path("id");
            as(requester).post("/api/v1/requests/" + id + "/send").then().statusCode(200);
            return id;
        }
    }
}
