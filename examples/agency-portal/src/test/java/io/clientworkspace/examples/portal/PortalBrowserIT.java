package io.clientworkspace.examples.portal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in a real browser (headless Chromium): who sees what, the invitation round trip, the
 * controls each role gets, and a phone-sized screen. Saves a screenshot of every main page under
 * {@code target/screenshots/}.
 *
 * <p>Needs Chromium and ChromeDriver (Debian's {@code chromium} and {@code chromium-driver}; CI installs
 * them). Without them the tests are skipped with a message naming what to install, except under
 * {@code CI=true}, where they fail (see {@link LocalChromium}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalBrowserIT {


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
        wait = browser.freshSession(port, Duration.ofSeconds(20));
    }

    @AfterEach
    void desktopScreen() {
        if (driver != null) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void signInPageListsTheDemoAccountsAndRefusesAWrongPassword() {
        browser.open("/login");
        assertThat(driver.findElement(By.cssSelector(".demo-accounts")).getText()).contains("alice", "carol", "demo");
        browser.screenshot("login");

        driver.findElement(By.id("username")).sendKeys("carol");
        driver.findElement(By.id("password")).sendKeys("wrong");
        driver.findElement(By.id("sign-in")).click();

        assertThat(browser.waitFor(By.id("login-error")).getText()).contains("don’t match");
    }

    @Test
    void clientSeesOnlyItsOwnWorkspace() {
        browser.signIn("carol");

        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        assertThat(driver.findElement(By.id("workspace-name")).getText()).contains("Acme Corp");

        browser.open("/workspaces");
        assertThat(slugsOnPage()).containsExactly("acme");
        assertThat(bodyText()).doesNotContain("Globex", "Initech");
        browser.screenshot("overview-client");
    }

    @Test
    void clientTypingAnotherClientsWorkspaceAddressGetsTheSameNotFoundAsForNoWorkspace() {
        browser.signIn("carol");

        browser.open("/workspaces/globex");
        String forbidden = browser.waitFor(By.id("not-found")).getText();
        browser.screenshot("not-found");
        browser.open("/workspaces/no-such-workspace");
        String missing = browser.waitFor(By.id("not-found")).getText();

        assertThat(forbidden).contains("can’t find").doesNotContain("Globex").isEqualTo(missing);
    }

    @Test
    void agencyAdminInvitesANewClientUserWhoJoinsAndSeesOnlyThatWorkspace() {
        browser.signIn("alice");
        browser.open("/workspaces");
        assertThat(slugsOnPage()).containsExactly("acme", "globex", "initech");
        browser.screenshot("overview-team");

        driver.findElement(By.cssSelector("tr[data-slug='initech'] a.ws-link")).click();
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/initech")));
        browser.screenshot("workspace-home-team");
        driver.findElement(By.id("invite-email")).sendKeys("grace@initech.test");
        new Select(driver.findElement(By.id("invite-role"))).selectByValue("CLIENT_CONTRIBUTOR");
        driver.findElement(By.id("invite-submit")).click();
        String link = browser.waitFor(By.id("invite-link")).getDomProperty("value");
        assertThat(link).startsWith(browser.url("/invitations/accept?token="));
        browser.open("/workspaces/initech");
        assertThat(driver.findElements(By.id("invite-link"))).as("the link is shown only once").isEmpty();
        assertThat(bodyText()).contains("grace@initech.test");

        browser.signOut();
        driver.get(link);
        assertThat(browser.waitFor(By.id("invitation-workspace")).getText()).isEqualTo("Initech");
        assertThat(driver.findElement(By.id("invitation-role")).getText()).isEqualTo("Client contributor");
        browser.screenshot("invitation-accept");
        driver.findElement(By.id("username")).sendKeys("grace");
        driver.findElement(By.id("password")).sendKeys("grace-secret-1");
        driver.findElement(By.id("confirmPassword")).sendKeys("grace-secret-1");
        driver.findElement(By.id("accept")).click();

        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/initech")));
        assertThat(driver.findElement(By.id("notice")).getText()).contains("Welcome, grace", "Initech");
        assertThat(driver.findElement(By.id("current-user")).getText()).isEqualTo("grace");
        assertThat(driver.findElement(By.cssSelector(".member[data-user='grace']")).getText()).contains("Client contributor");
        browser.open("/workspaces");
        assertThat(slugsOnPage()).containsExactly("initech");

        driver.get(link);
        assertThat(browser.waitFor(By.id("invitation-unusable")).getText()).contains("already been used");

        browser.signOut();
        browser.signIn("grace", "grace-secret-1");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/initech")));
    }

    @Test
    void invitationFormNamesTheFieldThatIsWrong() {
        browser.signIn("alice");
        browser.open("/workspaces/initech");

        driver.findElement(By.id("invite-email")).sendKeys("not-an-address");
        driver.findElement(By.id("invite-submit")).click();

        assertThat(browser.waitFor(By.id("invite-email-error")).getText()).startsWith("E-mail").contains("e-mail address");
        assertThat(driver.findElements(By.id("invite-link"))).isEmpty();
    }

    @Test
    void invitationSignUpNamesTheFieldThatIsWrongAndCreatesNoAccount() {
        browser.signIn("alice");
        browser.open("/workspaces/globex");
        driver.findElement(By.id("invite-email")).sendKeys("heidi@globex.test");
        driver.findElement(By.id("invite-submit")).click();
        String link = browser.waitFor(By.id("invite-link")).getDomProperty("value");
        browser.signOut();

        driver.get(link);
        browser.waitFor(By.id("username")).sendKeys("carol");
        driver.findElement(By.id("password")).sendKeys("short");
        driver.findElement(By.id("confirmPassword")).sendKeys("short");
        driver.findElement(By.id("accept")).click();
        assertThat(browser.waitFor(By.id("password-error")).getText()).contains("at least 8 characters");

        driver.findElement(By.id("password")).sendKeys("long-enough-1");
        driver.findElement(By.id("confirmPassword")).sendKeys("long-enough-1");
        driver.findElement(By.id("accept")).click();
        assertThat(browser.waitFor(By.id("username-error")).getText()).contains("already taken");
        assertThat(driver.findElement(By.id("invitation-workspace")).getText()).isEqualTo("Globex");
    }

    @Test
    void clientViewerSeesItsWorkspaceWithoutInviteOrRoleControls() {
        browser.signIn("dave");

        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        assertThat(driver.findElement(By.id("your-role")).getText()).isEqualTo("Client viewer");
        assertThat(driver.findElements(By.cssSelector(".member")).stream().map(e -> e.getDomAttribute("data-user")))
                .contains("bob", "carol", "dave");
        assertThat(driver.findElements(By.id("invite-form"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".role-form"))).isEmpty();
        // Team-only activity (invitations sent, the CRM link) never reaches a client.
        assertThat(driver.findElements(By.cssSelector(".badge-internal"))).isEmpty();
        assertThat(driver.findElement(By.id("activity")).getText())
                .contains("joined as Client admin", "added bob as Lead").doesNotContain("CRM", "invited");
        browser.screenshot("workspace-home-client");
    }

    @Test
    void clientViewerForgingAnInvitationGetsTheForbiddenPage() {
        browser.signIn("dave");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));

        // The page offers dave no invitation form; post one anyway, with a valid CSRF token.
        driver.executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/workspaces/acme/invitations';
                for (const [name, value] of [['email', 'mallory@acme.test'], ['role', 'CLIENT_VIEWER'],
                        ['_csrf', document.querySelector('input[name=_csrf]').value]]) {
                    const input = document.createElement('input');
                    input.type = 'hidden'; input.name = name; input.value = value;
                    form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();""");

        assertThat(browser.waitFor(By.id("forbidden")).getText()).contains("can’t do that");
    }

    @Test
    void clientAdminMayInviteButNotChangeRoles() {
        browser.signIn("carol");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));

        assertThat(driver.findElements(By.id("invite-form"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector(".role-form"))).isEmpty();
    }

    @Test
    void workspaceLeadChangesAClientsRoleButCannotDemoteTheOnlyLead() {
        browser.signIn("bob");
        browser.open("/workspaces/acme");
        assertThat(driver.findElement(By.id("activity")).getText()).contains("linked the CRM account CRM-1001");

        changeRole("dave", "CLIENT_CONTRIBUTOR");
        assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("dave is now Client contributor.");
        assertThat(driver.findElement(By.cssSelector(".member[data-user='dave']")).getDomAttribute("data-role"))
                .isEqualTo("CLIENT_CONTRIBUTOR");
        changeRole("dave", "CLIENT_VIEWER");
        assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("dave is now Client viewer.");

        changeRole("bob", "MEMBER");
        assertThat(browser.waitFor(By.id("error")).getText()).contains("only lead");
        assertThat(driver.findElement(By.cssSelector(".member[data-user='bob']")).getDomAttribute("data-role"))
                .isEqualTo("LEAD");
    }

    @Test
    void workspaceHomeFitsAPhoneScreenWithoutSidewaysScrolling() {
        phoneScreen();
        browser.signIn("carol");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        assertFitsScreen();
        browser.screenshot("workspace-home-phone-client");

        browser.signOut();
        browser.signIn("alice");
        browser.open("/workspaces/globex");
        assertThat(driver.findElements(By.cssSelector(".role-form"))).isNotEmpty();
        assertFitsScreen();
        browser.screenshot("workspace-home-phone-team");
        browser.open("/workspaces");
        assertFitsScreen();
        browser.screenshot("overview-phone-team");
    }

    // ---- helpers ----

    private void changeRole(String user, String role) {
        WebElement member = driver.findElement(By.cssSelector(".member[data-user='" + user + "']"));
        new Select(member.findElement(By.tagName("select"))).selectByValue(role);
        member.findElement(By.cssSelector(".role-form button")).click();
        wait.until(ExpectedConditions.stalenessOf(member));
    }

    private String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private List<String> slugsOnPage() {
        return driver.findElements(By.cssSelector(".workspace-row")).stream().map(e -> e.getDomAttribute("data-slug")).toList();
    }

    /** A 375 CSS-pixel-wide phone, honouring the page's viewport meta tag as a phone's browser does. */
    private void phoneScreen() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
    }

    private void assertFitsScreen() {
        JavascriptExecutor js = driver;
        long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long bodyWidth = ((Number) js.executeScript("return document.body.scrollWidth")).longValue();
        long documentWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(innerWidth).as("viewport width").isEqualTo(375);
        assertThat(bodyWidth).as("body width on %s", driver.getCurrentUrl()).isLessThanOrEqualTo(innerWidth);
        assertThat(documentWidth).as("document width on %s", driver.getCurrentUrl()).isLessThanOrEqualTo(innerWidth);
    }
}
