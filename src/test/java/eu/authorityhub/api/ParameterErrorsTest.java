package eu.authorityhub.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Malformed path and query parameters are problems with a code, never a 500 or an HTML page. */
@QuarkusTest
class ParameterErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/requests?state=SOMETIMES", "/api/v1/requests?page=-1",
            "/api/v1/requests?size=abc", "/api/v1/requests/not-a-uuid", "/api/v1/alerts/received?type=X",
            "/api/v1/alerts/received?from=yesterday", "/api/v1/indicators?from=2026-13-45",
            "/api/v1/inbox?after=-5", "/api/v1/deadlines/abc/notes"})
    void malformedParametersAreProblems(String path) {
        String token = Tokens.forAuthority(Fixtures.authorityCode("NL"), Roles.CASE_HANDLER);
        int status = given().auth().oauth2(token).when().get(path).then().contentType(Problem.MEDIA_TYPE)
                .body("code", org.hamcrest.Matchers.notNullValue()).extract().statusCode();
        org.assertj.core.api.Assertions.assertThat(status).as(path).isBetween(400, 499);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/requests?state=SOMETIMES", "/api/v1/alerts/received?from=yesterday"})
    void badQueryValuesAre400(String path) {
        given().auth().oauth2(Tokens.forAuthority(Fixtures.authorityCode("NL"), Roles.CASE_HANDLER)).when().get(path)
                .then().statusCode(400).body("code", equalTo("INVALID_PARAMETER")).body("type", startsWith("https://"));
    }
}
