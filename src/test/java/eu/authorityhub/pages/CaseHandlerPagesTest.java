package eu.authorityhub.pages;

import static io.restassured.RestAssured.given;
import static eu.authorityhub.pages.PageUsers.handler;
import static eu.authorityhub.pages.PageUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import eu.authorityhub.embedded.EmbeddedMail;
import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.MailServer;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The case handlers' pages in a real browser: sign-in through the identity provider, a request from Poland answered
 * by the Netherlands in Dutch and closed, need-to-know for an outsider, a forged cross-site form, a professional whose
 * name is a script, and axe-core on every page shown.
 */
@QuarkusTest
class CaseHandlerPagesTest {

    private static final String BASE = "http://localhost:" + Integer.getInteger("quarkus.http.test-port", 8081);

    @BeforeAll
    static void browserInstalled() {
        assertThat(Browser.installed()).as("chromium and chromium-driver (apt-get install chromium chromium-driver;"
                + " .ci/run installs them)").isTrue();
    }

    @Test
    void aRequestGoesFromPolandToTheNetherlandsAndBackInTheBrowser() {
        String pl = handler("PL");
        String nl = handler("NL");
        String fr = handler("FR");
        String plUser = user(pl);
        String nlUser = user(nl);
        String frUser = user(fr);
        try (Browser poland = new Browser(BASE);
                Browser netherlands = new Browser(BASE);
                Browser france = new Browser(BASE)) {
            // the Dutch case handler has used the pages in Dutch before: mails reach them in Dutch
            netherlands.open("/app/inbox?lang=nl", nlUser);
            // Poland signs in, finds the Dutch competent authority, composes and sends a request about a
            // professional whose name is a script
            poland.open("/app/inbox?lang=en", plUser);
            assertThat(poland.heading()).isEqualTo("Inbox");
            poland.assertAccessible();
            poland.open("/app/requests/new");
            new Select(poland.driver.findElement(By.id("profession"))).selectByValue("NURSE");
            new Select(poland.driver.findElement(By.id("memberState"))).selectByValue("NL");
            poland.click("Find");
            poland.assertAccessible();
            poland.driver.findElement(By.id("responder-" + nl)).click();
            poland.driver.findElement(By.id("familyName")).sendKeys("<script>alert(1)</script>");
            poland.driver.findElement(By.id("givenNames")).sendKeys("Anna");
            poland.driver.executeScript("document.getElementById('birthDate').value = '1984-03-12'");
            poland.driver.findElement(By.id("q-PQ-G-PER-01")).click();
            poland.driver.findElement(By.id("freeText")).sendKeys("Was the registration ever suspended?");
            poland.screenshot("new-request-en");
            poland.click("Send");
            String reference = poland.heading().replace("Request ", "");
            String id = poland.driver.getCurrentUrl().replaceAll(".*/app/requests/([0-9a-f-]{36}).*", "$1");
            assertThat(poland.text()).contains("Done.", "Sent");
            assertThat(poland.text()).as("the script-named professional is text").contains(
                    "Anna <script>alert(1)</script>");
            assertThat(poland.driver.findElements(By.xpath("//script[contains(., 'alert(1)')]"))).isEmpty();
            poland.assertAccessible();
            poland.open("/app/requests?box=sent");
            assertThat(poland.text()).contains(reference);
            poland.assertAccessible();

            // the Netherlands, in Dutch: the request is in the inbox; accept, answer
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !netherlands.open("/app/inbox").driver
                    .findElements(By.partialLinkText("REQUEST")).isEmpty());
            assertThat(netherlands.heading()).isEqualTo("Postvak");
            assertThat(netherlands.text()).as("new since the previous visit: marked and counted").contains(
                    "1 nieuw sinds uw vorige bezoek.", "Nieuwe verzoeken: 1");
            assertThat(netherlands.driver.findElements(By.cssSelector("tr.fresh"))).hasSize(1);
            netherlands.driver.findElement(By.partialLinkText("REQUEST")).click();
            assertThat(netherlands.heading()).isEqualTo("Verzoek " + reference);
            assertThat(netherlands.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nl");
            netherlands.click("Aanvaarden");
            assertThat(netherlands.text()).contains("Gedaan.", "Aanvaard");
            netherlands.assertAccessible();
            netherlands.driver.findElement(By.id("a1y")).click();
            netherlands.driver.findElement(By.id("a2")).sendKeys("No, never.");
            netherlands.screenshot("case-answer-nl");
            netherlands.click("Antwoord versturen");
            assertThat(netherlands.text()).contains("Gedaan.", "Beantwoord", "No, never.");

            // Poland sees the answer and closes
            poland.open("/app/requests/" + id + "?lang=en");
            assertThat(poland.text()).contains("Answered", "No, never.");
            poland.click("Close the request");
            assertThat(poland.text()).contains("Done.", "Closed");
            poland.screenshot("case-closed-en");

            // the Dutch case handler was told by mail, in Dutch, once for each of Poland's two steps (send, close),
            // with the link and without the professional
            String address = nlUser + "@users.hub.test";
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(
                    () -> MailServer.mailbox(address).size() >= 2);
            List<EmbeddedMail.Caught> mails = MailServer.mailbox(address);
            assertThat(mails).hasSize(2).allSatisfy(m -> {
                assertThat(m.subject()).isEqualTo("Autoriteitenplatform: " + reference);
                assertThat(m.text()).contains("Verzoek " + reference + ": http://localhost:8081/app/requests/" + id,
                        "Goedendag").doesNotContain("Anna", "script");
            });

            // an outsider's direct case URL: the same page as for a case that does not exist
            france.open("/app/requests/" + id + "?lang=en", frUser);
            assertThat(france.heading()).isEqualTo("The page could not be shown");
            assertThat(france.text()).doesNotContain(reference, "Anna");
            france.assertAccessible();
        }
    }

