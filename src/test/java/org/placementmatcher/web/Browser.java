package org.placementmatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.placementmatcher.security.TestAccounts;

/**
 * Test aid: real Chromium (Debian's {@code chromium}, driven through {@code chromedriver}; `.ci/run` installs both)
 * for the web app's browser tests, with what every such test needs: signing in, the accessibility scan (axe-core:
 * no serious or critical violation of WCAG 2.2 A/AA), and screenshots at desktop and mobile width under
 * {@code target/screenshots/}. A browser with JavaScript switched off checks that pages work without it.
 */
public final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("placement.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("placement.chromedriver", "/usr/bin/chromedriver");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension MOBILE = new Dimension(390, 844);

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, URL base) {
        this.driver = driver;
        String url = base.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A headless Chromium; {@code javascript} false switches scripts off, as some users and proxies do. */
    public static Browser open(URL base, boolean javascript) {
        assertThat(Path.of(CHROMIUM))
                .as("Chromium for the browser tests (Debian package chromium; .ci/run installs it)")
                .exists();
        assertThat(Path.of(CHROMEDRIVER))
                .as("chromedriver for the browser tests (Debian package chromium-driver; .ci/run installs it)")
                .exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--lang=en-GB",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // A click that submits a form returns before the next page has always arrived on a loaded machine: finding
        // an element waits a little for it (tests that expect none use findAll, which waits as long and then
        // answers empty).
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return new Browser(driver, base);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the app (e.g. {@code "/registers/E10000003"}). */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /**
     * The path once it is the one a click leads to, or after 15 s whatever it is (for the assertion to show): a click
     * that follows a link or submits a form returns before the next page has always arrived on a loaded machine.
     */
    public String pathWhen(Predicate<String> arrived) {
        for (int attempt = 0; attempt < 150 && !arrived.test(path()); attempt++) {
            pause();
        }
        return path();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * The page's h1. Read again when the page it was found on is replaced while it is read (a click that submits a
     * form returns before the next page has always arrived on a loaded machine).
     */
    public String heading() {
        for (int attempt = 0; ; attempt++) {
            try {
                return find("h1").getText();
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 50) {
                    throw replaced;
                }
                pause();
            }
        }
    }

    /** The page's h1 once it is {@code expected} (or about five seconds pass): see {@link #textOnceItContains}. */
    public String headingOnceItIs(String expected) {
        String heading = "";
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                heading = find("h1").getText();
                if (heading.equals(expected)) {
                    return heading;
                }
            } catch (StaleElementReferenceException | NoSuchElementException replaced) {
                // the next page is arriving: read it again
            }
            pause();
        }
        return heading;
    }

    /**
     * The text of the element, read again until it contains {@code expected} (or about five seconds pass): after a
     * click that submits a form, the page before may still be there (its banner saying something else) or be replaced
     * while it is read. The caller asserts on the text returned.
     */
    public String textOnceItContains(String css, String expected) {
        String text = "";
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                text = find(css).getText();
                if (text.contains(expected)) {
                    return text;
                }
            } catch (StaleElementReferenceException | NoSuchElementException replaced) {
                // the next page is arriving: read it again
            }
            pause();
        }
        return text;
    }

    /**
     * The page's title, read again until it starts with {@code prefix} (or about five seconds pass): after a click that
     * submits a form, the title read at once may still be the form's (CI runs failed so). The caller asserts on it.
     */
    public String titleOnceItStartsWith(String prefix) {
        String title = "";
        for (int attempt = 0; attempt < 50; attempt++) {
            title = driver.getTitle();
            if (title.startsWith(prefix)) {
                return title;
            }
            pause();
        }
        return title;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the sign-in form as one of the {@link TestAccounts}, and lands on the home page. */
    public Browser signIn(String username) {
        go("/sign-in");
        find("#username").sendKeys(username);
        find("#password").sendKeys(TestAccounts.PASSWORD);
        find("form[action='/j_security_check'] button[type=submit]").click();
        assertThat(find("#signed-in-user").getText()).isEqualTo(username);
        return this;
    }

    public Browser signOut() {
        find("form[action='/sign-out'] button[type=submit]").click();
        return this;
    }

    /** The page passes axe-core's WCAG 2.2 A and AA rules with no serious or critical violation. */
    public Browser assertAccessible() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(driver);
        List<String> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .map(Browser::describe)
                .toList();
        assertThat(blocking)
                .as("serious or critical accessibility violations on " + path())
                .isEmpty();
        return this;
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .limit(5)
                        .toList();
    }

    /** Full-page screenshots at desktop and mobile width: target/screenshots/NAME-desktop.png, NAME-mobile.png. */
    public Browser screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (Map.Entry<String, Dimension> size :
                    Map.of("desktop", DESKTOP, "mobile", MOBILE).entrySet()) {
                Dimension width = size.getValue();
                driver.manage().window().setSize(width);
                long height = pageHeight(width.height);
                driver.manage().window().setSize(new Dimension(width.width, (int) Math.min(height, 8000)));
                byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
                Files.write(SCREENSHOTS.resolve(name + "-" + size.getKey() + ".png"), png);
            }
            driver.manage().window().setSize(DESKTOP);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write screenshots of " + name, e);
        }
        return this;
    }

    private long pageHeight(int fallback) {
        if (driver instanceof JavascriptExecutor js) {
            try {
                Object height = js.executeScript("return document.documentElement.scrollHeight;");
                if (height instanceof Number number) {
                    return Math.max(number.longValue(), fallback);
                }
            } catch (RuntimeException scriptsOff) {
                // With JavaScript switched off the viewport height is what we have.
            }
        }
        return fallback;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
