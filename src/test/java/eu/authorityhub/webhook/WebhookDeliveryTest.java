package eu.authorityhub.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.messaging.CloudEventCodec;
import eu.authorityhub.messaging.EventTypes;
import eu.authorityhub.messaging.OutgoingEvent;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.StandardWebhooks;
import eu.authorityhub.testing.TestClock;
import eu.authorityhub.testing.Tokens;
import eu.authorityhub.testing.WebhookReceiver;
import eu.authorityhub.testing.WebhookReceiver.Answer;
import eu.authorityhub.testing.WebhookReceiver.Received;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Webhook delivery against real HTTP receivers on loopback, with signatures checked by a verifier written from the
 * Standard Webhooks specification. The dispatcher is driven by the test, with the adjustable clock.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String WEBHOOKS = "/api/v1/webhooks";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    WebhookQueue queue;
    @Inject
    CloudEventCodec codec;
    @Inject
    EntityManager em;
    @Inject
    TestClock clock;

    @BeforeEach
    void freshClock() {
        clock.reset();
    }

    @Test
    void anAlertReachesTheRecipientsBackOfficeSignedAsAStructuredCloudEvent() throws Exception {
        String issuer = authority("EE", "SEND", "MIDWIFE");
        String recipient = authority("LV", "RECEIVE", "MIDWIFE");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode created = subscribe(recipient, """
                    {"url":"%s","eventTypes":["eu.authorityhub.alert.*"],"ed25519":true,"description":"register"}"""
                    .formatted(receiver.url("/hooks/alerts")));
            String secret = created.get("secret").asText();
            String publicKey = created.get("publicKey").asText();
            assertThat(secret).startsWith("whsec_");
            assertThat(publicKey).startsWith("whpk_");
            UUID subscription = UUID.fromString(created.at("/subscription/id").asText());

            String alert = given().auth().oauth2(Tokens.forAuthority(issuer, Roles.CASE_HANDLER))
                    .contentType("application/json").body(alertJson()).post("/api/v1/alerts").then().statusCode(201)
                    .extract().path("id");

            // through Kafka and the fan-out: the delivery is queued, then sent
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pending(subscription) == 1);
            long before = clock.instant().getEpochSecond();
            deliver();
            long after = clock.instant().getEpochSecond();
            Received r = receiver.received().stream().filter(x -> x.body().contains(alert)).findFirst().orElseThrow();

            assertThat(r.header("content-type")).isEqualTo("application/cloudevents+json");
            JsonNode event = JSON.readTree(r.body());
            assertThat(event.get("type").asText()).isEqualTo(EventTypes.ALERT_BROADCAST);
            assertThat(event.get("subject").asText()).isEqualTo(alert);
            assertThat(r.header("webhook-id")).isEqualTo(event.get("id").asText());
            // the hub's clock ticks: the stamp is the second in which the delivery was signed
            assertThat(Long.parseLong(r.header("webhook-timestamp"))).isBetween(before, after);
            assertThat(StandardWebhooks.verifiedV1(secret, r.header("webhook-id"), r.header("webhook-timestamp"),
                    r.body(), r.header("webhook-signature"))).isEqualTo(1);
            assertThat(StandardWebhooks.verifiedV1a(publicKey, r.header("webhook-id"), r.header("webhook-timestamp"),
                    r.body(), r.header("webhook-signature"))).isTrue();
            // a tampered body does not verify
            assertThat(StandardWebhooks.verifiedV1(secret, r.header("webhook-id"), r.header("webhook-timestamp"),
                    r.body().replace(alert, UUID.randomUUID().toString()), r.header("webhook-signature"))).isZero();

            owner(recipient).get(WEBHOOKS + "/" + subscription + "/deliveries").then().statusCode(200)
                    .body("[0].state", equalTo("DELIVERED")).body("[0].eventType", equalTo(EventTypes.ALERT_BROADCAST))
                    .body("[0].attempts", equalTo(1));
            owner(recipient).get(WEBHOOKS + "/" + subscription + "/health").then().statusCode(200)
                    .body("successRate24h", equalTo(1.0f)).body("pending", equalTo(0));
        }
    }

    @Test
    void failedAttemptsAreRetriedOnTheScheduleWithTheSameWebhookIdAndRetryAfterIsHonoured() throws Exception {
        String owner = authority("CZ", "RECEIVE", "NURSE");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(Answer.of(500), new Answer(503, Map.of("Retry-After", "600"), false));
            UUID subscription = id(subscribe(owner, filter(receiver, "eu.authorityhub.request.*")));
            UUID event = emit(owner, EventTypes.REQUEST_PREFIX + "send.v1", UUID.randomUUID().toString());

            assertThat(outcomes(subscription)).extracting(AttemptOutcome::status).containsExactly(500);
            assertThat(outcomes(subscription)).as("nothing due before the first wait (5 s, jitter 20%)").isEmpty();
            clock.advance(Duration.ofSeconds(7));
            assertThat(outcomes(subscription)).extracting(AttemptOutcome::status).containsExactly(503);
            // the schedule says 5 minutes, the endpoint asked for 10: nothing at 6 minutes, the endpoint is throttled
            clock.advance(Duration.ofMinutes(6));
            assertThat(outcomes(subscription)).isEmpty();
            owner(owner).get(WEBHOOKS + "/" + subscription + "/health").then()
                    .body("throttledUntil", notNullValue());
            clock.advance(Duration.ofMinutes(5));
            assertThat(outcomes(subscription)).extracting(AttemptOutcome::status).containsExactly(204);

            assertThat(receiver.received()).extracting(x -> x.header("webhook-id"))
                    .containsExactly(event.toString(), event.toString(), event.toString());
            long delivery = deliveryId(subscription);
            owner(owner).get(WEBHOOKS + "/" + subscription + "/deliveries/" + delivery + "/attempts").then()
                    .statusCode(200).body("status", equalTo(List.of(500, 503, 204)))
                    .body("[0].response", equalTo("{\"received\":1}")).body("[0].nextAttemptAt", notNullValue());
        }
    }

    @Test
    void aCrashMidDeliveryRedeliversTheSameWebhookIdWhenTheLeaseEnds() throws Exception {
        String owner = authority("SK", "RECEIVE", "NURSE");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            UUID subscription = id(subscribe(owner, filter(receiver, "eu.authorityhub.request.send.v1")));
            UUID event = emit(owner, EventTypes.REQUEST_PREFIX + "send.v1", UUID.randomUUID().toString());

            // the hub claims and sends, then dies before it records the answer
            List<DeliveryJob> claimed = dispatcher.claim().stream()
                    .filter(j -> j.subscriptionId().equals(subscription)).toList();
            assertThat(claimed).hasSize(1);
            dispatcher.send(claimed.get(0)).get(10, TimeUnit.SECONDS);
            assertThat(receiver.received()).hasSize(1);

            assertThat(outcomes(subscription)).as("leased: not sent again before the lease ends").isEmpty();
            clock.advance(Duration.ofSeconds(3 + 30 + 1)); // timeout + lease margin
            assertThat(outcomes(subscription)).extracting(AttemptOutcome::status).containsExactly(204);
            assertThat(receiver.received()).extracting(x -> x.header("webhook-id"))
                    .containsExactly(event.toString(), event.toString());
            owner(owner).get(WEBHOOKS + "/" + subscription + "/deliveries").then()
                    .body("[0].state", equalTo("DELIVERED")).body("[0].attempts", equalTo(2));
        }
    }

    @Test
    void duringRotationBothSecretsSignUntilTheGraceEnds() throws Exception {
        String owner = authority("SI", "RECEIVE", "NURSE");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode created = subscribe(owner, filter(receiver, "eu.authorityhub.request.*"));
            UUID subscription = id(created);
            String old = created.get("secret").asText();
            String fresh = owner(owner).contentType("application/json").body("{\"graceSeconds\":3600}")
                    .post(WEBHOOKS + "/" + subscription + "/secret/rotate").then().statusCode(200)
                    .body("graceUntil", notNullValue()).extract().path("secret");
            assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);

            emit(owner, EventTypes.REQUEST_PREFIX + "accept.v1", UUID.randomUUID().toString());
            deliver();
            Received during = receiver.received().get(0);
            assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
            assertThat(verifies(old, during)).isEqualTo(1);
            assertThat(verifies(fresh, during)).isEqualTo(1);

            clock.advance(Duration.ofHours(2));
            emit(owner, EventTypes.REQUEST_PREFIX + "answer.v1", UUID.randomUUID().toString());
            deliver();
            Received after = receiver.received().get(1);
            assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
            assertThat(verifies(old, after)).isZero();
            assertThat(verifies(fresh, after)).isEqualTo(1);
        }
    }

    @Test
    void goneDisablesTheEndpointTellsItsOwnerAndReEnablingSendsWhatWaited() throws Exception {
        String owner = authority("HR", "RECEIVE", "NURSE");
        try (WebhookReceiver gone = new WebhookReceiver(); WebhookReceiver other = new WebhookReceiver()) {
            gone.answer(Answer.of(410));
            UUID subscription = id(subscribe(owner, filter(gone, "eu.authorityhub.request.*")));
            // the owner's second endpoint listens for notices about endpoints
            UUID notices = id(subscribe(owner, filter(other, "eu.authorityhub.webhook.*")));

            emit(owner, EventTypes.REQUEST_PREFIX + "send.v1", UUID.randomUUID().toString());
            assertThat(outcomes(subscription)).extracting(AttemptOutcome::status).containsExactly(410);
            owner(owner).get(WEBHOOKS + "/" + subscription).then().body("status", equalTo("DISABLED"))
                    .body("disabledReason", equalTo("the endpoint answered 410 Gone"));

            // the notice goes through the outbox and Kafka to the owner's inbox and its other endpoint
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> owner(owner).get("/api/v1/inbox")
                    .then().body("entries.eventType", hasItem(EventTypes.WEBHOOK_ENDPOINT_DISABLED)));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pending(notices) == 1);
            deliver();
            assertThat(other.received()).hasSize(1);
            assertThat(other.received().get(0).body()).contains(subscription.toString()).contains("410 Gone");

            clock.advance(Duration.ofMinutes(10));
            assertThat(outcomes(subscription)).as("a disabled endpoint gets nothing").isEmpty();
            owner(owner).post(WEBHOOKS + "/" + subscription + "/enable").then().statusCode(200)
                    .body("status", equalTo("ACTIVE"));
            assertThat(outcomes(subscription)).extracting(AttemptOutcome::status).containsExactly(204);
        }
    }

    @Test
    void aDeliveryFailsWhenTheScheduleIsSpentAnEndpointFailingForDaysIsDisabledAndFailuresCanBeRecovered()
            throws Exception {
        String owner = authority("BG", "RECEIVE", "NURSE");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.otherwise(Answer.of(500));
            UUID subscription = id(subscribe(owner, filter(receiver, "eu.authorityhub.request.*")));
            OffsetDateTime start = OffsetDateTime.now(clock);
            UUID first = emit(owner, EventTypes.REQUEST_PREFIX + "send.v1", UUID.randomUUID().toString());
            long delivery = deliveryId(subscription);

            // every attempt of the schedule (10 over about three days), each exactly when due
            int attempts = 0;
            while (attempts < 20 && "PENDING".equals(deliveryState(delivery))) {
                attempts += outcomes(subscription).size();
                clock.advance(Duration.between(OffsetDateTime.now(clock), nextAttempt(delivery)).plusSeconds(1));
            }
            assertThat(attempts).isEqualTo(10);
            assertThat(deliveryState(delivery)).isEqualTo("FAILED");
            assertThat(status(owner, subscription)).as("not yet failing for 5 days").isEqualTo("ACTIVE");

            // five days after the first failure, the next failure disables the endpoint
            clock.advance(Duration.between(OffsetDateTime.now(clock), start.plusDays(5)).plusMinutes(1));
            emit(owner, EventTypes.REQUEST_PREFIX + "accept.v1", UUID.randomUUID().toString());
            assertThat(outcomes(subscription)).extracting(AttemptOutcome::status).containsExactly(500);
            owner(owner).get(WEBHOOKS + "/" + subscription).then().body("status", equalTo("DISABLED"))
                    .body("disabledReason", equalTo("no successful delivery for 5 days"));

            // the receiver is repaired: enable (the waiting delivery goes), recover the failed one, replay it
            receiver.otherwise(Answer.of(200));
            owner(owner).post(WEBHOOKS + "/" + subscription + "/enable").then().statusCode(200);
            assertThat(outcomes(subscription)).extracting(AttemptOutcome::status, AttemptOutcome::error)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(200, null));
            owner(owner).queryParam("state", "FAILED").get(WEBHOOKS + "/" + subscription + "/deliveries").then()
                    .body("id", equalTo(List.of((int) delivery)));
            owner(owner).contentType("application/json").body("{\"since\":\"" + start.minusMinutes(1) + "\"}")
                    .post(WEBHOOKS + "/" + subscription + "/recover").then().statusCode(200)
                    .body("deliveries", equalTo(1));
            assertThat(outcomes(subscription)).extracting(o -> o.job().eventId()).containsExactly(first);
            owner(owner).post(WEBHOOKS + "/" + subscription + "/deliveries/" + delivery + "/replay").then()
                    .statusCode(200).body("state", equalTo("PENDING"));
            assertThat(outcomes(subscription)).extracting(AttemptOutcome::status).containsExactly(200);
            assertThat(receiver.received().stream().filter(x -> x.header("webhook-id").equals(first.toString())))
                    .hasSize(12);
        }
    }

    @Test
    void orderedSubscriptionsWaitForThePreviousSuccessOfTheSameCaseOnly() throws Exception {
        String owner = authority("RO", "RECEIVE", "NURSE");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(Answer.of(500));
            UUID subscription = id(subscribe(owner, """
                    {"url":"%s","eventTypes":["eu.authorityhub.request.*"],"ordered":true}"""
                    .formatted(receiver.url("/ordered"))));
            String caseA = UUID.randomUUID().toString();
            String caseB = UUID.randomUUID().toString();
            UUID a1 = emit(owner, EventTypes.REQUEST_PREFIX + "send.v1", caseA);
            UUID a2 = emit(owner, EventTypes.REQUEST_PREFIX + "accept.v1", caseA);

            // a1 fails and a2 waits behind it; an event of another case does not
            assertThat(outcomes(subscription)).extracting(o -> o.job().eventId()).containsExactly(a1);
            UUID b1 = emit(owner, EventTypes.REQUEST_PREFIX + "send.v1", caseB);
            assertThat(outcomes(subscription)).extracting(o -> o.job().eventId()).containsExactly(b1);
            assertThat(outcomes(subscription)).isEmpty();
            clock.advance(Duration.ofSeconds(7));
            assertThat(outcomes(subscription)).extracting(o -> o.job().eventId()).containsExactly(a1);
            assertThat(outcomes(subscription)).extracting(o -> o.job().eventId()).containsExactly(a2);
            List<String> caseAOrder = receiver.received().stream().filter(x -> x.body().contains(caseA))
                    .map(x -> x.header("webhook-id")).toList();
            assertThat(caseAOrder).containsExactly(a1.toString(), a1.toString(), a2.toString());
        }
    }

    @Test
    void aHangingEndpointHoldsAFewSlotsAndNeverTheOthers() throws Exception {
        String owner = authority("PT", "RECEIVE", "NURSE");
        String healthyOwner = authority("PT", "RECEIVE", "NURSE");
        try (WebhookReceiver hanging = new WebhookReceiver(); WebhookReceiver healthy = new WebhookReceiver()) {
            hanging.otherwise(Answer.hanging());
            UUID slow = id(subscribe(owner, filter(hanging, "eu.authorityhub.request.*")));
            UUID fast = id(subscribe(healthyOwner, filter(healthy, "eu.authorityhub.request.*")));
            for (int i = 0; i < 12; i++) {
                emit(owner, EventTypes.REQUEST_PREFIX + "send.v1", UUID.randomUUID().toString());
                emit(healthyOwner, EventTypes.REQUEST_PREFIX + "send.v1", UUID.randomUUID().toString());
            }
            var round = dispatcher.deliverDue();
            // the healthy endpoint gets everything while the hanging one holds at most its per-endpoint slots
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> healthy.received().size() >= 8);
            assertThat(hanging.open()).isLessThanOrEqualTo(8);
            round.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 5 && healthy.received().size() < 12; i++) {
                outcomes(fast);
            }
            assertThat(healthy.received()).hasSize(12);
            assertThat(pending(slow)).isEqualTo(12);
            owner(owner).get(WEBHOOKS + "/" + slow + "/health").then().body("lastError",
                    org.hamcrest.Matchers.containsString("timeout"));
        }
    }

    @Test
    void anEndpointThatKeepsSucceedingIsLeasedAheadAndAFailureGivesItsWaitingDeliveriesBackUnsent() throws Exception {
        String owner = authority("LV", "RECEIVE", "NURSE");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            UUID subscription = id(subscribe(owner, filter(receiver, "eu.authorityhub.request.*")));
            emitMany(owner, 10);
            assertThat(outcomes(subscription)).as("a new endpoint: one claim leases its in-flight limit").hasSize(8);
            outcomes(subscription);

            emitMany(owner, 30);
            assertThat(outcomes(subscription)).as("after a run of successes one claim feeds 30, 8 at a time")
                    .hasSize(30).allMatch(AttemptOutcome::success);
            assertThat(receiver.received()).hasSize(40);

            receiver.otherwise(Answer.of(500));
            emitMany(owner, 24);
            assertThat(outcomes(subscription)).as("the eight under way fail; the sixteen waiting are not sent")
                    .hasSize(8).extracting(AttemptOutcome::status).containsOnly(500);
            assertThat(receiver.received()).hasSize(48);
            Map<Integer, Integer> byAttempts = new java.util.HashMap<>();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("select attempts, count(*) from"
                    + " webhook_delivery where subscription_id = :s and state = 'PENDING' group by attempts",
                    Object[].class).setParameter("s", subscription).getResultList().forEach(r -> byAttempts.put(
                            ((Number) ((Object[]) r)[0]).intValue(), ((Number) ((Object[]) r)[1]).intValue())));
            assertThat(byAttempts).as("given back: due again with the attempt not counted").isEqualTo(Map.of(1, 8,
                    0, 16));
        }
    }

    private void emitMany(String owner, int n) {
        for (int i = 0; i < n; i++) {
            emit(owner, EventTypes.REQUEST_PREFIX + "send.v1", UUID.randomUUID().toString());
        }
    }

    @Test
    void transformedAndBinaryModesCarryTheShapesTheReceiverAsked() throws Exception {
        String owner = authority("HU", "RECEIVE", "NURSE");
        try (WebhookReceiver flat = new WebhookReceiver(); WebhookReceiver binary = new WebhookReceiver()) {
            JsonNode t = subscribe(owner, """
                    {"url":"%s","eventTypes":["eu.authorityhub.request.*"],"mode":"TRANSFORMED",
                     "transform":"{\\"dossier\\": .data.requestId, \\"stap\\": .data.action, \\"soort\\": .type}"}"""
                    .formatted(flat.url("/legacy")));
            UUID b = id(subscribe(owner, """
                    {"url":"%s","eventTypes":["eu.authorityhub.request.*"],"mode":"BINARY"}"""
                    .formatted(binary.url("/binary"))));
            String requestId = UUID.randomUUID().toString();
            // on a whole minute: the time attribute must keep its ":00" seconds (RFC 3339)
            java.time.Instant before = clock.instant();
            clock.advance(Duration.ofSeconds(60 - before.getEpochSecond() % 60).minusNanos(before.getNano()));
            OffsetDateTime at = OffsetDateTime.now(clock);
            UUID event = emit(owner, EventTypes.REQUEST_PREFIX + "send.v1", requestId);
            deliver();
            deliver();

            Received legacy = flat.received().get(0);
            assertThat(JSON.readTree(legacy.body())).isEqualTo(JSON.readTree("""
                    {"dossier":"%s","stap":"send","soort":"eu.authorityhub.request.send.v1"}""".formatted(requestId)));
            assertThat(legacy.header("content-type")).isEqualTo("application/json");
            assertThat(verifies(t.get("secret").asText(), legacy)).isEqualTo(1);

            Received bin = binary.received().get(0);
            assertThat(bin.header("ce-id")).isEqualTo(event.toString());
            assertThat(bin.header("ce-type")).isEqualTo(EventTypes.REQUEST_PREFIX + "send.v1");
            assertThat(bin.header("ce-specversion")).isEqualTo("1.0");
            assertThat(JSON.readTree(bin.body()).get("requestId").asText()).isEqualTo(requestId);
            assertThat(bin.header("ce-time")).as("RFC 3339 with seconds").matches(
                    "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:00(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
            // read back by the CloudEvents SDK's own HTTP reader: every attribute and extension is there
            io.cloudevents.CloudEvent read = io.cloudevents.http.HttpMessageFactory.createReader(bin.headers(),
                    bin.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toEvent();
            assertThat(read.getId()).isEqualTo(event.toString());
            assertThat(read.getType()).isEqualTo(EventTypes.REQUEST_PREFIX + "send.v1");
            assertThat(read.getSource().toString()).isEqualTo("/hub/requests");
            assertThat(read.getTime().toInstant()).isCloseTo(at.toInstant(), org.assertj.core.api.Assertions.within(1,
                    java.time.temporal.ChronoUnit.SECONDS));
            assertThat(read.getExtension("partitionkey")).as("the partition key extension").isEqualTo(requestId);
            assertThat(JSON.readTree(read.getData().toBytes()).get("requestId").asText()).isEqualTo(requestId);
            assertThat(pending(b)).isZero();
        }
    }

    @Test
    void aResolverThatDoesNotAnswerHoldsUpOnlyItsOwnEndpoint() throws Exception {
        String owner = authority("SK", "RECEIVE", "NURSE");
        try (WebhookReceiver fast = new WebhookReceiver(); WebhookReceiver slow = new WebhookReceiver()) {
            UUID quick = id(subscribe(owner, filter(fast, "eu.authorityhub.request.*")));
            // the same receiver behind a name whose lookups the test holds (testing/SlowDns; lookups are not cached)
            UUID stuck = id(subscribe(owner, filter(slow, "eu.authorityhub.request.*").replace("127.0.0.1",
                    "hook-" + owner.toLowerCase(java.util.Locale.ROOT) + ".slow.test")));
            eu.authorityhub.testing.SlowDns.hold();
            try {
                emit(owner, EventTypes.REQUEST_PREFIX + "send.v1", UUID.randomUUID().toString());
                CompletableFuture<List<AttemptOutcome>> round = dispatcher.deliverDue();
                // the fast endpoint is served while the other one's lookup hangs
                Awaitility.await("the fast endpoint served").atMost(Duration.ofSeconds(2)).until(() -> fast.received()
                        .size() == 1);
                assertThat(round).as("the round waits for the hanging lookup").isNotDone();
                List<AttemptOutcome> outcomes = round.get(30, TimeUnit.SECONDS);
                AttemptOutcome hanging = outcomes.stream().filter(o -> o.job().subscriptionId().equals(stuck))
                        .findFirst()
                        .orElseThrow();
                assertThat(hanging.status()).isNull();
                assertThat(hanging.error()).contains("did not resolve within");
                assertThat(outcomes.stream().filter(o -> o.job().subscriptionId().equals(quick)).findFirst()
                        .orElseThrow().status()).isEqualTo(204);
                assertThat(slow.received()).isEmpty();
            } finally {
                eu.authorityhub.testing.SlowDns.release();
            }
        }
    }

    @Test
    void manyHostsWhoseLookupsHangDoNotHoldUpTheOthers() throws Exception {
        String owner = authority("SK", "RECEIVE", "NURSE");
        try (WebhookReceiver fast = new WebhookReceiver(); WebhookReceiver slow = new WebhookReceiver()) {
            // more hanging names than the resolver has threads
            List<UUID> stuck = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                stuck.add(id(subscribe(owner, filter(slow, "eu.authorityhub.request.send.v1").replace("127.0.0.1",
                        "hook-" + i + "-" + owner.toLowerCase(java.util.Locale.ROOT) + ".slow.test"))));
            }
            UUID quick = id(subscribe(owner, filter(fast, "eu.authorityhub.request.accept.v1")));
            eu.authorityhub.testing.SlowDns.hold();
            try {
                emit(owner, EventTypes.REQUEST_PREFIX + "send.v1", UUID.randomUUID().toString());
                CompletableFuture<List<AttemptOutcome>> hanging = dispatcher.deliverDue();
                // their lookups are under way and hang; then an event for the endpoint with an address literal
                emit(owner, EventTypes.REQUEST_PREFIX + "accept.v1", UUID.randomUUID().toString());
                CompletableFuture<List<AttemptOutcome>> served = dispatcher.deliverDue();
                Awaitility.await("the endpoint with an address literal served").atMost(Duration.ofSeconds(2))
                        .until(() -> fast.received().size() == 1);
                assertThat(served.get(10, TimeUnit.SECONDS)).extracting(o -> o.job().subscriptionId(),
                        AttemptOutcome::status).containsExactly(org.assertj.core.groups.Tuple.tuple(quick, 204));
                assertThat(hanging.get(30, TimeUnit.SECONDS)).hasSize(6).allSatisfy(o -> {
                    assertThat(stuck).contains(o.job().subscriptionId());
                    assertThat(o.error()).contains("did not resolve within");
                });
            } finally {
                eu.authorityhub.testing.SlowDns.release();
            }
        }
    }

    @Test
    void theDeliveryTimeCheckRefusesAnAddressNoLongerAllowed() throws Exception {
        String owner = authority("LT", "RECEIVE", "NURSE");
        try (WebhookReceiver receiver = new WebhookReceiver("127.0.0.2")) {
            // 127.0.0.2 is not in the deployment's test allowance (127.0.0.1/32): only the owner's list admits it
            owner(owner).contentType("application/json").body(filter(receiver, "eu.authorityhub.request.*"))
                    .post(WEBHOOKS).then().statusCode(400).body("code", equalTo("WEBHOOK_ADDRESS_REFUSED"));
            allowList(owner, "[\"127.0.0.2/32\"]");
            UUID subscription = id(subscribe(owner, filter(receiver, "eu.authorityhub.request.*")));
            allowList(owner, "[]");

            emit(owner, EventTypes.REQUEST_PREFIX + "send.v1", UUID.randomUUID().toString());
            List<AttemptOutcome> o = outcomes(subscription);
            assertThat(o).hasSize(1);
            assertThat(o.get(0).status()).isNull();
            assertThat(o.get(0).error()).contains("refused before sending").contains("loopback");
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void anotherAuthorityCannotSeeOrTouchTheSubscription() {
        String owner = authority("FI", "RECEIVE", "NURSE");
        String stranger = authority("FI", "RECEIVE", "NURSE");
        UUID subscription = id(subscribe(owner, """
                {"url":"http://127.0.0.1:9/x","eventTypes":["eu.authorityhub.alert.*"]}"""));
        for (String path : List.of("", "/deliveries", "/health")) {
            owner(stranger).get(WEBHOOKS + "/" + subscription + path).then().statusCode(404)
                    .body("code", equalTo("NOT_FOUND"));
        }
        owner(stranger).post(WEBHOOKS + "/" + subscription + "/disable").then().statusCode(404);
        owner(stranger).delete(WEBHOOKS + "/" + subscription).then().statusCode(404);
        owner(stranger).get(WEBHOOKS).then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(
                subscription.toString())));
        given().auth().oauth2(Tokens.forAuthority(owner, Roles.CASE_HANDLER)).get(WEBHOOKS + "/" + subscription)
                .then().statusCode(403);
        owner(owner).get(WEBHOOKS + "/" + subscription).then().statusCode(200).body("owner", equalTo(owner));
    }

    // ------------------------------------------------------------------------------------------- helpers

    private List<AttemptOutcome> outcomes(UUID subscription) throws Exception {
        return dispatcher.deliverDue().get(30, TimeUnit.SECONDS).stream()
                .filter(o -> o.job().subscriptionId().equals(subscription)).toList();
    }

    private void deliver() throws Exception {
        dispatcher.deliverDue().get(30, TimeUnit.SECONDS);
    }

    /** An event addressed to the owner, as the inbox builders record it: inbox entry, then the webhook queue. */
    private UUID emit(String owner, String type, String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UUID id = UUID.randomUUID();
            Map<String, Object> data = Map.of("requestId", caseId, "action", type.replaceAll(".*request\\.(.*)\\.v1",
                    "$1"), "requesterState", "NL", "responderState", owner.substring(0, 2), "profession", "NURSE",
                    "addressees", List.of(owner));
            String envelope = codec.encode(id, new OutgoingEvent(type, caseId, "/hub/requests", data,
                    List.of(Topics.REQUEST_EVENTS)), OffsetDateTime.now(clock));
            em.createNativeQuery("insert into inbox_entry (authority, case_id, case_type, event_id, event_type, state,"
                    + " at) values (:a, cast(:c as uuid), 'REQUEST', :e, :t, 'SENT', now())").setParameter("a", owner)
                    .setParameter("c", caseId).setParameter("e", id).setParameter("t", type).executeUpdate();
            queue.enqueue(id, type, caseId, envelope, JSON.valueToTree(data));
            return id;
        });
    }

    private long pending(UUID subscription) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from webhook_delivery where subscription_id = :s and state = 'PENDING'")
                .setParameter("s", subscription).getSingleResult()).longValue());
    }

    private long deliveryId(UUID subscription) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select max(id) from webhook_delivery where subscription_id = :s").setParameter("s", subscription)
                .getSingleResult()).longValue());
    }

    private String deliveryState(long delivery) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select state from webhook_delivery where id = :d").setParameter("d", delivery).getSingleResult());
    }

    private OffsetDateTime nextAttempt(long delivery) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object t = em.createNativeQuery("select next_attempt_at from webhook_delivery where id = :d")
                    .setParameter("d", delivery).getSingleResult();
            return t instanceof OffsetDateTime o ? o : ((java.time.Instant) t).atOffset(java.time.ZoneOffset.UTC);
        });
    }

    private static String status(String owner, UUID subscription) {
        return owner(owner).get(WEBHOOKS + "/" + subscription).then().extract().path("status");
    }

    private static int verifies(String secret, Received r) throws Exception {
        return StandardWebhooks.verifiedV1(secret, r.header("webhook-id"), r.header("webhook-timestamp"), r.body(),
                r.header("webhook-signature"));
    }

    private static String filter(WebhookReceiver receiver, String type) {
        return """
                {"url":"%s","eventTypes":["%s"]}""".formatted(receiver.url("/hook"), type);
    }

    static JsonNode subscribe(String owner, String json) {
        String body = owner(owner).contentType("application/json").body(json).post(WEBHOOKS).then().statusCode(201)
                .extract().asString();
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static UUID id(JsonNode created) {
        return UUID.fromString(created.at("/subscription/id").asText());
    }

    static void allowList(String owner, String networks) {
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("{\"networks\":" + networks
                + ",\"hosts\":[]}").put("/api/v1/webhook-allow-lists/" + owner).then().statusCode(200);
    }

    static RequestSpecification owner(String authority) {
        return given().auth().oauth2(Tokens.forAuthority(authority, Roles.BACK_OFFICE));
    }

    static String authority(String state, String alerts, String profession) {
        String code = Fixtures.authorityCode(state);
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Fixtures.fullAuthorityJson(code, state, "Authority " + code, profession)
                        .replace("\"RECEIVE\"", "\"" + alerts + "\""))
                .post("/api/v1/authorities").then().statusCode(201);
        return code;
    }

    private static String alertJson() {
        LocalDate d = LocalDate.now();
        return """
                {"professional":{"familyName":"Tamm","givenNames":"Kadri","birthDate":"1981-02-03","birthPlace":"Tartu"},
                 "profession":"MIDWIFE","type":"RESTRICTION_OR_PROHIBITION","scope":"FULL_PROHIBITION",
                 "decidingBody":"Health Board","decisionDate":"%s","periodFrom":"%s"}"""
                .formatted(d, d);
    }
}
