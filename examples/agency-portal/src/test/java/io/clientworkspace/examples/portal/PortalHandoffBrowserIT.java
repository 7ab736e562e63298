package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handoff page in a real browser (headless Chromium, set up as in {@link PortalBrowserIT}): Alice hands all of
 * Bob's accounts to Grace, the new account manager, after a preview; afterwards, checked through the kit, Bob leads
 * nothing and has no open task, request or project left, and Grace leads Acme and sees its tasks. Also the audit page
 * shows the handoff. Saves screenshots under {@code target/screenshots/}.
 *
 * <p>Runs on its own in-memory database (and so its own demo data), as it changes who leads what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:portal-handoff-browser;DB_CLOSE_DELAY=-1")
class PortalHandoffBrowserIT {

    private static PortalBrowser browser;
    private static ChromeDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceKit kit;

    @Autowired
    PortalTenant tenant;

    @Autowired
    PortalUsers users;

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

    private Actor team(String name) {
        return new Actor(tenant.id(), users.idOf(name).orElseThrow(), ActorKind.TEAM);
    }

    @Test
    void aliceHandsBobsAccountsToGraceAndNothingIsLeftBehind() {
        Actor alice = team("alice");
        Actor nina = team("nina");
        UserId bob = team("bob").userId();
        assertThat(kit.handoffs().preview(alice, bob, nina.userId()).leadRoles()).isPositive();

        browser.signIn("alice");
        browser.waitFor(By.id("nav-handoff")).click();
        new Select(browser.waitFor(By.id("from"))).selectByValue(bob.value());
        new Select(driver.findElement(By.id("to"))).selectByValue(nina.userId().value());
        driver.findElement(By.id("preview-handoff")).click();
        WebElement acmeRow = browser.waitFor(By.cssSelector(".handoff-row[data-workspace='acme']"));
        assertThat(acmeRow.getText()).contains("Acme", "moves");
        browser.screenshot("handoff-preview");
        driver.findElement(By.id("confirm-handoff")).click();

        assertThat(browser.waitFor(By.id("notice")).getText()).contains("Handed off from bob to nina");
        assertThat(driver.findElement(By.id("nothing-to-move")).isDisplayed()).isTrue();
        browser.screenshot("handoff-done");

        // nothing left behind, checked through the kit
        assertThat(kit.handoffs().preview(alice, bob, nina.userId()).isEmpty()).isTrue();
        List<Workspace> all = kit.workspaces().list(alice, PageRequest.first(PageRequest.MAX_LIMIT)).items();
        for (Workspace w : all) {
            assertThat(kit.members().find(alice, w.id(), bob).map(Membership::role)).as(w.slug())
                    .isNotEqualTo(java.util.Optional.of(WorkspaceRole.LEAD));
        }
        Workspace acme = kit.workspaces().findBySlug(alice, "acme").orElseThrow();
        assertThat(kit.members().find(alice, acme.id(), nina.userId()).map(Membership::role))
                .contains(WorkspaceRole.LEAD);
        assertThat(kit.projects().list(nina, acme.id(), PageRequest.first()).items()).isNotEmpty();

        // nina sees Acme and its tasks in the portal
        browser.signOut();
        browser.signIn("nina");
        browser.open("/workspaces/acme/projects");
        assertThat(browser.waitFor(By.cssSelector(".project-row")).getText()).isNotBlank();
        browser.screenshot("handoff-nina-projects");
    }

    @Test
    void theAuditPageShowsEntriesAndOffersTheCsv() {
        browser.signIn("alice");
        browser.waitFor(By.id("nav-audit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".audit-row")));
        assertThat(driver.findElements(By.cssSelector(".audit-row"))).isNotEmpty();
        assertThat(driver.findElement(By.id("audit-csv")).getDomAttribute("href")).contains("/audit.csv");
        browser.screenshot("audit");
    }
}
