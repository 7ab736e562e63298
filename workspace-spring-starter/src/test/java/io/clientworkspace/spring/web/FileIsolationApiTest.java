package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.Folder;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static io.clientworkspace.tck.SampleFiles.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Files, folders and approvals of another tenant, of another workspace, and internal ones seen by a
 * client answer exactly like ids that do not exist (404, the same body but for the id), and the request
 * changes nothing: no file, version, status, folder, approval or decision.
 */
class FileIsolationApiTest extends FileApiTestSupport {

    private Workspace mine;
    private Actor client;

    @BeforeEach
    void myWorkspaceWithAClientAdmin() {
        mine = workspace(admin);
        client = clientMember(mine, admin, WorkspaceRole.CLIENT_ADMIN);
    }

    /** The request once for {@code realId} and once for a random id: both 404 with the same body but for the id. */
    private void answersLikeARandomId(Actor caller, String realId, Function<String, MockHttpServletRequestBuilder> request)
            throws Exception {
        String randomId = UUID.randomUUID().toString();
        MockHttpServletResponse real = mvc.perform(request.apply(realId).with(as(caller)))
                .andExpect(problem(404, "not-found")).andReturn().getResponse();
        MockHttpServletResponse random = mvc.perform(request.apply(randomId).with(as(caller)))
                .andExpect(problem(404, "not-found")).andReturn().getResponse();

        assertThat(real.getContentAsString().replace(realId, "<id>"))
                .isEqualTo(random.getContentAsString().replace(randomId, "<id>"));
    }

    /** Every request on a file, by the file's id within the given workspace. */
    private static List<Function<String, MockHttpServletRequestBuilder>> fileRequests(Workspace through) {
        String files = base(through) + "/files/{id}";
        return List.of(
                id -> get(files, id),
                id -> get(files + "/versions", id),
                id -> get(files + "/content", id),
                id -> get(files + "/versions/1/content", id),
                id -> post(files + "/versions", id).contentType("application/pdf").content(pdf("taken over")),
                id -> put(files + "/content", id).contentType("application/pdf").content(pdf("taken over")),
                id -> post(files + "/versions/1/restore", id),
                id -> post(files + "/trash", id),
                id -> post(files + "/restore", id));
    }

    private void everyFileRequestAnswersLikeARandomId(Actor caller, Workspace through, FileAsset file) throws Exception {
        for (Function<String, MockHttpServletRequestBuilder> request : fileRequests(through)) {
            answersLikeARandomId(caller, file.id().value(), request);
        }
    }

    // ---- another tenant ----

