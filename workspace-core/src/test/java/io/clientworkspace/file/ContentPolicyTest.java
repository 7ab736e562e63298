package io.clientworkspace.file;

import io.clientworkspace.ValidationException;
import io.clientworkspace.TenantId;
import io.clientworkspace.support.Fixture;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@link ContentPolicy} knobs, as an upload through {@code kit.files()} meets them. */
class ContentPolicyTest {

    @TempDir
    Path blobDir;

    private FileWorld with(ContentPolicy policy) {
        return FileWorld.create(blobDir, b -> b.contentPolicy(policy));
    }

    @Test
    void anUploadOfExactlyTheMaximumSizeIsAccepted() {
        byte[] pdf = SampleFiles.pdf();
        FileWorld w = with(ContentPolicy.defaults().withMaxSize(pdf.length));

        assertThat(w.upload("exact.pdf", pdf).latestVersion()).isEqualTo(1);
    }

    @Test
    void oneByteOverTheMaximumSizeIsRefusedAndNothingIsKept() {
        byte[] pdf = SampleFiles.pdf();
        FileWorld w = with(ContentPolicy.defaults().withMaxSize(pdf.length - 1));

        ValidationException e = w.rejects(ValidationException.class, () -> w.upload("over.pdf", pdf));

        assertThat(fieldsOf(e)).containsExactly("content");
        assertThat(e.getMessage()).contains("larger than the limit of " + (pdf.length - 1) + " bytes");
        assertThat(w.blobFiles()).isEmpty();
    }

    @Test
    void theSizeLimitHoldsBeyondTheInspectedPrefixToo() {
        byte[] big = SampleFiles.concat(SampleFiles.pdf(), new byte[200 * 1024]);
        FileWorld w = with(ContentPolicy.defaults().withMaxSize(100 * 1024));

        ValidationException e = w.rejects(ValidationException.class, () -> w.upload("big.pdf", big));

        assertThat(e.getMessage()).contains("larger than the limit of 102400 bytes");
        assertThat(w.blobFiles()).isEmpty();
    }

    @Test
    void aTypeOffTheAllowListIsRefusedNamingTheDetectedType() {
        FileWorld w = with(ContentPolicy.defaults().withAllowedTypes(Set.of("application/pdf")));

        ValidationException e = w.rejects(ValidationException.class, () -> w.upload("logo.png", SampleFiles.png()));

        assertThat(fieldsOf(e)).containsExactly("content");
        assertThat(e.getMessage()).contains("image/png", "which this workspace does not accept");
    }

    @Test
    void aWildcardAllowsEveryTypeOfItsKind() {
        FileWorld w = with(ContentPolicy.defaults().withAllowedTypes(Set.of("image/*")));

        assertThat(w.upload("logo.png", SampleFiles.png()).name()).isEqualTo("logo.png");
        assertThat(w.upload("photo.jpg", SampleFiles.jpeg()).name()).isEqualTo("photo.jpg");
        assertThatThrownBy(() -> w.upload("proposal.pdf", SampleFiles.pdf())).isInstanceOf(ValidationException.class);
    }

