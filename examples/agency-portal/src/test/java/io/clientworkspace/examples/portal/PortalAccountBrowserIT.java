package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.examples.portal.security.PortalUsers;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.Folder;
import io.clientworkspace.record.LinkedRecord;
import io.clientworkspace.record.RecordType;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Account tab, the invoice-gated deliverables and the Notifications page in a real browser (headless Chromium,
 * set up as in {@link PortalBrowserIT}): Carol (client admin, with {@code VIEW_BILLING}) sees Acme's invoices with
 * their amounts and the overdue one says so in words; Dave (viewer, without it) sees tickets and reports but no
 * invoice and no amount anywhere in the page's source; the internal ticket never shows for Carol; the final
 * deliverables download for Carol only once their invoice is paid; Bob's two new versions of one file within the
 * batching window are one queued notification for Carol. Saves screenshots under {@code target/screenshots/}.
 *
 * <p>Runs on its own in-memory database (and so its own demo data), as these tests change records and files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:portal-account-browser;DB_CLOSE_DELAY=-1")
class PortalAccountBrowserIT {

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

    @Test
    void carolSeesAcmesInvoicesWithAmountsAndTheOverdueOneInWords() {
        browser.signIn("carol");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        browser.waitFor(By.id("tab-account")).click();

        WebElement invoices = browser.waitFor(By.id("records-invoice"));
        WebElement open = row(invoices, DemoRecords.OPEN_INVOICE);
        assertThat(open.getText()).contains("Brand refresh second instalment", "Overdue since", "€7,200.00");
        assertThat(row(invoices, DemoRecords.PAID_INVOICE).getText()).contains("Paid", "€4,800.00");
        assertThat(driver.findElement(By.id("records-ticket")).getText()).contains(DemoRecords.CLIENT_TICKET);
        assertThat(driver.findElement(By.id("records-report")).getText()).contains("Monthly performance report");
        browser.screenshot("account-carol");
    }

    @Test
    void daveSeesTicketsAndReportsButNoInvoiceAndNoAmount() {
        browser.signIn("dave");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        browser.open("/workspaces/acme/account");
        browser.waitFor(By.id("records-ticket"));

        String page = driver.getPageSource();
        assertThat(driver.findElements(By.id("records-invoice"))).isEmpty();
        assertThat(page).contains(DemoRecords.CLIENT_TICKET, "Monthly performance report", "Retainer 2026")
                .doesNotContain(DemoRecords.OPEN_INVOICE, DemoRecords.PAID_INVOICE, "Brand refresh deposit",
                        "7,200", "4,800", "36,000", "€");
        browser.screenshot("account-dave");
    }

    @Test
    void theInternalTicketNeverShowsForCarol() {
        browser.signIn("carol");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        String home = driver.getPageSource();
        browser.open("/workspaces/acme/account");
        browser.waitFor(By.id("records-ticket"));
        String account = driver.getPageSource();
        browser.open("/notifications");
        browser.waitFor(By.id("pending"));
        String notifications = driver.getPageSource();

        for (String page : List.of(home, account, notifications)) {
            assertThat(page).doesNotContain(DemoRecords.INTERNAL_TICKET, "TCK-4712");
        }

        browser.signOut();
        browser.signIn("bob");
        browser.open("/workspaces/acme/account");
        WebElement internal = row(browser.waitFor(By.id("records-ticket")), "TCK-4712");
        assertThat(internal.getText()).contains(DemoRecords.INTERNAL_TICKET, "Internal");
    }

    @Test
    void theFinalDeliverablesDownloadForCarolOnceTheirInvoiceIsPaid() {
        Workspace acme = kit.workspaces().findBySlug(actor("alice", ActorKind.TEAM), "acme").orElseThrow();
        FileAsset finalFile = finalDeliverable(acme);
        browser.signIn("carol");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));

        browser.open("/workspaces/acme/files/" + finalFile.id().value() + "/download");
        assertThat(browser.waitFor(By.tagName("main")).getText())
                .contains("Not available yet", "once invoice " + DemoRecords.OPEN_INVOICE + " is paid");
        browser.screenshot("deliverable-waits-for-invoice");

        Actor bob = actor("bob", ActorKind.TEAM);
        LinkedRecord invoice = kit.records().get(bob, acme.id(), RecordType.INVOICE, DemoRecords.OPEN_INVOICE);
        kit.records().upsert(bob, acme.id(), io.clientworkspace.record.NewLinkedRecord.builder(RecordType.INVOICE,
                        invoice.hostId(), invoice.title(), "PAID").amount(invoice.amount().orElseThrow())
                .issuedOn(invoice.issuedOn().orElseThrow()).dueOn(invoice.dueOn().orElseThrow())
                .url(invoice.url().orElseThrow()).build(), OptionalLong.of(invoice.version()));

        try (InputStream content = kit.downloads().download(actor("carol", ActorKind.CLIENT), acme.id(),
                finalFile.id(), OptionalInt.empty()).content()) {
            assertThat(content.readAllBytes()).startsWith("%PDF".getBytes());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void twoNewVersionsOfOneFileWithinTheBatchingWindowAreOneQueuedNotificationForCarol() {
        Actor bob = actor("bob", ActorKind.TEAM);
        Workspace acme = kit.workspaces().findBySlug(bob, "acme").orElseThrow();
        FileAsset sheet = kit.files().upload(bob, acme.id(),
                io.clientworkspace.file.NewUpload.of("Rate card.pdf", "application/pdf"),
                new ByteArrayInputStream(DemoFiles.pdf("Rate card", "Version 1")));
        kit.files().uploadVersion(bob, acme.id(), sheet.id(), "Rate card.pdf", "application/pdf",
                new ByteArrayInputStream(DemoFiles.pdf("Rate card", "Version 2")));

        browser.signIn("carol");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        browser.waitFor(By.id("nav-notifications")).click();

        List<WebElement> lines = browser.waitFor(By.id("pending"))
                .findElements(By.cssSelector(".pending-item[data-title='Rate card.pdf']"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).getDomAttribute("data-count")).isEqualTo("2");
        browser.screenshot("notifications-carol");
    }

    private FileAsset finalDeliverable(Workspace acme) {
        Actor alice = actor("alice", ActorKind.TEAM);
        Folder folder = kit.folders().list(alice, acme.id(), Optional.empty(), PageRequest.first(PageRequest.MAX_LIMIT))
                .items().stream().filter(f -> f.name().equals(DemoRecords.FINAL_FOLDER)).findFirst().orElseThrow();
        return kit.files().list(alice, acme.id(), Optional.of(folder.id()), PageRequest.first()).items().stream()
                .filter(f -> f.name().equals(DemoRecords.FINAL_FILE)).findFirst().orElseThrow();
    }

    private WebElement row(WebElement section, String hostId) {
        return section.findElement(By.cssSelector(".record-row[data-host-id='" + hostId + "']"));
    }

    private Actor actor(String name, ActorKind kind) {
        return new Actor(tenant.id(), users.idOf(name).orElseThrow(), kind);
    }
}
