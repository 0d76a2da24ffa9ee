package eu.authorityhub.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import eu.authorityhub.messaging.CloudEventCodec;
import eu.authorityhub.messaging.OutgoingEvent;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.messaging.outbox.OutboxMessage;
import eu.authorityhub.messaging.outbox.OutboxRelay;
import eu.authorityhub.inbox.InboxEntry;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.Tokens;
import eu.authorityhub.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Bad input, access, concurrency, idempotency and the inbox's exactly-once effect. */
@QuarkusTest
class RequestRulesTest {

    @Inject
    RequestService service;
    private final eu.authorityhub.api.ProblemMappers mappers = new eu.authorityhub.api.ProblemMappers();

    private static final String REQUESTS = "/api/v1/requests";

    @Inject
    OutboxRelay relay;
    @Inject
    CloudEventCodec codec;

    @Test
    void badRequestsAreRefusedWithCodesAndWriteNothing() {
        RequestFixtures f = new RequestFixtures();
        LocalDate due = LocalDate.now().plusDays(10);
        refused(f, RequestFixtures.requestJson(f.responder, "NURSE", due, "PQ-NOT-A-CODE"), 400, "UNKNOWN_QUESTION");
        refused(f, RequestFixtures.requestJson(f.responder, "NURSE", LocalDate.now(), "PQ-G-PER-01"), 400,
                "DUE_DATE_IN_PAST");
        refused(f, RequestFixtures.requestJson(f.requester, "NURSE", due, "PQ-G-PER-01"), 400, "SELF_ADDRESSED");
        refused(f, RequestFixtures.requestJson(f.responder, "DOCTOR", due, "PQ-G-PER-01"), 400,
                "RESPONDER_NOT_COMPETENT");
        refused(f, RequestFixtures.requestJson("NL-NOBODY", "NURSE", due, "PQ-G-PER-01"), 400, "AUTHORITY_INACTIVE");
        refused(f, RequestFixtures.requestJson(f.responder, "NURSE", due, "PQ-G-PER-01")
                .replace("\"ESTABLISHMENT\"", "\"SOMETIMES\""), 400, "UNKNOWN_ENUM_VALUE");
        refused(f, RequestFixtures.requestJson(f.responder, "NURSE", due, "PQ-G-PER-01")
                .replace("\"1984-03-12\"", "\"12/03/1984\""), 400, "INVALID_FIELD_TYPE");
        f.as(f.requester).get(REQUESTS + "?box=sent").then().statusCode(200).body("$", hasSize(0));

        // a token naming no authority cannot draft
        io.restassured.RestAssured.given().auth().oauth2(Tokens.caseHandler()).contentType("application/json")
                .body(RequestFixtures.requestJson(f.responder, "NURSE", due, "PQ-G-PER-01")).post(REQUESTS).then()
                .statusCode(403).body("code", equalTo("NOT_ACTING_FOR_AUTHORITY"));
    }

    @Test
    void outsidersGetTheSameAnswerForAnExistingAndAMissingRequest() {
        RequestFixtures f = new RequestFixtures();
        String id = f.sent("PQ-G-PER-01");
        String outsider = Tokens.forAuthority(f.other, Roles.CASE_HANDLER);
        ExtractableResponse<Response> existing = io.restassured.RestAssured.given().auth().oauth2(outsider)
                .get(REQUESTS + "/" + id).then().statusCode(404).extract();
        ExtractableResponse<Response> missing = io.restassured.RestAssured.given().auth().oauth2(outsider)
                .get(REQUESTS + "/" + UUID.randomUUID()).then().statusCode(404).extract();
        assertThat(existing.path("code").toString()).isEqualTo(missing.path("code").toString());
        assertThat(existing.path("detail").toString()).isEqualTo(missing.path("detail").toString());
        io.restassured.RestAssured.given().auth().oauth2(outsider).post(REQUESTS + "/" + id + "/accept").then()
                .statusCode(415);
        io.restassured.RestAssured.given().auth().oauth2(outsider).contentType("application/json").body("{}")
                .post(REQUESTS + "/" + id + "/accept").then().statusCode(404);
        io.restassured.RestAssured.given().auth().oauth2(outsider).get(REQUESTS + "/" + id + "/timeline").then()
                .statusCode(404);
    }

