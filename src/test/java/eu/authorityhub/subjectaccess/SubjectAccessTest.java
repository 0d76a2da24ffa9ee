package eu.authorityhub.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.PageSession;
import eu.authorityhub.testing.PagesIdentityProvider;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** A data-protection officer answers a professional's access request, as JSON and as a printable page. */
@QuarkusTest
class SubjectAccessTest {

    @Test
    void theOfficerExportsEveryCaseOfItsAuthorityAboutThePersonWithTheAccesses() throws Exception {
        String family = "Nowicka" + Long.toString(System.nanoTime(), 36);
        String requester = Fixtures.authorityCode("PL");
        String responder = Fixtures.authorityCode("NL");
        String other = Fixtures.authorityCode("FR");
        Fixtures.createAuthority(requester, "PL", "NURSE");
        Fixtures.createAuthority(responder, "NL", "NURSE");
        Fixtures.createAuthority(other, "FR", "NURSE");
        String first = request(requester, responder, family, "1970-01-02");
        String second = request(requester, responder, family.toUpperCase(), "1970-01-02");
        request(requester, responder, family, "1971-01-02"); // another person: another birth date
        as(responder).get("/api/v1/requests/" + first).then().statusCode(200); // an access to report

        JsonPath export = officer(requester).queryParam("familyName", family).queryParam("birthDate", "1970-01-02")
                .get("/api/v1/subject-access").then().statusCode(200).extract().jsonPath();
        assertThat(export.getList("requests.id")).containsExactlyInAnyOrder(first, second);
        assertThat(export.getList("requests.professional.givenNames")).containsOnly("Ewa");
        assertThat(export.getList("accesses.authority")).contains(responder);
        assertThat(export.getString("authority")).isEqualTo(requester);

        // the responder's officer sees the sent ones too; an outsider's officer finds nothing; the export is recorded
        officer(responder).queryParam("familyName", family).queryParam("birthDate", "1970-01-02").get(
                "/api/v1/subject-access").then().body("requests.size()", equalTo(2));
        officer(other).queryParam("familyName", family).queryParam("birthDate", "1970-01-02").get(
                "/api/v1/subject-access").then().body("requests.size()", equalTo(0));
        List<String> purposes = officer(requester).queryParam("caseId", first).get("/api/v1/access-log").then()
                .statusCode(200).extract().jsonPath().getList("purpose");
        assertThat(purposes).contains("GET /api/v1/subject-access");

        // bad input, wrong role
        officer(requester).queryParam("familyName", family).get("/api/v1/subject-access").then().statusCode(400);
        officer(requester).queryParam("familyName", family).queryParam("birthDate", "02.01.1970").get(
                "/api/v1/subject-access").then().statusCode(400);
        as(requester).queryParam("familyName", family).queryParam("birthDate", "1970-01-02").get(
                "/api/v1/subject-access").then().statusCode(403);

        // the printable page
        String user = "dpo-" + requester.toLowerCase();
        PagesIdentityProvider.user(user, Roles.DATA_PROTECTION_OFFICER, "authority:" + requester);
        var session = PageSession.signedIn(user, "/app/data-protection");
        HttpResponse<String> page = session.send(HttpRequest.newBuilder(URI.create(PageSession.base()
                + "/app/data-protection?lang=en&familyName=" + family + "&birthDate=1970-01-02")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Information requests (2)").contains("Ewa");
        HttpResponse<String> refused = session.send(HttpRequest.newBuilder(URI.create(PageSession.base()
                + "/app/data-protection?lang=en&familyName=" + family + "&birthDate=yesterday")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Give the family name and the birth date");
    }

    private static String request(String from, String to, String family, String born) {
        return as(from).contentType("application/json").body("""
                {"responder":"%s","policyArea":"PQ","procedure":"GENERAL","profession":"NURSE",
                 "professional":{"familyName":"%s","givenNames":"Ewa","birthDate":"%s"},
                 "questions":["PQ-G-PER-01"],"requestedDueDate":"%s"}""".formatted(to, family, born, LocalDate.now()
                .plusDays(20))).post("/api/v1/requests").then().statusCode(201).extract().<String>path("id")
                .transform(id -> {
                    as(from).post("/api/v1/requests/" + id + "/send").then().statusCode(200);
                    return id;
                });
    }

    private static RequestSpecification as(String authority) {
        return RestAssured.given().auth().oauth2(Tokens.forAuthority(authority, Roles.CASE_HANDLER));
    }

    private static RequestSpecification officer(String authority) {
        return RestAssured.given().auth().oauth2(Tokens.forAuthority(authority, Roles.DATA_PROTECTION_OFFICER));
    }
}
