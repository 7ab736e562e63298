package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /workspaces/{id}/members/**} and {@code /lead} of {@link MemberApiController}. */
class MemberApiTest extends ApiTestSupport {

    private Workspace workspace;
    private String base;

    @BeforeEach
    void workspaceWithItsLead() {
        workspace = workspace(admin);
        base = "/api/workspaces/" + workspace.id().value();
    }

    @Test
    void listAnswersItemsOfWorkspaceIdUserIdRoleKindJoinedAtAndANextCursor() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        Membership lead = kit.members().find(admin, workspace.id(), admin.userId()).orElseThrow();

        String json = mvc.perform(get(base + "/members").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[*].userId", contains(admin.userId().value(), viewer.userId().value())))
                .andExpect(jsonPath("$.items[0].workspaceId").value(workspace.id().value()))
                .andExpect(jsonPath("$.items[0].role").value("LEAD"))
                .andExpect(jsonPath("$.items[0].kind").value("TEAM"))
                .andExpect(jsonPath("$.items[0].joinedAt").value(lead.joinedAt().toString()))
                .andExpect(jsonPath("$.items[1].role").value("CLIENT_VIEWER"))
                .andExpect(jsonPath("$.items[1].kind").value("CLIENT"))
                .andExpect(jsonPath("$.nextCursor").value(org.hamcrest.Matchers.nullValue()))
                .andReturn().getResponse().getContentAsString();
        assertThat(fieldsOf(json, "$.items[0]")).containsExactlyInAnyOrder("workspaceId", "userId", "role", "kind",
                "joinedAt", "clientRole");
    }

    @Test
    void listPagesWithLimitAndCursor() throws Exception {
        clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        String first = body(get(base + "/members").param("limit", "1").with(as(admin)));
        String cursor = read(first, "$.nextCursor");

        mvc.perform(get(base + "/members").param("limit", "1").param("cursor", cursor).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].role").value("CLIENT_VIEWER"));
    }

