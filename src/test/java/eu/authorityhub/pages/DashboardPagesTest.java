package eu.authorityhub.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import eu.authorityhub.deadline.DeadlineEngine;
import eu.authorityhub.directory.demo.RequestHistory;
import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.PagesIdentityProvider;
import eu.authorityhub.testing.TestClock;
import eu.authorityhub.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The coordinators' dashboard in a real browser: figures known in advance (four Luxembourg authorities at 59.9 %, 60 %,
 * 79.9 % and 80 %), coloured by the Scoreboard's thresholds; headline, charts and CSV equal to the API's; sorting;
 * the stalled cases acted on; another state's coordinator and a case handler kept out.
 */
@QuarkusTest
class DashboardPagesTest {

    private static final String BASE = "http://localhost:" + Integer.getInteger("quarkus.http.test-port", 8081);
    private static final String MARCH = "/app/dashboard?from=2025-03-01&to=2025-03-31";

    @Inject
    EntityManager em;
    @Inject
    DeadlineEngine engine;
    @Inject
    TestClock clock;

    @BeforeAll
    static void browserInstalled() {
        assertThat(Browser.installed()).as("chromium and chromium-driver").isTrue();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Four authorities of Luxembourg with 1,000 requests each in March 2025: shares on each side of 60 % and 80 %. */
    private List<String> seededLuxembourg() {
        String requester = Fixtures.authorityCode("PT");
        Fixtures.createAuthority(requester, "PT", "NURSE");
        int[][] shares = {{599, 800}, {600, 799}, {799, 600}, {800, 599}};
        List<String> codes = new ArrayList<>();
        for (int[] s : shares) {
            String code = Fixtures.authorityCode("LU");
            Fixtures.createAuthority(code, "LU", "NURSE");
            codes.add(code);
            QuarkusTransaction.requiringNew().run(() -> RequestHistory.insert(em, new RequestHistory.Batch(code,
                    requester, "PT", code, "LU", "NURSE", "GENERAL", OffsetDateTime.parse("2025-03-01T00:00:00Z"),
                    30, 1000, s[0], s[1], 10)));
        }
        return codes;
    }

    private static String coordinator(String memberState) {
        String code = Fixtures.authorityCode(memberState).replace("-T", "-NC");
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body("""
                {"code":"%s","kind":"NATIONAL","memberState":"%s","name":"Coordinator %s"}""".formatted(code,
                memberState, code)).post("/api/v1/coordinators").then().statusCode(201);
        PagesIdentityProvider.user("coordinator-" + code.toLowerCase(), Roles.COORDINATOR, "coordinator:" + code);
        return code;
    }

    private static String user(String coordinator) {
        return "coordinator-" + coordinator.toLowerCase();
    }

    @Test
    void figuresColouredByTheScoreboardThresholdsEqualToTheApiChartsAndCsv() {
        List<String> lu = seededLuxembourg();
        String nc = coordinator("LU");
        try (Browser b = new Browser(BASE)) {
            b.open(MARCH, user(nc));
            assertThat(b.heading()).isEqualTo("Response times");
            b.assertAccessible();
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1900));
            b.screenshot("dashboard-overview-en");
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
            // the thresholds: 59.9 % red, 60 % yellow, 79.9 % yellow, 80 % green, for both shares
            assertThat(cells(b, lu, "acceptedWithin7Days")).containsExactly("RED 59.9%", "YELLOW 60.0%",
                    "YELLOW 79.9%", "GREEN 80.0%");
            assertThat(cells(b, lu, "answeredByAgreedDate")).containsExactly("GREEN 80.0%", "YELLOW 79.9%",
                    "YELLOW 60.0%", "RED 59.9%");
            assertThat(b.driver.findElement(By.id("row-" + lu.get(0))).getText()).contains("1,000", "(1000)");

            // the headline equals the API for the same period
            var api = given().auth().oauth2(Tokens.coordinator(nc)).queryParam("from", "2025-03-01").queryParam(
                    "to", "2025-03-31").get("/api/v1/indicators").then().statusCode(200).extract().jsonPath();
            for (String name : List.of("acceptedWithin7Days", "answeredByAgreedDate")) {
                String shown = b.driver.findElement(By.cssSelector("#headline-" + name + " .figure")).getText();
                assertThat(shown).isEqualTo(String.format(java.util.Locale.ENGLISH, "%.1f%%", api.getDouble(name
                        + ".value") * 100));
                assertThat(b.driver.findElement(By.id("headline-" + name)).getDomAttribute("class")).contains(
                        "rating-" + api.getString(name + ".rating"));
            }
            assertThat(b.driver.findElement(By.cssSelector("#headline-averageDaysToAnswer .figure")).getText())
                    .isEqualTo(String.format(java.util.Locale.ENGLISH, "%.1f", api.getDouble(
                            "averageDaysToAnswer.value")));

            // each chart draws the API's months (April 2024 to March 2025), with gaps where there is no data
            List<Map<String, Object>> months = given().auth().oauth2(Tokens.coordinator(nc)).queryParam("to",
                    "2025-03").get("/api/v1/indicators/months").then().statusCode(200).extract().jsonPath()
                    .getList("indicators");
            @SuppressWarnings("unchecked")
            List<Object> drawn = (List<Object>) b.driver.executeScript("return Chart.getChart(document"
                    + ".querySelector('#chart-acceptedWithin7Days canvas')).data.datasets[0].data");
            List<Object> expected = new ArrayList<>();
            for (Map<String, Object> m : months) {
                Object v = ((Map<?, ?>) m.get("acceptedWithin7Days")).get("value");
                expected.add(v == null ? null : Math.round(((Number) v).doubleValue() * 1000) / 10.0);
            }
            assertThat(drawn).hasSize(12).containsExactlyElementsOf(expected.stream().map(v -> v == null
                    ? null
                    : (Object) ((Double) v % 1 == 0 ? (Object) ((Double) v).longValue() : v)).toList());
            assertThat(expected.get(0)).isNull();
            assertThat(b.driver.findElement(By.id("chart-averageDaysToAnswer")).getText()).contains("Apr 2024",
                    "no data");

            // the CSV has the page's figures: one row per authority for the period, then per month
            String csv = (String) b.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + " fetch('/app/dashboard/indicators.csv?from=2025-03-01&to=2025-03-31').then(r => r.text())"
                    + ".then(done)");
            assertThat(csv).startsWith("authority,month,from,to,requests_sent,accepted_within_7_days,");
            assertThat(csv).contains(lu.get(0) + ",period,2025-03-01,2025-03-31,1000,0.599,1000,",
                    lu.get(3) + ",period,2025-03-01,2025-03-31,1000,0.8,1000,",
                    lu.get(1) + ",2025-03,2025-03-01,2025-03-31,1000,0.6,1000,");

