package eu.authorityhub.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import eu.authorityhub.messaging.Topics;
import eu.authorityhub.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The whole life of a request through the HTTP API, as two authorities in two member states (and a third that the
 * request is forwarded to), with real tokens, on the real broker and database.
 */
@QuarkusTest
class RequestLifecycleTest {

    @Test
    void fromDraftToClosedWithForwardFurtherInformationAndDueDateRenegotiation() {
        RequestFixtures f = new RequestFixtures();
        LocalDate requested = LocalDate.now().plusDays(20);
        LocalDate proposed = LocalDate.now().plusDays(30);
        try (TopicProbe events = new TopicProbe(Topics.REQUEST_EVENTS);
                TopicProbe netherlands = new TopicProbe(Topics.memberState("NL"));
                TopicProbe france = new TopicProbe(Topics.memberState("FR"))) {

            String id = f.draft("PQ-G-PER-01", "PQ-G-QUA-02", "PQ-G-PER-02");
            String path = "/api/v1/requests/" + id;
            // a draft is the requester's alone
            f.as(f.responder).get(path).then().statusCode(404);

            // send, retried with the same Idempotency-Key: one effect
            String first = f.as(f.requester).header("Idempotency-Key", "send-" + id).post(path + "/send").then()
                    .statusCode(200).body("state", equalTo("SENT")).extract().asString();
            String retry = f.as(f.requester).header("Idempotency-Key", "send-" + id).post(path + "/send").then()
                    .statusCode(200).header("Idempotent-Replayed", "true").extract().asString();
            assertThat(retry).isEqualTo(first);

            // each party reads the questions in its own language
            f.as(f.responder).header("Accept-Language", "nl").get(path).then().statusCode(200)
                    .body("questions[0].text", equalTo("Is de persoon bij uw autoriteit ingeschreven?"))
                    .body("professional.familyName", equalTo("Kowalska"));
            f.as(f.requester).header("Accept-Language", "de").get(path).then()
                    .body("questions[0].text", equalTo("Ist die Person bei Ihrer Behörde eingetragen?"))
                    .body("questions[3].text", equalTo("Was the registration ever suspended?"));

            // due date: the responder accepts proposing another date, the requester agrees
            f.as(f.responder).contentType("application/json").body("{\"proposedDueDate\":\"" + proposed + "\"}")
                    .post(path + "/accept").then().statusCode(200).body("state", equalTo("ACCEPTED"))
                    .body("proposedDueDate", equalTo(proposed.toString())).body("agreedDueDate", nullValue());
            f.as(f.requester).post(path + "/due-date/agreement").then().statusCode(200)
                    .body("agreedDueDate", equalTo(proposed.toString())).body("proposedDueDate", nullValue());

            // forwarded, after acceptance, to a more competent authority in another member state
            f.as(f.responder).contentType("application/json")
                    .body("{\"to\":\"" + f.other + "\",\"reason\":\"The nurse is registered in France\"}")
                    .post(path + "/forward").then().statusCode(200).body("responder", equalTo(f.other))
                    .body("state", equalTo("SENT"));
            f.as(f.responder).get(path).then().statusCode(404);
            f.as(f.other).contentType("application/json").body("{}").post(path + "/accept").then().statusCode(200)
                    .body("agreedDueDate", equalTo(requested.toString()));

            // answers are checked against their type, and all are needed
            f.as(f.other).contentType("application/json").body("{\"answers\":[{\"position\":1,\"value\":true}]}")
                    .post(path + "/answers").then().statusCode(200);
            f.as(f.other).contentType("application/json").body("{}").post(path + "/answer").then().statusCode(409)
                    .body("code", equalTo("REQUEST_INCOMPLETE"));
            f.as(f.other).contentType("application/json")
                    .body("{\"answers\":[{\"position\":2,\"value\":\"SOMETHING_ELSE\"}]}").post(path + "/answer").then()
                    .statusCode(400).body("code", equalTo("INVALID_ANSWER"));
            f.as(f.other).contentType("application/json").body("""
                    {"answers":[{"position":2,"value":"AUTOMATIC_RECOGNITION"},{"position":3,"value":"2010-06-01"},
                                {"position":4,"value":"Never suspended."}]}""").post(path + "/answer").then()
                    .statusCode(200).body("state", equalTo("ANSWERED"));

            // further information: back to the responder, answered again
            f.as(f.requester).contentType("application/json")
                    .body("{\"questions\":[\"Which specialisation is registered?\"]}")
                    .post(path + "/further-information").then().statusCode(200)
                    .body("state", equalTo("FURTHER_INFO_REQUESTED")).body("questions[4].round", equalTo(2));
            f.as(f.other).contentType("application/json")
                    .body("{\"answers\":[{\"position\":5,\"value\":\"Intensive care\"}]}").post(path + "/answer").then()
                    .statusCode(200).body("state", equalTo("ANSWERED"));

            // the wrong party, then the right one, then once too often
            f.as(f.other).post(path + "/close").then().statusCode(403).body("code", equalTo("WRONG_PARTY"));
            f.as(f.requester).post(path + "/close").then().statusCode(200).body("state", equalTo("CLOSED"));
            f.as(f.requester).post(path + "/close").then().statusCode(409).body("code", equalTo("ILLEGAL_TRANSITION"));

            ValidatableResponse timeline = f.as(f.requester).get(path + "/timeline").then().statusCode(200);
            assertThat(timeline.extract().<List<String>>path("action")).containsExactly("CREATE", "SEND", "ACCEPT",
                    "AGREE_DUE_DATE", "FORWARD", "ACCEPT", "SAVE_ANSWERS", "ANSWER", "REQUEST_FURTHER_INFO",
                    "ANSWER", "CLOSE");
            timeline.body("find { it.action == 'FORWARD' }.authority", equalTo(f.responder));

            // on Kafka: every transition in order under the request id; the member-state topics got theirs
            events.until(r -> id.equals(r.key()) && r.value().contains(".close.v1"));
            assertThat(events.withKey(id).stream().map(RequestLifecycleTest::type).toList()).containsExactly(
                    "send", "accept", "agree-due-date", "forward", "accept", "answer", "request-further-info",
                    "answer", "close");
            netherlands.until(r -> id.equals(r.key()) && r.value().contains(".send.v1"));
            france.until(r -> id.equals(r.key()) && r.value().contains(".forward.v1"));
            assertThat(events.withKey(id).get(0).value()).doesNotContain("Kowalska");

            // inboxes, built by the consumer
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> f.as(f.other).get("/api/v1/inbox")
                    .then().statusCode(200).body("entries.findAll { it.caseId == '" + id + "' }.eventType",
                            hasItem("eu.authorityhub.request.close.v1")));
            f.as(f.requester).get("/api/v1/inbox").then().body("entries.findAll { it.caseId == '" + id
                    + "' }.eventType", hasItem("eu.authorityhub.request.answer.v1"));
        }
    }

    @Test
    void partOfTheQuestionsForwardedBecomesALinkedRequest() {
        RequestFixtures f = new RequestFixtures();
        String id = f.sent("PQ-G-PER-01", "PQ-G-EXE-01");
        String part = f.as(f.responder).contentType("application/json")
                .body("{\"to\":\"" + f.other + "\",\"reason\":\"Exercise is checked in France\",\"positions\":[2]}")
                .post("/api/v1/requests/" + id + "/forward").then().statusCode(200)
                .body("responder", equalTo(f.responder)).body("questions.code", org.hamcrest.Matchers.contains(
                        "PQ-G-PER-01", null))
                .extract().path("reference");
        assertThat(part).isNotNull();
        f.as(f.other).get("/api/v1/requests?box=received").then().statusCode(200)
                .body("find { it.reference.startsWith('" + part + "') }.responder", equalTo(f.other));
    }

    @Test
    void declineAndWithdraw() {
        RequestFixtures f = new RequestFixtures();
        String declined = f.sent("PQ-G-PER-01");
        f.as(f.responder).contentType("application/json").body("{\"reason\":\"Not our register\"}")
                .post("/api/v1/requests/" + declined + "/decline").then().statusCode(200)
                .body("state", equalTo("DECLINED")).body("declineReason", equalTo("Not our register"));
        String withdrawn = f.sent("PQ-G-PER-01");
        f.as(f.responder).contentType("application/json").body("{\"reason\":\"x\"}")
                .post("/api/v1/requests/" + withdrawn + "/withdraw").then().statusCode(403)
                .body("code", equalTo("WRONG_PARTY"));
        f.as(f.requester).contentType("application/json").body("{\"reason\":\"Solved otherwise\"}")
                .post("/api/v1/requests/" + withdrawn + "/withdraw").then().statusCode(200)
                .body("state", equalTo("WITHDRAWN"));
    }

    private static String type(ConsumerRecord<String, String> r) {
        return r.value().replaceAll(".*\"type\":\"eu\\.authorityhub\\.request\\.([a-z-]+)\\.v1\".*", "$1");
    }
}