    @Test
    void everyRequestOnAFileOfAnotherTenantAnswersLikeARandomIdAndChangesNothing() throws Exception {
        OtherTenant other = otherTenant();
        FileAsset theirs = file(other.admin(), other.workspace(), "secret-plan.pdf", pdf("secret"));

        everyFileRequestAnswersLikeARandomId(admin, other.workspace(), theirs);

        assertThat(reread(other.admin(), theirs)).isEqualTo(theirs);
        assertThat(versionsOf(other.admin(), theirs)).extracting(FileVersion::number).containsExactly(1);
        assertThat(kit.downloads().log(other.admin(), other.workspace().id(), theirs.id(), PageRequest.first()).items())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/files", "/folders", "/approvals"})
    void listingInAnotherTenantsWorkspaceAnswersLikeARandomWorkspaceId(String list) throws Exception {
        OtherTenant other = otherTenant();
        file(other.admin(), other.workspace(), "secret-plan.pdf", pdf("secret"));

        answersLikeARandomId(admin, other.workspace().id().value(), id -> get("/api/workspaces/{id}" + list, id));
    }

    @Test
    void uploadingIntoAnotherTenantsWorkspaceAnswersLikeARandomIdAndStoresNothing() throws Exception {
        OtherTenant other = otherTenant();

        answersLikeARandomId(admin, other.workspace().id().value(), id -> post("/api/workspaces/{id}/files", id)
                .queryParam("name", "planted.pdf").contentType("application/pdf").content(pdf("planted")));

        assertThat(filesOf(other.admin(), other.workspace().id())).isEmpty();
    }

    // ---- another workspace of the same tenant ----

    @Test
    void everyRequestOnAFileThroughAnotherWorkspaceAnswersLikeARandomIdAndChangesNothing()
            throws Exception {
        Workspace second = workspace(admin);
        FileAsset ofSecond = file(admin, second, "second.pdf", pdf("second"));

        everyFileRequestAnswersLikeARandomId(admin, mine, ofSecond);

        assertThat(reread(admin, ofSecond)).isEqualTo(ofSecond);
        assertThat(versionsOf(admin, ofSecond)).hasSize(1);
    }

    @Test
    void aClientReadingFilesOfAWorkspaceItIsNotInGetsTheAnswerForARandomId() throws Exception {
        Workspace notMine = workspace(admin);
        FileAsset file = file(admin, notMine, "theirs.pdf", pdf("theirs"));

        answersLikeARandomId(client, notMine.id().value(), id -> get("/api/workspaces/{id}/files", id));
        answersLikeARandomId(client, notMine.id().value(),
                id -> get("/api/workspaces/{id}/files/{file}/content", id, file.id().value()));
    }

    @Test
    void uploadingIntoAFolderOfAnotherWorkspaceAnswersLikeARandomFolderAndStoresNothing() throws Exception {
        Workspace second = workspace(admin);
        Folder ofSecond = kit.folders().create(admin, second.id(), "Theirs", Optional.empty(), Visibility.CLIENT);

        answersLikeARandomId(client, ofSecond.id().value(), id -> post(base(mine) + "/files")
                .queryParam("name", "a.pdf").queryParam("folder", id).contentType("application/pdf").content(pdf("a")));

        assertThat(filesOf(admin, mine.id())).isEmpty();
        assertThat(filesOf(admin, second.id())).isEmpty();
    }

    @Test
    void foldersOfAnotherWorkspaceAnswerLikeRandomIdsAndStayAsTheyAre() throws Exception {
        Workspace second = workspace(admin);
        Folder ofSecond = kit.folders().create(admin, second.id(), "Theirs", Optional.empty(), Visibility.CLIENT);

        answersLikeARandomId(admin, ofSecond.id().value(), id -> get(base(mine) + "/folders/{id}", id));
        answersLikeARandomId(admin, ofSecond.id().value(), id -> post(base(mine) + "/folders/{id}/rename", id)
                .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Mine now"}"""));
        answersLikeARandomId(admin, ofSecond.id().value(), id -> delete(base(mine) + "/folders/{id}", id));

        assertThat(kit.folders().list(admin, second.id(), Optional.empty(), PageRequest.first()).items())
                .containsExactly(ofSecond);
    }

