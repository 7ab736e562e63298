package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static io.clientworkspace.tck.SampleFiles.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A file shared by mistake can be taken back through the REST API (issue 10, finding 2): a trashed file
 * is gone for clients (the trash, the file, every version's bytes), the team withdraws and shares files
 * with {@code POST .../visibility}, and a tenant admin or the lead purges a trashed file with
 * {@code DELETE .../files/{id}}; both need If-Match.
 */
class WithdrawAndPurgeApiTest extends FileApiTestSupport {

    private Workspace workspace;
    private Actor client;
    private Actor teamMember;
    private FileAsset file;

    @BeforeEach
    void workspaceWithAClientAndAFileOfTwoVersions() {
        workspace = workspace(admin);
        client = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);
        teamMember = teamUser(workspace.tenantId(), admin, TenantRole.TEAM_MEMBER);
        kit.members().add(admin, workspace.id(), teamMember.userId(), WorkspaceRole.MEMBER);
        file = file(admin, workspace, "proposal.pdf", pdf("v1"));
        kit.files().uploadVersion(admin, workspace.id(), file.id(), "proposal.pdf", "application/pdf",
                new java.io.ByteArrayInputStream(pdf("v2")));
        file = reread(admin, file);
    }

    private String fileUrl() {
        return base(workspace) + "/files/" + file.id().value();
    }

    private void assertGoneForTheClient() throws Exception {
        mvc.perform(get(fileUrl()).with(as(client))).andExpect(problem(404, "not-found"));
        mvc.perform(get(fileUrl() + "/content").with(as(client))).andExpect(problem(404, "not-found"));
        mvc.perform(get(fileUrl() + "/versions/1/content").with(as(client))).andExpect(problem(404, "not-found"));
        mvc.perform(get(fileUrl() + "/versions/2/content").with(as(client))).andExpect(problem(404, "not-found"));
        mvc.perform(get(fileUrl() + "/versions").with(as(client))).andExpect(problem(404, "not-found"));
        mvc.perform(get(base(workspace) + "/files").with(as(client)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get(base(workspace) + "/files").param("status", "TRASHED").with(as(client)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty());
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder visibility(String value, long version) {
        return post(fileUrl() + "/visibility").header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"visibility\":\"" + value + "\"}");
    }

    @Test
    void aTrashedFileIsGoneForClientsInTheTrashTheFileAndEveryVersion() throws Exception {
        mvc.perform(post(fileUrl() + "/trash").with(as(admin))).andExpect(status().isOk());

        assertGoneForTheClient();
        mvc.perform(get(base(workspace) + "/files").param("status", "TRASHED").with(as(admin)))
                .andExpect(jsonPath("$.items[0].id").value(file.id().value()));
    }

    @Test
    void withdrawingAnswersTheFileWithItsNewEtagAndMakesItGoneForClients() throws Exception {
        mvc.perform(visibility("TEAM", file.version()).with(as(teamMember)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + (file.version() + 1) + "\""))
                .andExpect(jsonPath("$.visibility").value("TEAM"));

        assertGoneForTheClient();
    }

    @Test
    void withdrawingCancelsTheClientsOpenApprovalAndHidesItFromTheClient() throws Exception {
        ApprovalRequest pending = approvalOf(admin, file, client);

        mvc.perform(visibility("TEAM", file.version()).with(as(admin))).andExpect(status().isOk());

        mvc.perform(get(base(workspace) + "/approvals/" + pending.id().value()).with(as(client)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get(base(workspace) + "/approvals").with(as(client)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty());
        assertThat(kit.approvals().get(admin, workspace.id(), pending.id()).status()).isEqualTo(ApprovalStatus.CANCELLED);
    }

    @Test
    void sharingAgainLetsTheClientDownloadEveryVersion() throws Exception {
        FileAsset withdrawn = kit.files().changeVisibility(admin, workspace.id(), file.id(),
                io.clientworkspace.activity.Visibility.TEAM, file.version());

        mvc.perform(visibility("CLIENT", withdrawn.version()).with(as(teamMember)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.visibility").value("CLIENT"));

        mvc.perform(get(fileUrl() + "/versions/1/content").with(as(client))).andExpect(status().isOk());
    }

    @Test
    void changingVisibilityNeedsIfMatchACurrentEtagAKnownValueAndATeamMember() throws Exception {
        mvc.perform(post(fileUrl() + "/visibility").contentType(MediaType.APPLICATION_JSON)
                .content("{\"visibility\":\"TEAM\"}").with(as(admin))).andExpect(problem(428, "precondition-required"));
        mvc.perform(visibility("TEAM", file.version() + 5).with(as(admin))).andExpect(problem(412, "conflict"));
        mvc.perform(visibility("SECRET", file.version()).with(as(admin))).andExpect(problem(400, "validation"));
        mvc.perform(visibility("TEAM", file.version()).with(as(client))).andExpect(problem(403, "access-denied"));

        assertThat(reread(admin, file)).isEqualTo(file);
    }

    @Test
    void purgingATrashedFileIs204AndTheFileIsGoneForEveryone() throws Exception {
        FileAsset trashed = kit.files().trash(admin, workspace.id(), file.id());

        mvc.perform(delete(fileUrl()).header(HttpHeaders.IF_MATCH, "\"" + trashed.version() + "\"").with(as(admin)))
                .andExpect(status().isNoContent());

        mvc.perform(get(fileUrl()).with(as(admin))).andExpect(problem(404, "not-found"));
        mvc.perform(get(base(workspace) + "/files").param("status", "TRASHED").with(as(admin)))
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get(base(workspace) + "/activity").with(as(admin)))
                .andExpect(jsonPath("$.items[0].action").value("file.purged"));
    }

    @Test
    void purgingIsRefusedToTeamMembersWhoAreNotLeadAndToClients() throws Exception {
        FileAsset trashed = kit.files().trash(admin, workspace.id(), file.id());

        mvc.perform(delete(fileUrl()).header(HttpHeaders.IF_MATCH, "\"" + trashed.version() + "\"").with(as(teamMember)))
                .andExpect(problem(403, "access-denied"));
        mvc.perform(delete(fileUrl()).header(HttpHeaders.IF_MATCH, "\"" + trashed.version() + "\"").with(as(client)))
                .andExpect(problem(403, "access-denied"));

        assertThat(reread(admin, trashed)).isEqualTo(trashed);
    }

    @Test
    void purgingAnActiveFileIs409AndWithoutIfMatch428() throws Exception {
        mvc.perform(delete(fileUrl()).header(HttpHeaders.IF_MATCH, "\"" + file.version() + "\"").with(as(admin)))
                .andExpect(problem(409, "conflict")).andExpect(jsonPath("$.reason").value("INVALID_STATE"));
        mvc.perform(delete(fileUrl()).with(as(admin))).andExpect(problem(428, "precondition-required"));

        assertThat(reread(admin, file)).isEqualTo(file);
    }
}
