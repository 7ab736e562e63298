package io.clientworkspace.examples.portal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests and forms pages in a real browser (headless Chromium, set up as in {@link PortalBrowserIT}): Carol
 * submits Acme's "Website change request" form with errors, sees each error next to its field with her input kept,
 * fixes them and submits; Bob moves the request to done and Carol sees it; Erin fills the Globex intake form in two
 * sittings (saves a draft, signs out, signs in again, resumes and submits). Saves screenshots under
 * {@code target/screenshots/}.
 *
 * <p>Runs on its own in-memory database (and so its own demo data), as these tests add requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:portal-requests-browser;DB_CLOSE_DELAY=-1")
class PortalRequestsBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static LocalChromium chromium;
    private static ChromeDriver driver;

    @LocalServerPort
    int port;

    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        chromium = LocalChromium.startIfFound().orElse(null);
        driver = chromium == null ? null : chromium.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.stop();
        }
    }

    @BeforeEach
    void freshSession() {
        LocalChromium.assumeFound(chromium);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(1280, 900));
        open("/login");
        driver.manage().deleteAllCookies();
    }

    @Test
    void carolSubmitsAFormWithErrorsFixesThemAndBobMovesTheRequestToDone() {
        signIn("carol");
        wait.until(ExpectedConditions.urlToBe(url("/workspaces/acme")));
        driver.findElement(By.id("tab-requests")).click();
        assertThat(waitFor(By.id("all-requests")).getText()).contains(DemoRequests.CAROL_REQUEST);
        driver.findElement(By.id("new-request")).click();
        waitFor(By.cssSelector(".form-choice[data-form='" + DemoRequests.WEBSITE_CHANGE + "']")).click();

        type("f-page", "ftp://acme.test/about");
        type("f-budget", "lots");
        type("f-contact", "carol@acme.test");
        driver.findElement(By.id("request-submit")).click();

        assertThat(waitFor(By.id("error")).getText()).contains("not sent");
        assertThat(fieldError("page")).isNotEmpty();
        assertThat(fieldError("change")).contains("required");
        assertThat(fieldError("area")).contains("required");
        assertThat(fieldError("budget")).contains("number");
        assertThat(fieldError("checked_live")).contains("ticked");
        assertThat(driver.findElements(By.cssSelector(".form-field[data-field='contact'] .field-error"))).isEmpty();
        assertThat(driver.findElement(By.id("f-page")).getDomProperty("value")).isEqualTo("ftp://acme.test/about");
        assertThat(driver.findElement(By.id("f-contact")).getDomProperty("value")).isEqualTo("carol@acme.test");
        screenshot("request-form-errors");

        type("f-page", "https://acme.test/about");
        type("f-change", "Replace the team photos with the new ones.");
        driver.findElement(By.id("f-area-1")).click();
        type("f-budget", "1200");
        driver.findElement(By.id("f-checked_live")).click();
        driver.findElement(By.id("request-submit")).click();

        wait.until(ExpectedConditions.urlMatches(".*/workspaces/acme/requests/[^/]+$"));
        String requestUrl = driver.getCurrentUrl();
        assertThat(waitFor(By.id("notice")).getText()).contains("was sent to the team");
        assertThat(driver.findElement(By.id("request-status")).getText()).isEqualTo("Submitted");
        assertThat(driver.findElement(By.id("answers")).getText()).contains("https://acme.test/about", "Design", "1200", "Yes");
        screenshot("request-client");

        signOut();
        signIn("bob");
        driver.get(requestUrl);
        waitFor(By.id("move-done")).click();
        assertThat(waitFor(By.id("notice")).getText()).contains("is now Done");
        assertThat(driver.findElement(By.id("request-status")).getText()).isEqualTo("Done");
        assertThat(driver.findElement(By.id("history")).getText()).contains("moved it from Submitted to Done");
        screenshot("request-team");

        signOut();
        signIn("carol");
        driver.get(requestUrl);
        assertThat(waitFor(By.id("request-status")).getText()).isEqualTo("Done");
        assertThat(driver.findElement(By.id("reopen")).isDisplayed()).isTrue();
    }

    @Test
    void erinFillsTheGlobexIntakeFormInTwoSittings() {
        signIn("erin");
        wait.until(ExpectedConditions.urlToBe(url("/workspaces/globex")));
        WebElement assignment = waitFor(By.cssSelector(".assignment-link"));
        assertThat(assignment.getText()).startsWith(DemoRequests.BRAND_QUESTIONNAIRE + " — due ");
        assignment.click();

        type("f-company", "Globex");
        driver.findElement(By.id("f-tone-1")).click();
        driver.findElement(By.id("f-channels-0")).click();
        driver.findElement(By.id("save-draft")).click();
        assertThat(waitFor(By.id("notice")).getText()).contains("Draft saved");
        String fillUrl = driver.getCurrentUrl();

        signOut();
        signIn("erin");
        driver.get(fillUrl);
        assertThat(waitFor(By.id("draft-note")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("f-company")).getDomProperty("value")).isEqualTo("Globex");
        assertThat(driver.findElement(By.id("f-tone-1")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("f-channels-0")).isSelected()).isTrue();

        type("f-values", "Reliable, friendly, a little bold.");
        driver.executeScript("arguments[0].value = '2027-03-01'", driver.findElement(By.id("f-launch")));
        type("f-email", "erin@globex.test");
        driver.findElement(By.id("f-consent")).click();
        screenshot("assignment-resumed");
        driver.findElement(By.id("submit-assignment")).click();

        wait.until(ExpectedConditions.urlMatches(".*/workspaces/globex/requests/[^/]+$"));
        assertThat(waitFor(By.id("notice")).getText()).contains("was submitted");
        assertThat(driver.findElement(By.id("answers")).getText()).contains("Globex", "Serious", "Website", "2027-03-01");
        open("/workspaces/globex");
        assertThat(waitFor(By.id("workspace-name")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector(".assignment-link"))).isEmpty();
    }

    @Test
    void theTeamFindsOpenRequestsInItsInboxAndTheTenantAdminTheFormLibrary() {
        signIn("bob");
        waitFor(By.id("nav-inbox")).click();
        wait.until(ExpectedConditions.urlToBe(url("/inbox")));
        assertThat(waitFor(By.id("inbox")).getText()).contains(DemoRequests.CAROL_REQUEST, "Acme Corp", "High");
        screenshot("inbox-team");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-assignee"))).selectByValue("me");
        driver.findElement(By.id("filter-apply")).click();
        assertThat(waitFor(By.id("inbox-empty")).getText()).isEqualTo("Nothing matches.");

        signOut();
        signIn("alice");
        waitFor(By.id("nav-forms")).click();
        waitFor(By.cssSelector(".form-row[data-form='" + DemoRequests.BRAND_QUESTIONNAIRE + "'] a.form-link")).click();
        assertThat(waitFor(By.id("form-version")).getText()).isEqualTo("Version 1");
        assertThat(driver.findElement(By.id("form-text")).getDomProperty("value"))
                .contains("checkbox | consent | You may show the new brand in your portfolio | required");
        screenshot("form-library-edit");
    }

    // ---- helpers ----

    private void type(String id, String text) {
        WebElement input = waitFor(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private String fieldError(String fieldId) {
        return driver.findElement(By.cssSelector(".form-field[data-field='" + fieldId + "'] .field-error")).getText();
    }

    private void signIn(String user) {
        open("/login");
        waitFor(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void signOut() {
        open("/workspaces");
        waitFor(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebElement waitFor(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The whole page, not just the window, as PNG. */
    private void screenshot(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) (Map<?, ?>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) size.get("width")).doubleValue(), "height", ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }
}
