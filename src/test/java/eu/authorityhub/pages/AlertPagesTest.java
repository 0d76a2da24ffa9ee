package eu.authorityhub.pages;

import static eu.authorityhub.pages.PageUsers.alertingHandler;
import static eu.authorityhub.pages.PageUsers.handler;
import static eu.authorityhub.pages.PageUsers.user;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Alerts in a real browser: France broadcasts with only the legal fields, the Netherlands reads it in Dutch and marks
 * it read, France sees the receipt; a text that states reasons is refused at its field; axe-core on every page.
 */
@QuarkusTest
class AlertPagesTest {

    private static final String BASE = "http://localhost:" + Integer.getInteger("quarkus.http.test-port", 8081);

    @BeforeAll
    static void browserInstalled() {
        assertThat(Browser.installed()).as("chromium and chromium-driver").isTrue();
    }

    @Test
    void anAlertFromFranceIsReadInTheNetherlandsAndTheReceiptShownToFrance() {
        String fr = alertingHandler("FR");
        String nl = handler("NL");
        try (Browser france = new Browser(BASE);
                Browser netherlands = new Browser(BASE)) {
            france.open("/app/alerts/new?lang=en", user(fr));
            assertThat(france.heading()).isEqualTo("New alert");
            assertThat(france.text()).contains("within three days of the decision");
            assertThat(france.driver.findElements(By.cssSelector("[name*=reason i]"))).as("no field for reasons")
                    .isEmpty();
            france.assertAccessible();
            france.driver.findElement(By.id("familyName")).sendKeys("Dubois");
            france.driver.findElement(By.id("givenNames")).sendKeys("Claire");
            france.driver.executeScript("document.getElementById('birthDate').value = '1980-02-29'");
            new Select(france.driver.findElement(By.id("profession"))).selectByValue("NURSE");
            france.driver.findElement(By.id("scope-FULL_PROHIBITION")).click();
            france.driver.findElement(By.id("decidingBody")).sendKeys("Chambre disciplinaire de Paris");
            france.screenshot("new-alert-en");
            france.click("Send the alert");
            assertThat(france.text()).contains("Done.", "Active", "Claire Dubois", "Chambre disciplinaire de Paris");
            String reference = france.heading().replace("Alert ", "");
            String id = france.driver.getCurrentUrl().replaceAll(".*/app/alerts/([0-9a-f-]{36}).*", "$1");
            assertThat(france.driver.findElement(By.tagName("table")).getText()).contains(nl);
            france.assertAccessible();

            // the Netherlands, in Dutch: the alert is listed with its summary; reading it is confirmed
            netherlands.open("/app/alerts?lang=nl", user(nl));
            assertThat(netherlands.heading()).isEqualTo("Ontvangen waarschuwingen");
            assertThat(netherlands.text()).contains(reference, "prohibited from practising");
            netherlands.assertAccessible();
            netherlands.screenshot("alerts-nl");
            netherlands.driver.findElement(By.linkText(reference)).click();
            assertThat(netherlands.heading()).isEqualTo("Waarschuwing " + reference);
            assertThat(netherlands.text()).contains("Verbod op beroepsuitoefening", "Claire Dubois",
                    "Nog niet bevestigd.");
            assertThat(netherlands.text()).as("only the issuer changes or withdraws").doesNotContain(
                    "Waarschuwing intrekken");
            netherlands.assertAccessible();
            netherlands.click("Als gelezen markeren");
            assertThat(netherlands.text()).contains("Gedaan.", "Gelezen op");
            netherlands.screenshot("alert-nl");

            // France sees who read it
            france.open("/app/alerts/" + id + "?lang=en");
            String receipt = france.driver.findElements(By.cssSelector("tbody tr")).stream().map(r -> r.getText())
                    .filter(t -> t.startsWith(nl)).findFirst().orElseThrow();
            assertThat(receipt.split(" ")).hasSizeGreaterThan(3);
            assertThat(receipt).doesNotEndWith("–");
            france.screenshot("alert-receipts-en");

            // and withdraws it: the recipients are told, the personal data is gone
            france.click("Withdraw the alert");
            assertThat(france.text()).contains("Done.", "Withdrawn").doesNotContain("Claire Dubois");
            france.assertAccessible();
        }
    }

    @Test
    void reasonsAreRefusedAtTheirFieldAndNothingIsSent() {
        String fr = alertingHandler("FR");
        try (Browser france = new Browser(BASE)) {
            france.open("/app/alerts/new?lang=en", user(fr));
            france.driver.findElement(By.id("familyName")).sendKeys("Martin");
            france.driver.findElement(By.id("givenNames")).sendKeys("Paul");
            france.driver.executeScript("document.getElementById('birthDate').value = '1975-06-01'");
            new Select(france.driver.findElement(By.id("profession"))).selectByValue("NURSE");
            france.driver.findElement(By.id("scope-PARTIAL_RESTRICTION")).click();
            france.driver.findElement(By.id("restriction")).sendKeys("No night shifts because of misconduct");
            france.driver.findElement(By.id("decidingBody")).sendKeys("Chambre disciplinaire de Lyon");
            france.click("Send the alert");
            assertThat(france.driver.findElement(By.id("restriction")).getDomAttribute("aria-invalid")).isEqualTo(
                    "true");
            assertThat(france.driver.findElement(By.id("restriction-error")).getText()).contains("reasons");
            assertThat(france.driver.findElement(By.id("familyName")).getDomProperty("value")).isEqualTo("Martin");
            france.assertAccessible();
            france.open("/app/alerts/new?lang=de");
            assertThat(france.heading()).isEqualTo("Neue Warnmeldung");
            france.assertAccessible();
            france.open("/app/alerts?box=sent&lang=fr");
            assertThat(france.heading()).isEqualTo("Alertes envoyées");
            assertThat(france.text()).contains("Aucune alerte.");
            france.assertAccessible();
            // signing out ends the session at the provider too: the next page asks who signs in
            france.open("/app/sign-out");
            france.open("/app/inbox");
            assertThat(france.driver.findElements(By.cssSelector("button[name=user]"))).isNotEmpty();
        }
        given().auth().oauth2(Tokens.forAuthority(fr, Roles.CASE_HANDLER)).get("/api/v1/alerts/sent").then()
                .statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
    }
}
