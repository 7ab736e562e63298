package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static io.clientworkspace.tck.SampleFiles.pdf;
import static io.clientworkspace.tck.SampleFiles.png;
import static io.clientworkspace.tck.SampleFiles.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Files through the REST API: streamed uploads and downloads with their headers, versions, trash, the download log. */
class FileApiTest extends FileApiTestSupport {

    private Workspace workspace;
    private Actor client;

    @BeforeEach
    void workspaceWithAClient() {
        workspace = workspace(admin);
        client = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);
    }

    @Test
    void aRawUploadIs201WithTheFileAndDownloadsByteForByteWithEveryHeader() throws Exception {
        byte[] bytes = pdf("Statement of work");

        MockHttpServletResponse created = mvc.perform(rawUpload(workspace, "Statement of work.pdf", "application/pdf", bytes)
                        .with(as(client)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.name").value("Statement of work.pdf"))
                .andExpect(jsonPath("$.visibility").value("CLIENT"))
                .andExpect(jsonPath("$.latestVersion").value(1))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.createdBy").value(client.userId().value()))
                .andReturn().getResponse();
        String id = read(created.getContentAsString(), "$.id");
        assertThat(created.getHeader(HttpHeaders.LOCATION)).endsWith(base(workspace) + "/files/" + id);

        MockHttpServletResponse download = mvc.perform(get(base(workspace) + "/files/{id}/content", id).with(as(client)))
                .andExpect(status().isOk()).andReturn().getResponse();

        assertThat(download.getContentAsByteArray()).isEqualTo(bytes);
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getContentLengthLong()).isEqualTo(bytes.length);
        assertThat(download.getHeader(HttpHeaders.ETAG)).isEqualTo("\"" + sha256(bytes) + "\"");
        assertThat(download.getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(download.getHeader("Content-Security-Policy")).contains("sandbox");
        ContentDisposition disposition = ContentDisposition.parse(download.getHeader(HttpHeaders.CONTENT_DISPOSITION));
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo("Statement of work.pdf");
    }

    @Test
    void aDownloadNamesANonAsciiFileWithAnRfc6266FilenameStarAndAPlainFallback() throws Exception {
        FileAsset file = file(admin, workspace, "Révision finale — 2024 \"v2\".pdf", pdf("Révision"));

        String disposition = mvc.perform(get(base(workspace) + "/files/{id}/content", file.id().value()).with(as(client)))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION);

        assertThat(disposition).startsWith("attachment; filename=\"")
                .contains("filename*=UTF-8''R%C3%A9vision%20finale%20%E2%80%94%202024%20%22v2%22.pdf")
                .contains("\\\"v2\\\"");
        assertThat(ContentDisposition.parse(disposition).getFilename()).isEqualTo("Révision finale — 2024 \"v2\".pdf");
    }

    @Test
    void theNameMayComeInContentDispositionWithFilenameStar() throws Exception {
        String header = ContentDisposition.attachment().filename("Übersicht.png", StandardCharsets.UTF_8).build().toString();

        mvc.perform(post(base(workspace) + "/files").with(as(client)).contentType(MediaType.IMAGE_PNG)
                        .header(HttpHeaders.CONTENT_DISPOSITION, header).content(png()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Übersicht.png"));
    }

    @Test
    void aMultipartUploadTakesThePartFileAndItsFileName() throws Exception {
        byte[] bytes = png();

        String json = mvc.perform(multipart(base(workspace) + "/files").file(new MockMultipartFile("file", "logo.png", "image/png", bytes))
                        .with(as(client)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("logo.png"))
                .andReturn().getResponse().getContentAsString();

        FileVersion stored = kit.files().versions(admin, workspace.id(), io.clientworkspace.FileId.of(read(json, "$.id"))).get(0);
        assertThat(stored.sha256()).isEqualTo(sha256(bytes));
        assertThat(stored.detectedType()).isEqualTo("image/png");
        assertThat(stored.declaredType()).isEqualTo("image/png");
    }

    @Test
    void theFileReadsBackWithItsVersionAsEtag() throws Exception {
        FileAsset file = file(admin, workspace, "brief.pdf", pdf("brief"));

        mvc.perform(get(base(workspace) + "/files/{id}", file.id().value()).with(as(client)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + file.version() + "\""))
                .andExpect(jsonPath("$.id").value(file.id().value()))
                .andExpect(jsonPath("$.name").value("brief.pdf"));
    }

    @Test
    void aNewVersionIs201ListsNewestFirstAndTheFileDownloadsTheLatest() throws Exception {
        FileAsset file = file(admin, workspace, "logo-draft.pdf", pdf("one"));
        byte[] second = pdf("two");

        mvc.perform(post(base(workspace) + "/files/{id}/versions", file.id().value()).with(as(client))
                        .contentType("application/pdf").content(second))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, endsWith("/files/" + file.id().value() + "/versions/2/content")))
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + reread(admin, file).version() + "\""))
                .andExpect(jsonPath("$.number").value(2))
                .andExpect(jsonPath("$.name").value("logo-draft.pdf"))
                .andExpect(jsonPath("$.sha256").value(sha256(second)))
                .andExpect(jsonPath("$.blobKey").doesNotExist());

        mvc.perform(get(base(workspace) + "/files/{id}/versions", file.id().value()).with(as(client)))
                .andExpect(jsonPath("$.items[*].number", contains(2, 1)));
        assertThat(mvc.perform(get(base(workspace) + "/files/{id}/content", file.id().value()).with(as(client)))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(second);
        assertThat(mvc.perform(get(base(workspace) + "/files/{id}/versions/1/content", file.id().value()).with(as(client)))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(pdf("one"));
    }

    @Test
    void putOnTheContentAddsAVersionUnderANewNameWhenOneIsGiven() throws Exception {
        FileAsset file = file(admin, workspace, "logo.pdf", pdf("one"));

        mvc.perform(put(base(workspace) + "/files/{id}/content", file.id().value()).with(as(admin))
                        .queryParam("name", "logo-final.pdf").header(HttpHeaders.IF_MATCH, "\"" + file.version() + "\"")
                        .contentType("application/pdf").content(pdf("final")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(2))
                .andExpect(jsonPath("$.name").value("logo-final.pdf"));

        assertThat(reread(admin, file).name()).isEqualTo("logo-final.pdf");
    }

    @Test
    void aNewVersionWithAStaleIfMatchIs412AndAddsNothing() throws Exception {
        FileAsset file = file(admin, workspace, "logo.pdf", pdf("one"));
        kit.files().uploadVersion(admin, workspace.id(), file.id(), "logo.pdf", "application/pdf",
                new java.io.ByteArrayInputStream(pdf("two")));

        mvc.perform(post(base(workspace) + "/files/{id}/versions", file.id().value()).with(as(client))
                        .header(HttpHeaders.IF_MATCH, "\"" + file.version() + "\"")
                        .contentType("application/pdf").content(pdf("three")))
                .andExpect(problem(412, "conflict"))
                .andExpect(jsonPath("$.reason").value("STALE_VERSION"));

        assertThat(versionsOf(admin, file)).extracting(FileVersion::number).containsExactly(2, 1);
    }

    @Test
    void restoringAnOldVersionAddsItAgainAsTheNewest() throws Exception {
        FileAsset file = file(admin, workspace, "logo.pdf", pdf("one"));
        kit.files().uploadVersion(admin, workspace.id(), file.id(), "logo.pdf", "application/pdf",
                new java.io.ByteArrayInputStream(pdf("two")));

        mvc.perform(post(base(workspace) + "/files/{id}/versions/1/restore", file.id().value()).with(as(client)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(3))
                .andExpect(jsonPath("$.sha256").value(sha256(pdf("one"))));
    }

    @Test
    void trashAndRestoreMoveTheFileBetweenTheListsAndClientsNeverSeeTheTrash() throws Exception {
        FileAsset file = file(admin, workspace, "old.pdf", pdf("old"));
        Actor clientAdmin = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(post(base(workspace) + "/files/{id}/trash", file.id().value()).with(as(clientAdmin))
                        .header(HttpHeaders.IF_MATCH, "\"" + file.version() + "\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("TRASHED"));
        mvc.perform(get(base(workspace) + "/files").with(as(clientAdmin))).andExpect(jsonPath("$.items").isEmpty());
        // Clients have no trash (issue 10, finding 2): the team lists it and restores from it.
        mvc.perform(get(base(workspace) + "/files").queryParam("status", "trashed").with(as(clientAdmin)))
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get(base(workspace) + "/files").queryParam("status", "trashed").with(as(admin)))
                .andExpect(jsonPath("$.items[*].id", contains(file.id().value())));
        mvc.perform(post(base(workspace) + "/files/{id}/restore", file.id().value()).with(as(clientAdmin)))
                .andExpect(problem(404, "not-found"));

        mvc.perform(post(base(workspace) + "/files/{id}/restore", file.id().value()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(reread(admin, file).status()).isEqualTo(FileStatus.ACTIVE);
    }

    @Test
    void trashingWithAStaleIfMatchIs412AndLeavesTheFileActive() throws Exception {
        FileAsset file = file(admin, workspace, "old.pdf", pdf("old"));

        mvc.perform(post(base(workspace) + "/files/{id}/trash", file.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"" + (file.version() + 7) + "\""))
                .andExpect(problem(412, "conflict"));

        assertThat(reread(admin, file)).isEqualTo(file);
    }

    @Test
    void aContributorWithoutDeleteFilesMayNotTrash403() throws Exception {
        FileAsset file = file(admin, workspace, "keep.pdf", pdf("keep"));

        mvc.perform(post(base(workspace) + "/files/{id}/trash", file.id().value()).with(as(client)))
                .andExpect(problem(403, "access-denied"));

        assertThat(reread(admin, file).status()).isEqualTo(FileStatus.ACTIVE);
    }

    @Test
    void theListHoldsTheTopLevelFilesByNameAndAFoldersFilesWhenAsked() throws Exception {
        var folder = kit.folders().create(admin, workspace.id(), "Designs", Optional.empty(),
                io.clientworkspace.activity.Visibility.CLIENT);
        file(admin, workspace, "b.pdf", pdf("b"));
        file(admin, workspace, "a.pdf", pdf("a"));
        kit.files().upload(admin, workspace.id(), io.clientworkspace.file.NewUpload.of("inside.png", "image/png")
                .in(folder.id()), new java.io.ByteArrayInputStream(png()));

        mvc.perform(get(base(workspace) + "/files").with(as(client)))
                .andExpect(jsonPath("$.items[*].name", contains("a.pdf", "b.pdf")));
        mvc.perform(get(base(workspace) + "/files").queryParam("folder", folder.id().value()).with(as(client)))
                .andExpect(jsonPath("$.items[*].name", contains("inside.png")))
                .andExpect(jsonPath("$.items[0].folderId").value(folder.id().value()));
    }

    @Test
    void theTeamReadsWhoDownloadedWhatAndAClientGets403() throws Exception {
        FileAsset file = file(admin, workspace, "report.pdf", pdf("report"));
        mvc.perform(get(base(workspace) + "/files/{id}/content", file.id().value()).with(as(client)))
                .andExpect(status().isOk());

        mvc.perform(get(base(workspace) + "/files/{id}/downloads", file.id().value()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].userId").value(client.userId().value()))
                .andExpect(jsonPath("$.items[0].actorKind").value("CLIENT"))
                .andExpect(jsonPath("$.items[0].version").value(1));
        mvc.perform(get(base(workspace) + "/files/{id}/downloads", file.id().value()).with(as(client)))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void aTeamMemberUploadsAnInternalFileWithVisibilityTeam() throws Exception {
        mvc.perform(rawUpload(workspace, "margins.png", "image/png", png()).queryParam("visibility", "TEAM").with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.visibility").value("TEAM"));
    }

    @Test
    void aClientAskingForAnInternalUploadIs403AndNothingIsStored() throws Exception {
        mvc.perform(rawUpload(workspace, "sneaky.png", "image/png", png()).queryParam("visibility", "TEAM").with(as(client)))
                .andExpect(problem(403, "access-denied"));

        assertThat(filesOf(admin, workspace.id())).isEmpty();
    }

    @Test
    void aViewerMayDownloadButNotUpload() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        FileAsset file = file(admin, workspace, "report.pdf", pdf("report"));

        mvc.perform(get(base(workspace) + "/files/{id}/content", file.id().value()).with(as(viewer)))
                .andExpect(status().isOk());
        mvc.perform(rawUpload(workspace, "mine.pdf", "application/pdf", pdf("mine")).with(as(viewer)))
                .andExpect(problem(403, "access-denied"));

        assertThat(kit.files().list(admin, workspace.id(), Optional.empty(), PageRequest.first()).items())
                .extracting(FileAsset::name).containsExactly("report.pdf");
    }

    @Test
    void uploadsIntoAnArchivedWorkspaceAre409AndStoreNothing() throws Exception {
        Workspace archived = kit.workspaces().archive(admin, workspace.id(), workspace.version());

        mvc.perform(rawUpload(archived, "late.pdf", "application/pdf", pdf("late")).with(as(admin)))
                .andExpect(problem(409, "archived"));

        assertThat(filesOf(admin, workspace.id())).isEmpty();
    }

    @Test
    void theVersionsOfAFileNeverExposeStorageKeys() throws Exception {
        FileAsset file = file(admin, workspace, "report.pdf", pdf("report"));

        String json = body(get(base(workspace) + "/files/{id}/versions", file.id().value()).with(as(client)));

        assertThat(fieldsOf(json, "$.items[0]")).containsExactlyInAnyOrder("fileId", "number", "name", "size", "sha256",
                "detectedType", "declaredType", "uploadedBy", "uploadedAt");
        assertThat(json).doesNotContain(versionsOf(admin, file).get(0).blobKey());
    }

    @Test
    void aDownloadIsRecordedOncePerRequest() throws Exception {
        FileAsset file = file(admin, workspace, "report.pdf", pdf("report"));
        mvc.perform(get(base(workspace) + "/files/{id}/content", file.id().value()).with(as(client)));
        mvc.perform(get(base(workspace) + "/files/{id}/versions/1/content", file.id().value()).with(as(admin)));

        List<io.clientworkspace.file.DownloadRecord> log = kit.downloads().log(admin, workspace.id(), file.id(),
                PageRequest.first()).items();
        assertThat(log).extracting(r -> r.userId().value()).containsExactlyInAnyOrder(client.userId().value(),
                admin.userId().value());
    }
}
