package io.clientworkspace.examples.portal;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The browser side shared by the portal's browser tests: one headless Chromium per test class (see
 * {@link LocalChromium}), a fresh session before each test, and the small steps every test takes (sign in
 * and out, open a page, wait for an element, save a full-page screenshot under {@code target/screenshots/}).
 *
 * <p>A test class starts it in {@code @BeforeAll} with {@link #start()}, stops it in {@code @AfterAll}, and
 * calls {@link #freshSession} in {@code @BeforeEach} with its server port and how long to wait for the page.
 */
final class PortalBrowser {

    /** Where {@link #screenshot} saves its PNGs. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final @Nullable LocalChromium chromium;
    private final @Nullable ChromeDriver driver;
    private int port;
    private @Nullable WebDriverWait wait;

    private PortalBrowser(@Nullable LocalChromium chromium) {
        this.chromium = chromium;
        this.driver = chromium == null ? null : chromium.driver();
    }

    /**
     * Creates the screenshot directory and starts the browser; without one the tests are skipped (or fail
     * under {@code CI=true}) as {@link LocalChromium} describes.
     */
    static PortalBrowser start() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        return new PortalBrowser(LocalChromium.startIfFound().orElse(null));
    }

    /** Stops the browser, if one was started. */
    void stop() {
        if (chromium != null) {
            chromium.stop();
        }
    }

    /** The driver, or null when no browser was found. */
    @Nullable ChromeDriver driver() {
        return driver;
    }

    /**
     * Before each test: skips it when no browser was found, then a 1280x900 window on the sign-in page of
     * the server at {@code port}, without cookies. Returns the wait (of {@code timeout}) the helpers use.
     */
    WebDriverWait freshSession(int port, Duration timeout) {
        LocalChromium.assumeFound(chromium);
        this.port = port;
        this.wait = new WebDriverWait(browser(), timeout);
        browser().manage().window().setSize(new Dimension(1280, 900));
        open("/login");
        browser().manage().deleteAllCookies();
        return wait;
    }

    /** Signs in as a demo user with the demo password and waits until the sign-in page is left. */
    void signIn(String user) {
        signIn(user, DemoData.PASSWORD);
    }

    /** Signs in and waits until the sign-in page is left. */
    void signIn(String user, String password) {
        open("/login");
        waitFor(By.id("username")).sendKeys(user);
        browser().findElement(By.id("password")).sendKeys(password);
        browser().findElement(By.id("sign-in")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Signs out from the overview page and waits for the signed-out sign-in page. */
    void signOut() {
        open("/workspaces");
        waitFor(By.id("sign-out")).click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));
    }

    /** Opens a path of the portal. */
    void open(String path) {
        browser().get(url(path));
    }

    /** The full address of a path of the portal. */
    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits until the element is visible. */
    WebElement waitFor(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The whole page, not just the window, as PNG, saved as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) (Map<?, ?>) browser().executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) size.get("width")).doubleValue(), "height", ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = browser().executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }

    private ChromeDriver browser() {
        if (driver == null) {
            throw new IllegalStateException("No browser was found");
        }
        return driver;
    }

    private WebDriverWait waiting() {
        if (wait == null) {
            throw new IllegalStateException("freshSession was not called");
        }
        return wait;
    }
}
