package eu.authorityhub.pages;

import static eu.authorityhub.pages.PageUsers.handler;
import static eu.authorityhub.pages.PageUsers.user;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The case steps beyond the plain exchange, in a real browser: a due date proposed and agreed, a document attached
 * and downloaded, part of a request forwarded, further information asked; and a stale form refused with nothing
 * changed.
 */
@QuarkusTest
class CaseStepsPagesTest {

    private static final String BASE = "http://localhost:" + Integer.getInteger("quarkus.http.test-port", 8081);

    @BeforeAll
    static void browserInstalled() {
        assertThat(Browser.installed()).as("chromium and chromium-driver").isTrue();
    }

    @Test
    void dueDateDocumentForwardAndFurtherInformation() throws IOException {
        String pl = handler("PL");
        String nl = handler("NL");
        String other = handler("NL");
        String id = sentRequest(pl, nl);
        LocalDate later = LocalDate.now().plusDays(45);
        Path pdf = Files.createTempFile("diploma", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% a diploma\n%%EOF\n", StandardCharsets.US_ASCII);
        try (Browser poland = new Browser(BASE);
                Browser netherlands = new Browser(BASE)) {
            // the Netherlands accepts and proposes a later due date
            netherlands.open("/app/requests/" + id + "?lang=en", user(nl));
            netherlands.click("Accept");
            netherlands.driver.executeScript("document.getElementById('dueDate').value = '" + later + "'");
            netherlands.click("Propose this due date");
            assertThat(netherlands.text()).contains("Done.", "proposed: " + Browser.english(later));
            netherlands.assertAccessible();

            // Poland agrees, and attaches a document
            poland.open("/app/requests/" + id + "?lang=en", user(pl));
            poland.click("Agree to the proposed due date");
            assertThat(poland.driver.findElement(By.cssSelector("dl.facts")).getText()).contains(Browser.english(
                    later));
            poland.driver.findElement(By.id("file")).sendKeys(pdf.toString());
            poland.click("Attach");
            assertThat(poland.text()).contains("Done.", pdf.getFileName().toString());
            poland.assertAccessible();
            poland.screenshot("case-document-en");
            String href = poland.driver.findElement(By.partialLinkText(pdf.getFileName().toString()))
                    .getDomAttribute("href");
            @SuppressWarnings("unchecked")
            Map<String, Object> download = (Map<String, Object>) poland.driver.executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text().then(t =>"
                            + " done({status: r.status, body: t, nosniff: r.headers.get('x-content-type-options'),"
                            + " disposition: r.headers.get('content-disposition')})))",
                    href);
            assertThat(download).containsEntry("status", 200L).containsEntry("nosniff", "nosniff");
            assertThat((String) download.get("body")).startsWith("%PDF-1.4");
            assertThat((String) download.get("disposition")).startsWith("attachment;");

            // the Netherlands forwards the second question to another Dutch authority and answers the first
            netherlands.open("/app/requests/" + id);
            assertThat(netherlands.text()).contains(pdf.getFileName().toString());
            new Select(netherlands.driver.findElement(By.id("to"))).selectByValue(other);
            netherlands.driver.findElement(By.id("fwd-2")).click();
            netherlands.driver.findElement(By.id("reason-FORWARD")).sendKeys("The register is kept there");
            netherlands.click("Forward");
            assertThat(netherlands.text()).contains("Done.", "Forwarded");
            assertThat(netherlands.driver.findElements(By.cssSelector("ol.questions > li"))).hasSize(1);
            netherlands.driver.findElement(By.id("a1y")).click();
            netherlands.click("Send the answer");
            assertThat(netherlands.text()).contains("Done.", "Answered");

            // Poland asks for further information, in French this time
            poland.open("/app/requests/" + id + "?lang=fr");
            poland.driver.findElement(By.id("further")).sendKeys("Since when?");
            poland.click("Demander un complément");
            assertThat(poland.text()).contains("C'est fait.", "Complément demandé", "Since when?");
            poland.assertAccessible();
        }
        // the forwarded part is a request of its own, with the other authority
        List<String> received = given().auth().oauth2(Tokens.forAuthority(other, Roles.CASE_HANDLER)).get(
                "/api/v1/requests?box=received").then().statusCode(200).extract().path("id");
        assertThat(received).hasSize(1);
    }

    @Test
    void aStaleFormShowsTheConflictAndChangesNothing() {
        String pl = handler("PL");
        String nl = handler("NL");
        String id = sentRequest(pl, nl);
        try (Browser netherlands = new Browser(BASE)) {
            netherlands.open("/app/requests/" + id + "?lang=en", user(nl));
            // meanwhile Poland withdraws the request
            given().auth().oauth2(Tokens.forAuthority(pl, Roles.CASE_HANDLER)).contentType("application/json")
                    .body("{\"reason\":\"Sent by mistake\"}").post("/api/v1/requests/" + id + "/withdraw").then()
                    .statusCode(200);
            netherlands.click("Accept");
            assertThat(netherlands.driver.findElement(By.cssSelector("[role=alert]")).getText()).isNotBlank();
            assertThat(netherlands.driver.findElement(By.cssSelector("dl.facts")).getText()).contains("Withdrawn");
            assertThat(netherlands.driver.findElements(By.xpath("//button[normalize-space()='Accept']"))).isEmpty();
            netherlands.assertAccessible();
        }
        given().auth().oauth2(Tokens.forAuthority(pl, Roles.CASE_HANDLER)).get("/api/v1/requests/" + id).then()
                .statusCode(200).body("state", org.hamcrest.Matchers.equalTo("WITHDRAWN"));
    }

    /** A request from {@code from} to {@code to} with a catalogue question and a free-text one, sent. */
    private static String sentRequest(String from, String to) {
        String token = Tokens.forAuthority(from, Roles.CASE_HANDLER);
        String id = given().auth().oauth2(token).contentType("application/json").body("""
                {"responder":"%s","policyArea":"PQ","procedure":"ESTABLISHMENT","profession":"NURSE",
                 "professional":{"familyName":"Kowalska","givenNames":"Anna","birthDate":"1984-03-12"},
                 "questions":["PQ-G-PER-01"],"freeTextQuestions":["Is the diploma in the register?"],
                 "requestedDueDate":"%s"}""".formatted(to, LocalDate.now().plusDays(20)))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).post("/api/v1/requests/" + id + "/send").then().statusCode(200);
        return id;
    }
}
