package eu.authorityhub.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.PageSession;
import eu.authorityhub.testing.PagesIdentityProvider;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * After a full journey (a request from draft to closure, refused input, an alert, pages), the hub's log holds no
 * professional's name, birth date or answer: the test writes unique ones and looks for them in the log file.
 */
@QuarkusTest
class LogScanTest {

    private static final Path LOG = Path.of("target", "hub-test.log");

    @Test
    void theLogNamesNoProfessionalNoBirthDateNoAnswer() throws Exception {
        String name = "Zqx" + Long.toString(System.nanoTime(), 36);
        String given = "Vwy" + Long.toString(System.nanoTime() / 7, 36);
        String answer = "Answer-" + Long.toString(System.nanoTime() / 13, 36);
        String born = "1961-07-19";
        String requester = Fixtures.authorityCode("PL");
        String responder = Fixtures.authorityCode("NL");
        Fixtures.createAuthority(requester, "PL", "NURSE");
        Fixtures.createAuthority(responder, "NL", "NURSE");
        String issuer = Fixtures.authorityCode("SE");
        RestAssured.given().auth().oauth2(Tokens.admin()).contentType("application/json").body(Fixtures
                .fullAuthorityJson(issuer, "SE", "Authority " + issuer, "MIDWIFE").replace("\"RECEIVE\"",
                        "\"SEND\""))
                .post("/api/v1/authorities").then().statusCode(201);

        String professional = """
                {"familyName":"%s","givenNames":"%s","birthDate":"%s"}""".formatted(name, given, born);
        String id = as(requester).contentType("application/json").body("""
                {"responder":"%s","policyArea":"PQ","procedure":"GENERAL","profession":"NURSE","professional":%s,
                 "questions":["PQ-G-PER-01"],"freeTextQuestions":["Did %s ever practise elsewhere?"],
                 "requestedDueDate":"%s"}""".formatted(responder, professional, name, LocalDate.now().plusDays(20)))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        as(requester).post("/api/v1/requests/" + id + "/send").then().statusCode(200);
        as(responder).contentType("application/json").body("{}").post("/api/v1/requests/" + id + "/accept").then()
                .statusCode(200);
        as(responder).contentType("application/json").body("{\"answers\":[{\"position\":1,\"value\":true},"
                + "{\"position\":2,\"value\":\"" + answer + "\"}]}").post("/api/v1/requests/" + id + "/answer")
                .then().statusCode(200);
        as(requester).post("/api/v1/requests/" + id + "/close").then().statusCode(200);
        // refused input that carries the data: the refusal is logged, never the body
        as(requester).contentType("application/json").body("""
                {"responder":"%s","policyArea":"PQ","procedure":"GENERAL","profession":"NURSE","professional":%s,
                 "requestedDueDate":"1999-01-01","questions":[42]}""".formatted(responder, professional)).post(
                "/api/v1/requests").then().statusCode(400);
        as(requester).contentType("application/json").body("{\"professional\":" + professional + ",").post(
                "/api/v1/requests").then().statusCode(400);
        RestAssured.given().auth().oauth2(Tokens.forAuthority(issuer, Roles.CASE_HANDLER)).contentType(
                "application/json").body(
                        """
                                {"professional":%s,"profession":"MIDWIFE","type":"RESTRICTION_OR_PROHIBITION",
                                 "scope":"FULL_PROHIBITION","decidingBody":"Board","decisionDate":"%s","periodFrom":"%s"}"""
                                .formatted(professional, LocalDate.now(), LocalDate.now()))
                .post("/api/v1/alerts").then()
                .statusCode(201);
        PagesIdentityProvider.user("log-scan-" + requester.toLowerCase(), Roles.CASE_HANDLER, "authority:"
                + requester);
        var session = PageSession.signedIn("log-scan-" + requester.toLowerCase());
        assertThat(PageSession.get(session, "/app/requests/" + id)).isEqualTo(200);

        // the consumers have seen every event of the journey (their work is logged too, if anything)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> RestAssured.given().auth().oauth2(Tokens
                .forAuthority(responder, Roles.CASE_HANDLER)).get("/api/v1/inbox").asString().contains(
                        "request.close.v1"));
        assertThat(LOG).exists();
        String log = Files.readString(LOG, StandardCharsets.ISO_8859_1);
        assertThat(log).as("the hub's log, not an empty file").contains("started in");
        for (String secret : List.of(name, given, answer, born)) {
            assertThat(log).as("the log holds " + secret).doesNotContain(secret);
        }
    }

    private static RequestSpecification as(String authority) {
        return RestAssured.given().auth().oauth2(Tokens.forAuthority(authority, Roles.CASE_HANDLER));
    }
}
