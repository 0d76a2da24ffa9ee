package eu.authorityhub.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import eu.authorityhub.api.Problem;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Per-client limits: the test configuration gives client "rate-probe" a burst of 3 and almost no refill. */
@QuarkusTest
class RateLimitTest {

    @Test
    void clientOverItsLimitGets429WithRetryAfterAndOthersAreUnaffected() {
        String probe = Tokens.builder("probe", Roles.CASE_HANDLER).claim("azp", "rate-probe").sign();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(probe).when().get("/api/v1/me").then().statusCode(200);
        }
        given().auth().oauth2(probe).when().get("/api/v1/me").then().statusCode(429).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("RATE_LIMITED")).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(Tokens.caseHandler()).when().get("/api/v1/me").then().statusCode(200);
    }
}
