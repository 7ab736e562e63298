package io.clientworkspace.examples.portal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;

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


    private static PortalBrowser browser;
    private static ChromeDriver driver;

    @LocalServerPort
    int port;

    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = PortalBrowser.start();
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.stop();
        }
    }

    @BeforeEach
    void freshSession() {
        wait = browser.freshSession(port, Duration.ofSeconds(30));
    }

    @Test
    void carolSubmitsAFormWithErrorsFixesThemAndBobMovesTheRequestToDone() {
        browser.signIn("carol");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        driver.findElement(By.id("tab-requests")).click();
        assertThat(browser.waitFor(By.id("all-requests")).getText()).contains(DemoRequests.CAROL_REQUEST);
        driver.findElement(By.id("new-request")).click();
        browser.waitFor(By.cssSelector(".form-choice[data-form='" + DemoRequests.WEBSITE_CHANGE + "']")).click();

        type("f-page", "ftp://acme.test/about");
        type("f-budget", "lots");
        type("f-contact", "carol@acme.test");
        driver.findElement(By.id("request-submit")).click();

        assertThat(browser.waitFor(By.id("error")).getText()).contains("not sent");
        assertThat(fieldError("page")).isNotEmpty();
        assertThat(fieldError("change")).contains("required");
        assertThat(fieldError("area")).contains("required");
        assertThat(fieldError("budget")).contains("number");
        assertThat(fieldError("checked_live")).contains("ticked");
        assertThat(driver.findElements(By.cssSelector(".form-field[data-field='contact'] .field-error"))).isEmpty();
        assertThat(driver.findElement(By.id("f-page")).getDomProperty("value")).isEqualTo("ftp://acme.test/about");
        assertThat(driver.findElement(By.id("f-contact")).getDomProperty("value")).isEqualTo("carol@acme.test");
        browser.screenshot("request-form-errors");

        type("f-page", "https://acme.test/about");
        type("f-change", "Replace the team photos with the new ones.");
        driver.findElement(By.id("f-area-1")).click();
        type("f-budget", "1200");
        driver.findElement(By.id("f-checked_live")).click();
        driver.findElement(By.id("request-submit")).click();

        wait.until(ExpectedConditions.urlMatches(".*/workspaces/acme/requests/[^/]+$"));
        String requestUrl = driver.getCurrentUrl();
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("was sent to the team");
        assertThat(driver.findElement(By.id("request-status")).getText()).isEqualTo("Submitted");
        assertThat(driver.findElement(By.id("answers")).getText()).contains("https://acme.test/about", "Design", "1200", "Yes");
        browser.screenshot("request-client");

        browser.signOut();
        browser.signIn("bob");
        driver.get(requestUrl);
        browser.waitFor(By.id("move-done")).click();
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("is now Done");
        assertThat(driver.findElement(By.id("request-status")).getText()).isEqualTo("Done");
        assertThat(driver.findElement(By.id("history")).getText()).contains("moved it from Submitted to Done");
        browser.screenshot("request-team");

        browser.signOut();
        browser.signIn("carol");
        driver.get(requestUrl);
        assertThat(browser.waitFor(By.id("request-status")).getText()).isEqualTo("Done");
        assertThat(driver.findElement(By.id("reopen")).isDisplayed()).isTrue();
    }

    @Test
    void erinFillsTheGlobexIntakeFormInTwoSittings() {
        browser.signIn("erin");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/globex")));
        WebElement assignment = browser.waitFor(By.cssSelector(".assignment-link"));
        assertThat(assignment.getText()).startsWith(DemoRequests.BRAND_QUESTIONNAIRE + " — due ");
        assignment.click();

        type("f-company", "Globex");
        driver.findElement(By.id("f-tone-1")).click();
        driver.findElement(By.id("f-channels-0")).click();
        driver.findElement(By.id("save-draft")).click();
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("Draft saved");
        String fillUrl = driver.getCurrentUrl();

        browser.signOut();
        browser.signIn("erin");
        driver.get(fillUrl);
        assertThat(browser.waitFor(By.id("draft-note")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("f-company")).getDomProperty("value")).isEqualTo("Globex");
        assertThat(driver.findElement(By.id("f-tone-1")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("f-channels-0")).isSelected()).isTrue();

        type("f-values", "Reliable, friendly, a little bold.");
        driver.executeScript("arguments[0].value = '2027-03-01'", driver.findElement(By.id("f-launch")));
        type("f-email", "erin@globex.test");
        driver.findElement(By.id("f-consent")).click();
        browser.screenshot("assignment-resumed");
        driver.findElement(By.id("submit-assignment")).click();

        wait.until(ExpectedConditions.urlMatches(".*/workspaces/globex/requests/[^/]+$"));
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("was submitted");
        assertThat(driver.findElement(By.id("answers")).getText()).contains("Globex", "Serious", "Website", "2027-03-01");
        browser.open("/workspaces/globex");
        assertThat(browser.waitFor(By.id("workspace-name")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector(".assignment-link"))).isEmpty();
    }

    @Test
    void theTeamFindsOpenRequestsInItsInboxAndTheTenantAdminTheFormLibrary() {
        browser.signIn("bob");
        browser.waitFor(By.id("nav-inbox")).click();
        wait.until(ExpectedConditions.urlToBe(browser.url("/inbox")));
        assertThat(browser.waitFor(By.id("inbox")).getText()).contains(DemoRequests.CAROL_REQUEST, "Acme Corp", "High");
        browser.screenshot("inbox-team");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-assignee"))).selectByValue("me");
        driver.findElement(By.id("filter-apply")).click();
        assertThat(browser.waitFor(By.id("inbox-empty")).getText()).isEqualTo("Nothing matches.");

        browser.signOut();
        browser.signIn("alice");
        browser.waitFor(By.id("nav-forms")).click();
        browser.waitFor(By.cssSelector(".form-row[data-form='" + DemoRequests.BRAND_QUESTIONNAIRE + "'] a.form-link")).click();
        assertThat(browser.waitFor(By.id("form-version")).getText()).isEqualTo("Version 1");
        assertThat(driver.findElement(By.id("form-text")).getDomProperty("value"))
                .contains("checkbox | consent | You may show the new brand in your portfolio | required");
        browser.screenshot("form-library-edit");
    }

    // ---- helpers ----

    private void type(String id, String text) {
        WebElement input = browser.waitFor(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private String fieldError(String fieldId) {
        return driver.findElement(By.cssSelector(".form-field[data-field='" + fieldId + "'] .field-error")).getText();
    }
}
