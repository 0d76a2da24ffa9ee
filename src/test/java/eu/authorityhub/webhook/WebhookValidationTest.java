package eu.authorityhub.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Bad subscriptions get a 4xx problem with a stable code, and nothing is written. */
@QuarkusTest
class WebhookValidationTest {

    private static final String WEBHOOKS = "/api/v1/webhooks";

    @Test
    void refusedAddressesOfEveryClass() {
        String owner = WebhookDeliveryTest.authority("GR", "RECEIVE", "NURSE");
        List<String> refused = List.of("http://127.0.0.2/h", "http://[::1]/h", "http://10.1.2.3/h",
                "http://172.16.5.4/h", "http://192.168.1.1/h", "http://169.254.169.254/latest/meta-data",
                "http://169.254.10.10/h", "http://100.64.0.1/h", "http://[fe80::1]/h", "http://[fd00::1]/h",
                "http://[fd00:ec2::254]/h", "http://[::ffff:10.0.0.1]/h", "http://[::ffff:127.0.0.2]/h",
                "http://[64:ff9b::a00:1]/h", "http://[2002:a00:1::]/h", "http://0.0.0.0/h", "http://224.0.0.1/h",
                "http://240.0.0.1/h", "http://127.255.255.254:8080/h");
        for (String url : refused) {
            WebhookDeliveryTest.owner(owner).contentType("application/json").body("""
                    {"url":"%s","eventTypes":["eu.authorityhub.alert.*"]}""".formatted(url)).post(WEBHOOKS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("WEBHOOK_ADDRESS_REFUSED"));
        }
        assertNothingWritten(owner);
    }

    @Test
    void malformedFiltersTemplatesAndUrls() {
        String owner = WebhookDeliveryTest.authority("CY", "RECEIVE", "NURSE");
        String ok = "http://127.0.0.1:9/h";
        expect(owner, "{\"url\":\"not a url\",\"eventTypes\":[\"eu.authorityhub.alert.*\"]}", "WEBHOOK_URL_INVALID");
        expect(owner, "{\"url\":\"ftp://127.0.0.1/h\",\"eventTypes\":[\"eu.authorityhub.alert.*\"]}",
                "WEBHOOK_URL_INVALID");
        expect(owner, "{\"url\":\"http://user:pw@127.0.0.1:9/h\",\"eventTypes\":[\"eu.authorityhub.alert.*\"]}",
                "WEBHOOK_URL_INVALID");
        expect(owner, "{\"url\":\"/relative\",\"eventTypes\":[\"eu.authorityhub.alert.*\"]}", "WEBHOOK_URL_INVALID");
        expect(owner, "{\"url\":\"http://no-such-host.invalid/h\",\"eventTypes\":[\"eu.authorityhub.alert.*\"]}",
                "WEBHOOK_ADDRESS_REFUSED");
        expect(owner, "{\"url\":\"" + ok + "\",\"eventTypes\":[\"eu.authorityhub.alert.brodcast.v1\"]}",
                "UNKNOWN_EVENT_TYPE");
        expect(owner, "{\"url\":\"" + ok + "\",\"eventTypes\":[\"com.example.*\"]}", "UNKNOWN_EVENT_TYPE");
        expect(owner, "{\"url\":\"" + ok + "\",\"eventTypes\":[]}", "VALIDATION_FAILED");
        expect(owner, "{\"url\":\"" + ok + "\",\"eventTypes\":[\"eu.authorityhub.*\"],\"mode\":\"TRANSFORMED\","
                + "\"transform\":\"{ \\\"a\\\": .data.x \"}", "TEMPLATE_INVALID");
        expect(owner, "{\"url\":\"" + ok + "\",\"eventTypes\":[\"eu.authorityhub.*\"],\"mode\":\"TRANSFORMED\"}",
                "VALIDATION_FAILED");
        expect(owner, "{\"url\":\"" + ok + "\",\"eventTypes\":[\"eu.authorityhub.*\"],\"mode\":\"SIDEWAYS\"}",
                "UNKNOWN_ENUM_VALUE");
        expect(owner, "{\"url\":\"" + ok + "\",\"eventTypes\":[\"eu.authorityhub.*\"],\"memberStates\":[\"XX\"]}",
                "VALIDATION_FAILED");
        expect(owner, "{\"url\":\"" + ok + "\",\"eventTypes\":[\"eu.authorityhub.*\"],\"rateLimit\":0}",
                "VALIDATION_FAILED");
        expect(owner, "{\"url\":\"" + ok + "\",\"eventTypes\":[\"eu.authorityhub.*\"],\"secret\":\"mine\"}",
                "UNKNOWN_FIELD");
        assertNothingWritten(owner);

        // the allow-list: hub administrators only, CIDR checked
        io.restassured.RestAssured.given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("{\"networks\":[\"10.0.0.0/33\"],\"hosts\":[]}").put("/api/v1/webhook-allow-lists/" + owner)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("detail", containsString("10.0.0.0/33"));
    }

    private static void expect(String owner, String body, String code) {
        WebhookDeliveryTest.owner(owner).contentType("application/json").body(body).post(WEBHOOKS).then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo(code));
    }

    private static void assertNothingWritten(String owner) {
        List<?> mine = WebhookDeliveryTest.owner(owner).get(WEBHOOKS).then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(mine).isEmpty();
    }
}
