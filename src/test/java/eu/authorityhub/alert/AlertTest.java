package eu.authorityhub.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import eu.authorityhub.messaging.Topics;
import eu.authorityhub.retention.RetentionEngine;
import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.TestClock;
import eu.authorityhub.testing.Tokens;
import eu.authorityhub.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Alerts end to end on the real broker and database: broadcast, coordinator hop, receipts, update, withdrawal, expiry. */
@QuarkusTest
class AlertTest {

    private static final String ALERTS = "/api/v1/alerts";

    @Inject
    AlertExpiry expiry;
    @Inject
    AlertFanOut fanOut;
    @Inject
    TestClock clock;
    @Inject
    RetentionEngine retention;
    @Inject
    EntityManager em;

    /** Whether the database still holds the alert's professional (and not yet its removal time). */
    private boolean professionalHeld(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery("select professional is"
                + " not null and personal_data_removed_at is null from alert where id = :id").setParameter("id",
                        UUID.fromString(id))
                .getSingleResult());
    }

    @Test
    void broadcastReachesOtherStatesThroughTheirCoordinatorWithReceiptsUpdateAndWithdrawal() {
        String issuer = authority("IS", "SEND_AND_RECEIVE", "MIDWIFE");
        String sameState = authority("IS", "RECEIVE", "MIDWIFE");
        String slovenia = authority("SI", "RECEIVE", "MIDWIFE");
        String malta = authority("MT", "RECEIVE", "MIDWIFE");
        String notCompetent = authority("SI", "RECEIVE", "NURSE");
        String coordinator = Fixtures.authorityCode("MT").replace("-T", "-ALERT");
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                {"code":"%s","kind":"ALERT_INCOMING","memberState":"MT","name":"Malta alert coordinator"}"""
                .formatted(coordinator)).post("/api/v1/coordinators").then().statusCode(201);

        try (TopicProbe events = new TopicProbe(Topics.ALERT_EVENTS);
                TopicProbe sloveniaTopic = new TopicProbe(Topics.memberState("SI"))) {
            String id = as(issuer).contentType("application/json").body(alertJson("Jansen", LocalDate.now()
                    .minusDays(1), null)).post(ALERTS).then().statusCode(201).body("late", equalTo(false))
                    .body("summary", containsString("Midwife")).extract().path("id");

            events.until(r -> id.equals(r.key()) && r.value().contains(".broadcast.v1"));
            sloveniaTopic.until(r -> id.equals(r.key()));
            String broadcast = events.withKey(id).get(0).value();
            assertThat(broadcast).doesNotContain("Jansen");
            assertThat(broadcast.replaceAll(".*\"memberStates\":\\[([^\\]]*)\\].*", "$1")).contains("\"SI\"")
                    .contains("\"MT\"").doesNotContain("\"IS\"");

            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(malta).get("/api/v1/inbox")
                    .then().body("entries.caseId", hasItem(id)));
            as(slovenia).get("/api/v1/inbox").then().body("entries.findAll { it.caseId == '" + id
                    + "' }.caseType", hasItem("ALERT"));
            given().auth().oauth2(Tokens.coordinator(coordinator)).get("/api/v1/inbox").then().statusCode(200)
                    .body("entries.caseId", hasItem(id));

            // visibility: recipients everything, the coordinator profession and scope only, others nothing
            as(slovenia).get(ALERTS + "/" + id).then().statusCode(200)
                    .body("professional.familyName", equalTo("Jansen")).body("decidingBody", notNullValue());
            given().auth().oauth2(Tokens.coordinator(coordinator)).get(ALERTS + "/" + id).then().statusCode(200)
                    .body("profession", equalTo("MIDWIFE")).body("scope", equalTo("FULL_PROHIBITION"))
                    .body("professional", nullValue()).body("issuer", nullValue()).body("decidingBody", nullValue())
                    .body("late", equalTo(false));
            as(sameState).get(ALERTS + "/" + id).then().statusCode(404);
            as(notCompetent).get(ALERTS + "/" + id).then().statusCode(404);

            // receipts, and the recorded coordinator hop
            as(slovenia).contentType("application/json").body("{\"status\":\"READ\"}").post(ALERTS + "/" + id
                    + "/receipt").then().statusCode(204);
            as(issuer).get(ALERTS + "/" + id + "/receipts").then().statusCode(200)
                    .body("items.find { it.authority == '" + slovenia + "' }.readAt", notNullValue())
                    .body("items.find { it.authority == '" + malta + "' }.readAt", nullValue())
                    .body("items.find { it.authority == '" + malta + "' }.viaCoordinator", equalTo(coordinator))
                    .body("items.find { it.authority == '" + malta + "' }.coordinatorPassedAt", notNullValue())
                    .body("items.authority", not(hasItem(sameState)));
            as(slovenia).get(ALERTS + "/" + id + "/receipts").then().statusCode(403)
                    .body("code", equalTo("WRONG_PARTY"));

            // update refers to the original and reaches every recipient; then withdrawal
            as(issuer).contentType("application/json").body("""
                    {"scope":"PARTIAL_RESTRICTION","restriction":"May not attend home births","periodFrom":"%s"}"""
                    .formatted(LocalDate.now())).post(ALERTS + "/" + id + "/update").then().statusCode(200)
                    .body("version", equalTo(1));
            as(malta).get(ALERTS + "/" + id).then().body("scope", equalTo("PARTIAL_RESTRICTION"))
                    .body("summary", containsString("May not attend home births"));
            as(issuer).post(ALERTS + "/" + id + "/withdraw").then().statusCode(200)
                    .body("state", equalTo("WITHDRAWN")).body("professional", nullValue());
            as(issuer).contentType("application/json").body("""
                    {"scope":"FULL_PROHIBITION","periodFrom":"%s"}""".formatted(LocalDate.now()))
                    .post(ALERTS + "/" + id + "/update").then().statusCode(409)
                    .body("code", equalTo("ALERT_NOT_ACTIVE"));

            events.until(r -> id.equals(r.key()) && r.value().contains(".withdrawn.v1"));
            assertThat(events.withKey(id).stream().map(r -> r.value().replaceAll(
                    ".*\"type\":\"eu\\.authorityhub\\.alert\\.([a-z]+)\\.v1\".*", "$1")).toList())
                    .containsExactly("broadcast", "updated", "withdrawn");
            assertThat(events.withKey(id).get(1).value()).contains("\"references\":\"" + id + "\"");
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(malta).get("/api/v1/inbox")
                    .then().body("entries.findAll { it.caseId == '" + id + "' }.eventType",
                            hasItem("eu.authorityhub.alert.withdrawn.v1")));

            as(slovenia).queryParam("state", "WITHDRAWN").queryParam("profession", "MIDWIFE").get(ALERTS
                    + "/received").then().statusCode(200).body("id", hasItem(id));
            as(slovenia).queryParam("state", "ACTIVE").get(ALERTS + "/received").then().body("id", not(hasItem(id)));
        }
    }

    @Test
    void lateBroadcastIsFlaggedAndInformingTheProfessionalIsTracked() {
        String issuer = authority("LI", "SEND", "MIDWIFE");
        String id = as(issuer).contentType("application/json").body(alertJson("Frick", LocalDate.now().minusDays(10),
                null)).post(ALERTS).then().statusCode(201).body("late", equalTo(true)).extract().path("id");
        as(issuer).queryParam("uninformed", true).get(ALERTS + "/sent").then().body("id", hasItem(id));
        as(issuer).contentType("application/json").body("{\"informedOn\":\"" + LocalDate.now()
                + "\",\"means\":\"REGISTERED_LETTER\"}").post(ALERTS + "/" + id + "/professional-informed").then()
                .statusCode(200).body("professionalInformedMeans", equalTo("REGISTERED_LETTER"));
        as(issuer).queryParam("uninformed", true).get(ALERTS + "/sent").then().body("id", not(hasItem(id)));
    }

    @Test
    void expiryEndsTheAlertTellsRecipientsAndRemovesPersonalData() {
        String issuer = authority("LU", "SEND", "MIDWIFE");
        String recipient = authority("CY", "RECEIVE", "MIDWIFE");
        String id = as(issuer).contentType("application/json").body(alertJson("Weber", LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(5))).post(ALERTS).then().statusCode(201).extract().path("id");
        assertThat(expiry.run()).as("nothing is due yet").isZero();
        clock.advance(Duration.ofDays(7));
        try {
            assertThat(expiry.run()).isGreaterThanOrEqualTo(1);
            // hidden at once (below), removed from the database by the retention engine, due at once by default;
            // an engine that was down catches up at its next run
            assertThat(professionalHeld(id)).isTrue();
            clock.advance(Duration.ofDays(2));
            retention.run();
            assertThat(professionalHeld(id)).isFalse();
        } finally {
            clock.reset();
        }
        as(recipient).get(ALERTS + "/" + id).then().body("state", equalTo("EXPIRED"))
                .body("professional", nullValue());
        as(issuer).get(ALERTS + "/" + id).then().body("professional", nullValue());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(recipient).get("/api/v1/inbox")
                .then().body("entries.findAll { it.caseId == '" + id + "' }.eventType",
                        hasItem("eu.authorityhub.alert.expired.v1")));
    }

    @Test
    void refusalsWithCodesAndNothingWritten() {
        String issuer = authority("EE", "SEND", "MIDWIFE");
        LocalDate yesterday = LocalDate.now().minusDays(1);
        refused(issuer, alertJson("A", yesterday, null).replace("\"decidingBody\":\"Disciplinary board\",", ""), 400,
                "VALIDATION_FAILED");
        refused(issuer, alertJson("A", yesterday, yesterday.minusDays(5)), 400, "PERIOD_INVALID");
        refused(issuer, alertJson("A", yesterday, null).replace("MIDWIFE", "ARCHITECT"), 400,
                "PROFESSION_NOT_ALERT_ELIGIBLE");
        refused(issuer, alertJson("A", yesterday, null).replace("MIDWIFE", "NURSE"), 400, "ISSUER_NOT_COMPETENT");
        refused(issuer, alertJson("A", yesterday, null).replace("\"FULL_PROHIBITION\",",
                "\"PARTIAL_RESTRICTION\",\"restriction\":\"Suspended because of repeated negligence\","), 400,
                "REASONS_NOT_ALLOWED");
        refused(issuer, alertJson("A", yesterday, null).replace("\"scope\":", "\"reason\":\"negligence\",\"scope\":"),
                400, "UNKNOWN_FIELD");
        as(issuer).get(ALERTS + "/sent").then().body("$", org.hamcrest.Matchers.hasSize(0));

        String first = as(issuer).contentType("application/json").body(alertJson("Tamm", yesterday, null)).post(ALERTS)
                .then().statusCode(201).extract().path("id");
        as(issuer).contentType("application/json").body(alertJson("TAMM ", yesterday, null)).post(ALERTS).then()
                .statusCode(409).body("code", equalTo("DUPLICATE_ALERT")).body("detail", containsString(first))
                .header("Link", containsString(first));
        as(authority("EE", "SEND", "MIDWIFE")).post(ALERTS + "/" + first + "/withdraw").then().statusCode(404);
    }

    @Test
    void theSameAlertEventDeliveredTwiceFillsEachInboxOnce() {
        String issuer = authority("HR", "SEND", "MIDWIFE");
        authority("BG", "RECEIVE", "MIDWIFE");
        String id = as(issuer).contentType("application/json").body(alertJson("Horvat", LocalDate.now().minusDays(1),
                null)).post(ALERTS).then().statusCode(201).extract().path("id");
        String envelope;
        try (TopicProbe events = new TopicProbe(Topics.ALERT_EVENTS)) {
            envelope = events.until(r -> id.equals(r.key())).stream().filter(r -> id.equals(r.key())).findFirst()
                    .orElseThrow().value();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> fanOut.handle(envelope) == 0);
        assertThat(fanOut.handle(envelope)).isZero();
        long entries = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> eu.authorityhub.inbox.InboxEntry
                        .count("caseId", UUID.fromString(id)));
        // one entry per recipient authority, plus one per incoming-alert coordinator on the way
        long recipients = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) Alert
                .getEntityManager().createNativeQuery("select count(*) + count(distinct via_coordinator) from"
                        + " alert_recipient where alert_id = :id")
                .setParameter("id", UUID.fromString(id)).getSingleResult()).longValue());
        assertThat(recipients).isGreaterThan(0);
        assertThat(entries).isEqualTo(recipients);
    }

    private static RequestSpecification as(String authority) {
        return given().auth().oauth2(Tokens.forAuthority(authority, Roles.CASE_HANDLER));
    }

    private static String authority(String state, String alerts, String profession) {
        String code = Fixtures.authorityCode(state);
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Fixtures.fullAuthorityJson(code, state, "Authority " + code, profession)
                        .replace("\"RECEIVE\"", "\"" + alerts + "\""))
                .post("/api/v1/authorities").then().statusCode(201);
        return code;
    }

    static String alertJson(String familyName, LocalDate decision, LocalDate until) {
        return """
                {"professional":{"familyName":"%s","givenNames":"Maria","birthDate":"1979-05-04","birthPlace":"Utrecht"},
                 "profession":"MIDWIFE","specialty":"Home births","type":"RESTRICTION_OR_PROHIBITION",
                 "scope":"FULL_PROHIBITION","decidingBody":"Disciplinary board","decisionDate":"%s","periodFrom":"%s"%s}"""
                .formatted(familyName, decision, decision, until == null ? "" : ",\"periodUntil\":\"" + until + "\"");
    }

    private static void refused(String issuer, String body, int status, String code) {
        as(issuer).contentType("application/json").body(body).post(ALERTS).then().statusCode(status)
                .contentType("application/problem+json").body("code", equalTo(code));
    }
}
