package eu.authorityhub.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The hub reads who the caller acts for from the token, and trusts only what its directory knows. */
@QuarkusTest
class CallerResolutionTest {

    static String authority;
    static String coordinator;

    @BeforeEach
    void directory() {
        if (authority != null) {
            return;
        }
        authority = Fixtures.authorityCode("SK");
        coordinator = authority.replace("-T", "-NC");
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Fixtures.authorityJson(authority, "SK", "Slovak Medical Chamber")).post("/api/v1/authorities")
                .then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                {"code":"%s","kind":"NATIONAL","memberState":"SK","name":"National coordinator"}"""
                .formatted(coordinator)).post("/api/v1/coordinators").then().statusCode(201);
    }

    @Test
    void authorityFromItsClaim() {
        given().auth().oauth2(Tokens.forAuthority(authority, Roles.BACK_OFFICE)).when().get("/api/v1/me").then()
                .statusCode(200).body("authority", equalTo(authority)).body("authorityMemberState", equalTo("SK"))
                .body("roles", contains(Roles.BACK_OFFICE)).body("client", equalTo(Roles.BACK_OFFICE + "@"
                        + authority + "-client"));
    }

    @Test
    void authorityFromAGroupForProvidersThatOnlyEmitGroups() {
        given().auth().oauth2(Tokens.withRoles("person", Roles.CASE_HANDLER, "authority:" + authority)).when()
                .get("/api/v1/me").then().statusCode(200).body("authority", equalTo(authority))
                .body("roles", contains(Roles.CASE_HANDLER));
    }

    @Test
    void unknownOrDeactivatedAuthorityIsIgnored() {
        given().auth().oauth2(Tokens.forAuthority("SK-NOBODY", Roles.CASE_HANDLER)).when().get("/api/v1/me").then()
                .statusCode(200).body("authority", nullValue());
        String gone = Fixtures.authorityCode("SK");
        String token = Tokens.forAuthority(gone, Roles.CASE_HANDLER);
        // the caller directory remembers answers for a few seconds: each change must still show at once
        given().auth().oauth2(token).when().get("/api/v1/me").then().body("authority", nullValue());
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Fixtures.authorityJson(gone, "SK", "Closed")).post("/api/v1/authorities").then().statusCode(201);
        given().auth().oauth2(token).when().get("/api/v1/me").then().body("authority", equalTo(gone));
        given().auth().oauth2(Tokens.admin()).post("/api/v1/authorities/" + gone + "/deactivate").then()
                .statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/me").then().body("authority", nullValue());
    }

    @Test
    void coordinatorScopeComesFromTheDirectory() {
        given().auth().oauth2(Tokens.coordinator(coordinator)).when().get("/api/v1/me").then().statusCode(200)
                .body("coordinator.code", equalTo(coordinator)).body("coordinator.kind", equalTo("NATIONAL"))
                .body("coordinator.memberState", equalTo("SK"));
    }
}
