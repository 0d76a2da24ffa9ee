package eu.authorityhub.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Real signed tokens: only a valid one, from the right issuer, for the hub, unexpired and untouched, gets in. */
@QuarkusTest
class TokenValidationTest {

    private static final String ME = "/api/v1/me";

    @Test
    void validTokenIsAccepted() {
        given().auth().oauth2(Tokens.caseHandler()).when().get(ME).then().statusCode(200)
                .body("subject", equalTo("handler")).body("roles[0]", equalTo(Roles.CASE_HANDLER));
    }

    @Test
    void expiredTokenIs401() {
        String token = Tokens.builder("late", Roles.CASE_HANDLER).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign();
        refused(token);
    }

    @Test
    void wrongIssuerIs401() {
        refused(Tokens.builder("elsewhere", Roles.CASE_HANDLER).issuer("https://other.example.com").sign());
    }

    @Test
    void wrongAudienceIs401() {
        refused(Tokens.builder("other-app", Roles.CASE_HANDLER).audience("another-service").sign());
    }

    @Test
    void tamperedTokenIs401() {
        String[] parts = Tokens.withRoles("honest", Roles.CASE_HANDLER).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace(Roles.CASE_HANDLER, Roles.HUB_ADMIN).getBytes());
        refused(parts[0] + "." + forged + "." + parts[2]);
    }

    @Test
    void unsignedTokenIs401() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String[] parts = Tokens.withRoles("nobody", Roles.HUB_ADMIN).split("\\.");
        refused(header + "." + parts[1] + ".");
    }

    @Test
    void missingRoleIs403() {
        given().auth().oauth2(Tokens.caseHandler()).contentType("application/json")
                .body("{\"code\":\"NL-X1\",\"memberState\":\"NL\",\"name\":\"x\"}").when().post("/api/v1/authorities")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    private static void refused(String token) {
        given().auth().oauth2(token).when().get(ME).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }
}
