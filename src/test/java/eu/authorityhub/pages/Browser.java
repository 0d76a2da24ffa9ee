package eu.authorityhub.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import eu.authorityhub.testing.HubInfrastructure;

/**
 * A real headless Chromium (Debian's chromium and chromedriver, installed by .ci/run) driven by Selenium, one
 * browser profile per person, with the axe-core accessibility check at hand.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    private final Path profile;
    private final String base;

    Browser(String base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("hub-browser");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER)
                .toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A date as the English pages show it ("Jan 13, 2027"). */
    static String english(java.time.LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(java.util.Locale.ENGLISH));
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    /** Opens a page of the hub; signs in as {@code user} on the provider's page when it asks. */
    Browser open(String path, String user) {
        driver.get(base + path);
        List<WebElement> choice = driver.findElements(By.cssSelector("button[name=user][value='" + user + "']"));
        if (!choice.isEmpty()) {
            choice.get(0).click();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().startsWith(base));
        }
        return this;
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    String heading() {
        List<WebElement> h1 = driver.findElements(By.tagName("h1"));
        if (h1.isEmpty()) {
            throw new AssertionError("no heading on " + driver.getCurrentUrl() + ":\n" + driver.getPageSource());
        }
        return h1.get(0).getText();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Presses a form's button and waits for the page that answers it. */
    void click(String buttonText) {
        WebElement page = driver.findElement(By.tagName("html"));
        WebElement button = null;
        for (int attempt = 0; button == null; attempt++) {
            try { // by the button's text, as a person finds it; the page may still be settling after a script
                String literal = buttonText.contains("'") ? '"' + buttonText + '"' : "'" + buttonText + "'";
                button = driver.findElement(By.xpath("//button[normalize-space()=" + literal + "]"));
            } catch (org.openqa.selenium.NoSuchElementException e) {
                throw new AssertionError("no button '" + buttonText + "' on " + driver.getCurrentUrl() + ":\n"
                        + text(), e);
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(page));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "complete".equals(driver.executeScript(
                "return document.readyState")));
    }

    /** Moves the focus with the Tab key only until it is on the element; fails when the keyboard cannot reach it. */
    WebElement tabTo(String id) {
        for (int i = 0; i < 300; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (id.equals(active.getDomAttribute("id"))) {
                return active;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("the keyboard does not reach #" + id + " on " + driver.getCurrentUrl());
    }

    /** Types on the keyboard into whatever has the focus. */
    void type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Presses Enter on the focused button and waits for the page that answers. */
    void enter() {
        WebElement page = driver.findElement(By.tagName("html"));
        type(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(page));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "complete".equals(driver.executeScript(
                "return document.readyState")));
    }

    /**
     * Whether the page an element belongs to has been replaced. Chromium answers a look-up of a node of the replaced
     * document either as stale or, while the new one is being built, with "Node with given id does not belong to the
     * document": both mean gone (the second made a browser test fail once in a CI-sized run).
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** axe-core with the WCAG 2.1 A and AA rules: no violation allowed. */
    void assertAccessible() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        assertThat(results.getViolations()).as("axe-core violations on " + driver.getCurrentUrl() + ": "
                + results.getViolations().stream().map(Rule::getId).toList()).isEmpty();
    }

    void screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        HubInfrastructure.deleteTree(profile);
    }
}
