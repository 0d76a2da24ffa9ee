package eu.authorityhub.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import eu.authorityhub.messaging.Topics;
import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.TopicProbe;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The bulk interface on the real broker and database: each item created or refused on its own (with the single
 * call's problem codes), written whole or not at all across several transactions (the test profile writes two items
 * per transaction), sent items routed like single ones, retries replayed by each item's key, and the limits.
 */
@QuarkusTest
class BulkRequestTest {

    private static final String BULK = "/api/v1/requests/bulk";

    @Test
    void mixedItemsAreCreatedOrRefusedEachWithItsIndexAndCode() {
        RequestFixtures f = new RequestFixtures();
        String run = UUID.randomUUID().toString();
        String body = body(List.of(
                item(run + "-0", true, RequestFixtures.requestJson(f.responder, "NURSE", due(), "PQ-G-PER-01")),
                item(run + "-1", true, RequestFixtures.requestJson(f.requester, "NURSE", due(), "PQ-G-PER-01")),
                item(run + "-2", true, "{\"responder\":\"" + f.responder + "\"}"),
                item(run + "-3", false, RequestFixtures.requestJson(f.responder, "NURSE", due(), "PQ-G-PER-02")),
                item(run + "-0", true, RequestFixtures.requestJson(f.responder, "NURSE", due(), "PQ-G-PER-02")),
                item(run + "-5", true, RequestFixtures.requestJson(f.responder, "NURSE", due(), "NO-SUCH-CODE")),
                item(run + "-6", true, RequestFixtures.requestJson(f.responder, "NURSE", LocalDate.now(),
                        "PQ-G-PER-01"))));
        try (TopicProbe netherlands = new TopicProbe(Topics.memberState("NL"))) {
            JsonPath answer = f.as(f.requester).contentType("application/json").body(body).post(BULK).then()
                    .statusCode(200).body("created", equalTo(2)).body("replayed", equalTo(0))
                    .body("refused", equalTo(5)).extract().jsonPath();

            assertThat(answer.getList("items.index", Integer.class)).containsExactly(0, 1, 2, 3, 4, 5, 6);
            assertThat(answer.getList("items.outcome")).containsExactly("CREATED", "REFUSED", "REFUSED", "CREATED",
                    "REFUSED", "REFUSED", "REFUSED");
            assertThat(java.util.stream.IntStream.range(0, 7).mapToObj(i -> answer.getString("items[" + i
                    + "].problem.code")).toList()).containsExactly(null, "SELF_ADDRESSED",
                            "VALIDATION_FAILED", null, "IDEMPOTENCY_KEY_REPEATED", "UNKNOWN_QUESTION",
                            "DUE_DATE_IN_PAST");
            assertThat(answer.getList("items[2].problem.errors.field", String.class)).contains(
                    "items[2].request.professional", "items[2].request.procedure");
            assertThat(answer.getString("items[1].problem.type")).endsWith("/self-addressed");
            assertThat(answer.getString("items[0].state")).isEqualTo("SENT");
            assertThat(answer.getString("items[3].state")).isEqualTo("DRAFT");

            // the sent one is a request like any other: its timeline, its timers, the responder's inbox and topic
            String sent = answer.getString("items[0].id");
            String draft = answer.getString("items[3].id");
            f.as(f.requester).get("/api/v1/requests/" + sent).then().statusCode(200).body("state", equalTo("SENT"))
                    .body("reference", equalTo(answer.getString("items[0].reference")))
                    .body("professional.familyName", equalTo("Kowalska"));
            f.as(f.requester).get("/api/v1/requests/" + sent + "/timeline").then().statusCode(200)
                    .body("action", equalTo(List.of("CREATE", "SEND")));
            f.as(f.requester).get("/api/v1/requests/" + sent + "/deadlines").then().statusCode(200)
                    .body("kind", org.hamcrest.Matchers.containsInAnyOrder("ACCEPTANCE", "INACTIVITY"));
            f.as(f.responder).get("/api/v1/requests/" + sent).then().statusCode(200);
            f.as(f.responder).get("/api/v1/requests/" + draft).then().statusCode(404);
            netherlands.until(r -> sent.equals(r.key()) && r.value().contains("request.send.v1"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> f.as(f.responder).get(
                    "/api/v1/inbox").then().statusCode(200).body("entries.caseId", hasItem(sent)));

            // nothing of a refused item was written: the requester has exactly the two created requests
            assertThat(f.as(f.requester).get("/api/v1/requests?box=sent").then().statusCode(200).extract()
                    .jsonPath().getList("id")).containsExactlyInAnyOrder(sent, draft);
            assertThat(netherlands.withKey(sent)).hasSize(1);
        }
    }

    @Test
    void aRetriedBodyIsReplayedItemByItemAndAKeyUsedForAnotherRequestIsRefused() {
        RequestFixtures f = new RequestFixtures();
        String run = UUID.randomUUID().toString();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(item(run + "-" + i, i % 2 == 0, RequestFixtures.requestJson(f.responder, "NURSE", due(),
                    "PQ-G-PER-01")));
        }
        JsonPath first = f.as(f.requester).contentType("application/json").body(body(items)).post(BULK).then()
                .statusCode(200).body("created", equalTo(5)).extract().jsonPath();

        // the same body again (a client that lost the answer): every item replayed, nothing new
        items.add(item(run + "-5", true, RequestFixtures.requestJson(f.responder, "NURSE", due(), "PQ-G-PER-01")));
        JsonPath retry = f.as(f.requester).contentType("application/json").body(body(items)).post(BULK).then()
                .statusCode(200).body("created", equalTo(1)).body("replayed", equalTo(5)).extract().jsonPath();
        assertThat(retry.getList("items.id").subList(0, 5)).isEqualTo(first.getList("items.id"));
        assertThat(retry.getList("items.reference").subList(0, 5)).isEqualTo(first.getList("items.reference"));

        // a key already used for another request is refused for that item only
        f.as(f.requester).contentType("application/json").body(body(List.of(item(run + "-0", true,
                RequestFixtures.requestJson(f.responder, "NURSE", due(), "PQ-G-PER-02"))))).post(BULK).then()
                .statusCode(200).body("refused", equalTo(1)).body("items[0].problem.code",
                        equalTo("IDEMPOTENCY_KEY_REUSED"))
                .body("items[0].problem.errors[0].field", equalTo("items[0].idempotencyKey"));

        // keys are per client: another authority's client may use the same key
        RequestFixtures g = new RequestFixtures();
        g.as(g.requester).contentType("application/json").body(body(List.of(item(run + "-0", true,
                RequestFixtures.requestJson(g.responder, "NURSE", due(), "PQ-G-PER-01"))))).post(BULK).then()
                .statusCode(200).body("created", equalTo(1));

        assertThat(f.as(f.requester).get("/api/v1/requests?box=sent&size=500").then().statusCode(200).extract()
                .jsonPath().getList("id")).hasSize(6);
    }

