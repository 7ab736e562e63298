package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /workspaces/{id}/invitations/**} and {@code /invitations/accept} of {@link InvitationApiController}. */
class InvitationApiTest extends ApiTestSupport {

    private Workspace workspace;
    private String base;

    @BeforeEach
    void workspaceWithItsLead() {
        workspace = workspace(admin);
        base = "/api/workspaces/" + workspace.id().value();
    }

    private String invite(Actor actor, String body) throws Exception {
        return mvc.perform(post(base + "/invitations").with(as(actor)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn().getResponse().getContentAsString();
    }

    private List<Invitation> pending() {
        return kit.invitations().listPending(admin, workspace.id(), PageRequest.first()).items();
    }

    // ---- invite ----

    @Test
    void inviteAnswers201WithTheInvitationIdWorkspaceIdEmailRoleStatusInvitedByCreatedAtExpiresAtAndItsToken() throws Exception {
        String json = mvc.perform(post(base + "/invitations").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "Jane@Example.com", "role": "CLIENT_CONTRIBUTOR", "validForHours": 48}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.invitation.workspaceId").value(workspace.id().value()))
                .andExpect(jsonPath("$.invitation.email").value("jane@example.com"))
                .andExpect(jsonPath("$.invitation.role").value("CLIENT_CONTRIBUTOR"))
                .andExpect(jsonPath("$.invitation.status").value("PENDING"))
                .andExpect(jsonPath("$.invitation.invitedBy").value(admin.userId().value()))
                .andExpect(jsonPath("$.token", startsWith("cwk_inv_")))
                .andReturn().getResponse().getContentAsString();

        assertThat(fieldsOf(json, "$")).containsExactlyInAnyOrder("invitation", "token");
        assertThat(fieldsOf(json, "$.invitation")).containsExactlyInAnyOrder("id", "workspaceId", "email", "role",
                "status", "invitedBy", "createdAt", "expiresAt");
        Invitation stored = pending().get(0);
        assertThat((String) read(json, "$.invitation.id")).isEqualTo(stored.id().value());
        assertThat((String) read(json, "$.invitation.createdAt")).isEqualTo(stored.createdAt().toString());
        assertThat(Duration.between(stored.createdAt(), stored.expiresAt())).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void theTokenIsShownOnceAndNeverInThePendingList() throws Exception {
        String token = read(invite(admin, """
                {"email": "jane@example.com", "role": "CLIENT_VIEWER"}"""), "$.token");

        String list = mvc.perform(get(base + "/invitations").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].email").value("jane@example.com"))
                .andExpect(jsonPath("$.items[0].token").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(token);
        assertThat(fieldsOf(list, "$.items[0]")).doesNotContain("token", "tokenHash");
    }

    @Test
    void inviteWithATeamRoleByTheTeamIs400NamingRoleAndInvitesNobody() throws Exception {
        mvc.perform(post(base + "/invitations").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "jane@example.com", "role": "LEAD"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("role"));

        assertThat(pending()).isEmpty();
    }

    @Test
    void inviteWithATeamRoleByAClientAdminIs400NamingRoleLikeForAnyoneAndInvitesNobody() throws Exception {
        Actor clientAdmin = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(post(base + "/invitations").with(as(clientAdmin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "jane@example.com", "role": "MEMBER"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("role"));

        assertThat(pending()).isEmpty();
    }

    @Test
    void inviteByAClientViewerIs403AndInvitesNobody() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(post(base + "/invitations").with(as(viewer)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "friend@example.com", "role": "CLIENT_VIEWER"}"""))
                .andExpect(problem(403, "access-denied"))
                .andExpect(jsonPath("$.required").value("INVITE_CLIENTS"));

        assertThat(pending()).isEmpty();
    }

    @Test
    void inviteByAClientWithARoleAboveItsOwnIs403AndInvitesNobody() throws Exception {
        PermissionMatrix contributorsInvite = PermissionMatrix.defaults().with(WorkspaceRole.CLIENT_CONTRIBUTOR,
                Set.of(Permission.VIEW_WORKSPACE, Permission.INVITE_CLIENTS));
        kit.accessPolicies().replaceMatrix(admin, contributorsInvite);
        Actor contributor = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);

        mvc.perform(post(base + "/invitations").with(as(contributor)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "boss@example.com", "role": "CLIENT_ADMIN"}"""))
                .andExpect(problem(403, "access-denied"));

        assertThat(pending()).isEmpty();
    }

    @Test
    void aClientAdminMayInviteWithItsOwnRole() throws Exception {
        Actor clientAdmin = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(post(base + "/invitations").with(as(clientAdmin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "deputy@example.com", "role": "CLIENT_ADMIN"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.invitation.invitedBy").value(clientAdmin.userId().value()));
    }

    @Test
    void inviteWithAMalformedEmailIs400NamingEmail() throws Exception {
        mvc.perform(post(base + "/invitations").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "not-an-address", "role": "CLIENT_VIEWER"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("email"));

        assertThat(pending()).isEmpty();
    }

    @Test
    void inviteValidForZeroHoursIs400NamingValidForHours() throws Exception {
        mvc.perform(post(base + "/invitations").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "jane@example.com", "role": "CLIENT_VIEWER", "validForHours": 0}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("validForHours"));
    }

    @Test
    void inviteWithAnUnknownRoleIs400NamingRole() throws Exception {
        mvc.perform(post(base + "/invitations").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "jane@example.com", "role": "OWNER"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }

    // ---- list / revoke ----

    @Test
    void pendingListAnswersItemsAndNextCursor() throws Exception {
        kit.invitations().invite(admin, workspace.id(), NewInvitation.of("a@example.com", WorkspaceRole.CLIENT_VIEWER));
        kit.invitations().invite(admin, workspace.id(), NewInvitation.of("b@example.com", WorkspaceRole.CLIENT_VIEWER));

        String first = mvc.perform(get(base + "/invitations").param("limit", "1").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andReturn().getResponse().getContentAsString();
        String cursor = read(first, "$.nextCursor");

        mvc.perform(get(base + "/invitations").param("limit", "1").param("cursor", cursor).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.nextCursor").value(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void pendingListForATeamMEMBERIs403BecauseItCannotInvite() throws Exception {
        Actor colleague = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);
        kit.members().add(admin, workspace.id(), colleague.userId(), WorkspaceRole.MEMBER);

        mvc.perform(get(base + "/invitations").with(as(colleague)))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void revokeAnswersTheInvitationWithStatusREVOKED() throws Exception {
        IssuedInvitation issued = kit.invitations().invite(admin, workspace.id(),
                NewInvitation.of("jane@example.com", WorkspaceRole.CLIENT_VIEWER));

        mvc.perform(delete(base + "/invitations/{id}", issued.invitation().id().value()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(issued.invitation().id().value()))
                .andExpect(jsonPath("$.status").value("REVOKED"));

        assertThat(pending()).isEmpty();
    }

    @Test
    void revokeTwiceIs409WithReasonINVALIDSTATE() throws Exception {
        IssuedInvitation issued = kit.invitations().invite(admin, workspace.id(),
                NewInvitation.of("jane@example.com", WorkspaceRole.CLIENT_VIEWER));
        kit.invitations().revoke(admin, workspace.id(), issued.invitation().id());

        mvc.perform(delete(base + "/invitations/{id}", issued.invitation().id().value()).with(as(admin)))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("INVALID_STATE"));
    }

    @Test
    void revokeByAClientViewerIs403AndTheInvitationStaysPending() throws Exception {
        IssuedInvitation issued = kit.invitations().invite(admin, workspace.id(),
                NewInvitation.of("jane@example.com", WorkspaceRole.CLIENT_VIEWER));
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(delete(base + "/invitations/{id}", issued.invitation().id().value()).with(as(viewer)))
                .andExpect(problem(403, "access-denied"));

        assertThat(pending()).extracting(Invitation::status).containsExactly(InvitationStatus.PENDING);
    }

    @Test
    void revokeOfAnUnknownInvitationIs404NamingResourceTypeInvitation() throws Exception {
        mvc.perform(delete(base + "/invitations/{id}", "no-such-invitation").with(as(admin)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.resourceType").value("invitation"));
    }

    // ---- accept ----

    @Test
    void theInvitationFlowCreatesShowsTheTokenOnceAndAcceptingAnswers201WithTheClientMembership() throws Exception {
        String token = read(invite(admin, """
                {"email": "jane@example.com", "role": "CLIENT_CONTRIBUTOR"}"""), "$.token");
        Actor jane = clientUser(tenant);

        mvc.perform(post("/api/invitations/accept").with(as(jane)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"token": "%s"}""".formatted(token)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.workspaceId").value(workspace.id().value()))
                .andExpect(jsonPath("$.userId").value(jane.userId().value()))
                .andExpect(jsonPath("$.role").value("CLIENT_CONTRIBUTOR"))
                .andExpect(jsonPath("$.kind").value("CLIENT"));

        assertThat(kit.members().find(admin, workspace.id(), jane.userId())).get()
                .extracting(Membership::role).isEqualTo(WorkspaceRole.CLIENT_CONTRIBUTOR);
        mvc.perform(get(base).with(as(jane))).andExpect(status().isOk());
    }

    @Test
    void acceptingAnAcceptedInvitationAgainIs410WithReasonALREADYUSED() throws Exception {
        IssuedInvitation issued = kit.invitations().invite(admin, workspace.id(),
                NewInvitation.of("jane@example.com", WorkspaceRole.CLIENT_VIEWER));
        kit.invitations().accept(clientUser(tenant), issued.token());
        Actor latecomer = clientUser(tenant);

        mvc.perform(post("/api/invitations/accept").with(as(latecomer)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"token": "%s"}""".formatted(issued.token())))
                .andExpect(problem(410, "gone"))
                .andExpect(jsonPath("$.reason").value("ALREADY_USED"));

        assertThat(kit.members().find(admin, workspace.id(), latecomer.userId())).isEmpty();
    }

    @Test
    void acceptingARevokedInvitationIs410WithReasonREVOKED() throws Exception {
        IssuedInvitation issued = kit.invitations().invite(admin, workspace.id(),
                NewInvitation.of("jane@example.com", WorkspaceRole.CLIENT_VIEWER));
        kit.invitations().revoke(admin, workspace.id(), issued.invitation().id());

        mvc.perform(post("/api/invitations/accept").with(as(clientUser(tenant))).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"token": "%s"}""".formatted(issued.token())))
                .andExpect(problem(410, "gone"))
                .andExpect(jsonPath("$.reason").value("REVOKED"));
    }

    @Test
    void acceptingWithAWrongTokenIs404ThatDoesNotEchoTheToken() throws Exception {
        kit.invitations().invite(admin, workspace.id(), NewInvitation.of("jane@example.com", WorkspaceRole.CLIENT_VIEWER));
        String guess = "cwk_inv_guessed-token-value";

        String json = mvc.perform(post("/api/invitations/accept").with(as(clientUser(tenant)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"token": "%s"}""".formatted(guess)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.resourceType").value("invitation"))
                .andReturn().getResponse().getContentAsString();

        assertThat(json).doesNotContain(guess);
        assertThat(pending()).extracting(Invitation::status).containsExactly(InvitationStatus.PENDING);
    }

    @Test
    void acceptingAsATeamUserIs403AndTheInvitationStaysPending() throws Exception {
        IssuedInvitation issued = kit.invitations().invite(admin, workspace.id(),
                NewInvitation.of("jane@example.com", WorkspaceRole.CLIENT_VIEWER));

        mvc.perform(post("/api/invitations/accept").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"token": "%s"}""".formatted(issued.token())))
                .andExpect(problem(403, "access-denied"));

        assertThat(pending()).extracting(Invitation::status).containsExactly(InvitationStatus.PENDING);
    }

    @Test
    void acceptingWhenAlreadyAMemberIs409WithReasonALREADYEXISTSAndTheInvitationStaysUnused() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        IssuedInvitation issued = kit.invitations().invite(admin, workspace.id(),
                NewInvitation.of("viewer@example.com", WorkspaceRole.CLIENT_ADMIN));

        mvc.perform(post("/api/invitations/accept").with(as(viewer)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"token": "%s"}""".formatted(issued.token())))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("ALREADY_EXISTS"));

        assertThat(pending()).extracting(Invitation::status).containsExactly(InvitationStatus.PENDING);
        assertThat(kit.members().find(admin, workspace.id(), viewer.userId())).get()
                .extracting(Membership::role).isEqualTo(WorkspaceRole.CLIENT_VIEWER);
    }

    @Test
    void acceptingWithoutATokenIs400NamingToken() throws Exception {
        mvc.perform(post("/api/invitations/accept").with(as(clientUser(tenant))).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("token"));
    }
}
