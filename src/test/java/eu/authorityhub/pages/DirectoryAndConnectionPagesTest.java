package eu.authorityhub.pages;

import static eu.authorityhub.pages.PageUsers.handler;
import static eu.authorityhub.pages.PageUsers.user;
import static eu.authorityhub.pages.PageUsers.withAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import eu.authorityhub.webhook.DispatchNow;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import eu.authorityhub.testing.Fixtures;
import eu.authorityhub.testing.WebhookReceiver;
import eu.authorityhub.webhook.WebhookDispatcher;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The directory look-up and an authority's page; the back-office connection an administrator sets up in the browser:
 * the secret shown once, a delivery in the log with its attempt, replay, a new secret, pause.
 */
@QuarkusTest
class DirectoryAndConnectionPagesTest {

    private static final String BASE = "http://localhost:" + Integer.getInteger("quarkus.http.test-port", 8081);

    @Inject
    WebhookDispatcher dispatcher;

    @BeforeAll
    static void browserInstalled() {
        assertThat(Browser.installed()).as("chromium and chromium-driver").isTrue();
    }

    @Test
    void whoIsCompetentForNursesInTheNetherlands() {
        String pl = handler("PL");
        String nl = handler("NL");
        try (Browser poland = new Browser(BASE)) {
            poland.open("/app/directory?lang=de", user(pl));
            assertThat(poland.heading()).isEqualTo("Verzeichnis");
            poland.assertAccessible();
            new Select(poland.driver.findElement(By.id("profession"))).selectByValue("NURSE");
            new Select(poland.driver.findElement(By.id("memberState"))).selectByValue("NL");
            // narrowed by name: other tests leave more Dutch authorities than one page of 25 shows
            poland.driver.findElement(By.id("name")).sendKeys(nl);
            poland.click("Suchen");
            assertThat(poland.driver.findElement(By.tagName("table")).getText()).contains(nl).doesNotContain(pl);
            assertThat(poland.text()).contains("Niederlande (NL)");
            poland.assertAccessible();
            poland.driver.findElement(By.linkText("Authority " + nl)).click();
            assertThat(poland.heading()).isEqualTo("Authority " + nl);
            assertThat(poland.text()).contains("Krankenpfleger für allgemeine Pflege", "Italienisch",
                    "imi@example.it");
            poland.assertAccessible();
            poland.screenshot("authority-de");
            poland.open("/app/directory/NL-NOSUCH?lang=en");
            assertThat(poland.heading()).isEqualTo("The page could not be shown");
        }
    }

    @Test
    void anAdministratorConnectsTheNationalSystem() throws Exception {
        String pl = handler("PL");
        String nl = handler("NL");
        String admin = withAdmin(nl);
        try (WebhookReceiver receiver = new WebhookReceiver();
                Browser browser = new Browser(BASE)) {
            // a case handler has no connection page
            browser.open("/app/connection?lang=en", user(nl));
            assertThat(browser.driver.findElements(By.cssSelector("a[href='/app/connection']"))).isEmpty();
            assertThat(browser.text()).doesNotContain("Subscriptions");
        }
        try (WebhookReceiver receiver = new WebhookReceiver();
                Browser browser = new Browser(BASE)) {
            browser.open("/app/connection?lang=en", admin);
            assertThat(browser.heading()).isEqualTo("Back-office connection");
            browser.assertAccessible();
            browser.driver.findElement(By.id("url")).sendKeys(receiver.url("/hooks/hub"));
            browser.driver.findElement(By.id("description")).sendKeys("National register");
            browser.click("Connect");
            String secret = browser.driver.findElement(By.id("secret")).getDomProperty("value");
            assertThat(secret).startsWith("whsec_");
            browser.assertAccessible();
            browser.screenshot("connection-secret-en");
            browser.driver.findElement(By.linkText("To the subscription")).click();
            assertThat(browser.driver.getPageSource()).as("the secret is shown once").doesNotContain(secret);
            String page = browser.driver.getCurrentUrl();

            // a request for the authority: a delivery appears in the log, is sent, and its attempt is shown
            Fixtures.sentRequest(pl, nl);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                browser.open(page.replace(BASE, ""));
                return browser.text().contains("eu.authorityhub.request.send.v1");
            });
            DispatchNow.deliverDue(dispatcher);
            assertThat(receiver.received()).isNotEmpty();
            browser.open(page.replace(BASE, ""));
            assertThat(browser.text()).contains("Delivered");
            browser.driver.findElement(By.tagName("summary")).click();
            assertThat(browser.driver.findElement(By.tagName("details")).getText()).contains("204");
            browser.assertAccessible();
            browser.screenshot("connection-log-en");
            browser.click("Send again");
            assertThat(browser.text()).contains("Done.", "Waiting");

            // a new secret, the old one signing on for the grace period; then a pause
            browser.click("Issue a new secret");
            String second = browser.driver.findElement(By.id("secret")).getDomProperty("value");
            assertThat(second).startsWith("whsec_").isNotEqualTo(secret);
            assertThat(browser.text()).contains("The previous secret still signs until");
            browser.open(page.replace(BASE, ""));
            browser.click("Pause deliveries");
            assertThat(browser.text()).contains("Done.", "Disabled");
            browser.assertAccessible();
        }
    }
}
