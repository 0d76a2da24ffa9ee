package eu.authorityhub.deadline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.TestClock;
import eu.authorityhub.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The indicators are sums of a pre-aggregate that the database keeps exact in the transactions recording each step:
 * after real steps (through the API and the deadline engine), the pre-aggregate equals a computation over the recorded
 * times themselves; months are UTC months whatever the clock's zone, across a year end; a month without a case has no
 * data.
 */
@QuarkusTest
class IndicatorDaysTest {

    @Inject
    DeadlineEngine engine;
    @Inject
    TestClock clock;
    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void preAggregateEqualsTheRecordedTimesAfterEveryKindOfStep() {
        DeadlineEngineTest.Parties p = new DeadlineEngineTest.Parties();
        String other = Fixtures.authorityCode("ES");
        Fixtures.createAuthority(other, "ES", "NURSE");
        String quick = p.sentRequest(LocalDate.now().plusDays(30));
        String slow = p.sentRequest(LocalDate.now().plusDays(30));
        String moved = p.sentRequest(LocalDate.now().plusDays(30));
        clock.advance(Duration.ofDays(2));
        p.as(p.responder).contentType("application/json").body("{}").post("/api/v1/requests/" + quick + "/accept")
                .then().statusCode(200);
        clock.advance(Duration.ofDays(4));
        p.as(p.responder).contentType("application/json").body("{\"answers\":[{\"position\":1,\"value\":true}]}")
                .post("/api/v1/requests/" + quick + "/answer").then().statusCode(200);
        // nothing decided yet for the two others: they count in neither share
        p.as(p.responder).get("/api/v1/indicators").then().statusCode(200).body("requestsSent", equalTo(3))
                .body("acceptedWithin7Days.value", equalTo(1.0F)).body("acceptedWithin7Days.cases", equalTo(1))
                .body("acceptedWithin7Days.rating", equalTo("GREEN"));

        // 8 days: the engine records the acceptance deadline passed; the slow one now counts as late
        clock.advance(Duration.ofDays(2));
        engine.run();
        engine.run();
        p.as(p.responder).get("/api/v1/indicators").then().body("acceptedWithin7Days.value", equalTo(0.333F))
                .body("acceptedWithin7Days.cases", equalTo(3)).body("acceptedWithin7Days.rating", equalTo("RED"));
        // accepted late: still counted once, still late
        p.as(p.responder).contentType("application/json").body("{}").post("/api/v1/requests/" + slow + "/accept")
                .then().statusCode(200);
        p.as(p.responder).get("/api/v1/indicators").then().body("acceptedWithin7Days.cases", equalTo(3));

        // a coordinator reassigns the third: its figures move to the new responder
        String coordinator = Fixtures.authorityCode("ES").replace("-T", "-NC");
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                {"code":"%s","kind":"NATIONAL","memberState":"ES","name":"Spanish coordinator"}""".formatted(
                coordinator)).post("/api/v1/coordinators").then().statusCode(201);
        long deadline = ((Number) p.as(p.requester).get("/api/v1/requests/" + moved + "/deadlines").then()
                .extract().path("find { it.kind == 'ACCEPTANCE' }.id")).longValue();
        given().auth().oauth2(Tokens.coordinator(coordinator)).contentType("application/json").body(
                "{\"to\":\"" + other + "\",\"reason\":\"stalled\"}").post(
                        "/api/v1/deadlines/" + deadline
                                + "/reassign")
                .then().statusCode(200);
        p.as(p.responder).get("/api/v1/indicators").then().body("requestsSent", equalTo(2));
        given().auth().oauth2(Tokens.coordinator(coordinator)).queryParam("authority", other).get(
                "/api/v1/indicators").then().statusCode(200).body("requestsSent", equalTo(1));

        for (String authority : List.of(p.responder, other)) {
            assertThat(preAggregated(authority, "indicator_day")).as(authority).isEqualTo(fromRecordedTimes(
                    authority));
            assertThat(preAggregated(authority, "indicator_month")).as(authority).isEqualTo(fromRecordedTimes(
                    authority));
        }
        // the coordinator's per-authority list has the same figures as each authority's own
        given().auth().oauth2(Tokens.coordinator(coordinator)).get("/api/v1/indicators/authorities").then()
                .statusCode(200).body("find { it.authority == '" + p.responder + "' }.acceptedWithin7Days.value",
                        equalTo(0.5F))
                .body("find { it.authority == '" + other + "' }.requestsSent", equalTo(1));
        // an incoming-alert coordinator of the same state: alerts only, no request figures
        String alerts = Fixtures.authorityCode("ES").replace("-T", "-AL");
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                {"code":"%s","kind":"ALERT_INCOMING","memberState":"ES","name":"Spanish alert coordinator"}"""
                .formatted(alerts)).post("/api/v1/coordinators").then().statusCode(201);
        given().auth().oauth2(Tokens.coordinator(alerts)).queryParam("authority", p.responder).get(
                "/api/v1/indicators").then().statusCode(200).body("requestsSent", nullValue())
                .body("acceptedWithin7Days.value", nullValue()).body("acceptedWithin7Days.cases", equalTo(0));
        // outside the coordinator's member state: as if it did not exist
        given().auth().oauth2(Tokens.coordinator(coordinator)).queryParam("authority", p.requester).get(
                "/api/v1/indicators").then().statusCode(404);
    }

    @Test
    void monthsAreUtcMonthsAcrossTheYearEndWhateverTheClocksZone() {
        DeadlineEngineTest.Parties p = new DeadlineEngineTest.Parties();
        // 23:30 UTC on New Year's Eve is already 1 January in Helsinki
        clock.moveTo(Instant.parse("2026-12-31T23:30:00Z"));
        clock.zone(ZoneId.of("Europe/Helsinki"));
        p.sentRequest(LocalDate.of(2027, 2, 15));
        // 00:30 UTC on 1 January is still 31 December in New York
        clock.moveTo(Instant.parse("2027-01-01T00:30:00Z"));
        clock.zone(ZoneId.of("America/New_York"));
        String second = p.sentRequest(LocalDate.of(2027, 2, 15));
        clock.advance(Duration.ofDays(1));
        p.as(p.responder).contentType("application/json").body("{}").post("/api/v1/requests/" + second + "/accept")
                .then().statusCode(200);

        p.as(p.responder).queryParam("to", "2027-02").queryParam("months", 4).get("/api/v1/indicators/months")
                .then().statusCode(200).body("month", equalTo(List.of("2026-11", "2026-12", "2027-01", "2027-02")))
                .body("[1].indicators.requestsSent", equalTo(1)).body("[2].indicators.requestsSent", equalTo(1))
                .body("[2].indicators.acceptedWithin7Days.value", equalTo(1.0F))
                .body("[2].indicators.from", equalTo("2027-01-01")).body("[2].indicators.to", equalTo("2027-01-31"))
                // December's request is not decided yet, and February has no case at all: no data, not 0 %
                .body("[1].indicators.acceptedWithin7Days.value", nullValue())
                .body("[1].indicators.acceptedWithin7Days.rating", nullValue())
                .body("[3].indicators.requestsSent", equalTo(0))
                .body("[3].indicators.averageDaysToAnswer.value", nullValue());
        // the period filter by days of sending (UTC) agrees with the months
        p.as(p.responder).queryParam("from", "2026-12-31").queryParam("to", "2026-12-31").get("/api/v1/indicators")
                .then().body("requestsSent", equalTo(1));
        p.as(p.responder).queryParam("procedure", "ESTABLISHMENT").queryParam("from", "2026-12-01").get(
                "/api/v1/indicators").then().body("requestsSent", equalTo(0));
        p.as(p.responder).queryParam("procedure", "OTHER").get("/api/v1/indicators").then().statusCode(400);
        p.as(p.responder).queryParam("to", "2027-13").get("/api/v1/indicators/months").then().statusCode(400);
    }

    /** The seven sums of a pre-aggregate ({@code indicator_day} or {@code indicator_month}) for an authority. */
    List<Object> preAggregated(String authority, String table) {
        return QuarkusTransaction.requiringNew().call(() -> normalise((Object[]) em.createNativeQuery("select"
                + " sum(sent), sum(accept_decided), sum(accepted_in_7), sum(answered), sum(answer_seconds),"
                + " sum(agreed_decided), sum(on_time) from " + table + " where responder = :a").setParameter("a",
                        authority)
                .getSingleResult()));
    }

    /** The same sums straight from the requests' recorded times: the definition the pre-aggregate must keep. */
    @Transactional
    List<Object> fromRecordedTimes(String authority) {
        return QuarkusTransaction.requiringNew().call(() -> normalise((Object[]) em.createNativeQuery("select"
                + " count(*), count(*) filter (where accepted_at is not null or acceptance_overdue_at is not null),"
                + " count(*) filter (where accepted_at <= sent_at + interval '7 days'),"
                + " count(*) filter (where answered_at is not null),"
                + " coalesce(sum(extract(epoch from (answered_at - sent_at))), 0),"
                + " count(*) filter (where agreed_due_date is not null and (answered_at is not null or"
                + " answer_overdue_at is not null)),"
                + " count(*) filter (where answered_at < (agreed_due_date + 1)::timestamp at time zone 'UTC')"
                + " from information_request where sent_at is not null and responder = :a").setParameter("a",
                        authority)
                .getSingleResult()));
    }

    private static List<Object> normalise(Object[] row) {
        return java.util.Arrays.stream(row).map(o -> (Object) new BigDecimal(o.toString()).stripTrailingZeros()
                .toPlainString()).toList();
    }
}
