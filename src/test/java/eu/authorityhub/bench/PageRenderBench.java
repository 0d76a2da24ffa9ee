package eu.authorityhub.bench;

import static io.restassured.RestAssured.given;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.PagesIdentityProvider;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Server time of the pages against the API for the same data: the inbox of an authority holding 10,000 entries, and a
 * case with a 200-step timeline. Each is fetched 1,000 times over loopback HTTP by one client (the page with a signed-in
 * session, the API with a bearer token), after 200 unmeasured fetches; p50 and p99 are printed beside a static file
 * fetched the same way (the raw round trip of this machine) and the ratio page/API.
 */
@QuarkusTest
@Tag("bench")
class PageRenderBench {

    @Inject
    DataSource db;

    @Test
    void pagesAgainstTheApi() throws Exception {
        String nl = Fixtures.authorityCode("NL");
        String pl = Fixtures.authorityCode("PL");
        Fixtures.createAuthority(nl, "NL", "NURSE");
        Fixtures.createAuthority(pl, "PL", "NURSE");
        String token = Tokens.forAuthority(nl, Roles.CASE_HANDLER);
        String caseId = given().auth().oauth2(Tokens.forAuthority(pl, Roles.CASE_HANDLER)).contentType(
                "application/json").body(
                        """
                                {"responder":"%s","policyArea":"PQ","procedure":"ESTABLISHMENT","profession":"NURSE",
                                 "professional":{"familyName":"Kowalska","givenNames":"Anna","birthDate":"1984-03-12"},
                                 "questions":["PQ-G-PER-01"],"requestedDueDate":"%s"}""".formatted(nl, LocalDate.now()
                                .plusDays(20)))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.forAuthority(pl, Roles.CASE_HANDLER)).post("/api/v1/requests/" + caseId
                + "/send").then().statusCode(200);
        fill(nl, caseId);

        String user = "bench-" + nl.toLowerCase(Locale.ROOT);
        PagesIdentityProvider.user(user, Roles.CASE_HANDLER, "authority:" + nl);
        HttpClient browser = BenchHttp.signedIn(user);
        HttpClient api = HttpClient.newBuilder().build();

        Map<String, double[]> results = new LinkedHashMap<>();
        results.put("raw round trip (static file)", BenchHttp.time(api, "/static/hub.css", null));
        results.put("inbox page (100 newest of 10,000)", BenchHttp.time(browser, "/app/inbox", null));
        results.put("inbox API (100 of 10,000)", BenchHttp.time(api, "/api/v1/inbox?limit=100", token));
        results.put("case page (200-step timeline)", BenchHttp.time(browser, "/app/requests/" + caseId, null));
        results.put("case API (request + timeline)",
                BenchHttp.sum(BenchHttp.time(api, "/api/v1/requests/" + caseId, token), BenchHttp.time(api,
                        "/api/v1/requests/" + caseId + "/timeline", token)));

        System.out.printf(Locale.ROOT, "%n%-38s %10s %10s%n", "", "p50 ms", "p99 ms");
        results.forEach(
                (k, v) -> System.out.printf(Locale.ROOT, "%-38s %10.2f %10.2f%n", k, BenchHttp.percentile(v, 0.5),
                        BenchHttp.percentile(v, 0.99)));
        double inboxRatio = BenchHttp.percentile(results.get("inbox page (100 newest of 10,000)"), 0.99)
                / BenchHttp.percentile(results
                        .get("inbox API (100 of 10,000)"), 0.99);
        double caseRatio = BenchHttp.percentile(results.get("case page (200-step timeline)"), 0.99)
                / BenchHttp.percentile(results.get(
                        "case API (request + timeline)"), 0.99);
        System.out.printf(Locale.ROOT, "p99 page/API: inbox %.2f, case %.2f (target: pages p99 under 50 ms)%n",
                inboxRatio, caseRatio);
        StringBuilder json = new StringBuilder("{");
        results.forEach((k, v) -> json.append(String.format(Locale.ROOT, "\"%s\":{\"p50Ms\":%.3f,\"p99Ms\":%.3f},",
                k, BenchHttp.percentile(v, 0.5), BenchHttp.percentile(v, 0.99))));
        json.append(String.format(Locale.ROOT, "\"inboxP99Ratio\":%.3f,\"caseP99Ratio\":%.3f}", inboxRatio,
                caseRatio));
        Path out = Path.of("bench", "results", "pages.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
        System.out.println("written: " + out);
    }

    /** 10,000 inbox entries for the authority and 199 more timeline steps on the case (200 with its own). */
    private void fill(String authority, String caseId) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement p = c.prepareStatement("insert into inbox_entry (authority, case_id, case_type,"
                    + " event_id, event_type, state, at) select ?, gen_random_uuid(), 'REQUEST', gen_random_uuid(),"
                    + " 'eu.authorityhub.request.send.v1', 'SENT', now() - g * interval '1 minute'"
                    + " from generate_series(1, 10000) g")) {
                p.setString(1, authority);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("insert into request_timeline (request_id, seq, action,"
                    + " authority, actor, at, detail, event_id) select cast(? as uuid), 100 + g, 'SAVE_ANSWERS', ?,"
                    + " 'bench', now(), g || ' answer(s) saved', gen_random_uuid() from generate_series(1, 199) g")) {
                p.setString(1, caseId);
                p.setString(2, authority);
                p.executeUpdate();
            }
            try (var s = c.createStatement()) {
                s.execute("analyze inbox_entry");
                s.execute("analyze request_timeline");
            }
        }
    }
}
