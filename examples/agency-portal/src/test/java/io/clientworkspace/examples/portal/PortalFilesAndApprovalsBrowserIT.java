package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.approval.ApprovalRecord;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.tck.SampleFiles;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files and approvals pages in a real browser (headless Chromium, set up as in {@link PortalBrowserIT}):
 * a client uploads through the plain multipart form and approves the pending mockup, the agency sees
 * the decision in the approval record, a viewer gets no decision controls and a forged decision the 403
 * page, and internal files stay invisible to clients. Saves screenshots of the files page, the
 * approvals queue and the record view under {@code target/screenshots/}.
 *
 * <p>Runs on its own in-memory database (and so its own demo data), as these tests change what the
 * demo's approval and activity look like.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:portal-files;DB_CLOSE_DELAY=-1")
class PortalFilesAndApprovalsBrowserIT {

    private static final String MOCKUP_APPROVAL = "Approve the homepage mockup";

    private static PortalBrowser browser;
    private static ChromeDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceKit kit;

    @Autowired
    PortalTenant tenant;

    @Autowired
    io.clientworkspace.examples.portal.security.PortalUsers users;

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

    // ---- files ----

    @Test
    void clientUploadsAFileThroughTheFormAndFindsItInTheList() throws IOException {
        Path upload = Files.createTempDirectory(Path.of("target"), "upload-").resolve("Signed contract.pdf");
        Files.write(upload, DemoFiles.pdf("Signed contract", "Signed by Carol for Acme Corp."));

        browser.signIn("carol");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        driver.findElement(By.id("tab-files")).click();
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme/files")));
        driver.findElement(By.id("upload-file")).sendKeys(upload.toAbsolutePath().toString());
        driver.findElement(By.id("upload-submit")).click();

        assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("Uploaded Signed contract.pdf.");
        assertThat(fileNamesOnPage()).contains("Signed contract.pdf", "Homepage mockup.png");
        assertThat(driver.findElements(By.cssSelector(".folder-row")).stream().map(e -> e.getDomAttribute("data-folder")))
                .containsExactly("Brand", DemoRecords.FINAL_FOLDER);
        browser.screenshot("files-client");

        FileAsset stored = acmeFiles().stream().filter(f -> f.name().equals("Signed contract.pdf")).findFirst().orElseThrow();
        FileVersion version = kit.files().versions(alice(), stored.workspaceId(), stored.id()).get(0);
        assertThat(version.sha256()).isEqualTo(SampleFiles.sha256(Files.readAllBytes(upload)));
        assertThat(version.detectedType()).isEqualTo("application/pdf");
        assertThat(version.uploadedBy()).isEqualTo(users.idOf("carol").orElseThrow());
    }

    @Test
    void anExecutableNamedPdfIsRefusedWithTheDetectedTypeAndNotListed() throws IOException {
        Path upload = Files.createTempDirectory(Path.of("target"), "upload-").resolve("invoice.pdf");
        Files.write(upload, SampleFiles.windowsExecutable());

        browser.signIn("carol");
        browser.open("/workspaces/acme/files");
        driver.findElement(By.id("upload-file")).sendKeys(upload.toAbsolutePath().toString());
        driver.findElement(By.id("upload-submit")).click();

        assertThat(browser.waitFor(By.id("error")).getText()).contains("“invoice.pdf” was not uploaded", "application/x-msdownload");
        assertThat(fileNamesOnPage()).doesNotContain("invoice.pdf");
    }

    @Test
    void theTeamSeesTheInternalFileAndAClientNeverDoes() {
        FileAsset internal = acmeFiles().stream().filter(f -> f.name().equals("Margin calculation.pdf")).findFirst()
                .orElseThrow();

        browser.signIn("bob");
        browser.open("/workspaces/acme/files");
        WebElement row = browser.waitFor(By.cssSelector(".file-row[data-file='Margin calculation.pdf']"));
        assertThat(row.getText()).contains("Internal");
        browser.screenshot("files-team");

        browser.signOut();
        browser.signIn("carol");
        browser.open("/workspaces/acme/files");
        assertThat(fileNamesOnPage()).contains("Homepage mockup.png").doesNotContain("Margin calculation.pdf");
        browser.open("/workspaces/acme/files/" + internal.id().value());
        assertThat(browser.waitFor(By.id("not-found")).getText()).contains("can’t find");
        browser.open("/workspaces/acme/files/" + internal.id().value() + "/download");
        assertThat(browser.waitFor(By.id("not-found")).getText()).contains("can’t find");
    }

