package eu.authorityhub.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import eu.authorityhub.messaging.EventTypes;
import eu.authorityhub.messaging.Topics;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.Tokens;
import eu.authorityhub.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

/** The directory through its HTTP API, with its events on the real broker. */
@QuarkusTest
class DirectoryApiTest {

    private static final String AUTHORITIES = "/api/v1/authorities";

    @Test
    void lifecycleOfAnAuthorityWithItsEvents() {
        String code = Fixtures.authorityCode("IT");
        try (TopicProbe probe = new TopicProbe(Topics.DIRECTORY_EVENTS)) {
            given().auth().oauth2(Tokens.admin()).contentType("application/json")
                    .body(Fixtures.fullAuthorityJson(code, "IT", "Ministero della Salute", "DOCTOR", "NURSE")).when()
                    .post(AUTHORITIES).then().statusCode(201).body("professions", contains("DOCTOR", "NURSE"))
                    .body("names.en", equalTo("Ministry of Health")).body("contact.email", equalTo("imi@example.it"))
                    .body("version", equalTo(0));

            // public look-ups, no token
            given().when().get(AUTHORITIES + "/" + code).then().statusCode(200).body("memberState", equalTo("IT"));
            given().queryParam("profession", "NURSE").queryParam("memberState", "IT").when()
                    .get(AUTHORITIES + "/competent").then().statusCode(200).body("code", hasItem(code));

            given().auth().oauth2(Tokens.admin()).contentType("application/json")
                    .body("""
                            {"version":0,"name":"Ministero della Salute","professions":["DOCTOR","MIDWIFE"],"alerts":"SEND_AND_RECEIVE"}""")
                    .when().put(AUTHORITIES + "/" + code).then().statusCode(200).body("version", equalTo(1))
                    .body("professions", contains("DOCTOR", "MIDWIFE"));
            // a change based on the old version is refused, nothing is lost
            given().auth().oauth2(Tokens.admin()).contentType("application/json")
                    .body("{\"version\":0,\"name\":\"Stale\"}").when().put(AUTHORITIES + "/" + code).then()
                    .statusCode(409).body("code", equalTo("CONCURRENT_MODIFICATION"));
            given().queryParam("profession", "NURSE").queryParam("memberState", "IT").when()
                    .get(AUTHORITIES + "/competent").then().body("code", not(hasItem(code)));

            given().auth().oauth2(Tokens.admin()).when().post(AUTHORITIES + "/" + code + "/deactivate").then()
                    .statusCode(200).body("active", equalTo(false));
            given().queryParam("profession", "DOCTOR").queryParam("memberState", "IT").when()
                    .get(AUTHORITIES + "/competent").then().body("code", not(hasItem(code)));

            probe.until(r -> code.equals(r.key()) && r.value().contains(EventTypes.AUTHORITY_DEACTIVATED));
            List<String> types = probe.withKey(code).stream().map(ConsumerRecord::value)
                    .map(v -> v.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1")).toList();
            assertThat(types).containsExactly(EventTypes.AUTHORITY_CREATED, EventTypes.AUTHORITY_UPDATED,
                    EventTypes.AUTHORITY_DEACTIVATED);
        }
    }

    @Test
    void searchFiltersSortsAndPages() {
        String tag = Fixtures.authorityCode("LV").substring(4);
        String a = "LV-A" + tag, b = "LV-B" + tag, c = "LV-C" + tag;
        create(a, "LV", "Zeta board " + tag, "DENTIST");
        create(b, "LV", "alpha board " + tag, "DENTIST");
        create(c, "LV", "Midwives " + tag, "MIDWIFE");

        given().auth().oauth2(Tokens.caseHandler()).queryParam("name", "board " + tag).queryParam("sort", "name")
                .when().get(AUTHORITIES).then().statusCode(200).body("total", equalTo(2))
                .body("items.code", contains(b, a));
        given().auth().oauth2(Tokens.caseHandler()).queryParam("name", tag.toLowerCase()).queryParam("sort", "-code")
                .queryParam("size", 2).queryParam("page", 0).when().get(AUTHORITIES).then()
                .body("total", equalTo(3)).body("items.code", contains(c, b));
        given().auth().oauth2(Tokens.caseHandler()).queryParam("name", tag).queryParam("profession", "MIDWIFE")
                .queryParam("memberState", "LV").when().get(AUTHORITIES).then().body("items.code", contains(c));
        given().auth().oauth2(Tokens.caseHandler()).queryParam("name", tag).queryParam("memberState", "EE").when()
                .get(AUTHORITIES).then().body("items", empty());
        // LIKE wildcards in the name are literal
        given().auth().oauth2(Tokens.caseHandler()).queryParam("name", "%").queryParam("memberState", "LV")
                .queryParam("profession", "MIDWIFE").when().get(AUTHORITIES).then().body("items", empty());
    }

    @Test
    void badDirectoryInputIsRefusedWithCodes() {
        String code = Fixtures.authorityCode("NL");
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Fixtures.fullAuthorityJson(code, "NL", "x", "DOCTOR", "ASTRONAUT")).when().post(AUTHORITIES)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("professions[1]"));
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Fixtures.authorityJson("FR-" + code.substring(3), "NL", "x")).when().post(AUTHORITIES).then()
                .statusCode(400).body("errors.field", contains("code"));
        given().queryParam("profession", "ASTRONAUT").queryParam("memberState", "NL").when()
                .get(AUTHORITIES + "/competent").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().queryParam("memberState", "NL").when().get(AUTHORITIES + "/competent").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(Tokens.caseHandler()).queryParam("sort", "secret_column").when().get(AUTHORITIES)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(Tokens.caseHandler()).queryParam("size", 100000).when().get(AUTHORITIES).then()
                .statusCode(400);
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("{\"version\":0,\"name\":\"x\"}")
                .when().put(AUTHORITIES + "/NL-DOES-NOT-EXIST").then().statusCode(404).body("code",
                        equalTo("NOT_FOUND"));
        given().when().get(AUTHORITIES + "/" + code).then().statusCode(404);
    }

    @Test
    void referenceDataIsPublicAndLocalised() {
        given().when().get("/api/v1/member-states").then().statusCode(200).body("$", hasSize(30))
                .body("code", hasItem("NO")).body("find { it.code == 'BE' }.languages", contains("nl", "fr", "de"));
        given().header("Accept-Language", "fr-BE, fr;q=0.9").when().get("/api/v1/professions").then()
                .statusCode(200).body("find { it.code == 'NURSE' }.name",
                        equalTo("Infirmier responsable des soins généraux"));
        given().header("Accept-Language", "de").queryParam("alertEligible", false).when().get("/api/v1/professions")
                .then().body("code", hasItem("ARCHITECT")).body("code", not(hasItem("NURSE")))
                .body("find { it.code == 'ARCHITECT' }.name", equalTo("Architekt"));
        given().when().get("/api/v1/policy-areas").then().body("code", hasItem("PQ"));
    }

    @Test
    void coordinatorsAreRegisteredByTheHubAdmin() {
        String code = Fixtures.authorityCode("CZ").replace("-T", "-C");
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                {"code":"%s","kind":"POLICY_AREA","memberState":"CZ","policyArea":"PQ","name":"PQ coordinator"}"""
                .formatted(code)).when().post("/api/v1/coordinators").then().statusCode(201)
                .body("kind", equalTo("POLICY_AREA"));
        given().auth().oauth2(Tokens.caseHandler()).queryParam("memberState", "CZ").when().get("/api/v1/coordinators")
                .then().statusCode(200).body("code", hasItem(code));
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                {"code":"CZ-NC2","kind":"NATIONAL","memberState":"CZ","policyArea":"PQ","name":"x"}""").when()
                .post("/api/v1/coordinators").then().statusCode(400).body("errors.field", contains("policyArea"));
    }

    private static void create(String code, String state, String name, String profession) {
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Fixtures.fullAuthorityJson(code, state, name, profession)).when().post(AUTHORITIES).then()
                .statusCode(201);
    }
}
