package eu.authorityhub.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input gets problem+json with a stable code, and writes nothing. */
@QuarkusTest
class ErrorModelTest {

    private static final String AUTHORITIES = "/api/v1/authorities";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON          | {"code":"NL-X" "memberState"}                                        | MALFORMED_JSON
            wrong type              | {"code":"CODE","memberState":5,"name":"x"}                           | INVALID_FIELD_TYPE
            unknown enum value      | {"code":"CODE","memberState":"NL","name":"x","alerts":"SOMETIMES"}   | UNKNOWN_ENUM_VALUE
            unknown field           | {"code":"CODE","memberState":"NL","name":"x","reason":"y"}           | UNKNOWN_FIELD
            duplicated field        | {"code":"CODE","code":"CODE","memberState":"NL","name":"x"}          | DUPLICATE_FIELD
            invalid values          | {"code":"nl","memberState":"NL","name":""}                           | VALIDATION_FAILED
            not an EEA state        | {"code":"US-CODE","memberState":"US","name":"x"}                     | VALIDATION_FAILED
            array instead of object | [1,2]                                                                | INVALID_FIELD_TYPE
            trailing garbage        | {"code":"CODE","memberState":"NL","name":"x"} {}                     | MALFORMED_JSON
            """)
    void badBodyIsRefusedWithCodeAndNothingIsWritten(String name, String body, String code) {
        String authority = Fixtures.authorityCode("NL");
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body.replace("CODE", authority))
                .when().post(AUTHORITIES)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("code", equalTo(code))
                .body("status", equalTo(400)).body("type", startsWith("https://"))
                .body("instance", equalTo(AUTHORITIES))
                .body(not(containsString("Exception"))).body(not(containsString("eu.authorityhub")));
        given().auth().oauth2(Tokens.admin()).when().get(AUTHORITIES + "/" + authority).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void fieldErrorsNameTheField() {
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("{\"code\":\"nl\",\"memberState\":\"NL\",\"name\":\"\"}").when().post(AUTHORITIES).then()
                .statusCode(400).body("errors.field", hasItem("code")).body("errors.field", hasItem("name"));
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] body = "{\"code\":\"NL-\u0000\",\"memberState\":\"NL\",\"name\":\"x\"}".getBytes();
        body[13] = (byte) 0xff;
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body).when().post(AUTHORITIES)
                .then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"name\":\"" + "a".repeat(1_100_000) + "\"}";
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(big).when().post(AUTHORITIES)
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE).body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void wrongMediaTypeAndMethodAndPath() {
        given().auth().oauth2(Tokens.admin()).contentType("text/plain").body("x").when().post(AUTHORITIES).then()
                .statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().auth().oauth2(Tokens.admin()).when().delete(AUTHORITIES).then().statusCode(405)
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("NOT_FOUND"));
        given().when().get("/no/such/page").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void securityFailuresAreProblems() {
        String body = Fixtures.authorityJson(Fixtures.authorityCode("NL"), "NL", "x");
        given().contentType("application/json").body(body).when().post(AUTHORITIES).then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE).header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(Tokens.admin() + "x").when().get(AUTHORITIES).then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(Tokens.caseHandler()).contentType("application/json").body(body).when().post(AUTHORITIES)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void duplicateCodeIsConflict() {
        String code = Fixtures.authorityCode("DE");
        String body = Fixtures.authorityJson(code, "DE", "Landesamt");
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body).when().post(AUTHORITIES)
                .then().statusCode(201).header("Location", containsString(code));
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body).when().post(AUTHORITIES)
                .then().statusCode(409).body("code", equalTo("AUTHORITY_CODE_TAKEN"));
    }

    @Test
    void operationalEndpoints() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("kafka"))
                .body("checks.name", hasItem("Database connections health check"));
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", startsWith("3."));
        given().when().get("/q/metrics").then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("hub_outbox_published"));
    }
}
