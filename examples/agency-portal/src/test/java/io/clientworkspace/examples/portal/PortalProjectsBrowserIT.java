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
 * The Projects tab, the onboarding checklist and the calendar in a real browser (headless Chromium, set up as in
 * {@link PortalBrowserIT}): Carol ticks her task and acknowledges the status update; Dave sees the task but cannot
 * tick it; the team-only task never shows for Carol, in any page's source; Carol ticks an item of her onboarding
 * checklist and its progress bar moves; the team sees the internal items marked "Internal". Saves screenshots under
 * {@code target/screenshots/}.
 *
 * <p>Runs on its own in-memory database (and so its own demo data), as these tests tick tasks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:portal-projects-browser;DB_CLOSE_DELAY=-1")
class PortalProjectsBrowserIT {

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
    void carolTicksHerTaskAndAcknowledgesTheStatusUpdate() {
        browser.signIn("carol");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        openBrandRefresh();
        assertThat(browser.waitFor(By.cssSelector("#project-details [data-health]")).getText()).contains("At risk");

        WebElement task = taskRow(DemoProjects.CAROL_TASK);
        assertThat(task.getDomAttribute("data-done")).isEqualTo("false");
        task.findElement(By.cssSelector("button.tick")).click();
        assertThat(browser.waitFor(By.id("notice")).getText()).contains(DemoProjects.CAROL_TASK, "is done");
        task = taskRow(DemoProjects.CAROL_TASK);
        assertThat(task.getDomAttribute("data-done")).isEqualTo("true");
        assertThat(task.getText()).contains("done by carol on ");

        WebElement update = statusUpdate(DemoProjects.CLIENT_STATUS);
        update.findElement(By.cssSelector("button.acknowledge")).click();
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("the team sees that you read this update");
        update = statusUpdate(DemoProjects.CLIENT_STATUS);
        assertThat(update.getText()).contains("seen by carol on ", "You acknowledged this update.");
        assertThat(update.findElements(By.cssSelector("button.acknowledge"))).isEmpty();
        browser.screenshot("project-client");

        browser.signOut();
        browser.signIn("bob");
        openBrandRefresh();
        assertThat(statusUpdate(DemoProjects.CLIENT_STATUS).getText()).contains("seen by carol on ");
        assertThat(taskRow(DemoProjects.CAROL_TASK).getDomAttribute("data-done")).isEqualTo("true");
    }

    @Test
    void daveSeesTheTaskButCannotTickIt() {
        browser.signIn("dave");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        openBrandRefresh();

        WebElement task = taskRow(DemoProjects.CAROL_TASK);
        WebElement box = task.findElement(By.cssSelector("input.tick-disabled"));
        assertThat(box.isEnabled()).isFalse();
        assertThat(task.findElements(By.cssSelector("button.tick"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("button.tick"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("button.acknowledge"))).isNotEmpty();
        browser.screenshot("project-viewer");
    }

    @Test
    void theTeamOnlyTaskNeverShowsForCarol() {
        browser.signIn("carol");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        String home = driver.getPageSource();
        openBrandRefresh();
        String project = driver.getPageSource();
        browser.open("/workspaces/acme/calendar");
        browser.waitFor(By.id("agenda"));
        String calendar = driver.getPageSource();

        for (String page : new String[] {home, project, calendar}) {
            assertThat(page).doesNotContain(DemoProjects.INTERNAL_TASK, DemoProjects.INTERNAL_STATUS,
                    "Internal review of the logo variants");
        }
        assertThat(project).contains(DemoProjects.CAROL_TASK);
        assertThat(calendar).contains(DemoProjects.MAINTENANCE);

        browser.signOut();
        browser.signIn("bob");
        openBrandRefresh();
        WebElement internal = taskRow(DemoProjects.INTERNAL_TASK);
        assertThat(internal.getText()).contains("Internal");
        browser.screenshot("project-team");
    }

    @Test
    void carolTicksAnOnboardingChecklistItemAndTheProgressBarMoves() {
        browser.signIn("carol");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        WebElement progress = browser.waitFor(By.id("checklist-progress-text"));
        String before = progress.getText();
        assertThat(before).endsWith(" of 3 done");

        WebElement item = browser.waitFor(By.cssSelector("#checklist .task[data-title='" + DemoProjects.CHECKLIST_OPEN + "']"));
        item.findElement(By.cssSelector("button.tick")).click();

        assertThat(browser.waitFor(By.id("notice")).getText()).contains("is done");
        int done = Integer.parseInt(before.substring(0, before.indexOf(' ')));
        assertThat(browser.waitFor(By.id("checklist-progress-text")).getText()).isEqualTo((done + 1) + " of 3 done");
        assertThat(driver.findElement(By.cssSelector("#checklist-progress progress")).getDomAttribute("value"))
                .isEqualTo(String.valueOf(done + 1));
        browser.screenshot("onboarding-checklist");
    }

    // ---- helpers ----

    /** From Acme's home (where a client lands after sign-in; the team lands on the overview) to the project. */
    private void openBrandRefresh() {
        if (!browser.url("/workspaces/acme").equals(driver.getCurrentUrl())) {
            browser.open("/workspaces/acme");
        }
        browser.waitFor(By.id("tab-projects")).click();
        browser.waitFor(By.cssSelector(".project-row[data-name='" + DemoProjects.BRAND_REFRESH + "'] a.project-link")).click();
        browser.waitFor(By.id("project-details"));
    }

    private WebElement taskRow(String title) {
        return browser.waitFor(By.cssSelector(".task[data-title='" + title + "']"));
    }

    private WebElement statusUpdate(String summary) {
        return driver.findElements(By.cssSelector(".status-update")).stream()
                .filter(u -> u.findElement(By.cssSelector(".status-summary")).getText().equals(summary))
                .findFirst().orElseThrow();
    }
}