            // sorting by a column, keyboard only: the lowest share first, then the highest
            b.tabTo("from");
            WebElement sort = b.driver.findElement(By.linkText("Accepted within 7 days"));
            for (int i = 0; i < 40 && !sort.equals(b.driver.switchTo().activeElement()); i++) {
                b.type(Keys.TAB);
            }
            b.enter();
            assertThat(ours(b, lu)).containsExactly(lu.get(0), lu.get(1), lu.get(2), lu.get(3));
            assertThat(b.driver.findElement(By.xpath("//th[a[normalize-space()='Accepted within 7 days']]"))
                    .getDomAttribute("aria-sort")).isEqualTo("ascending");
            b.driver.findElement(By.linkText("Accepted within 7 days")).click();
            assertThat(ours(b, lu)).containsExactly(lu.get(3), lu.get(2), lu.get(1), lu.get(0));
            b.screenshot("dashboard-en");

            // one authority: the filter narrows every figure to it
            new Select(b.driver.findElement(By.id("authority"))).selectByValue(lu.get(0));
            b.click("Show");
            assertThat(b.driver.findElement(By.cssSelector("#headline-acceptedWithin7Days .figure")).getText())
                    .isEqualTo("59.9%");
            b.open(MARCH + "&lang=fr");
            assertThat(b.heading()).isEqualTo("Délais de réponse");
            assertThat(cells(b, lu, "acceptedWithin7Days").get(0).replaceAll("[\u00a0\u202f]", " ")).isEqualTo(
                    "RED 59,9 %");
            b.assertAccessible();
            b.screenshot("dashboard-fr");
        }
    }

    @Test
    void stalledCasesRemindedNotedAndReassignedOtherStatesAndCaseHandlersKeptOut() {
        String requester = Fixtures.authorityCode("PT");
        Fixtures.createAuthority(requester, "PT", "NURSE");
        String late = Fixtures.authorityCode("LU");
        Fixtures.createAuthority(late, "LU", "NURSE");
        String willing = Fixtures.authorityCode("LU");
        Fixtures.createAuthority(willing, "LU", "NURSE");
        String id = Fixtures.sentRequest(requester, late);
        clock.advance(Duration.ofDays(8));
        engine.run();
        engine.run();
        String nc = coordinator("LU");
        long deadline = ((Number) given().auth().oauth2(Tokens.forAuthority(requester, Roles.CASE_HANDLER)).get(
                "/api/v1/requests/" + id + "/deadlines").then().extract().path("find { it.kind == 'ACCEPTANCE' }.id"))
                .longValue();
        try (Browser b = new Browser(BASE)) {
            b.open("/app/dashboard/stalled", user(nc));
            assertThat(b.heading()).isEqualTo("Stalled cases");
            WebElement row = b.driver.findElement(By.id("stalled-" + deadline));
            assertThat(row.getText()).contains(late, requester, "Accept or decline", "Establishment",
                    "Nurse responsible for general care");
            assertThat(row.findElement(By.className("days")).getText()).isEqualTo("1");
            assertThat(b.text()).doesNotContain("Kowalska", "Anna", "1984");
            b.assertAccessible();
            // the CSV lists what the page lists
            String csv = (String) b.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + " fetch('/app/dashboard/stalled/stalled.csv').then(r => r.text()).then(done)");
            String reference = row.findElement(By.tagName("a")).getText();
            assertThat(csv.lines().filter(l -> l.startsWith(reference + ",")).findFirst().orElseThrow()).startsWith(
                    reference + ",REQUEST,ACCEPTANCE," + late + "," + requester + ",establishment,NURSE,SENT,")
                    .contains(",1,,"); // days overdue, not escalated yet
            assertThat(csv.lines().count() - 1).isEqualTo(b.driver.findElements(By.cssSelector(
                    "#stalled-table tbody tr")).size());
            assertThat(csv).doesNotContain("Kowalska");

            row.findElement(By.tagName("a")).click();
            b.click("Remind the authority that owes the step");
            assertThat(b.text()).contains("The authority was reminded.");
            b.tabTo("text");
            b.type("Phoned them on Monday");
            b.click("Add the note");
            assertThat(b.text()).contains("The note was added.", "Phoned them on Monday");
            // empty (past the browser's own check): refused at the field, nothing added
            b.driver.executeScript("document.getElementById('text').removeAttribute('required')");
            b.click("Add the note");
            assertThat(b.text()).contains("Please fill in: Note");
            b.assertAccessible();
            b.screenshot("stalled-case-en");
            b.open("/app/dashboard/stalled/" + deadline);
            new Select(b.driver.findElement(By.id("to"))).selectByValue(willing);
            b.driver.findElement(By.id("reason")).sendKeys("No answer for 8 days");
            b.click("Reassign");
            assertThat(b.text()).contains("The request was reassigned.");
        }
        given().auth().oauth2(Tokens.forAuthority(requester, Roles.CASE_HANDLER)).get("/api/v1/requests/" + id)
                .then().statusCode(200).body("responder", org.hamcrest.Matchers.equalTo(willing));
        given().auth().oauth2(Tokens.coordinator(nc)).get("/api/v1/deadlines/" + deadline + "/notes").then()
                .statusCode(200).body("text", org.hamcrest.Matchers.contains("Phoned them on Monday"));

        // another member state's coordinator: none of this scope, by any address
        String malta = coordinator("MT");
        try (Browser b = new Browser(BASE)) {
            b.open("/app/dashboard?authority=" + late, user(malta));
            assertThat(b.heading()).isEqualTo("The page could not be shown");
            assertThat(b.text()).contains("No such authority");
            b.open("/app/dashboard/stalled/" + deadline);
            assertThat(b.text()).contains("No such stalled case");
            b.open("/app/dashboard");
            assertThat(b.text()).doesNotContain(late, willing);

            // a case handler (signed in after the coordinator signed out) cannot open the dashboard
            PagesIdentityProvider.user("handler-" + late.toLowerCase(), Roles.CASE_HANDLER, "authority:" + late);
            b.open("/app/sign-out");
            b.open("/app/dashboard", "handler-" + late.toLowerCase());
            assertThat(b.text()).contains("The dashboard is for coordinators").doesNotContain("Response times");
            assertThat(b.driver.findElements(By.linkText("Dashboard"))).isEmpty();
        }
        assertThat(given().redirects().follow(false).get("/app/dashboard/stalled/stalled.csv").statusCode())
                .isIn(302, 303, 401);
    }

    /** The rating and figure of one column for the given authorities' rows, in their order. */
    private static List<String> cells(Browser b, List<String> codes, String name) {
        return codes.stream().map(c -> {
            WebElement cell = b.driver.findElement(By.cssSelector("#row-" + c + " td[data-name='" + name + "']"));
            String rating = cell.getDomAttribute("class").replace("cell-", "");
            return rating + " " + cell.getText().lines().findFirst().orElse("").replaceAll(" \\(\\d+\\)$", "")
                    .trim();
        }).toList();
    }

    /** Our authorities in the order the table lists them. */
    private static List<String> ours(Browser b, List<String> codes) {
        return b.driver.findElements(By.cssSelector("#authority-table tbody tr")).stream().map(r -> r
                .getDomAttribute("id").substring(4)).filter(codes::contains).toList();
    }
}