    @Test
    void tooManyItemsOrTooLargeABodyAre413AndWriteNothing() {
        RequestFixtures f = new RequestFixtures();
        String item = item(UUID.randomUUID().toString(), true, RequestFixtures.requestJson(f.responder, "NURSE",
                due(), "PQ-G-PER-01"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(item.replaceFirst("\"idempotencyKey\":\"", "\"idempotencyKey\":\"" + i + "-"));
        }
        f.as(f.requester).contentType("application/json").body(body(many)).post(BULK).then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("TOO_MANY_ITEMS"));

        String huge = "{\"items\":[" + item + "]" + " ".repeat(4 * 1024 * 1024) + "}";
        f.as(f.requester).contentType("application/json").body(huge).post(BULK).then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));

        f.as(f.requester).contentType("application/json").body("{\"items\":null}").post(BULK).then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        f.as(f.requester).contentType("application/json").body("{\"items\":[]}").post(BULK).then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("items"));
        f.as(f.requester).contentType("application/json").body("{\"items\":[{\"idempotencyKey\":\"k\",\"extra\":1}]}")
                .post(BULK).then().statusCode(400).body("code", equalTo("UNKNOWN_FIELD"));
        f.as(f.requester).contentType("application/json").body("{\"items\":[").post(BULK).then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));

        assertThat(f.as(f.requester).get("/api/v1/requests?box=sent").then().statusCode(200).extract().jsonPath()
                .getList("id")).isEmpty();
    }

    @Test
    void onlyPartiesActingForAnAuthorityCallIt() {
        RequestFixtures f = new RequestFixtures();
        String body = body(List.of(item("k", true, RequestFixtures.requestJson(f.responder, "NURSE", due(),
                "PQ-G-PER-01"))));
        RestAssured.given().contentType("application/json").body(body).post(BULK).then().statusCode(401);
        RestAssured.given().auth().oauth2(Tokens.coordinator("NL")).contentType("application/json").body(body)
                .post(BULK).then().statusCode(403);
        RestAssured.given().auth().oauth2(Tokens.forAuthority(f.requester, Roles.AUTHORITY_ADMIN))
                .contentType("application/json").body(body).post(BULK).then().statusCode(403);
        assertThat(f.as(f.requester).get("/api/v1/requests?box=sent").then().statusCode(200).extract().jsonPath()
                .getList("id")).isEmpty();
    }

    private static LocalDate due() {
        return LocalDate.now().plusDays(20);
    }

    private static String item(String key, boolean send, String request) {
        return "{\"idempotencyKey\":\"" + key + "\",\"send\":" + send + ",\"request\":" + request + "}";
    }

    private static String body(List<String> items) {
        return "{\"items\":[" + String.join(",", items) + "]}";
    }
}
