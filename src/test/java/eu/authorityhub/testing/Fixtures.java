package eu.authorityhub.testing;

import java.util.Locale;
import java.util.UUID;

/** One place for test data builders, so tests build the state they need without sharing it. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fresh authority code of the given member state, unique per call. */
    public static String authorityCode(String memberState) {
        return memberState + "-T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** An authority with names, languages, professions, policy area and contact. */
    public static String fullAuthorityJson(String code, String memberState, String name, String... professions) {
        String list = String.join("\",\"", professions);
        return """
                {"code":"%s","memberState":"%s","name":"%s","names":{"en":"Ministry of Health"},
                 "workingLanguages":["it","en"],"professions":["%s"],"policyAreas":["PQ"],"alerts":"RECEIVE",
                 "contact":{"email":"imi@example.it","phone":"+39 06 5994 1","website":"https://www.salute.gov.it"}}"""
                .formatted(code, memberState, name, list);
    }

    /** Registers an authority competent for the given professions, through the API. */
    public static void createAuthority(String code, String memberState, String... professions) {
        io.restassured.RestAssured.given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(fullAuthorityJson(code, memberState, "Authority " + code, professions))
                .post("/api/v1/authorities").then().statusCode(201);
    }

    public static String authorityJson(String code, String memberState, String name) {
        return """
                {"code":"%s","memberState":"%s","name":"%s"}""".formatted(code, memberState, name);
    }

    /** A nurse request from one authority to another with one catalogue question, sent; returns its id. */
    public static String sentRequest(String from, String to) {
        String token = Tokens.forAuthority(from, eu.authorityhub.security.Roles.CASE_HANDLER);
        String id = io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json").body("""
                {"responder":"%s","policyArea":"PQ","procedure":"ESTABLISHMENT","profession":"NURSE",
                 "professional":{"familyName":"Kowalska","givenNames":"Anna","birthDate":"1984-03-12"},
                 "questions":["PQ-G-PER-01"],"requestedDueDate":"%s"}""".formatted(to, java.time.LocalDate.now()
                .plusDays(20))).post("/api/v1/requests").then().statusCode(201).extract().path("id");
        io.restassured.RestAssured.given().auth().oauth2(token).post("/api/v1/requests/" + id + "/send").then()
                .statusCode(200);
        return id;
    }
}
