package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;


import static io.clientworkspace.tck.SampleFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code client-workspace.files.workspace-quota} reaches the kit, and an upload or new version that does not fit
 * is 507 {@code quota-exceeded} with the quota and the bytes used, storing nothing.
 */
@TestPropertySource(properties = "client-workspace.files.workspace-quota=4KB")
class WorkspaceQuotaApiTest extends FileApiTestSupport {

    private static final int QUOTA = 4096;

    private Workspace workspace;
    private Actor client;

    @BeforeEach
    void workspaceWithAClient() {
        workspace = workspace(admin);
        client = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);
    }

    @Test
    void anUploadThatFitsIs201() throws Exception {
        mvc.perform(rawUpload(workspace, "a.txt", "text/plain", text(QUOTA)).with(as(client)))
                .andExpect(status().isCreated());
    }

    @Test
    void anUploadPastTheQuotaIs507WithTheQuotaAndForTheTeamTheBytesUsed() throws Exception {
        mvc.perform(rawUpload(workspace, "a.txt", "text/plain", text(3000)).with(as(client))).andExpect(status().isCreated());

        mvc.perform(rawUpload(workspace, "b.txt", "text/plain", text(2000)).with(as(admin)))
                .andExpect(problem(507, "quota-exceeded"))
                .andExpect(jsonPath("$.quota").value(QUOTA))
                .andExpect(jsonPath("$.used").value(3000));

        assertThat(filesOf(admin, workspace.id())).extracting(FileAsset::name).containsExactly("a.txt");
    }

    @Test
    void aClients507DoesNotTellTheBytesUsed() throws Exception {
        kit.files().upload(admin, workspace.id(), io.clientworkspace.file.NewUpload.of("brief.txt", "text/plain"),
                new java.io.ByteArrayInputStream(text(3000)));

        mvc.perform(rawUpload(workspace, "b.txt", "text/plain", text(2000)).with(as(client)))
                .andExpect(problem(507, "quota-exceeded"))
                .andExpect(jsonPath("$.quota").value(QUOTA))
                .andExpect(jsonPath("$.used").doesNotExist());
    }

    @Test
    void internalFilesNeverDecideWhetherAClientsUploadFits() throws Exception {
        kit.files().upload(admin, workspace.id(), io.clientworkspace.file.NewUpload.of("margins.txt", "text/plain").internal(),
                new java.io.ByteArrayInputStream(text(3000)));

        mvc.perform(rawUpload(workspace, "b.txt", "text/plain", text(2000)).with(as(client)))
                .andExpect(status().isCreated());
    }

    @Test
    void aNewVersionPastTheQuotaIs507() throws Exception {
        FileAsset file = kit.files().upload(client, workspace.id(), io.clientworkspace.file.NewUpload.of("a.txt", "text/plain"),
                new java.io.ByteArrayInputStream(text(3000)));

        mvc.perform(post(base(workspace) + "/files/" + file.id().value() + "/versions").contentType("text/plain")
                        .content(text(2000)).with(as(client)))
                .andExpect(problem(507, "quota-exceeded"));

        assertThat(versionsOf(admin, file)).hasSize(1);
    }
}