    @Test
    void theFilePageListsVersionsWithTheirSha256AndDownloadsWithSafeHeaders() {
        FileAsset guidelines = acmeFiles().stream().filter(f -> f.name().equals("Brand guidelines.pdf")).findFirst()
                .orElseThrow();
        FileVersion version = kit.files().versions(alice(), guidelines.workspaceId(), guidelines.id()).get(0);

        browser.signIn("carol");
        browser.open("/workspaces/acme/files");
        driver.findElement(By.cssSelector(".folder-row[data-folder='Brand'] a")).click();
        browser.waitFor(By.cssSelector(".file-row[data-file='Brand guidelines.pdf'] a.file-link")).click();
        WebElement v1 = browser.waitFor(By.cssSelector(".version-row[data-version='1']"));
        assertThat(v1.getText()).contains(version.sha256(), "application/pdf", "bob");
        assertThat(driver.findElement(By.cssSelector(".breadcrumbs")).getText()).contains("Files", "Brand");
        browser.screenshot("file-versions-client");

        @SuppressWarnings("unchecked")
        Map<String, Object> response = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('download-latest').href).then(async r => done({
                    status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'),
                    etag: r.headers.get('etag'), nosniff: r.headers.get('x-content-type-options'),
                    length: (await r.arrayBuffer()).byteLength}));""");
        assertThat(response).containsEntry("status", 200L).containsEntry("type", "application/pdf")
                .containsEntry("etag", "\"" + version.sha256() + "\"").containsEntry("nosniff", "nosniff")
                .containsEntry("length", version.size());
        assertThat((String) response.get("disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''Brand%20guidelines.pdf");
    }

    // ---- approvals ----

    @Test
    void clientApprovesThePendingMockupAndTheAgencySeesTheDecisionInTheRecord() {
        ApprovalRequest pending = approval(MOCKUP_APPROVAL);
        assertThat(pending.status()).isEqualTo(ApprovalStatus.OPEN);
        String sha = ((io.clientworkspace.approval.ApprovalSubject.FileVersionSubject) pending.subject()).sha256();

        browser.signIn("carol");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        // Other tests may have asked carol for more approvals; the demo's is one of them.
        assertThat(Integer.parseInt(driver.findElement(By.id("waiting-count")).getText())).isPositive();
        driver.findElement(By.id("tab-approvals")).click();
        WebElement item = browser.waitFor(By.cssSelector(".queue-item[data-approval='" + pending.id().value() + "']"));
        assertThat(item.getText()).contains(MOCKUP_APPROVAL, "Homepage mockup.png · version 1", "bob");
        browser.screenshot("approvals-queue-client");
        item.findElement(By.tagName("textarea")).sendKeys("Love the orange. Go ahead.");
        item.findElement(By.cssSelector(".decide-approve")).click();

        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme/approvals/" + pending.id().value())));
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("You approved", "Approved");
        assertThat(driver.findElement(By.id("approval-status")).getText()).isEqualTo("Approved");
        assertThat(driver.findElements(By.cssSelector(".decide-form"))).isEmpty();
        browser.open("/workspaces/acme/approvals");
        assertThat(browser.waitFor(By.id("nothing-waiting")).getText()).contains("Nothing waits");

        browser.signOut();
        browser.signIn("alice");
        browser.open("/workspaces/acme/approvals");
        WebElement row = browser.waitFor(By.cssSelector(".approval-row[data-approval='" + pending.id().value() + "']"));
        assertThat(row.getDomAttribute("data-status")).isEqualTo("APPROVED");
        row.findElement(By.cssSelector("a.approval-link")).click();
        WebElement decision = browser.waitFor(By.cssSelector(".decision[data-sequence='1']"));
        assertThat(decision.getDomAttribute("data-approver")).isEqualTo("carol");
        assertThat(decision.getDomAttribute("data-decision")).isEqualTo("APPROVE");
        assertThat(decision.findElement(By.cssSelector(".decision-comment")).getText()).isEqualTo("Love the orange. Go ahead.");
        assertThat(decision.findElement(By.cssSelector(".decision-sha")).getText()).isEqualTo("SHA-256 " + sha);
        assertThat(decision.findElement(By.cssSelector(".decision-time")).getText()).endsWith("UTC");
        assertThat(driver.findElement(By.id("subject-sha")).getText()).isEqualTo(sha);
        assertThat(driver.findElements(By.cssSelector(".decision"))).hasSize(1);
        browser.screenshot("approval-record-team");

        ApprovalRecord record = kit.approvals().record(alice(), pending.workspaceId(), pending.id());
        assertThat(record.request().status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(record.decisions()).singleElement().satisfies(d -> {
            assertThat(d.approver()).isEqualTo(users.idOf("carol").orElseThrow());
            assertThat(d.kind()).isEqualTo(DecisionKind.APPROVE);
            assertThat(d.sha256()).contains(sha);
        });
    }

    @Test
    void aViewerSeesApprovalsWithoutDecisionControlsAndAForgedDecisionGetsTheForbiddenPage() {
        ApprovalRequest open = newApprovalForCarol("Approve the footer links");

        browser.signIn("dave");
        wait.until(ExpectedConditions.urlToBe(browser.url("/workspaces/acme")));
        assertThat(driver.findElements(By.id("waiting-count"))).isEmpty();
        browser.open("/workspaces/acme/approvals");
        assertThat(browser.waitFor(By.cssSelector(".approval-row[data-approval='" + open.id().value() + "']")).getText())
                .contains("Approve the footer links");
        assertThat(driver.findElements(By.cssSelector(".decide-form, .decide-approve, .decide-reject, .decide-changes")))
                .isEmpty();
        browser.screenshot("approvals-queue-viewer");
        browser.open("/workspaces/acme/approvals/" + open.id().value());
        assertThat(browser.waitFor(By.id("approval-status")).getText()).isEqualTo("Waiting for decision");
        assertThat(driver.findElements(By.cssSelector(".decide-form"))).isEmpty();

        // The page offers dave nothing to decide with; post a decision anyway, with a valid CSRF token.
        driver.executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                for (const [name, value] of [['decision', 'APPROVE'], ['comment', 'forged'],
                        ['_csrf', document.querySelector('input[name=_csrf]').value]]) {
                    const input = document.createElement('input');
                    input.type = 'hidden'; input.name = name; input.value = value;
                    form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();""", "/workspaces/acme/approvals/" + open.id().value() + "/decision");

        assertThat(browser.waitFor(By.id("forbidden")).getText()).contains("can’t do that");
        ApprovalRecord record = kit.approvals().record(alice(), open.workspaceId(), open.id());
        assertThat(record.request().status()).isEqualTo(ApprovalStatus.OPEN);
        assertThat(record.decisions()).isEmpty();
    }

    @Test
    void rejectingWithoutACommentIsRefusedWithTheReasonAndRecordsNothing() {
        ApprovalRequest open = newApprovalForCarol("Approve the pricing table");

        browser.signIn("carol");
        browser.open("/workspaces/acme/approvals");
        WebElement item = browser.waitFor(By.cssSelector(".queue-item[data-approval='" + open.id().value() + "']"));
        item.findElement(By.cssSelector(".decide-reject")).click();

        assertThat(browser.waitFor(By.id("error")).getText()).contains("not recorded", "comment");
        assertThat(kit.approvals().record(alice(), open.workspaceId(), open.id()).decisions()).isEmpty();
    }

    // ---- withdraw and purge ----

    @Test
    void theTeamWithdrawsAFileAndTheClientNoLongerFindsItOrAnyOfItsVersions() {
        Actor bob = new Actor(tenant.id(), users.idOf("bob").orElseThrow(), io.clientworkspace.ActorKind.TEAM);
        Workspace acme = acme();
        FileAsset shared = kit.files().upload(bob, acme.id(), NewUpload.of("Price sheet.pdf", "application/pdf"),
                new ByteArrayInputStream(DemoFiles.pdf("Price sheet", "Rates for 2026")));
        kit.files().uploadVersion(bob, acme.id(), shared.id(), "Price sheet.pdf", "application/pdf",
                new ByteArrayInputStream(DemoFiles.pdf("Price sheet", "Rates for 2026, corrected")));

        browser.signIn("bob");
        browser.open("/workspaces/acme/files/" + shared.id().value());
        browser.waitFor(By.id("make-internal")).click();
        assertThat(browser.waitFor(By.id("notice")).getText()).contains("Price sheet.pdf is internal now");
        assertThat(browser.waitFor(By.id("share-with-client")).isDisplayed()).isTrue();
        browser.screenshot("file-withdrawn-team");

        browser.signOut();
        browser.signIn("carol");
        browser.open("/workspaces/acme/files");
        assertThat(fileNamesOnPage()).contains("Homepage mockup.png").doesNotContain("Price sheet.pdf");
        browser.open("/workspaces/acme/files/" + shared.id().value());
        assertThat(browser.waitFor(By.id("not-found")).getText()).contains("can’t find");
        for (String version : List.of("", "?version=1", "?version=2")) {
            browser.open("/workspaces/acme/files/" + shared.id().value() + "/download" + version);
            assertThat(browser.waitFor(By.id("not-found")).getText()).as(version).contains("can’t find");
        }
        assertThat(kit.files().find(new Actor(tenant.id(), users.idOf("carol").orElseThrow(),
                io.clientworkspace.ActorKind.CLIENT), acme.id(), shared.id())).isEmpty();
    }

    @Test
    void theLeadDeletesATrashedFilePermanentlyAfterConfirmingAndTheClientNeverSawTheTrash() {
        Actor bob = new Actor(tenant.id(), users.idOf("bob").orElseThrow(), io.clientworkspace.ActorKind.TEAM);
        Workspace acme = acme();
        FileAsset old = kit.files().upload(bob, acme.id(), NewUpload.of("Old estimate.pdf", "application/pdf"),
                new ByteArrayInputStream(DemoFiles.pdf("Old estimate", "Superseded")));
        kit.files().trash(bob, acme.id(), old.id());

        browser.signIn("carol");
        browser.open("/workspaces/acme/files");
        assertThat(fileNamesOnPage()).doesNotContain("Old estimate.pdf");
        assertThat(driver.findElements(By.id("trash"))).isEmpty();
        browser.open("/workspaces/acme/files/" + old.id().value() + "/download");
        assertThat(browser.waitFor(By.id("not-found")).getText()).contains("can’t find");

        browser.signOut();
        browser.signIn("bob");
        browser.open("/workspaces/acme/files");
        browser.waitFor(By.cssSelector(".trashed-item[data-file='Old estimate.pdf'] a.trashed-link")).click();
        browser.waitFor(By.id("purge-form"));
        browser.screenshot("file-purge-team");
        driver.findElement(By.id("purge-confirm")).click();
        driver.findElement(By.id("purge-file")).click();

        assertThat(browser.waitFor(By.id("notice")).getText()).isEqualTo("Old estimate.pdf was deleted permanently.");
        assertThat(driver.findElements(By.cssSelector(".trashed-item[data-file='Old estimate.pdf']"))).isEmpty();
        assertThat(kit.files().find(alice(), acme.id(), old.id())).isEmpty();
        assertThat(kit.activity().feed(alice(), acme.id(), PageRequest.first()).items().get(0).action())
                .isEqualTo("file.purged");
    }

    // ---- helpers ----

    private Actor alice() {
        return new Actor(tenant.id(), users.idOf("alice").orElseThrow(), io.clientworkspace.ActorKind.TEAM);
    }

    private Workspace acme() {
        return kit.workspaces().findBySlug(alice(), "acme").orElseThrow();
    }

    /** Every active file of Acme, any folder, as alice sees them. */
    private List<FileAsset> acmeFiles() {
        Workspace acme = acme();
        List<FileAsset> files = new java.util.ArrayList<>(kit.files().list(alice(), acme.id(), Optional.empty(),
                PageRequest.first(500)).items());
        for (var folder : kit.folders().list(alice(), acme.id(), Optional.empty(), PageRequest.first(500)).items()) {
            files.addAll(kit.files().list(alice(), acme.id(), Optional.of(folder.id()), PageRequest.first(500)).items());
        }
        return files;
    }

    private ApprovalRequest approval(String title) {
        return kit.approvals().list(alice(), acme().id(), Optional.empty(), PageRequest.first(500)).items().stream()
                .filter(r -> r.title().equals(title)).findFirst().orElseThrow();
    }

    /** A new file of Acme, uploaded by bob, with an open approval asked of carol. */
    private ApprovalRequest newApprovalForCarol(String title) {
        Actor bob = new Actor(tenant.id(), users.idOf("bob").orElseThrow(), io.clientworkspace.ActorKind.TEAM);
        Workspace acme = acme();
        FileAsset file = kit.files().upload(bob, acme.id(), NewUpload.of(title + ".pdf", "application/pdf"),
                new ByteArrayInputStream(DemoFiles.pdf(title)));
        return kit.approvals().requestForFile(bob, acme.id(), file.id(), 1,
                NewApproval.of(title, Set.of(users.idOf("carol").orElseThrow())));
    }

    private List<String> fileNamesOnPage() {
        return driver.findElements(By.cssSelector(".file-row")).stream().map(e -> e.getDomAttribute("data-file")).toList();
    }
}
