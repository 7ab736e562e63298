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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates pages in a real browser (headless Chromium, set up as in {@link PortalBrowserIT}): Alice makes a
 * workspace from the "Retainer onboarding" template and finds its folders on the Files tab, its project on the
 * Projects tab and the client's onboarding checklist on the workspace's home. Saves screenshots under
 * {@code target/screenshots/}.
 *
 * <p>Runs on its own in-memory database (and so its own demo data), as it adds a workspace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:portal-templates-browser;DB_CLOSE_DELAY=-1")
class PortalTemplatesBrowserIT {

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
    void aliceCreatesAWorkspaceFromTheTemplateAndSeesItsFoldersProjectAndChecklist() {
        browser.signIn("alice");
        browser.waitFor(By.id("nav-templates")).click();
        browser.waitFor(By.cssSelector(".template-row[data-template='" + DemoTemplates.RETAINER + "'] .new-workspace-link"))
                .click();
        type("ws-name", "Umbrella Corp");
        type("ws-slug", "umbrella");
        type("ws-external-ref", "CRM-2001");
        driver.executeScript("arguments[0].value = '2027-01-04'", driver.findElement(By.id("ws-contract")));
        browser.screenshot("template-new-workspace");
        driver.findElement(By.id("create-workspace")).click();

        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/umbrella")));
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("Umbrella Corp", DemoTemplates.RETAINER);
        List<String> checklist = driver.findElements(By.cssSelector("#checklist .task-title")).stream()
                .map(WebElement::getText).toList();
        assertThat(checklist).containsExactlyElementsOf(DemoTemplates.CHECKLIST);
        assertThat(driver.findElement(By.id("checklist-progress-text")).getText()).contains("0 of 3");
        browser.screenshot("template-workspace-home");

        driver.findElement(By.id("tab-files")).click();
        List<String> folders = browser.waitFor(By.cssSelector(".files-table")).findElements(By.cssSelector(".folder-row"))
                .stream().map(r -> r.getDomAttribute("data-folder")).toList();
        assertThat(folders).containsExactlyInAnyOrderElementsOf(DemoTemplates.FOLDERS);

        driver.findElement(By.id("tab-projects")).click();
        WebElement project = browser.waitFor(By.cssSelector(".project-row[data-name='" + DemoTemplates.PROJECT + "'] .project-link"));
        project.click();
        assertThat(browser.waitFor(By.id("page-title")).getText()).contains(DemoTemplates.PROJECT);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("First deliverables", "Kick-off call");
        browser.screenshot("template-workspace-project");
    }

    private void type(String id, String text) {
        WebElement field = browser.waitFor(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
