package eu.authorityhub.deadline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.TestClock;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Deadlines and indicators through the API, with their access rules. */
@QuarkusTest
class DeadlineApiTest {

    @Inject
    DeadlineEngine engine;
    @Inject
    TestClock clock;
    @Inject
    IndicatorService indicators;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void partiesSeeTheCaseDeadlinesAuthoritiesTheirOwnCoordinatorsTheirEscalations() {
        DeadlineEngineTest.Parties p = new DeadlineEngineTest.Parties();
        String id = p.sentRequest(LocalDate.now().plusDays(30));
        p.as(p.requester).get("/api/v1/requests/" + id + "/deadlines").then().statusCode(200)
                .body("kind", hasItem("ACCEPTANCE")).body("find { it.kind == 'ACCEPTANCE' }.party",
                        equalTo(p.responder))
                .body("find { it.kind == 'ACCEPTANCE' }.nextStage", equalTo("REMINDER"));
        given().auth().oauth2(Tokens.forAuthority(Fixtures.authorityCode("ES"), Roles.CASE_HANDLER))
                .get("/api/v1/requests/" + id + "/deadlines").then().statusCode(404);
        p.as(p.responder).get("/api/v1/deadlines?status=upcoming").then().statusCode(200)
                .body("caseId", hasItem(id));
        p.as(p.responder).get("/api/v1/deadlines?status=sometime").then().statusCode(400);

        String coordinator = Fixtures.authorityCode("ES").replace("-T", "-NC");
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                {"code":"%s","kind":"NATIONAL","memberState":"ES","name":"Spanish coordinator"}""".formatted(
                coordinator)).post("/api/v1/coordinators").then().statusCode(201);
        given().auth().oauth2(Tokens.coordinator(coordinator)).get("/api/v1/deadlines/escalations").then()
                .statusCode(200).body("caseId", not(hasItem(id)));
        clock.advance(Duration.ofDays(11));
        for (int poll = 0; poll < 3; poll++) { // reminder, overdue, escalation: at most one stage per run
            engine.run();
        }
        p.as(p.responder).get("/api/v1/deadlines?status=overdue").then().body("caseId", hasItem(id));
        given().auth().oauth2(Tokens.coordinator(coordinator)).get("/api/v1/deadlines/escalations").then()
                .body("find { it.caseId == '" + id + "' }.escalatedAt", org.hamcrest.Matchers.notNullValue());
        // the escalation reaches the coordinator's inbox through Kafka: wait for it, never sleep
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.coordinator(coordinator)).get("/api/v1/inbox").then().statusCode(200)
                .body("entries.findAll { it.caseId == '" + id + "' }.eventType",
                        hasItem("eu.authorityhub.deadline.escalated.v1")));

        // the coordinator acts: a reminder of its own, a note; another state's coordinator sees nothing
        int deadline = given().auth().oauth2(Tokens.coordinator(coordinator)).get("/api/v1/deadlines/escalations")
                .then().extract().path("find { it.caseId == '" + id + "' }.id");
        given().auth().oauth2(Tokens.coordinator(coordinator)).post("/api/v1/deadlines/" + deadline + "/remind")
                .then().statusCode(202);
        given().auth().oauth2(Tokens.coordinator(coordinator)).contentType("application/json")
                .body("{\"text\":\"Called the registry, answer promised for Friday\"}")
                .post("/api/v1/deadlines/" + deadline + "/notes").then().statusCode(201);
        given().auth().oauth2(Tokens.coordinator(coordinator)).get("/api/v1/deadlines/" + deadline + "/notes").then()
                .body("text", hasItem("Called the registry, answer promised for Friday"));
        String other = Fixtures.authorityCode("PT").replace("-T", "-NC");
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                {"code":"%s","kind":"NATIONAL","memberState":"PT","name":"Portuguese coordinator"}""".formatted(
                other)).post("/api/v1/coordinators").then().statusCode(201);
        given().auth().oauth2(Tokens.coordinator(other)).post("/api/v1/deadlines/" + deadline + "/remind").then()
                .statusCode(404);
        // accepting ends the acceptance deadline: off the overdue list
        p.as(p.responder).contentType("application/json").body("{}").post("/api/v1/requests/" + id + "/accept").then()
                .statusCode(200);
        p.as(p.responder).get("/api/v1/deadlines?status=overdue").then().body("caseId", not(hasItem(id)));

