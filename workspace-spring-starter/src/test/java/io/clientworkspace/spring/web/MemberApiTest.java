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
    void list_answers_items_of_workspaceId_userId_role_kind_joinedAt_and_a_nextCursor() throws Exception {
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
                "joinedAt");
    }

    @Test
    void list_pages_with_limit_and_cursor() throws Exception {
        clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        String first = body(get(base + "/members").param("limit", "1").with(as(admin)));
        String cursor = read(first, "$.nextCursor");

        mvc.perform(get(base + "/members").param("limit", "1").param("cursor", cursor).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].role").value("CLIENT_VIEWER"));
    }

    @Test
    void a_client_member_may_list_the_members_of_its_workspace() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(get(base + "/members").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)));
    }

    @Test
    void get_answers_one_member() throws Exception {
        Actor contributor = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);

        mvc.perform(get(base + "/members/{userId}", contributor.userId().value()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(contributor.userId().value()))
                .andExpect(jsonPath("$.workspaceId").value(workspace.id().value()))
                .andExpect(jsonPath("$.role").value("CLIENT_CONTRIBUTOR"))
                .andExpect(jsonPath("$.kind").value("CLIENT"));
    }

    @Test
    void get_of_a_user_who_is_not_a_member_is_404_naming_resourceType_member() throws Exception {
        mvc.perform(get(base + "/members/{userId}", "nobody").with(as(admin)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.resourceType").value("member"));
    }

    @Test
    void add_a_client_answers_201_with_the_membership() throws Exception {
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
    void add_takes_the_role_in_any_letter_case() throws Exception {
        Actor client = clientUser(tenant);

        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "%s", "role": "client_viewer"}""".formatted(client.userId().value())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("CLIENT_VIEWER"));
    }

    @Test
    void add_a_team_user_on_the_roster_as_MEMBER_answers_kind_TEAM() throws Exception {
        Actor colleague = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "%s", "role": "MEMBER"}""".formatted(colleague.userId().value())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("MEMBER"))
                .andExpect(jsonPath("$.kind").value("TEAM"));
    }

    @Test
    void add_with_a_team_role_for_a_user_off_the_roster_is_400_naming_userId_and_adds_nothing() throws Exception {
        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "outsider", "role": "LEAD"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));

        assertThat(members(admin, workspace.id())).extracting(m -> m.userId().value()).containsExactly(admin.userId().value());
    }

    @Test
    void add_of_a_client_user_who_does_not_exist_yet_is_400_naming_userId_and_adds_nothing() throws Exception {
        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "mallory", "role": "CLIENT_ADMIN"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("invite")));

        assertThat(members(admin, workspace.id())).extracting(m -> m.userId().value()).containsExactly(admin.userId().value());
    }

    @Test
    void add_of_a_client_user_of_another_tenant_is_400_naming_userId() throws Exception {
        Actor stranger = clientUser(otherTenant().tenant());

        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "%s", "role": "CLIENT_VIEWER"}""".formatted(stranger.userId().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
    }

    @Test
    void add_of_someone_already_a_member_is_409_with_reason_ALREADY_EXISTS() throws Exception {
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
    void add_without_userId_and_role_is_400_naming_userId() throws Exception {
        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
    }

    @Test
    void add_by_a_client_viewer_is_403_and_adds_nothing() throws Exception {
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
    void add_by_a_client_admin_is_403_because_only_the_team_manages_members() throws Exception {
        Actor clientAdmin = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);
        List<Membership> before = members(admin, workspace.id());

        mvc.perform(post(base + "/members").with(as(clientAdmin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "colleague", "role": "CLIENT_VIEWER"}"""))
                .andExpect(problem(403, "access-denied"));

        assertThat(members(admin, workspace.id())).isEqualTo(before);
    }

    @Test
    void change_role_answers_the_membership_with_its_new_role() throws Exception {
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
    void change_role_from_a_client_role_to_a_team_role_is_400_naming_role_and_changes_nothing() throws Exception {
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
    void demoting_the_last_lead_is_409_with_reason_LAST_LEAD() throws Exception {
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
    void change_role_by_a_client_admin_is_403_and_changes_nothing() throws Exception {
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
    void remove_answers_204_without_a_body_and_the_member_is_gone() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(delete(base + "/members/{userId}", viewer.userId().value()).with(as(admin)))
                .andExpect(status().isNoContent())
                .andExpect(content().string(""));

        assertThat(kit.members().find(admin, workspace.id(), viewer.userId())).isEmpty();
    }

    @Test
    void a_client_may_remove_itself_to_leave_the_workspace() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(delete(base + "/members/{userId}", viewer.userId().value()).with(as(viewer)))
                .andExpect(status().isNoContent());

        assertThat(kit.members().find(admin, workspace.id(), viewer.userId())).isEmpty();
    }

    @Test
    void remove_of_another_member_by_a_client_viewer_is_403_and_removes_nothing() throws Exception {
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        Actor other = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(delete(base + "/members/{userId}", other.userId().value()).with(as(viewer)))
                .andExpect(problem(403, "access-denied"));

        assertThat(kit.members().find(admin, workspace.id(), other.userId())).isPresent();
    }

    @Test
    void remove_of_the_last_lead_is_409_with_reason_LAST_LEAD() throws Exception {
        mvc.perform(delete(base + "/members/{userId}", admin.userId().value()).with(as(admin)))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("LAST_LEAD"));

        assertThat(kit.members().find(admin, workspace.id(), admin.userId())).isPresent();
    }

    @Test
    void remove_of_a_user_who_is_not_a_member_is_404() throws Exception {
        mvc.perform(delete(base + "/members/{userId}", "nobody").with(as(admin)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.resourceType").value("member"));
    }

    @Test
    void hand_over_lead_answers_204_and_swaps_LEAD_and_MEMBER() throws Exception {
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
    void hand_over_lead_to_a_client_is_400_and_changes_nothing() throws Exception {
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
    void hand_over_lead_without_to_is_400_naming_to() throws Exception {
        mvc.perform(post(base + "/lead").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"from": "%s"}""".formatted(admin.userId().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }
}
