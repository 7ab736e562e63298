package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.Decision;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import static io.clientworkspace.tck.SampleFiles.pdf;
import static io.clientworkspace.tck.SampleFiles.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Approvals through the REST API: request, list, the record, decisions, cancel; who may decide. */
class ApprovalApiTest extends FileApiTestSupport {

    private Workspace workspace;
    private Actor carol;
    private Actor dave;
    private FileAsset logo;

    @BeforeEach
    void workspaceWithAClientAdminAViewerAndAFile() {
        workspace = workspace(admin);
        carol = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);
        dave = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        logo = file(admin, workspace, "logo.pdf", pdf("logo v1"));
    }

    private String approvals() {
        return base(workspace) + "/approvals";
    }

    private static String json(String decision, String comment) {
        return comment == null ? """
                {"decision": "%s"}""".formatted(decision) : """
                {"decision": "%s", "comment": "%s"}""".formatted(decision, comment);
    }

    @Test
    void askingApprovalOfAFileBindsItToTheLatestVersionAndItsSha256() throws Exception {
        MockHttpServletResponse response = mvc.perform(post(approvals()).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "Approve the logo", "message": "Final colours", "approvers": ["%s"],
                                 "file": {"id": "%s"}}""".formatted(carol.userId().value(), logo.id().value())))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.title").value("Approve the logo"))
                .andExpect(jsonPath("$.message").value("Final colours"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.policy").value("ANY"))
                .andExpect(jsonPath("$.approvers", contains(carol.userId().value())))
                .andExpect(jsonPath("$.subject.type").value("FILE_VERSION"))
                .andExpect(jsonPath("$.subject.fileId").value(logo.id().value()))
                .andExpect(jsonPath("$.subject.version").value(1))
                .andExpect(jsonPath("$.subject.sha256").value(sha256(pdf("logo v1"))))
                .andReturn().getResponse();

        String id = read(response.getContentAsString(), "$.id");
        assertThat(response.getHeader(HttpHeaders.LOCATION)).endsWith(approvals() + "/" + id);
    }

    @Test
    void askingApprovalOfADeliverableWithAQuorum() throws Exception {
        mvc.perform(post(approvals()).with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Launch plan", "approvers": ["%s", "%s"], "policy": "QUORUM", "quorum": 1,
                         "deliverable": {"description": "The launch plan as presented", "link": "https://example.com/plan"}}"""
                        .formatted(carol.userId().value(), admin.userId().value())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.policy").value("QUORUM"))
                .andExpect(jsonPath("$.quorum").value(1))
                .andExpect(jsonPath("$.subject.type").value("DELIVERABLE"))
                .andExpect(jsonPath("$.subject.description").value("The launch plan as presented"))
                .andExpect(jsonPath("$.subject.link").value("https://example.com/plan"));
    }

    @Test
    void aRequestNamingBothOrNeitherSubjectIs400AndAsksNothing() throws Exception {
        mvc.perform(post(approvals()).with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Both", "approvers": ["%s"], "file": {"id": "%s"}, "deliverable": {"description": "x"}}"""
                        .formatted(carol.userId().value(), logo.id().value())))
                .andExpect(problem(400, "validation"));
        mvc.perform(post(approvals()).with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Neither", "approvers": ["%s"]}""".formatted(carol.userId().value())))
                .andExpect(problem(400, "validation"));

        assertThat(kit.approvals().list(admin, workspace.id(), Optional.empty(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void anApproverWhoMayNotDecideIs400NamingTheApprovers() throws Exception {
        mvc.perform(post(approvals()).with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Logo", "approvers": ["%s"], "file": {"id": "%s"}}"""
                        .formatted(dave.userId().value(), logo.id().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("approvers"));
    }

    @Test
    void aRequestBodyWithAFieldTheCallerMayNotSetIs400NamingIt() throws Exception {
        mvc.perform(post(approvals()).with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Logo", "approvers": ["%s"], "file": {"id": "%s", "sha256": "00"}}"""
                        .formatted(carol.userId().value(), logo.id().value())))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("sha256"));
        mvc.perform(post(approvals()).with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Logo", "approvers": ["%s"], "file": {"id": "%s"}, "status": "APPROVED"}"""
                        .formatted(carol.userId().value(), logo.id().value())))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("status"));

        assertThat(kit.approvals().list(admin, workspace.id(), Optional.empty(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void aClientWithoutRequestApprovalsMayNotAsk403() throws Exception {
        mvc.perform(post(approvals()).with(as(carol)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Logo", "approvers": ["%s"], "deliverable": {"description": "x"}}"""
                        .formatted(carol.userId().value())))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void theApproverApprovesAndTheRecordNamesWhoWhenAndTheSha256() throws Exception {
        ApprovalRequest request = approvalOf(admin, logo, carol);

        mvc.perform(post(approvals() + "/{id}/decisions", request.id().value()).with(as(carol))
                        .contentType(MediaType.APPLICATION_JSON).content(json("APPROVE", "Looks great")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.request.status").value("APPROVED"))
                .andExpect(jsonPath("$.request.resolvedAt").isNotEmpty())
                .andExpect(jsonPath("$.decisions[0].sequence").value(1))
                .andExpect(jsonPath("$.decisions[0].approver").value(carol.userId().value()))
                .andExpect(jsonPath("$.decisions[0].approverKind").value("CLIENT"))
                .andExpect(jsonPath("$.decisions[0].decision").value("APPROVE"))
                .andExpect(jsonPath("$.decisions[0].comment").value("Looks great"))
                .andExpect(jsonPath("$.decisions[0].decidedAt").isNotEmpty())
                .andExpect(jsonPath("$.decisions[0].fileVersion").value(1))
                .andExpect(jsonPath("$.decisions[0].sha256").value(sha256(pdf("logo v1"))));

        mvc.perform(get(approvals() + "/{id}", request.id().value()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.request.status").value("APPROVED"))
                .andExpect(jsonPath("$.decisions[*].approver", contains(carol.userId().value())));
    }

    @Test
    void decisionsAreKeptInOrderWhenAnApproverChangesTheirMind() throws Exception {
        Actor second = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);
        ApprovalRequest request = kit.approvals().requestForFile(admin, workspace.id(), logo.id(), 1,
                io.clientworkspace.approval.NewApproval.of("Logo", ids(carol, second))
                        .withPolicy(io.clientworkspace.approval.ApprovalPolicy.all()));

        mvc.perform(post(approvals() + "/{id}/decisions", request.id().value()).with(as(carol))
                        .contentType(MediaType.APPLICATION_JSON).content(json("APPROVE", null)))
                .andExpect(jsonPath("$.request.status").value("OPEN"));
        mvc.perform(post(approvals() + "/{id}/decisions", request.id().value()).with(as(carol))
                        .contentType(MediaType.APPLICATION_JSON).content(json("REQUEST_CHANGES", "Darker blue, please")))
                .andExpect(jsonPath("$.request.status").value("CHANGES_REQUESTED"))
                .andExpect(jsonPath("$.decisions[*].decision", contains("APPROVE", "REQUEST_CHANGES")))
                .andExpect(jsonPath("$.decisions[*].sequence", contains(1, 2)))
                .andExpect(jsonPath("$.decisions[1].comment").value("Darker blue, please"));
    }

    @Test
    void aViewerMayNotDecide403AndNothingIsRecorded() throws Exception {
        ApprovalRequest request = approvalOf(admin, logo, carol);

        mvc.perform(post(approvals() + "/{id}/decisions", request.id().value()).with(as(dave))
                        .contentType(MediaType.APPLICATION_JSON).content(json("APPROVE", null)))
                .andExpect(problem(403, "access-denied"));

        assertThat(kit.approvals().record(admin, workspace.id(), request.id()).decisions()).isEmpty();
        assertThat(kit.approvals().get(admin, workspace.id(), request.id()).status()).isEqualTo(ApprovalStatus.OPEN);
    }

    @Test
    void aMemberWhoIsNotOneOfTheApproversMayNotDecide403() throws Exception {
        Actor contributor = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);
        ApprovalRequest request = approvalOf(admin, logo, carol);

        mvc.perform(post(approvals() + "/{id}/decisions", request.id().value()).with(as(contributor))
                        .contentType(MediaType.APPLICATION_JSON).content(json("APPROVE", null)))
                .andExpect(problem(403, "access-denied"));

        assertThat(kit.approvals().record(admin, workspace.id(), request.id()).decisions()).isEmpty();
    }

    @Test
    void rejectingWithoutACommentIs400OnTheComment() throws Exception {
        ApprovalRequest request = approvalOf(admin, logo, carol);

        mvc.perform(post(approvals() + "/{id}/decisions", request.id().value()).with(as(carol))
                        .contentType(MediaType.APPLICATION_JSON).content(json("REJECT", null)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        mvc.perform(post(approvals() + "/{id}/decisions", request.id().value()).with(as(carol))
                        .contentType(MediaType.APPLICATION_JSON).content(json("MAYBE", null)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("decision"));

        assertThat(kit.approvals().record(admin, workspace.id(), request.id()).decisions()).isEmpty();
    }

    @Test
    void decidingOnARequestThatIsNoLongerOpenIs409() throws Exception {
        ApprovalRequest request = approvalOf(admin, logo, carol);
        kit.approvals().decide(carol, workspace.id(), request.id(), DecisionKind.APPROVE, Optional.empty());

        mvc.perform(post(approvals() + "/{id}/decisions", request.id().value()).with(as(carol))
                        .contentType(MediaType.APPLICATION_JSON).content(json("REJECT", "changed my mind")))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("INVALID_STATE"));

        assertThat(kit.approvals().record(admin, workspace.id(), request.id()).decisions())
                .extracting(Decision::kind).containsExactly(DecisionKind.APPROVE);
    }

    @Test
    void aNewVersionSupersedesTheOpenRequestOfTheOldOne() throws Exception {
        ApprovalRequest request = approvalOf(admin, logo, carol);

        mvc.perform(post(base(workspace) + "/files/{id}/versions", logo.id().value()).with(as(admin))
                        .contentType("application/pdf").content(pdf("logo v2")))
                .andExpect(status().isCreated());

        mvc.perform(get(approvals() + "/{id}", request.id().value()).with(as(carol)))
                .andExpect(jsonPath("$.request.status").value("SUPERSEDED"));
    }

    @Test
    void theListFiltersByStatus() throws Exception {
        ApprovalRequest open = approvalOf(admin, logo, carol);
        ApprovalRequest approved = approvalOf(admin, file(admin, workspace, "brief.pdf", pdf("brief")), carol);
        kit.approvals().decide(carol, workspace.id(), approved.id(), DecisionKind.APPROVE, Optional.empty());

        mvc.perform(get(approvals()).queryParam("status", "OPEN").with(as(carol)))
                .andExpect(jsonPath("$.items[*].id", contains(open.id().value())));
        mvc.perform(get(approvals()).queryParam("status", "approved").with(as(carol)))
                .andExpect(jsonPath("$.items[*].id", contains(approved.id().value())));
        mvc.perform(get(approvals()).with(as(carol)))
                .andExpect(jsonPath("$.items[*].id", contains(approved.id().value(), open.id().value())));
        mvc.perform(get(approvals()).queryParam("status", "PENDING").with(as(carol)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].message", containsString("OPEN")));
    }

    @Test
    void cancellingWithAStaleIfMatchIs412AndLeavesTheRequestOpen() throws Exception {
        ApprovalRequest request = approvalOf(admin, logo, carol);

        mvc.perform(post(approvals() + "/{id}/cancel", request.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"" + (request.version() + 1) + "\""))
                .andExpect(problem(412, "conflict"));
        assertThat(kit.approvals().get(admin, workspace.id(), request.id()).status()).isEqualTo(ApprovalStatus.OPEN);

        mvc.perform(post(approvals() + "/{id}/cancel", request.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"" + request.version() + "\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void aClientMayNotCancelSomeoneElsesRequest403() throws Exception {
        ApprovalRequest request = approvalOf(admin, logo, carol);

        mvc.perform(post(approvals() + "/{id}/cancel", request.id().value()).with(as(carol)))
                .andExpect(problem(403, "access-denied"));

        assertThat(kit.approvals().get(admin, workspace.id(), request.id()).status()).isEqualTo(ApprovalStatus.OPEN);
    }

    @Test
    void anApprovalOfVersion1StaysBoundToItAfterANewVersion() throws Exception {
        ApprovalRequest request = approvalOf(admin, logo, carol);
        kit.approvals().decide(carol, workspace.id(), request.id(), DecisionKind.APPROVE, Optional.empty());
        kit.files().uploadVersion(admin, workspace.id(), logo.id(), "logo.pdf", "application/pdf",
                new ByteArrayInputStream(pdf("logo v2")));

        mvc.perform(get(approvals() + "/{id}", request.id().value()).with(as(carol)))
                .andExpect(jsonPath("$.request.status").value("APPROVED"))
                .andExpect(jsonPath("$.request.subject.version").value(1))
                .andExpect(jsonPath("$.decisions[0].sha256").value(sha256(pdf("logo v1"))));
    }
}
