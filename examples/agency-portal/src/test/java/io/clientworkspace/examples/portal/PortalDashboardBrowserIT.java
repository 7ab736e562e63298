package io.clientworkspace.examples.portal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's dashboard and the Insights pages in a real browser (headless Chromium, set up as in
 * {@link PortalBrowserIT}): Alice filters the dashboard to "needs attention" and finds Acme with its pending approval
 * (asked five days before startup, see {@link DemoHistory}); Bob's dashboard holds only the workspace he serves; the
 * Insights pages draw their charts (inline SVG with values) with a data table beside each; clients never reach any of
 * these pages. Saves screenshots under {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:portal-dashboard-browser;DB_CLOSE_DELAY=-1")
class PortalDashboardBrowserIT {

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
    void aliceFiltersTheDashboardToNeedsAttentionAndFindsAcmesPendingApproval() {
        browser.signIn("alice");
        browser.open("/workspaces");
        browser.waitFor(By.id("nav-dashboard")).click();
        browser.waitFor(By.id("dashboard-filters"));

        WebElement attention = driver.findElement(By.id("filter-attention"));
        assertThat(attention.isSelected()).isFalse();
        attention.click();
        driver.findElement(By.id("filter-apply")).click();
        wait.until(d -> d.getCurrentUrl().contains("attention=true"));

        WebElement acme = browser.waitFor(By.cssSelector(".dashboard-row[data-slug='acme']"));
        assertThat(acme.getDomAttribute("data-attention")).contains("PENDING_APPROVAL");
        assertThat(acme.getDomAttribute("data-pending-approvals")).isEqualTo("1");
        assertThat(acme.findElement(By.cssSelector(".pending-approvals")).getText()).isEqualTo("1 approval");
        assertThat(acme.findElement(By.cssSelector(".waiting")).getText()).contains("oldest 5 days ago");
        assertThat(acme.findElements(By.cssSelector(".attention-reason"))).extracting(WebElement::getText)
                .contains("Approval pending 3 days or more");
        assertThat(acme.findElement(By.cssSelector(".lead")).getText()).isEqualTo("bob");
        // Every row shown needs attention for some reason.
        assertThat(driver.findElements(By.cssSelector(".dashboard-row")))
                .allSatisfy(row -> assertThat(row.getDomAttribute("data-attention")).isNotBlank());
        browser.screenshot("dashboard-needs-attention");
    }

    @Test
    void aLongerPendingThresholdNoLongerFlagsAcmesApproval() {
        browser.signIn("alice");
        browser.open("/dashboard?attention=true&pendingDays=30");

        List<WebElement> acme = driver.findElements(By.cssSelector(".dashboard-row[data-slug='acme']"));
        assertThat(acme).allSatisfy(row -> assertThat(row.getDomAttribute("data-attention")).doesNotContain("PENDING_APPROVAL"));
    }

    @Test
    void bobsDashboardHoldsOnlyTheWorkspaceHeServes() {
        browser.signIn("bob");
        browser.open("/dashboard");
        browser.waitFor(By.id("dashboard"));

        assertThat(driver.findElements(By.cssSelector(".dashboard-row"))).extracting(e -> e.getDomAttribute("data-slug"))
                .containsExactly("acme");
    }

    @Test
    void theInsightsPageRendersItsCharts() {
        browser.signIn("alice");
        browser.open("/workspaces");
        browser.waitFor(By.id("nav-insights")).click();
        browser.waitFor(By.id("period-form"));

        List<WebElement> charts = driver.findElements(By.cssSelector("svg.chart"));
        assertThat(charts).extracting(e -> e.getDomAttribute("id")).containsExactly("tenant-active-clients",
                "tenant-approval-turnaround", "tenant-request-times", "tenant-overdue-rate");
        for (WebElement chart : charts) {
            assertThat(chart.getDomAttribute("role")).isEqualTo("img");
            assertThat(chart.findElement(By.tagName("title")).getDomProperty("textContent")).isNotBlank();
            assertThat(chart.findElement(By.tagName("desc")).getDomProperty("textContent")).isNotBlank();
            assertThat(chart.findElements(By.cssSelector("text.category"))).hasSize(12);
        }
        // Demo visits of the last twelve weeks: bars with values; Erin's decisions: points on the turnaround line.
        assertThat(driver.findElements(By.cssSelector("#tenant-active-clients rect.bar")))
                .extracting(e -> e.getDomAttribute("data-value")).isNotEmpty().anyMatch(v -> !v.equals("0"));
        assertThat(driver.findElements(By.cssSelector("#tenant-approval-turnaround g.point"))).isNotEmpty();
        // A data table beside each chart, one row per week, with numbers.
        List<WebElement> activeRows = driver.findElements(By.cssSelector("#tenant-active-clients-table tbody tr"));
        assertThat(activeRows).hasSize(12);
        assertThat(activeRows).extracting(r -> r.findElement(By.cssSelector("td")).getText()).allMatch(v -> v.matches("\\d+"));
        assertThat(driver.findElement(By.cssSelector(".client-turnaround-row[data-user='erin']")).getText()).contains("erin", "10");
        browser.screenshot("insights-tenant");
    }

    @Test
    void aWorkspacesInsightsShowItsOwnCharts() {
        browser.signIn("alice");
        browser.open("/workspaces/globex");
        browser.waitFor(By.id("tab-insights")).click();
        browser.waitFor(By.id("period-form"));

        assertThat(driver.findElements(By.cssSelector("svg.chart"))).hasSize(4);
        assertThat(driver.findElements(By.cssSelector("#workspace-approval-turnaround g.point"))).isNotEmpty();
        assertThat(driver.findElement(By.id("download-report")).getDomAttribute("href"))
                .startsWith("/workspaces/globex/insights/report.csv");
        browser.screenshot("insights-workspace");
    }

    @Test
    void clientsNeverReachTheDashboardOrTheInsights() {
        for (String client : List.of("carol", "dave")) {
            browser.signIn(client);
            assertThat(driver.findElements(By.id("nav-dashboard"))).isEmpty();
            assertThat(driver.findElements(By.id("nav-insights"))).isEmpty();
            assertThat(driver.findElements(By.id("tab-insights"))).isEmpty();
            for (String page : List.of("/dashboard", "/dashboard?attention=true", "/insights", "/workspaces/acme/insights",
                    "/insights/report.csv", "/workspaces/acme/insights/report.csv")) {
                browser.open(page);
                assertThat(browser.waitFor(By.id("not-found")).getText()).as(client + " on " + page).contains("can’t find");
                assertThat(driver.getPageSource()).doesNotContain("Acme Corp", "Approval pending");
            }
            browser.signOut();
        }
    }
}