    @Test
    void anApprovalOfAnotherWorkspaceAnswersLikeARandomIdAndTakesNoDecision() throws Exception {
        Workspace second = workspace(admin);
        Actor clientOfSecond = clientMember(second, admin, WorkspaceRole.CLIENT_ADMIN);
        kit.members().add(admin, mine.id(), clientOfSecond.userId(), WorkspaceRole.CLIENT_ADMIN);
        ApprovalRequest ofSecond = approvalOf(admin, file(admin, second, "logo.pdf", pdf("logo")), clientOfSecond);

        answersLikeARandomId(clientOfSecond, ofSecond.id().value(), id -> get(base(mine) + "/approvals/{id}", id));
        answersLikeARandomId(clientOfSecond, ofSecond.id().value(), id -> post(base(mine) + "/approvals/{id}/decisions", id)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"decision": "APPROVE"}"""));
        answersLikeARandomId(admin, ofSecond.id().value(), id -> post(base(mine) + "/approvals/{id}/cancel", id));

        assertThat(kit.approvals().record(admin, second.id(), ofSecond.id()).decisions()).isEmpty();
        assertThat(kit.approvals().get(admin, second.id(), ofSecond.id()).status()).isEqualTo(ApprovalStatus.OPEN);
    }

    @Test
    void askingApprovalOfAFileOfAnotherWorkspaceAnswersLikeARandomFileAndAsksNothing() throws Exception {
        Workspace second = workspace(admin);
        FileAsset ofSecond = file(admin, second, "logo.pdf", pdf("logo"));

        answersLikeARandomId(admin, ofSecond.id().value(), id -> post(base(mine) + "/approvals")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Sign off", "approvers": ["%s"], "file": {"id": "%s"}}"""
                        .formatted(client.userId().value(), id)));

        assertThat(kit.approvals().list(admin, mine.id(), Optional.empty(), PageRequest.first()).items()).isEmpty();
        assertThat(kit.approvals().list(admin, second.id(), Optional.empty(), PageRequest.first()).items()).isEmpty();
    }

    // ---- internal files and a client ----

    @Test
    void aClientNeverSeesAnInternalFileInTheList() throws Exception {
        internalFile(admin, mine, "margins.pdf", pdf("margins"));
        FileAsset shared = file(admin, mine, "brief.pdf", pdf("brief"));

        mvc.perform(get(base(mine) + "/files").with(as(client)))
                .andExpect(jsonPath("$.items[*].id", contains(shared.id().value())));
        mvc.perform(get(base(mine) + "/files").with(as(admin)))
                .andExpect(jsonPath("$.items[*].name", contains("brief.pdf", "margins.pdf")));
    }

    @Test
    void everyRequestOfAClientOnAnInternalFileAnswersLikeARandomIdAndChangesNothing() throws Exception {
        FileAsset internal = internalFile(admin, mine, "margins.pdf", pdf("margins"));

        everyFileRequestAnswersLikeARandomId(client, mine, internal);

        assertThat(reread(admin, internal)).isEqualTo(internal);
        assertThat(versionsOf(admin, internal)).hasSize(1);
        assertThat(kit.downloads().log(admin, mine.id(), internal.id(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void aClientNeverSeesTheApprovalOfAnInternalFileInTheListNorById() throws Exception {
        Actor member = teamUser(tenant, admin, io.clientworkspace.tenant.TenantRole.ACCOUNT_MANAGER);
        kit.members().add(admin, mine.id(), member.userId(), WorkspaceRole.MEMBER);
        ApprovalRequest internal = approvalOf(admin, internalFile(admin, mine, "margins.pdf", pdf("m")), member);
        ApprovalRequest shared = approvalOf(admin, file(admin, mine, "brief.pdf", pdf("b")), client);

        mvc.perform(get(base(mine) + "/approvals").with(as(client)))
                .andExpect(jsonPath("$.items[*].id", contains(shared.id().value())));
        mvc.perform(get(base(mine) + "/approvals").queryParam("status", "OPEN").with(as(client)))
                .andExpect(jsonPath("$.items[*].id", contains(shared.id().value())));
        answersLikeARandomId(client, internal.id().value(), id -> get(base(mine) + "/approvals/{id}", id));
        answersLikeARandomId(client, internal.id().value(), id -> post(base(mine) + "/approvals/{id}/cancel", id));
        answersLikeARandomId(client, internal.id().value(), id -> post(base(mine) + "/approvals/{id}/decisions", id)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"decision": "REJECT", "comment": "no"}"""));

        assertThat(kit.approvals().get(admin, mine.id(), internal.id()).status()).isEqualTo(ApprovalStatus.OPEN);
        assertThat(kit.approvals().record(admin, mine.id(), internal.id()).decisions()).isEmpty();
    }

    @Test
    void aClientAskingApprovalOfAnInternalFileAnswersLikeARandomFile() throws Exception {
        FileAsset internal = internalFile(admin, mine, "margins.pdf", pdf("margins"));
        Actor contributor = clientMember(mine, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);

        answersLikeARandomId(client, internal.id().value(), id -> post(base(mine) + "/approvals")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Look", "approvers": ["%s"], "file": {"id": "%s", "version": 1}}"""
                        .formatted(contributor.userId().value(), id)));

        assertThat(kit.approvals().list(admin, mine.id(), Optional.empty(), PageRequest.first()).items()).isEmpty();
    }
}
