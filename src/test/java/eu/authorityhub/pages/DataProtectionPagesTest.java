package eu.authorityhub.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import eu.authorityhub.security.Roles;
import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.PagesIdentityProvider;
import eu.authorityhub.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The data-protection officer's page in the browser: keyboard, labels, axe, the printable answer. */
@QuarkusTest
class DataProtectionPagesTest {

    private static final String BASE = "http://localhost:" + Integer.getInteger("quarkus.http.test-port", 8081);

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @BeforeAll
    static void browserInstalled() {
        assertThat(Browser.installed()).as("chromium and chromium-driver").isTrue();
    }

    @Test
    void anOfficerAnswersAProfessionalsAccessRequest() {
        String pl = PageUsers.handler("PL");
        String nl = PageUsers.handler("NL");
        String family = "Wiśniewska" + Long.toString(System.nanoTime(), 36);
        String id = RestAssured.given().auth().oauth2(Tokens.forAuthority(pl, Roles.CASE_HANDLER)).contentType(
                "application/json").body(
                        """
                                {"responder":"%s","policyArea":"PQ","procedure":"GENERAL","profession":"NURSE",
                                 "professional":{"familyName":"%s","givenNames":"Ewa","birthDate":"1975-05-06"},
                                 "questions":["PQ-G-PER-01"],"requestedDueDate":"%s"}""".formatted(nl, family, LocalDate
                                .now().plusDays(20)))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        String officer = "dpo-" + pl.toLowerCase();
        PagesIdentityProvider.user(officer, Roles.DATA_PROTECTION_OFFICER, "authority:" + pl);
        try (Browser b = new Browser(BASE)) {
            b.open("/app/data-protection?lang=en", officer);
            assertThat(b.heading()).isEqualTo("Subject access");
            b.assertAccessible();
            b.driver.findElement(By.id("familyName")).sendKeys(family);
            b.driver.findElement(By.id("birthDate")).sendKeys("05061975"); // typed as a person would, month first
            b.driver.findElement(By.id("birthDate")).submit();
            assertThat(b.text()).contains("Information requests (1)").contains(family).contains("Accesses to these"
                    + " cases");
            assertThat(b.driver.findElement(By.tagName("h4")).getText()).isNotBlank();
            b.assertAccessible();
            b.screenshot("subject-access");
        }
        assertThat(id).isNotBlank();
    }

    @Test
    void anOfficerLandsOnItsOwnPageAndTheMenuOffersOnlyWhatItMayOpen() {
        String pl = PageUsers.handler("PL");
        String officer = "dpo-menu-" + pl.toLowerCase();
        PagesIdentityProvider.user(officer, Roles.DATA_PROTECTION_OFFICER, "authority:" + pl);
        try (Browser b = new Browser(BASE)) {
            b.open("/app?lang=en", officer);
            assertThat(b.heading()).isEqualTo("Subject access");
            java.util.List<String> menu = b.driver.findElements(By.cssSelector("nav a")).stream().map(a -> a
                    .getDomAttribute("href")).toList();
            assertThat(menu).contains("/app/data-protection", "/app/sign-out").doesNotContain("/app/inbox",
                    "/app/requests", "/app/alerts", "/app/directory", "/app/settings");
        }
        // a case handler lands on the inbox and is not offered the officer's page
        try (Browser b = new Browser(BASE)) {
            b.open("/app?lang=en", PageUsers.user(pl));
            assertThat(b.driver.getCurrentUrl()).contains("/app/inbox");
            assertThat(b.driver.findElements(By.cssSelector("nav a[href='/app/data-protection']"))).isEmpty();
        }
    }

    @Test
    void aBlockedCaseShowsItsNoticeAndNoPersonalData() {
        String pl = PageUsers.handler("PL");
        String nl = PageUsers.handler("NL");
        String family = "Zielińska" + Long.toString(System.nanoTime(), 36);
        String id = RestAssured.given().auth().oauth2(Tokens.forAuthority(pl, Roles.CASE_HANDLER)).contentType(
                "application/json").body(
                        """
                                {"responder":"%s","policyArea":"PQ","procedure":"GENERAL","profession":"NURSE",
                                 "professional":{"familyName":"%s","givenNames":"Ewa","birthDate":"1975-05-06"},
                                 "questions":["PQ-G-PER-01"],"requestedDueDate":"%s"}""".formatted(nl, family,
                                LocalDate.now()
                                        .plusDays(20)))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        RestAssured.given().auth().oauth2(Tokens.forAuthority(pl, Roles.CASE_HANDLER)).contentType(
                "application/json").body("{\"reason\":\"Typed in error\"}").post("/api/v1/requests/" + id
                        + "/withdraw")
                .then().statusCode(200);
        // blocked as the engine does 6 months after withdrawal (its work is tested in RetentionTest); here the page
        // of a case in that state
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update information_request set personal_data = 'BLOCKED', personal_data_blocked_at = now() where id"
                        + " = :id")
                .setParameter("id", java.util.UUID.fromString(id)).executeUpdate());
        try (Browser b = new Browser(BASE)) {
            b.open("/app/requests/" + id + "?lang=en", PageUsers.user(pl));
            assertThat(b.driver.findElement(By.cssSelector(".notice[role=note]")).getText()).isNotBlank();
            assertThat(b.text()).doesNotContain(family).doesNotContain("1975");
            b.assertAccessible();
            b.screenshot("case-blocked");
        }
    }
}