        // the coordinator reassigns the stalled request to another competent authority of its state
        String elsewhere = Fixtures.authorityCode("PT");
        Fixtures.createAuthority(elsewhere, "PT", "NURSE");
        given().auth().oauth2(Tokens.coordinator(coordinator)).contentType("application/json")
                .body("{\"to\":\"" + elsewhere + "\",\"reason\":\"x\"}").post("/api/v1/deadlines/" + deadline
                        + "/reassign")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        String spanish = Fixtures.authorityCode("ES");
        Fixtures.createAuthority(spanish, "ES", "NURSE");
        given().auth().oauth2(Tokens.coordinator(coordinator)).contentType("application/json")
                .body("{\"to\":\"" + spanish + "\",\"reason\":\"No answer for 11 days\"}")
                .post("/api/v1/deadlines/" + deadline + "/reassign").then().statusCode(200)
                .body("responder", equalTo(spanish)).body("state", equalTo("SENT"))
                .body("professional", org.hamcrest.Matchers.nullValue());
        p.as(p.responder).get("/api/v1/requests/" + id).then().statusCode(404);
        p.as(p.requester).get("/api/v1/requests/" + id + "/timeline").then()
                .body("find { it.action == 'FORWARD' }.authority", equalTo(coordinator));
        given().auth().oauth2(Tokens.forAuthority(spanish, Roles.CASE_HANDLER)).get("/api/v1/deadlines?status=upcoming")
                .then().body("find { it.caseId == '" + id + "' }.kind", equalTo("ACCEPTANCE"));
    }

    private static double gauge(String metrics, String name, String state) {
        return metrics.lines().filter(l -> l.startsWith(name + "{member_state=\"" + state + "\"}")).map(l -> Double
                .parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
    }

    @Test
    void indicatorsFromRecordedTimes() {
        DeadlineEngineTest.Parties p = new DeadlineEngineTest.Parties();
        String id = p.sentRequest(LocalDate.now().plusDays(30));
        clock.advance(Duration.ofDays(2));
        p.as(p.responder).contentType("application/json").body("{}").post("/api/v1/requests/" + id + "/accept").then()
                .statusCode(200);
        clock.advance(Duration.ofDays(4));
        p.as(p.responder).contentType("application/json").body("{\"answers\":[{\"position\":1,\"value\":true}]}")
                .post("/api/v1/requests/" + id + "/answer").then().statusCode(200);
        p.as(p.responder).get("/api/v1/indicators").then().statusCode(200)
                .body("acceptedWithin7Days.value", equalTo(1.0F)).body("acceptedWithin7Days.green", equalTo(true))
                .body("averageDaysToAnswer.value", equalTo(6.0F)).body("averageDaysToAnswer.cases", equalTo(1))
                .body("answeredByAgreedDate.value", equalTo(1.0F));
        p.as(p.responder).queryParam("authority", p.requester).get("/api/v1/indicators").then().statusCode(403);

        // the same figures per member state as Prometheus gauges
        indicators.refreshGauges();
        DeadlinePayloads.IndicatorsView spain = indicators.compute("ES", null, LocalDate.now(clock).minusDays(365),
                LocalDate.now(clock));
        String metrics = given().auth().oauth2(Tokens.caseHandler()).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertThat(gauge(metrics, "hub_indicator_accepted_within_7_days", "ES")).isCloseTo(spain
                .acceptedWithin7Days().value(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(gauge(metrics, "hub_indicator_average_days_to_answer", "ES")).isCloseTo(spain
                .averageDaysToAnswer().value(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(metrics).contains("hub_indicator_answered_by_agreed_date{member_state=\"ES\"}")
                .contains("hub_indicator_alerts_broadcast_late{member_state=\"MT\"}");
        p.as(p.responder).queryParam("from", "2026-12-01").queryParam("to", "2026-01-01").get("/api/v1/indicators")
                .then().statusCode(400);
    }
}