    @Test
    void anAllowedParentTypeAllowsItsSubtypes() {
        FileWorld w = with(ContentPolicy.defaults().withAllowedTypes(Set.of("application/zip")));

        FileAsset docx = w.upload("contract.docx", SampleFiles.docx());

        assertThat(w.files.versions(w.f.bob, w.acme(), docx.id()).get(0).detectedType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void theBlockListWinsOverAnAllowListThatWouldAcceptEverything() {
        FileWorld w = with(ContentPolicy.defaults().withAllowedTypes(Set.of("application/*", "text/*", "image/*")));

        ValidationException e = w.rejects(ValidationException.class, () -> w.upload("page.html", SampleFiles.html()));

        assertThat(e.getMessage()).contains("text/html", "never accepted");
    }

    @Test
    void blockedTypesMayBeNamedByTheirAliases() {
        FileWorld w = with(new ContentPolicy(ContentPolicy.DEFAULT_MAX_SIZE, Set.of("text/plain"),
                Set.of("application/javascript"), true, 10, 1024));

        ValidationException e = w.rejects(ValidationException.class, () -> w.upload("app.js", SampleFiles.text("let a = 1;")));

        assertThat(e.getMessage()).contains("text/javascript", "never accepted");
    }

    @Test
    void aWindowsInstallerIsRefusedByDefault() {
        byte[] ole = new byte[4096];
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(signature, 0, ole, 0, signature.length);
        FileWorld w = with(ContentPolicy.defaults());

        ValidationException e = w.rejects(ValidationException.class, () -> w.upload("setup.msi", ole));

        assertThat(e.getMessage()).contains("application/x-ms-installer", "never accepted");
    }

    @Test
    void scriptsThatPassForPlainTextAreRefusedByTheirNameByDefault() {
        FileWorld w = with(ContentPolicy.defaults());

        for (String name : new String[] {"macro.vbs", "tool.pl", "task.rb", "run.cgi", "page.jsp", "page.asp", "page.aspx",
                "saved.mhtml"}) {
            assertThatThrownBy(() -> w.upload(name, SampleFiles.text("hello\n")))
                    .as(name).isInstanceOf(ValidationException.class).hasMessageContaining("never accepted");
        }
        assertThat(w.blobFiles()).isEmpty();
    }

    @Test
    void withoutNameChecksAnExecutableNamedPdfIsStillRefusedByItsBytes() {
        ContentPolicy lenient = new ContentPolicy(ContentPolicy.DEFAULT_MAX_SIZE, ContentPolicy.defaults().allowedTypes(),
                ContentPolicy.defaults().blockedTypes(), false, 10_000, 1L << 30);
        FileWorld w = with(lenient);

        ValidationException e = w.rejects(ValidationException.class, () -> w.upload("invoice.pdf", SampleFiles.windowsExecutable()));

        assertThat(e.getMessage()).contains("application/x-msdownload");
    }

    @Test
    void withoutNameChecksAMisnamedAllowedFileIsStoredAsWhatItIs() {
        ContentPolicy lenient = new ContentPolicy(ContentPolicy.DEFAULT_MAX_SIZE, ContentPolicy.defaults().allowedTypes(),
                ContentPolicy.defaults().blockedTypes(), false, 10_000, 1L << 30);
        FileWorld w = with(lenient);

        FileAsset file = w.upload("scan.pdf", SampleFiles.png());

        assertThat(w.files.versions(w.f.bob, w.acme(), file.id()).get(0).detectedType()).isEqualTo("image/png");
    }

    @Test
    void archiveLimitsAreThePolicysOwn() {
        FileWorld w = with(ContentPolicy.defaults().withArchiveLimits(3, 1024));

        assertThat(w.upload("three.zip", SampleFiles.zipWithEntries(3)).name()).isEqualTo("three.zip");
        ValidationException tooMany = w.rejects(ValidationException.class,
                () -> w.upload("four.zip", SampleFiles.zipWithEntries(4)));
        ValidationException tooBig = w.rejects(ValidationException.class,
                () -> w.upload("big.zip", SampleFiles.zip(Map.of("zeros", new byte[1025]))));

        assertThat(tooMany.getMessage()).contains("more than 3 entries");
        assertThat(tooBig.getMessage()).contains("expands to more than 1024 bytes");
    }

    @Test
    void aDamagedZipIsRefused() {
        byte[] zip = SampleFiles.zip(Map.of("a.txt", SampleFiles.text("a".repeat(5000))));
        byte[] damaged = java.util.Arrays.copyOf(zip, 60);
        FileWorld w = with(ContentPolicy.defaults());

        ValidationException e = w.rejects(ValidationException.class, () -> w.upload("broken.zip", damaged));

        assertThat(e.getMessage()).contains("damaged zip archive");
    }

    @Test
    void eachTenantMayHaveItsOwnPolicy() {
        AtomicReference<TenantId> strictTenant = new AtomicReference<>();
        FileWorld w = FileWorld.create(blobDir, b -> b.contentPolicies(tenant -> tenant.equals(strictTenant.get())
                ? ContentPolicy.defaults().withAllowedTypes(Set.of("application/pdf"))
                : ContentPolicy.defaults()));
        Fixture.OtherTenant strict = w.f.otherTenant();
        strictTenant.set(strict.tenant().id());

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> w.files.upload(strict.admin(),
                strict.workspace().id(), NewUpload.of("logo.png", "image/png"), FileWorld.in(SampleFiles.png())));

        assertThat(e.getMessage()).contains("image/png", "does not accept");
        assertThat(w.upload("logo.png", SampleFiles.png()).name()).isEqualTo("logo.png");
    }

    @Test
    void theDefaultsAcceptDocumentsImagesTextAndArchivesButNeverActiveContent() {
        ContentPolicy defaults = ContentPolicy.defaults();

        assertThat(defaults.maxSize()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(defaults.allowedTypes()).contains("application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv",
                "application/zip");
        assertThat(defaults.blockedTypes()).contains("application/x-dosexec", "application/x-executable", "text/html",
                "image/svg+xml", "text/javascript", "application/x-sh");
        assertThat(defaults.rejectMismatchedNames()).isTrue();
        assertThat(defaults.maxArchiveEntries()).isEqualTo(10_000);
        assertThat(defaults.maxArchiveExpandedSize()).isEqualTo(1L << 30);
    }

    @Test
    void aPolicyRefusesNonsenseLimits() {
        assertThatThrownBy(() -> ContentPolicy.defaults().withMaxSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentPolicy.defaults().withArchiveLimits(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
