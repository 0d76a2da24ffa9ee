package eu.authorityhub.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.authorityhub.messaging.EventTypes;
import eu.authorityhub.messaging.outbox.OutboxMessage;
import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.TestClock;
import eu.authorityhub.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Blocking and deletion of a closed request's personal data, driven by the adjustable clock on the real database. */
@QuarkusTest
class RetentionTest {

    private static final String PDF = "%PDF-1.4 diploma of Anna Kowalska";

    @Inject
    RetentionEngine engine;
    @Inject
    TestClock clock;
    @Inject
    EntityManager em;
    @Inject
    eu.authorityhub.messaging.outbox.OutboxRelay relay;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void blockedAtExactlySixMonthsThenDeletedAtExactlyThreeYears() {
        Parties p = new Parties();
        Closed c = p.closedRequest("ESTABLISHMENT");
        JsonPath status = p.as(p.requester).get(path(c.id) + "/personal-data").then().statusCode(200).extract()
                .jsonPath();
        OffsetDateTime closedAt = OffsetDateTime.parse(p.as(p.requester).get(path(c.id)).then().extract().path(
                "closedAt"));
        assertThat(OffsetDateTime.parse(status.getString("blockDueAt"))).isEqualTo(closedAt.plus(Period.ofMonths(6)));
        assertThat(OffsetDateTime.parse(status.getString("deleteDueAt"))).isEqualTo(closedAt.plus(Period.ofYears(3)));

        clock.moveTo(closedAt.plus(Period.ofMonths(6)).minusSeconds(2).toInstant());
        engine.run();
        p.as(p.requester).get(path(c.id)).then().body("personalData", equalTo("ACTIVE")).body(
                "professional.familyName", equalTo("Kowalska"));

        clock.moveTo(closedAt.plus(Period.ofMonths(6)).toInstant());
        engine.run();
        for (String party : List.of(p.requester, p.responder)) {
            p.as(party).get(path(c.id)).then().statusCode(200).body("personalData", equalTo("BLOCKED"))
                    .body("professional", nullValue()).body("questions[0].answer", nullValue())
                    .body("questions[1].text", nullValue()).body("questions[1].answer", nullValue())
                    .body("questions[0].answeredAt", org.hamcrest.Matchers.notNullValue())
                    .body("state", equalTo("CLOSED"));
            p.as(party).get(path(c.id) + "/attachments").then().body("[0].fileName", nullValue())
                    .body("[0].sha256", equalTo(c.sha256));
            p.as(party).get(path(c.id) + "/attachments/" + c.attachment).then().statusCode(403).body("code",
                    equalTo("PERSONAL_DATA_BLOCKED"));
            assertThat(p.as(party).get(path(c.id) + "/timeline").then().extract().jsonPath().getList("detail"))
                    .containsOnlyNulls();
        }
        assertThat(events(c.id, EventTypes.PERSONAL_DATA_BLOCKED)).containsExactlyInAnyOrder("hub.request.events",
                "hub.ms.pl", "hub.ms.nl");
        // both parties' inboxes hear of it, through the broker
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String party : List.of(p.requester, p.responder)) {
                assertThat(inboxTypes(party, c.id)).contains(EventTypes.PERSONAL_DATA_BLOCKED);
            }
        });
        // the database keeps them until deletion
        assertThat(column(c.id, "professional->>'familyName'")).isEqualTo("Kowalska");

        clock.moveTo(closedAt.plus(Period.ofYears(3)).minusSeconds(2).toInstant());
        engine.run();
        assertThat(column(c.id, "personal_data")).isEqualTo("BLOCKED");
        clock.moveTo(closedAt.plus(Period.ofYears(3)).toInstant());
        engine.run();
        assertThat(column(c.id, "personal_data")).isEqualTo("DELETED");
        assertThat(column(c.id, "professional::text")).isNull();
        assertThat(column(c.id, "decline_reason")).isNull();
        String questions = column(c.id, "questions::text");
        assertThat(questions).doesNotContain("suspended").doesNotContain("Registered since 2010").contains(
                "PQ-G-PER-01").contains("answeredAt");
        Object[] attachment = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select content, file_name, sha256 from request_attachment where request_id = :r").setParameter("r",
                        UUID.fromString(c.id))
                .getSingleResult());
        assertThat(attachment[0]).isNull();
        assertThat(attachment[1]).isNull();
        assertThat(attachment[2]).isEqualTo(c.sha256);
        p.as(p.requester).get(path(c.id) + "/attachments/" + c.attachment).then().statusCode(410).body("code",
                equalTo("PERSONAL_DATA_DELETED"));
        p.as(p.requester).get(path(c.id)).then().body("personalData", equalTo("DELETED"));
        assertThat(events(c.id, EventTypes.PERSONAL_DATA_DELETED)).containsExactlyInAnyOrder("hub.request.events",
                "hub.ms.pl", "hub.ms.nl");
        // one announcement each, however often the engine runs
        engine.run();
        assertThat(events(c.id, EventTypes.PERSONAL_DATA_BLOCKED)).hasSize(3);
        assertThat(events(c.id, EventTypes.PERSONAL_DATA_DELETED)).hasSize(3);
    }

    @Test
    void aProcedureMayKeepDataLongerBeforeBlocking() {
        Parties p = new Parties();
        Closed c = p.closedRequest("TEMPORARY_PROVISION"); // configured: 12 months in tests
        OffsetDateTime closedAt = OffsetDateTime.parse(p.as(p.requester).get(path(c.id)).then().extract().path(
                "closedAt"));
        clock.moveTo(closedAt.plus(Period.ofMonths(12)).minusSeconds(2).toInstant());
        engine.run();
        assertThat(column(c.id, "personal_data")).isEqualTo("ACTIVE");
        clock.moveTo(closedAt.plus(Period.ofMonths(12)).toInstant());
        engine.run();
        assertThat(column(c.id, "personal_data")).isEqualTo("BLOCKED");
    }

    @Test
    void afterAStoppedEngineBothStepsCatchUpAtTheNextRun() {
        Parties p = new Parties();
        Closed c = p.closedRequest("GENERAL");
        clock.advance(Duration.ofDays(4 * 366)); // no engine ran for four years
        engine.run();
        assertThat(column(c.id, "personal_data")).isEqualTo("DELETED");
        assertThat(events(c.id, EventTypes.PERSONAL_DATA_BLOCKED)).hasSize(3);
        assertThat(events(c.id, EventTypes.PERSONAL_DATA_DELETED)).hasSize(3);
    }

    @Test
    void aWithdrawnDraftIsBlockedForItsRequesterOnly() {
        Parties p = new Parties();
        String id = p.draft("GENERAL");
        p.as(p.requester).contentType("application/json").body("{\"reason\":\"Typed in error\"}").post(path(id)
                + "/withdraw").then().statusCode(200);
        clock.advance(Duration.ofDays(200));
        engine.run();
        assertThat(column(id, "personal_data")).isEqualTo("BLOCKED");
        assertThat(events(id, EventTypes.PERSONAL_DATA_BLOCKED)).containsExactlyInAnyOrder("hub.request.events",
                "hub.ms.pl");
    }

    @Test
    void twoEnginesOnTenThousandCasesBlockEachOnce() throws Exception {
        int n = 10_000;
        String tag = "RT-" + UUID.randomUUID().toString().substring(0, 8);
        Parties p = new Parties();
        // withdrawn drafts, written set-wise (no indicator triggers to feed): the engine's work is what is tested here
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into information_request (id, reference, requester, responder, requester_state,
                        responder_state, policy_area, procedure, profession, professional, requester_language,
                        catalogue_version, state, requested_due_date, questions, created_at, updated_at, sent_at,
                        closed_at)
                    select gen_random_uuid(), :tag || '-' || g, :req, :resp, 'PL', 'NL', 'PQ', 'GENERAL', 'NURSE',
                        '{"familyName":"Kowalska","givenNames":"Anna","birthDate":"1984-03-12"}', 'pl', 1, 'WITHDRAWN',
                        date '2026-01-01', '[]', now(), now(), null, now() from generate_series(1, :n) g""")
                    .setParameter("tag", tag).setParameter("req", p.requester).setParameter("resp", p.responder)
                    .setParameter("n", n).executeUpdate();
            em.createNativeQuery("""
                    insert into retention_task (case_type, case_id, action, due_at, state, created_at)
                    select 'REQUEST', id, 'BLOCK', now() + interval '1 day', 'PENDING', now()
                    from information_request where reference like :tag || '-%'""").setParameter("tag", tag)
                    .executeUpdate();
        });
        clock.advance(Duration.ofDays(2));
        // the 10,000 announcements are checked in the outbox, then dropped: publishing them and building inboxes
        // for seeded cases would only keep the machine busy for the tests that follow
        relay.pause();
        try {
            twoEngines(n, tag);
        } finally {
            // the relay is paused and no retention engine runs in tests: the pending announcements are this test's
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from outbox_message where"
                    + " published_at is null and event_type = :t").setParameter("t", EventTypes.PERSONAL_DATA_BLOCKED)
                    .executeUpdate());
            relay.resume();
        }
    }

    private void twoEngines(int n, String tag) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> instance = () -> engine.run();
            int done = 0;
            for (Future<Integer> r : pool.invokeAll(List.of(instance, instance))) {
                done += r.get();
            }
            assertThat(done).isGreaterThanOrEqualTo(n);
        } finally {
            pool.shutdownNow();
        }
        // counted here rather than joined in SQL: the outbox has no index on the key, and needs none
        @SuppressWarnings("unchecked")
        List<Object[]> cases = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id::text, personal_data from information_request where reference like :tag || '-%'")
                .setParameter("tag", tag).getResultList());
        @SuppressWarnings("unchecked")
        List<String> announced = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select event_key from outbox_message where event_type = :type and topic = 'hub.request.events'")
                .setParameter("type", EventTypes.PERSONAL_DATA_BLOCKED).getResultList());
        java.util.Set<String> ids = new java.util.HashSet<>();
        cases.forEach(c -> ids.add((String) c[0]));
        List<String> ours = announced.stream().filter(ids::contains).toList();
        assertThat(cases).hasSize(n);
        assertThat(cases).as("blocked").allMatch(c -> "BLOCKED".equals(c[1]));
        assertThat(ours).as("announcements").hasSize(n);
        assertThat(new java.util.HashSet<>(ours)).as("cases announced").hasSize(n);
    }

    @Test
    void noViewOfABlockedCaseShowsItsPersonalData() throws Exception {
        Parties p = new Parties();
        String hook = RestAssured.given().auth().oauth2(Tokens.forAuthority(p.responder, Roles.BACK_OFFICE))
                .contentType("application/json").body("{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":"
                        + "[\"eu.authorityhub.request.*\"]}")
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("subscription.id");
        String coordinator = p.responder.replace("-T", "-C");
        RestAssured.given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                {"code":"%s","kind":"NATIONAL","memberState":"NL","name":"Blocked-view coordinator"}"""
                .formatted(coordinator)).post("/api/v1/coordinators").then().statusCode(201);
        Closed c = p.closedRequest("GENERAL");
        clock.advance(Duration.ofDays(200));
        engine.run();
        List<String> secrets = List.of("Kowalska", "Anna", "1984-03-12", "Registered since 2010", "suspended",
                "kowalska-diploma");

        // every reading endpoint of a request, from the OpenAPI document, and the lists, inbox and deliveries
        com.fasterxml.jackson.databind.JsonNode openapi = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(RestAssured.get("/q/openapi?format=json").asString());
        List<String> paths = new ArrayList<>();
        openapi.get("paths").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("/api/v1/requests/{id}") && e.getValue().has("get")) {
                paths.add(e.getKey().replace("{id}", c.id).replace("{attachmentId}", c.attachment));
            }
        });
        assertThat(paths).hasSizeGreaterThanOrEqualTo(6);
        paths.addAll(List.of("/api/v1/requests?box=sent", "/api/v1/requests?box=received", "/api/v1/inbox",
                "/api/v1/webhooks/" + hook + "/deliveries"));
        List<RequestSpecification> callers = List.of(p.as(p.requester), p.as(p.responder), RestAssured.given().auth()
                .oauth2(Tokens.coordinator(coordinator)),
                RestAssured.given().auth().oauth2(Tokens.forAuthority(
                        p.responder, Roles.BACK_OFFICE)));
        int answered = 0;
        for (String path : paths) {
            for (RequestSpecification caller : callers) {
                io.restassured.response.Response r = caller.get(path);
                if (r.statusCode() == 200) {
                    answered++;
                }
                for (String secret : secrets) {
                    assertThat(r.asString()).as(path + " (" + r.statusCode() + ")").doesNotContain(secret);
                }
            }
        }
        assertThat(answered).isGreaterThanOrEqualTo(paths.size());
        assertThat(RestAssured.given().auth().oauth2(Tokens.forAuthority(p.responder, Roles.BACK_OFFICE)).get(
                "/api/v1/webhooks/" + hook + "/deliveries").asString()).contains(EventTypes.PERSONAL_DATA_BLOCKED);

        // the case page
        eu.authorityhub.testing.PagesIdentityProvider.user("blocked-" + p.requester.toLowerCase(),
                Roles.CASE_HANDLER, "authority:" + p.requester);
        var session = eu.authorityhub.testing.PageSession.signedIn("blocked-" + p.requester.toLowerCase());
        var page = session.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI
                        .create(eu.authorityhub.testing.PageSession.base() + "/app/requests/" + c.id + "?lang=en"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("are blocked");
        for (String secret : secrets) {
            assertThat(page.body()).as("case page").doesNotContain(secret);
        }
    }

    // ------------------------------------------------------------------------------------------ officers' decisions

    @Test
    void anOfficerUnblocksForItsOwnAuthorityForAStatedReasonAndALimitedTime() {
        Parties p = new Parties();
        Closed c = p.closedRequest("GENERAL");
        clock.advance(Duration.ofDays(200));
        engine.run();
        p.dpo(p.requester).contentType("application/json").body("{\"reason\":\"Proof for court case 4 K 12/26\","
                + "\"days\":14}").post(path(c.id) + "/personal-data/unblocking").then().statusCode(200).body("kind",
                        equalTo("UNBLOCK"))
                .body("authority", equalTo(p.requester)).body("reason", equalTo("Proof for court case 4 K 12/26"));
        p.as(p.requester).get(path(c.id)).then().body("professional.familyName", equalTo("Kowalska")).body(
                "unblockedUntil", org.hamcrest.Matchers.notNullValue());
        p.as(p.requester).get(path(c.id) + "/attachments/" + c.attachment).then().statusCode(200);
        // the other party's data stay blocked
        p.as(p.responder).get(path(c.id)).then().body("professional", nullValue());
        // twice: refused, nothing recorded
        p.dpo(p.requester).contentType("application/json").body("{\"reason\":\"Again\"}").post(path(c.id)
                + "/personal-data/unblocking").then().statusCode(409).body("code", equalTo("ALREADY_UNBLOCKED"));
        assertThat(p.as(p.requester).get(path(c.id) + "/personal-data").then().extract().jsonPath().getList(
                "decisions")).hasSize(1);
        // the unblocking ends by itself
        clock.advance(Duration.ofDays(15));
        p.as(p.requester).get(path(c.id)).then().body("professional", nullValue()).body("unblockedUntil",
                nullValue());
    }

    @Test
    void refusedDecisionsChangeNothing() {
        Parties p = new Parties();
        String open = p.sent("GENERAL");
        Closed c = p.closedRequest("GENERAL");
        // not blocked yet
        p.dpo(p.requester).contentType("application/json").body("{\"reason\":\"Proof\"}").post(path(c.id)
                + "/personal-data/unblocking").then().statusCode(409).body("code", equalTo(
                        "PERSONAL_DATA_NOT_BLOCKED"));
        // no reason
        clock.advance(Duration.ofDays(200));
        engine.run();
        p.dpo(p.requester).contentType("application/json").body("{\"reason\":\"  \"}").post(path(c.id)
                + "/personal-data/unblocking").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        p.dpo(p.requester).contentType("application/json").body("{\"reason\":\"Proof\",\"days\":200}").post(path(
                c.id) + "/personal-data/unblocking").then().statusCode(400);
        // a non-party learns nothing
        p.dpo(p.other).contentType("application/json").body("{\"reason\":\"Curious\"}").post(path(c.id)
                + "/personal-data/unblocking").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        p.dpo(p.other).contentType("application/json").body("{\"reason\":\"Asked\",\"consent\":\"Signed\"}").post(
                path(c.id) + "/personal-data/deletion").then().statusCode(404);
        // a case handler is no officer
        p.as(p.requester).contentType("application/json").body("{\"reason\":\"Proof\"}").post(path(c.id)
                + "/personal-data/unblocking").then().statusCode(403);
        // early deletion: without consent, of an open case
        p.dpo(p.requester).contentType("application/json").body("{\"reason\":\"Asked\"}").post(path(c.id)
                + "/personal-data/deletion").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        p.dpo(p.requester).contentType("application/json").body("{\"reason\":\"Asked\",\"consent\":\"Signed\"}")
                .post(path(open) + "/personal-data/deletion").then().statusCode(409).body("code", equalTo(
                        "CASE_STILL_OPEN"));
        assertThat(column(c.id, "personal_data")).isEqualTo("BLOCKED");
        assertThat(column(open, "personal_data")).isEqualTo("ACTIVE");
        assertThat(p.as(p.requester).get(path(c.id) + "/personal-data").then().extract().jsonPath().getList(
                "decisions")).isEmpty();
    }

    @Test
    void earlyDeletionWithConsentDeletesAtOnceTellsBothPartiesAndCancelsTheSchedule() {
        Parties p = new Parties();
        Closed c = p.closedRequest("GENERAL");
        p.dpo(p.responder).contentType("application/json").body("{\"reason\":\"The professional asked (GDPR"
                + " Art. 17)\",\"consent\":\"Signed consent of 2026-11-02, file 12/2026\"}").post(path(c.id)
                        + "/personal-data/deletion")
                .then().statusCode(200).body("kind", equalTo("EARLY_DELETION")).body("consent", equalTo(
                        "Signed consent of 2026-11-02, file 12/2026"));
        assertThat(column(c.id, "personal_data")).isEqualTo("DELETED");
        assertThat(events(c.id, EventTypes.PERSONAL_DATA_DELETED)).hasSize(3);
        JsonPath status = p.as(p.requester).get(path(c.id) + "/personal-data").then().extract().jsonPath();
        assertThat(status.getString("blockDueAt")).isNull();
        assertThat(status.getString("deleteDueAt")).isNull();
        assertThat(status.getString("personalData")).isEqualTo("DELETED");
        p.dpo(p.responder).contentType("application/json").body("{\"reason\":\"Again\",\"consent\":\"Signed\"}")
                .post(path(c.id) + "/personal-data/deletion").then().statusCode(409).body("code", equalTo(
                        "PERSONAL_DATA_ALREADY_DELETED"));
        clock.advance(Duration.ofDays(4 * 366));
        engine.run();
        assertThat(events(c.id, EventTypes.PERSONAL_DATA_BLOCKED)).isEmpty();
        assertThat(events(c.id, EventTypes.PERSONAL_DATA_DELETED)).hasSize(3);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String path(String id) {
        return "/api/v1/requests/" + id;
    }

    private static List<String> events(String caseId, String type) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find(
                "eventKey = ?1 and eventType = ?2 order by seq", caseId, type).list().stream().map(m -> m.topic)
                .toList());
    }

    private List<String> inboxTypes(String authority, String caseId) {
        @SuppressWarnings("unchecked")
        List<String> types = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select event_type from inbox_entry where authority = :a and case_id = :c").setParameter("a",
                        authority)
                .setParameter("c", UUID.fromString(caseId)).getResultList());
        return types;
    }

    private String column(String id, String expression) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("select " + expression
                + " from information_request where id = :id").setParameter("id", UUID.fromString(id))
                .getSingleResult());
    }

    record Closed(String id, String attachment, String sha256) {
    }

    /** Three authorities in three member states. */
    static final class Parties {

        final String requester = Fixtures.authorityCode("PL");
        final String responder = Fixtures.authorityCode("NL");
        final String other = Fixtures.authorityCode("FR");

        Parties() {
            Fixtures.createAuthority(requester, "PL", "NURSE");
            Fixtures.createAuthority(responder, "NL", "NURSE");
            Fixtures.createAuthority(other, "FR", "NURSE");
        }

        RequestSpecification as(String authority) {
            return RestAssured.given().auth().oauth2(Tokens.forAuthority(authority, Roles.CASE_HANDLER));
        }

        RequestSpecification dpo(String authority) {
            return RestAssured.given().auth().oauth2(Tokens.forAuthority(authority,
                    Roles.DATA_PROTECTION_OFFICER));
        }

        String draft(String procedure) {
            return as(requester).contentType("application/json").body("""
                    {"responder":"%s","policyArea":"PQ","procedure":"%s","profession":"NURSE",
                     "professional":{"familyName":"Kowalska","givenNames":"Anna","birthDate":"1984-03-12"},
                     "questions":["PQ-G-PER-01"],"freeTextQuestions":["Was Anna Kowalska ever suspended?"],
                     "requestedDueDate":"%s"}""".formatted(responder, procedure, LocalDate.now().plusDays(20)))
                    .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        }

        String sent(String procedure) {
            String id = draft(procedure);
            as(requester).post(path(id) + "/send").then().statusCode(200);
            return id;
        }

        /** Sent, accepted, a document attached, answered (with a free text) and closed. */
        Closed closedRequest(String procedure) {
            String id = sent(procedure);
            as(responder).contentType("application/json").body("{}").post(path(id) + "/accept").then().statusCode(
                    200);
            JsonPath a = as(responder).contentType("application/pdf").queryParam("fileName", "kowalska-diploma.pdf")
                    .body(PDF.getBytes(StandardCharsets.UTF_8)).post(path(id) + "/attachments").then().statusCode(
                            201)
                    .extract().jsonPath();
            as(responder).contentType("application/json").body("{\"answers\":[{\"position\":1,\"value\":true},"
                    + "{\"position\":2,\"value\":\"Registered since 2010, never suspended\"}]}").post(path(id)
                            + "/answer")
                    .then().statusCode(200);
            as(requester).post(path(id) + "/close").then().statusCode(200).body("state", equalTo("CLOSED"));
            return new Closed(id, a.getString("id"), a.getString("sha256"));
        }
    }
}
