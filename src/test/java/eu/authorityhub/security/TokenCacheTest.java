package eu.authorityhub.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The verified-token cache against real signed tokens: a token's signature is checked once, the cache never serves a
 * token past its exp, and a token that fails (tampered, foreign) is never kept.
 */
@QuarkusTest
class TokenCacheTest {

    private static final String ME = "/api/v1/me";

    @Inject
    VerifiedTokenCache cache;

    @Test
    void aVerifiedTokenIsCheckedOnceThenServedFromTheCache() {
        String token = Tokens.withRoles("cached-" + System.nanoTime(), Roles.CASE_HANDLER);
        double hits = cache.hits();
        given().auth().oauth2(token).get(ME).then().statusCode(200).body("roles[0]", equalTo(Roles.CASE_HANDLER));
        assertThat(cache.hits()).as("the first call verifies").isEqualTo(hits);
        given().auth().oauth2(token).get(ME).then().statusCode(200).body("roles[0]", equalTo(Roles.CASE_HANDLER));
        given().auth().oauth2(token).get(ME).then().statusCode(200);
        assertThat(cache.hits()).as("later calls are served from the cache").isEqualTo(hits + 2);
    }

    @Test
    void aTamperedTokenIsRefusedAndNeverKept() {
        String token = Tokens.withRoles("tampered-" + System.nanoTime(), Roles.CASE_HANDLER);
        given().auth().oauth2(token).get(ME).then().statusCode(200);
        int kept = cache.size();
        // the signature changed, and a claim changed under the original signature: other tokens, both refused
        String badSignature = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8)
                .replace(Roles.CASE_HANDLER, Roles.HUB_ADMIN);
        String badClaims = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        for (String bad : new String[]{badSignature, badClaims}) {
            given().auth().oauth2(bad).get(ME).then().statusCode(401);
            given().auth().oauth2(bad).get(ME).then().statusCode(401);
        }
        assertThat(cache.size()).isEqualTo(kept);
        given().auth().oauth2(token).get(ME).then().statusCode(200).body("roles[0]", equalTo(Roles.CASE_HANDLER));
    }

    @Test
    void aKeptTokenIsRefusedOnceItExpires() {
        String token = Tokens.builder("short-lived-" + System.nanoTime(), Roles.CASE_HANDLER).expiresAt(Instant.now()
                .plusSeconds(3)).sign();
        given().auth().oauth2(token).get(ME).then().statusCode(200);
        given().auth().oauth2(token).get(ME).then().statusCode(200);
        // no sleep: the call is repeated until the token's exp has passed; the cache must not serve it beyond that
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> given()
                .auth().oauth2(token).get(ME).statusCode() == 401);
    }
}
