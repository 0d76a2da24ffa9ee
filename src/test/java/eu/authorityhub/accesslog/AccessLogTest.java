package eu.authorityhub.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.PageSession;
import eu.authorityhub.testing.PagesIdentityProvider;
import eu.authorityhub.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every call that shows personal data leaves exactly one access record (who, which cases, what, why), through the API
 * and the pages; calls that show none leave none; admins and officers each see their share.
 */
@QuarkusTest
class AccessLogTest {

    private static final String API = "/api/v1";

    @Inject
    EntityManager em;

    @Test
    void everyReadOfPersonalDataLeavesExactlyOneRecord() throws Exception {
        String requester = Fixtures.authorityCode("PL");
        String responder = Fixtures.authorityCode("NL");
        Fixtures.createAuthority(requester, "PL", "NURSE");
        Fixtures.createAuthority(responder, "NL", "NURSE");
        String issuer = Fixtures.authorityCode("SE");
        RestAssured.given().auth().oauth2(Tokens.admin()).contentType("application/json").body(Fixtures
                .fullAuthorityJson(issuer, "SE", "Authority " + issuer, "MIDWIFE").replace("\"RECEIVE\"",
                        "\"SEND\""))
                .post(API + "/authorities").then().statusCode(201);

        String id = as(requester).contentType("application/json").body("""
                {"responder":"%s","policyArea":"PQ","procedure":"GENERAL","profession":"NURSE",
                 "professional":{"familyName":"Kowalska","givenNames":"Anna","birthDate":"1984-03-12"},
                 "questions":["PQ-G-PER-01"],"freeTextQuestions":["Was the registration ever suspended?"],
                 "requestedDueDate":"%s"}""".formatted(responder, LocalDate.now().plusDays(20))).post(API
                + "/requests")
                .then().statusCode(201).extract().path("id");
        as(requester).post(API + "/requests/" + id + "/send").then().statusCode(200);
        as(responder).contentType("application/json").body("{}").post(API + "/requests/" + id + "/accept").then()
                .statusCode(200);
        String attachment = as(responder).contentType("application/pdf").queryParam("fileName", "diploma.pdf").body(
                "%PDF-1.4 x".getBytes(StandardCharsets.UTF_8)).post(API + "/requests/" + id + "/attachments").then()
                .statusCode(201).extract().path("id");
        String alert = as(issuer).contentType("application/json").body("""
                {"professional":{"familyName":"Jansen","givenNames":"Maria","birthDate":"1979-05-04"},
                 "profession":"MIDWIFE","type":"RESTRICTION_OR_PROHIBITION","scope":"FULL_PROHIBITION",
                 "decidingBody":"Disciplinary board","decisionDate":"%s","periodFrom":"%s"}""".formatted(LocalDate
                .now(), LocalDate.now())).post(API + "/alerts").then().statusCode(201).extract().path("id");

        // each call: who makes it, and the kinds of data it shows
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("GET /api/v1/requests/{id}", new Call(() -> as(responder).get(API + "/requests/" + id), responder,
                "PROFESSIONAL", "FREE_TEXT"));
        calls.put("GET /api/v1/requests/{id}/timeline", new Call(() -> as(responder).get(API + "/requests/" + id
                + "/timeline"), responder, "FREE_TEXT"));
        calls.put("GET /api/v1/requests/{id}/attachments", new Call(() -> as(requester).get(API + "/requests/" + id
                + "/attachments"), requester, "DOCUMENT_NAMES"));
        calls.put("GET /api/v1/requests/{id}/attachments/{attachmentId}", new Call(() -> as(requester).get(API
                + "/requests/" + id + "/attachments/" + attachment), requester, "DOCUMENT_NAMES", "DOCUMENT"));
        calls.put("POST /api/v1/requests/{id}/answers", new Call(() -> as(responder).contentType("application/json")
                .body("{\"answers\":[{\"position\":1,\"value\":true}]}").post(API + "/requests/" + id + "/answers"),
                responder, "PROFESSIONAL", "ANSWERS", "FREE_TEXT"));
        calls.put("GET /api/v1/alerts/{id}", new Call(() -> as(issuer).get(API + "/alerts/" + alert), issuer,
                "PROFESSIONAL"));
        calls.put("GET /api/v1/alerts/sent", new Call(() -> as(issuer).get(API + "/alerts/sent"), issuer,
                "PROFESSIONAL"));

        for (Map.Entry<String, Call> c : calls.entrySet()) {
            long before = count();
            Response r = c.getValue().call.get();
            assertThat(r.statusCode()).as(c.getKey()).isLessThan(300);
            List<Object[]> records = since(before);
            assertThat(records).as(c.getKey() + " records").hasSize(1);
            Object[] rec = records.get(0);
            assertThat(rec[0]).as(c.getKey() + " authority").isEqualTo(c.getValue().authority);
            assertThat(List.of((String[]) rec[1])).as(c.getKey() + " kinds").containsExactlyInAnyOrder(c
                    .getValue().kinds);
            assertThat(rec[2]).as(c.getKey() + " purpose").isEqualTo(c.getKey().replace("{attachmentId}", "{id}"));
        }

        // no personal data shown, nothing recorded
        long before = count();
        as(requester).get(API + "/requests?box=sent").then().statusCode(200);
        as(requester).get(API + "/requests/" + id + "/deadlines").then().statusCode(200);
        as(requester).get(API + "/inbox").then().statusCode(200);
        assertThat(since(before)).isEmpty();

        // pages: one record per page, however many parts of the case it shows
        PagesIdentityProvider.user("handler-" + responder.toLowerCase(), Roles.CASE_HANDLER, "authority:"
                + responder);
        HttpClient session = PageSession.signedIn("handler-" + responder.toLowerCase());
        before = count();
        assertThat(PageSession.get(session, "/app/requests/" + id)).isEqualTo(200);
        List<Object[]> page = since(before);
        assertThat(page).hasSize(1);
        assertThat(List.of((String[]) page.get(0)[1])).containsExactlyInAnyOrder("PROFESSIONAL", "ANSWERS",
                "FREE_TEXT", "DOCUMENT_NAMES");
        assertThat(page.get(0)[2]).isEqualTo("GET /app/requests/{id}");
        before = count();
        assertThat(PageSession.get(session, "/app/requests/" + id + "/attachments/" + attachment)).isEqualTo(200);
        assertThat(since(before)).hasSize(1);

        // the walk covers every reading endpoint whose answer carries a request, an alert or their parts
        JsonNode openapi = new ObjectMapper().readTree(RestAssured.get("/q/openapi?format=json").asString());
        Set<String> personal = new TreeSet<>();
        openapi.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            String ok = m.getValue().path("responses").path("200").toString();
            if (m.getKey().equals("get") && (ok.matches(".*#/components/schemas/(Request|Alert|TimelineEntry|"
                    + "Attachment)\".*") || p.getKey().endsWith("{attachmentId}"))) {
                personal.add("GET " + p.getKey());
            }
        }));
        Set<String> walked = new TreeSet<>(calls.keySet());
        walked.add("GET /api/v1/alerts/received"); // shows alerts like /sent, through the same view
        assertThat(walked).containsAll(personal);
    }

    @Test
    void adminsSeeTheirStaffsAccessesOfficersEveryAccessToTheirCases() {
        String requester = Fixtures.authorityCode("PL");
        String responder = Fixtures.authorityCode("NL");
        Fixtures.createAuthority(requester, "PL", "NURSE");
        Fixtures.createAuthority(responder, "NL", "NURSE");
        String id = Fixtures.sentRequest(requester, responder);
        as(responder).get(API + "/requests/" + id).then().statusCode(200);
        as(requester).get(API + "/requests/" + id).then().statusCode(200);

        List<String> officer = RestAssured.given().auth().oauth2(Tokens.forAuthority(requester,
                Roles.DATA_PROTECTION_OFFICER)).queryParam("caseId", id).get(API + "/access-log").then()
                .statusCode(200).extract().jsonPath().getList("authority");
        assertThat(officer).contains(requester, responder);
        List<String> admin = RestAssured.given().auth().oauth2(Tokens.forAuthority(requester, Roles.AUTHORITY_ADMIN))
                .queryParam("caseId", id).get(API + "/access-log").then().statusCode(200).extract().jsonPath()
                .getList("authority");
        assertThat(admin).isNotEmpty().containsOnly(requester);
        as(requester).get(API + "/access-log").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void aReadWhoseRecordCannotBeWrittenShowsNothing() {
        String requester = Fixtures.authorityCode("PL");
        String responder = Fixtures.authorityCode("NL");
        Fixtures.createAuthority(requester, "PL", "NURSE");
        Fixtures.createAuthority(responder, "NL", "NURSE");
        String id = Fixtures.sentRequest(requester, responder);
        // the record is written in the reading call's own transaction: make exactly this call's record fail
        String constraint = "access_log_refuses_" + id.substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("alter table access_log add constraint "
                + constraint + " check (not (case_ids @> array['" + id + "'::uuid] and purpose = 'GET"
                + " /api/v1/requests/{id}')) not valid").executeUpdate());
        try {
            long before = count();
            Response r = as(responder).get(API + "/requests/" + id);
            assertThat(r.statusCode()).isGreaterThanOrEqualTo(500);
            assertThat(r.asString()).doesNotContain("professional").doesNotContain("familyName");
            assertThat(since(before)).isEmpty();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("alter table access_log drop constraint "
                    + constraint).executeUpdate());
        }
        as(responder).get(API + "/requests/" + id).then().statusCode(200).body("professional.familyName",
                org.hamcrest.Matchers.notNullValue());
    }

    private static RequestSpecification as(String authority) {
        return RestAssured.given().auth().oauth2(Tokens.forAuthority(authority, Roles.CASE_HANDLER));
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(max(seq), 0) from access_log").getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> since(long seq) {
        return new ArrayList<>(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select authority, data_kinds, purpose from access_log where seq > :s order by seq").setParameter("s",
                        seq)
                .getResultList()));
    }

    record Call(java.util.function.Supplier<Response> call, String authority, String... kinds) {
    }
}
