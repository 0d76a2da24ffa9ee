package eu.authorityhub.request;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;

import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.Tokens;
import io.restassured.specification.RequestSpecification;

/** Parties and request bodies for request tests; every call creates fresh authorities. */
final class RequestFixtures {

    final String requester = Fixtures.authorityCode("PL");
    final String responder = Fixtures.authorityCode("NL");
    final String other = Fixtures.authorityCode("FR");

    RequestFixtures() {
        Fixtures.createAuthority(requester, "PL", "NURSE", "DOCTOR");
        Fixtures.createAuthority(responder, "NL", "NURSE");
        Fixtures.createAuthority(other, "FR", "NURSE");
    }

    RequestSpecification as(String authority) {
        return given().auth().oauth2(Tokens.forAuthority(authority, Roles.CASE_HANDLER));
    }

    static String requestJson(String responder, String profession, LocalDate due, String... codes) {
        return """
                {"responder":"%s","policyArea":"PQ","procedure":"ESTABLISHMENT","profession":"%s",
                 "professional":{"familyName":"Kowalska","givenNames":"Anna","birthDate":"1984-03-12",
                                 "birthPlace":"Kraków","nationality":"PL","identifiers":{"PWZ":"1234567"}},
                 "questions":[%s],"freeTextQuestions":["Was the registration ever suspended?"],
                 "requestedDueDate":"%s","language":"pl"}"""
                .formatted(responder, profession, codes.length == 0 ? "" : "\"" + String.join("\",\"", codes) + "\"",
                        due);
    }

    String draft(String... codes) {
        return as(requester).contentType("application/json")
                .body(requestJson(responder, "NURSE", LocalDate.now().plusDays(20), codes)).post("/api/v1/requests")
                .then().statusCode(201).extract().path("id");
    }

    String sent(String... codes) {
        String id = draft(codes);
        as(requester).post("/api/v1/requests/" + id + "/send").then().statusCode(200);
        return id;
    }
}
