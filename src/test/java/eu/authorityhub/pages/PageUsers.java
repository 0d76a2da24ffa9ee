package eu.authorityhub.pages;

import java.util.Locale;

import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.PagesIdentityProvider;
import eu.authorityhub.testing.Tokens;

/** Fresh authorities competent for nurses, each with a person who may sign in to the pages. */
final class PageUsers {

    private PageUsers() {
    }

    /** A fresh authority of the member state that receives alerts, with a case handler; returns its code. */
    static String handler(String memberState) {
        String code = Fixtures.authorityCode(memberState);
        Fixtures.createAuthority(code, memberState, "NURSE");
        PagesIdentityProvider.user(user(code), Roles.CASE_HANDLER, "authority:" + code);
        return code;
    }

    /** A fresh authority that sends and receives alerts, with a case handler; returns its code. */
    static String alertingHandler(String memberState) {
        String code = Fixtures.authorityCode(memberState);
        io.restassured.RestAssured.given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Fixtures.fullAuthorityJson(code, memberState, "Authority " + code, "NURSE").replace(
                        "\"RECEIVE\"", "\"SEND_AND_RECEIVE\""))
                .post("/api/v1/authorities").then().statusCode(201);
        PagesIdentityProvider.user(user(code), Roles.CASE_HANDLER, "authority:" + code);
        return code;
    }

    /** The authority's administrator (who connects its back office); signs in as {@link #admin}. */
    static String withAdmin(String code) {
        PagesIdentityProvider.user(admin(code), Roles.AUTHORITY_ADMIN, Roles.CASE_HANDLER, "authority:" + code);
        return admin(code);
    }

    static String user(String authority) {
        return "handler-" + authority.toLowerCase(Locale.ROOT);
    }

    static String admin(String authority) {
        return "admin-" + authority.toLowerCase(Locale.ROOT);
    }
}