    @Test
    void everyPageInFrenchAndGerman() {
        String pl = handler("PL");
        String nl = handler("NL");
        String id = given().auth().oauth2(Tokens.forAuthority(pl, Roles.CASE_HANDLER)).contentType("application/json")
                .body("""
                        {"responder":"%s","policyArea":"PQ","procedure":"ESTABLISHMENT","profession":"NURSE",
                         "professional":{"familyName":"Kowalska","givenNames":"Anna","birthDate":"1984-03-12"},
                         "questions":["PQ-G-PER-01"],"requestedDueDate":"%s"}"""
                        .formatted(nl, LocalDate.now().plusDays(20)))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        try (Browser poland = new Browser(BASE)) {
            poland.open("/app/inbox?lang=fr", user(pl));
            for (String lang : java.util.List.of("fr", "de")) {
                poland.open("/app/inbox?lang=" + lang);
                assertThat(poland.heading()).isEqualTo(lang.equals("fr") ? "Boîte de réception" : "Posteingang");
                poland.assertAccessible();
                poland.screenshot("inbox-" + lang);
                poland.open("/app/inbox?kind=DEADLINE&lang=" + lang);
                assertThat(poland.driver.findElements(By.cssSelector("tbody tr"))).isEmpty();
                poland.assertAccessible();
                poland.open("/app/requests?box=sent&state=SENT&lang=" + lang);
                assertThat(poland.driver.findElements(By.cssSelector("tbody tr"))).as("the draft is filtered out")
                        .isEmpty();
                poland.open("/app/requests?box=sent&state=DRAFT&sort=due&lang=" + lang);
                assertThat(poland.driver.findElements(By.cssSelector("tbody tr"))).hasSize(1);
                poland.open("/app/requests?box=sent&lang=" + lang);
                assertThat(poland.heading()).isEqualTo(lang.equals("fr") ? "Demandes envoyées" : "Gesendete Ersuchen");
                poland.assertAccessible();
                poland.screenshot("requests-" + lang);
                poland.open("/app/requests/new?profession=NURSE&memberState=NL&lang=" + lang);
                assertThat(poland.heading()).isEqualTo(lang.equals("fr") ? "Nouvelle demande" : "Neues Ersuchen");
                poland.assertAccessible();
                poland.screenshot("new-request-" + lang);
                poland.open("/app/requests/" + id + "?lang=" + lang);
                assertThat(poland.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
                assertThat(poland.text()).contains(lang.equals("fr")
                        ? "Ce que vous pouvez faire"
                        : "Was Sie tun können");
                poland.assertAccessible();
                poland.screenshot("case-" + lang);
                poland.open("/app/requests/" + java.util.UUID.randomUUID() + "?lang=" + lang);
                assertThat(poland.heading()).isEqualTo(lang.equals("fr")
                        ? "La page n'a pas pu être affichée"
                        : "Die Seite konnte nicht angezeigt werden");
                poland.assertAccessible();
                poland.screenshot("not-found-" + lang);
            }
        }
    }

    @Test
    void aRequestIsComposedAndSentWithTheKeyboardAlone() {
        String pl = handler("PL");
        String nl = handler("NL");
        String plUser = user(pl);
        try (Browser poland = new Browser(BASE)) {
            poland.open("/app/inbox?lang=en", plUser);
            poland.open("/app/requests/new?profession=NURSE&memberState=NL");
            // Tab reaches a radio group once; the arrow keys move within it (and choose)
            poland.tabTo(poland.driver.findElements(org.openqa.selenium.By.name("responder")).get(0).getDomAttribute(
                    "id"));
            for (int i = 0; i < 200 && !("responder-" + nl).equals(poland.driver.switchTo().activeElement()
                    .getDomAttribute("id")); i++) {
                poland.type(Keys.ARROW_DOWN);
            }
            poland.type(Keys.SPACE);
            poland.tabTo("familyName");
            poland.type("Nowak");
            poland.tabTo("givenNames");
            poland.type("Jan");
            poland.tabTo("birthDate");
            poland.type("05141979"); // Chromium's date field in English: month, day, year
            poland.tabTo("q-PQ-G-PER-01");
            poland.type(Keys.SPACE);
            // the default due date stays; on to the send button
            assertThat(poland.tabTo("send").getText()).isEqualTo("Send");
            poland.enter();
            assertThat(poland.text()).contains("Done.", "Sent", "Jan Nowak", "May 14, 1979");
        }
    }

    @Test
    void aRefusedFormShowsEachProblemAtItsField() {
        String pl = handler("PL");
        String nl = handler("NL");
        String plUser = user(pl);
        try (Browser poland = new Browser(BASE)) {
            poland.open("/app/requests/new?lang=en&profession=NURSE&memberState=NL", plUser);
            poland.driver.findElement(By.id("responder-" + nl)).click();
            poland.driver.findElement(By.id("givenNames")).sendKeys("Jan");
            poland.driver.executeScript("document.getElementById('birthDate').value = '1979-05-14';"
                    + " document.getElementById('requestedDueDate').value = '2001-01-01';"
                    + " document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'));");
            poland.click("Send");
            // the family name is missing: marked at its field, summarised at the top, nothing created
            assertThat(poland.driver.findElement(By.id("familyName")).getDomAttribute("aria-invalid")).isEqualTo(
                    "true");
            assertThat(poland.driver.findElement(By.id("familyName-error")).getText()).isEqualTo("required");
            assertThat(poland.driver.findElement(By.id("givenNames")).getDomProperty("value")).isEqualTo("Jan");
            poland.assertAccessible();
            // once named: the service's own rules, the same as the API's
            poland.driver.findElement(By.id("familyName")).sendKeys("Nowak");
            poland.driver.executeScript("document.querySelectorAll('[required]').forEach(e =>"
                    + " e.removeAttribute('required'));");
            poland.click("Send");
            // no question chosen: refused by the service, as in the API, shown at the questions
            assertThat(poland.driver.findElement(By.id("questions-error")).getText()).contains("at least one");
            poland.assertAccessible();
            poland.driver.findElement(By.id("q-PQ-G-PER-01")).click();
            poland.driver.executeScript("document.querySelectorAll('[required]').forEach(e =>"
                    + " e.removeAttribute('required'));");
            poland.click("Send");
            assertThat(poland.driver.findElement(By.id("requestedDueDate-error")).getText()).isEqualTo(
                    "not in the future");
            assertThat(poland.text()).contains("requestedDueDate must be after today");
            poland.assertAccessible();
        }
        given().auth().oauth2(Tokens.forAuthority(pl, Roles.CASE_HANDLER)).get("/api/v1/requests?box=sent").then()
                .statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aFormFromAnotherSiteChangesNothing() {
        String pl = handler("PL");
        String nl = handler("NL");
        String plUser = user(pl);
        String id = given().auth().oauth2(Tokens.forAuthority(pl, Roles.CASE_HANDLER)).contentType("application/json")
                .body("""
                        {"responder":"%s","policyArea":"PQ","procedure":"ESTABLISHMENT","profession":"NURSE",
                         "professional":{"familyName":"Kowalska","givenNames":"Anna","birthDate":"1984-03-12"},
                         "freeTextQuestions":["Registered?"],"requestedDueDate":"%s"}"""
                        .formatted(nl, LocalDate.now().plusDays(20)))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        try (Browser poland = new Browser(BASE)) {
            poland.open("/app/inbox", plUser);
            // a page of another site posts a form to the hub in the signed-in browser
            poland.driver.get("data:text/html,<form id=f method=post action='" + BASE + "/app/requests/" + id
                    + "/send'><input name=csrf value=guess></form><script>document.getElementById('f').submit()"
                    + "</script>");
            // and the same form from the hub's own origin without the form token
            poland.open("/app/inbox");
            poland.driver.executeScript("const f = document.createElement('form'); f.method = 'post';"
                    + " f.action = '/app/requests/" + id + "/send'; document.body.appendChild(f); f.submit();");
            new org.openqa.selenium.support.ui.WebDriverWait(poland.driver, java.time.Duration.ofSeconds(10)).until(
                    d -> d.getCurrentUrl().endsWith("/send"));
            assertThat(poland.text()).contains("not sent from the hub's pages");
        }
        given().auth().oauth2(Tokens.forAuthority(pl, Roles.CASE_HANDLER)).get("/api/v1/requests/" + id).then()
                .statusCode(200).body("state", org.hamcrest.Matchers.equalTo("DRAFT"));
    }
}