    @Test
    void aClientMemberMayListTheMembersOfItsWorkspace() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(get(base + "/members").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)));
    }

    @Test
    void getAnswersOneMember() throws Exception {
        Actor contributor = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);

        mvc.perform(get(base + "/members/{userId}", contributor.userId().value()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(contributor.userId().value()))
                .andExpect(jsonPath("$.workspaceId").value(workspace.id().value()))
                .andExpect(jsonPath("$.role").value("CLIENT_CONTRIBUTOR"))
                .andExpect(jsonPath("$.kind").value("CLIENT"));
    }

    @Test
    void getOfAUserWhoIsNotAMemberIs404NamingResourceTypeMember() throws Exception {
        mvc.perform(get(base + "/members/{userId}", "nobody").with(as(admin)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.resourceType").value("member"));
    }

    @Test
    void addAClientAnswers201WithTheMembership() throws Exception {
        Actor client = clientUser(tenant);

        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "%s", "role": "CLIENT_CONTRIBUTOR"}""".formatted(client.userId().value())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userId").value(client.userId().value()))
                .andExpect(jsonPath("$.workspaceId").value(workspace.id().value()))
                .andExpect(jsonPath("$.role").value("CLIENT_CONTRIBUTOR"))
                .andExpect(jsonPath("$.kind").value("CLIENT"));

        assertThat(kit.members().find(admin, workspace.id(), client.userId())).get()
                .extracting(Membership::role).isEqualTo(WorkspaceRole.CLIENT_CONTRIBUTOR);
    }

    @Test
    void addTakesTheRoleInAnyLetterCase() throws Exception {
        Actor client = clientUser(tenant);

        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "%s", "role": "client_viewer"}""".formatted(client.userId().value())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("CLIENT_VIEWER"));
    }

    @Test
    void addATeamUserOnTheRosterAsMEMBERAnswersKindTEAM() throws Exception {
        Actor colleague = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "%s", "role": "MEMBER"}""".formatted(colleague.userId().value())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("MEMBER"))
                .andExpect(jsonPath("$.kind").value("TEAM"));
    }

    @Test
    void addWithATeamRoleForAUserOffTheRosterIs400NamingUserIdAndAddsNothing() throws Exception {
        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "outsider", "role": "LEAD"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));

        assertThat(members(admin, workspace.id())).extracting(m -> m.userId().value()).containsExactly(admin.userId().value());
    }

    @Test
    void addOfAClientUserWhoDoesNotExistYetIs400NamingUserIdAndAddsNothing() throws Exception {
        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "mallory", "role": "CLIENT_ADMIN"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("invite")));

        assertThat(members(admin, workspace.id())).extracting(m -> m.userId().value()).containsExactly(admin.userId().value());
    }

    @Test
    void addOfAClientUserOfAnotherTenantIs400NamingUserId() throws Exception {
        Actor stranger = clientUser(otherTenant().tenant());

        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "%s", "role": "CLIENT_VIEWER"}""".formatted(stranger.userId().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
    }

    @Test
    void addOfSomeoneAlreadyAMemberIs409WithReasonALREADYEXISTS() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "%s", "role": "CLIENT_ADMIN"}""".formatted(viewer.userId().value())))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("ALREADY_EXISTS"));

        assertThat(kit.members().find(admin, workspace.id(), viewer.userId())).get()
                .extracting(Membership::role).isEqualTo(WorkspaceRole.CLIENT_VIEWER);
    }

    @Test
    void addWithoutUserIdAndRoleIs400NamingUserId() throws Exception {
        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
    }

    @Test
    void addByAClientViewerIs403AndAddsNothing() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        List<Membership> before = members(admin, workspace.id());

        mvc.perform(post(base + "/members").with(as(viewer)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "friend-of-viewer", "role": "CLIENT_ADMIN"}"""))
                .andExpect(problem(403, "access-denied"))
                .andExpect(jsonPath("$.required").value("MANAGE_MEMBERS"));

        assertThat(members(admin, workspace.id())).isEqualTo(before);
    }

    @Test
    void addByAClientAdminIs403BecauseOnlyTheTeamManagesMembers() throws Exception {
        Actor clientAdmin = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);
        List<Membership> before = members(admin, workspace.id());

        mvc.perform(post(base + "/members").with(as(clientAdmin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "colleague", "role": "CLIENT_VIEWER"}"""))
                .andExpect(problem(403, "access-denied"));

        assertThat(members(admin, workspace.id())).isEqualTo(before);
    }

    @Test
    void changeRoleAnswersTheMembershipWithItsNewRole() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(put(base + "/members/{userId}", viewer.userId().value()).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"role": "CLIENT_ADMIN"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(viewer.userId().value()))
                .andExpect(jsonPath("$.role").value("CLIENT_ADMIN"));

        assertThat(kit.members().find(admin, workspace.id(), viewer.userId())).get()
                .extracting(Membership::role).isEqualTo(WorkspaceRole.CLIENT_ADMIN);
    }

    @Test
    void changeRoleFromAClientRoleToATeamRoleIs400NamingRoleAndChangesNothing() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(put(base + "/members/{userId}", viewer.userId().value()).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"role": "LEAD"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("role"));

        assertThat(kit.members().find(admin, workspace.id(), viewer.userId())).get()
                .extracting(Membership::role).isEqualTo(WorkspaceRole.CLIENT_VIEWER);
    }

    @Test
    void demotingTheLastLeadIs409WithReasonLASTLEAD() throws Exception {
        mvc.perform(put(base + "/members/{userId}", admin.userId().value()).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"role": "MEMBER"}"""))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("LAST_LEAD"));

        assertThat(kit.members().find(admin, workspace.id(), admin.userId())).get()
                .extracting(Membership::role).isEqualTo(WorkspaceRole.LEAD);
    }

    @Test
    void changeRoleByAClientAdminIs403AndChangesNothing() throws Exception {
        Actor clientAdmin = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(put(base + "/members/{userId}", viewer.userId().value()).with(as(clientAdmin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"role": "CLIENT_ADMIN"}"""))
                .andExpect(problem(403, "access-denied"));

        assertThat(kit.members().find(admin, workspace.id(), viewer.userId())).get()
                .extracting(Membership::role).isEqualTo(WorkspaceRole.CLIENT_VIEWER);
    }

    @Test
    void removeAnswers204WithoutABodyAndTheMemberIsGone() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(delete(base + "/members/{userId}", viewer.userId().value()).with(as(admin)))
                .andExpect(status().isNoContent())
                .andExpect(content().string(""));

        assertThat(kit.members().find(admin, workspace.id(), viewer.userId())).isEmpty();
    }

    @Test
    void aClientMayRemoveItselfToLeaveTheWorkspace() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(delete(base + "/members/{userId}", viewer.userId().value()).with(as(viewer)))
                .andExpect(status().isNoContent());

        assertThat(kit.members().find(admin, workspace.id(), viewer.userId())).isEmpty();
    }

    @Test
    void removeOfAnotherMemberByAClientViewerIs403AndRemovesNothing() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        Actor other = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(delete(base + "/members/{userId}", other.userId().value()).with(as(viewer)))
                .andExpect(problem(403, "access-denied"));

        assertThat(kit.members().find(admin, workspace.id(), other.userId())).isPresent();
    }

    @Test
    void removeOfTheLastLeadIs409WithReasonLASTLEAD() throws Exception {
        mvc.perform(delete(base + "/members/{userId}", admin.userId().value()).with(as(admin)))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("LAST_LEAD"));

        assertThat(kit.members().find(admin, workspace.id(), admin.userId())).isPresent();
    }

    @Test
    void removeOfAUserWhoIsNotAMemberIs404() throws Exception {
        mvc.perform(delete(base + "/members/{userId}", "nobody").with(as(admin)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.resourceType").value("member"));
    }

    @Test
    void handOverLeadAnswers204AndSwapsLEADAndMEMBER() throws Exception {
        Actor colleague = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);
        kit.members().add(admin, workspace.id(), colleague.userId(), WorkspaceRole.MEMBER);

        mvc.perform(post(base + "/lead").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"from": "%s", "to": "%s"}""".formatted(admin.userId().value(), colleague.userId().value())))
                .andExpect(status().isNoContent());

        assertThat(kit.members().find(admin, workspace.id(), colleague.userId())).get()
                .extracting(Membership::role).isEqualTo(WorkspaceRole.LEAD);
        assertThat(kit.members().find(admin, workspace.id(), admin.userId())).get()
                .extracting(Membership::role).isEqualTo(WorkspaceRole.MEMBER);
    }

    @Test
    void handOverLeadToAClientIs400AndChangesNothing() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        List<Membership> before = members(admin, workspace.id());

        mvc.perform(post(base + "/lead").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"from": "%s", "to": "%s"}""".formatted(admin.userId().value(), viewer.userId().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("toMember"));

        assertThat(members(admin, workspace.id())).isEqualTo(before);
    }

    @Test
    void handOverLeadWithoutToIs400NamingTo() throws Exception {
        mvc.perform(post(base + "/lead").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"from": "%s"}""".formatted(admin.userId().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }
}