    @Test
    void coordinatorsOfAPartysStateReadWithoutPersonalDataAndCannotAct() {
        RequestFixtures f = new RequestFixtures();
        String id = f.sent("PQ-G-PER-01");
        String code = Fixtures.authorityCode("NL").replace("-T", "-NC");
        io.restassured.RestAssured.given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                {"code":"%s","kind":"NATIONAL","memberState":"NL","name":"NL coordinator"}""".formatted(code))
                .post("/api/v1/coordinators").then().statusCode(201);
        String coordinator = Tokens.coordinator(code);
        io.restassured.RestAssured.given().auth().oauth2(coordinator).get(REQUESTS + "/" + id).then()
                .statusCode(200).body("professional", org.hamcrest.Matchers.nullValue())
                .body("responder", equalTo(f.responder));
        String elsewhere = Fixtures.authorityCode("DK").replace("-T", "-NC");
        io.restassured.RestAssured.given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                {"code":"%s","kind":"NATIONAL","memberState":"DK","name":"DK coordinator"}""".formatted(elsewhere))
                .post("/api/v1/coordinators").then().statusCode(201);
        io.restassured.RestAssured.given().auth().oauth2(Tokens.coordinator(elsewhere)).get(REQUESTS + "/" + id)
                .then().statusCode(404);
    }

    @Test
    void idempotencyKeyReplaysAndRefusesReuseForAnotherRequest() {
        RequestFixtures f = new RequestFixtures();
        String body = RequestFixtures.requestJson(f.responder, "NURSE", LocalDate.now().plusDays(9), "PQ-G-PER-01");
        String key = UUID.randomUUID().toString();
        String first = f.as(f.requester).header("Idempotency-Key", key).contentType("application/json").body(body)
                .post(REQUESTS).then().statusCode(201).extract().path("id");
        String again = f.as(f.requester).header("Idempotency-Key", key).contentType("application/json").body(body)
                .post(REQUESTS).then().statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(first);
        f.as(f.requester).get(REQUESTS + "?box=sent&state=DRAFT").then().body("$", hasSize(1));
        f.as(f.requester).header("Idempotency-Key", key).contentType("application/json")
                .body(body.replace("PQ-G-PER-01", "PQ-G-PER-02")).post(REQUESTS).then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void twoHandlersActingAtOnceOneWinsTheOtherGets409() throws Exception {
        RequestFixtures f = new RequestFixtures();
        String id = f.sent("PQ-G-PER-01");
        Callable<ExtractableResponse<Response>> accept = () -> f.as(f.responder).contentType("application/json")
                .body("{}").post(REQUESTS + "/" + id + "/accept").then().extract();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<ExtractableResponse<Response>> results = pool.invokeAll(List.of(accept, accept)).stream().map(r -> {
                try {
                    return r.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).sorted(java.util.Comparator.comparingInt(ExtractableResponse::statusCode)).toList();
            assertThat(results.get(0).statusCode()).isEqualTo(200);
            assertThat(results.get(1).statusCode()).isEqualTo(409);
            // one after the other, the loser finds the request accepted; side by side, its version is stale
            assertThat(results.get(1).<String>path("code")).isIn("ILLEGAL_TRANSITION", "CONCURRENT_MODIFICATION");
        } finally {
            pool.shutdownNow();
        }
        f.as(f.responder).get(REQUESTS + "/" + id + "/timeline").then()
                .body("findAll { it.action == 'ACCEPT' }", hasSize(1));
    }

    @Test
    void twoAcceptsThatBothReadBeforeEitherCommitsEndInOneOptimisticLockConflict() throws Exception {
        RequestFixtures f = new RequestFixtures();
        UUID id = UUID.fromString(f.sent("PQ-G-PER-01"));
        Caller responder = new Caller("handler@" + f.responder, "test-client", java.util.Set.of(Roles.CASE_HANDLER),
                java.util.Optional.of(f.responder), java.util.Optional.of("NL"), java.util.Optional.empty());
        java.util.concurrent.CyclicBarrier bothRead = new java.util.concurrent.CyclicBarrier(2);
        // each transaction reads the request, waits until the other has read it too, then accepts and commits
        Callable<Throwable> accept = () -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    InformationRequest.findById(id);
                    try {
                        bothRead.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the other transaction did not read", e);
                    }
                    service.accept(responder, id, null, "en");
                });
                return null;
            } catch (Throwable t) {
                return t;
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Throwable> outcomes;
        try {
            outcomes = pool.invokeAll(List.of(accept, accept)).stream().map(r -> {
                try {
                    return r.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).as("one commit, one failure").filteredOn(java.util.Objects::isNull).hasSize(1);
        Throwable loser = outcomes.stream().filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = loser; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        assertThat(chain).as("the loser failed on the request's version").anyMatch(
                t -> t instanceof jakarta.persistence.OptimisticLockException
                        || t instanceof org.hibernate.StaleStateException);
        assertThat(mappers.unexpected(loser, null).getStatus()).isEqualTo(409);
        assertThat(((eu.authorityhub.api.Problem) mappers.unexpected(loser, null).getEntity()).code()).as(
                "the loser's answer").isEqualTo("CONCURRENT_MODIFICATION");
        f.as(f.responder).get(REQUESTS + "/" + id + "/timeline").then()
                .body("findAll { it.action == 'ACCEPT' }", hasSize(1));
    }

    @Test
    void attachmentsAreCheckedHashedAndAnswerAttachmentQuestions() throws Exception {
        RequestFixtures f = new RequestFixtures();
        String id = f.sent("PQ-G-ATT-01");
        f.as(f.responder).contentType("application/json").body("{}").post(REQUESTS + "/" + id + "/accept").then()
                .statusCode(200);
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        String attachment = f.as(f.responder).header("Idempotency-Key", "upload-" + id).contentType("application/pdf")
                .body(pdf).post(REQUESTS + "/" + id + "/attachments?fileName=certificate.pdf").then().statusCode(201)
                .body("sha256", equalTo(sha)).body("sizeBytes", equalTo(pdf.length)).extract().path("id");
        String retried = f.as(f.responder).header("Idempotency-Key", "upload-" + id).contentType("application/pdf")
                .body(pdf).post(REQUESTS + "/" + id + "/attachments?fileName=certificate.pdf").then().statusCode(201)
                .extract().path("id");
        assertThat(retried).as("a retried upload creates nothing new").isEqualTo(attachment);
        f.as(f.responder).contentType("application/pdf").body("not a pdf".getBytes())
                .post(REQUESTS + "/" + id + "/attachments").then().statusCode(415)
                .body("code", equalTo("ATTACHMENT_TYPE_REFUSED"));
        f.as(f.responder).contentType("text/html").body("<html>".getBytes())
                .post(REQUESTS + "/" + id + "/attachments").then().statusCode(415);
        f.as(f.responder).contentType("application/pdf").body(new byte[10 * 1024 * 1024 + 1])
                .post(REQUESTS + "/" + id + "/attachments").then().statusCode(413)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
        f.as(f.responder).get(REQUESTS + "/" + id + "/attachments").then().body("$", hasSize(1));

        f.as(f.responder).contentType("application/json").body("{\"answers\":[{\"position\":1,\"value\":\""
                + UUID.randomUUID() + "\"},{\"position\":2,\"value\":\"No\"}]}").post(REQUESTS + "/" + id + "/answer")
                .then().statusCode(400).body("code", equalTo("INVALID_ANSWER"));
        f.as(f.responder).contentType("application/json").body("{\"answers\":[{\"position\":1,\"value\":\""
                + attachment + "\"},{\"position\":2,\"value\":\"No\"}]}").post(REQUESTS + "/" + id + "/answer")
                .then().statusCode(200).body("state", equalTo("ANSWERED"));
        byte[] back = f.as(f.requester).get(REQUESTS + "/" + id + "/attachments/" + attachment).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(back).isEqualTo(pdf);
    }

    @Test
    void inboxGivenTheSameEventTwiceHasOneEntry() {
        String requestId = UUID.randomUUID().toString();
        String authority = Fixtures.authorityCode("EE");
        UUID duplicated = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        String envelope = codec.encode(duplicated, event(requestId, authority), OffsetDateTime.now());
        TopicProbe.send(Topics.REQUEST_EVENTS, requestId, envelope);
        TopicProbe.send(Topics.REQUEST_EVENTS, requestId, envelope);
        TopicProbe.send(Topics.REQUEST_EVENTS, requestId, codec.encode(marker, event(requestId, authority),
                OffsetDateTime.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> InboxEntry.count("eventId", marker) == 1));
        assertThat(QuarkusTransaction.requiringNew().call(() -> InboxEntry.count("eventId", duplicated)))
                .isEqualTo(1);
    }

    @Test
    void requestSentWhileTheRelayIsStoppedIsRoutedWhenItRuns() {
        RequestFixtures f = new RequestFixtures();
        String id = f.draft("PQ-G-PER-01");
        relay.pause();
        try {
            f.as(f.requester).post(REQUESTS + "/" + id + "/send").then().statusCode(200);
            assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                    "eventKey = ?1 and publishedAt is null", id))).isEqualTo(2); // request topic + NL topic
            f.as(f.responder).get("/api/v1/inbox").then().body("entries", hasSize(0));
        } finally {
            relay.resume();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> f.as(f.responder)
                .get("/api/v1/inbox").then().body("entries.caseId", org.hamcrest.Matchers.hasItem(id)));
    }

    private static OutgoingEvent event(String requestId, String addressee) {
        return new OutgoingEvent("eu.authorityhub.request.send.v1", requestId, "/test", java.util.Map.of("requestId",
                requestId, "state", "SENT", "addressees", List.of(addressee)), List.of(Topics.REQUEST_EVENTS));
    }

    private static void refused(RequestFixtures f, String body, int status, String code) {
        f.as(f.requester).contentType("application/json").body(body).post(REQUESTS).then().statusCode(status)
                .contentType("application/problem+json").body("code", equalTo(code));
    }
}
