package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Custom client roles through the REST API: define, list, assign to a client member, remove; who may. */
class ClientRoleApiTest extends ApiTestSupport {

    private static final String FINANCE = """
            {"label": "Finance contact", "base": "CLIENT_VIEWER",
             "permissions": ["VIEW_WORKSPACE", "VIEW_BILLING", "DECIDE_APPROVALS"]}""";

    private static MockHttpServletRequestBuilder define(String key, String json) {
        return put("/api/tenant/client-roles/{key}", key).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private MockHttpServletRequestBuilder assign(Workspace workspace, Actor member, String json) {
        return put("/api/workspaces/{ws}/members/{user}/client-role", workspace.id().value(), member.userId().value())
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void aTenantAdminDefinesAClientRoleAndTheTeamListsIt() throws Exception {
        mvc.perform(define("finance", FINANCE).with(as(admin)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.key").value("finance"))
                .andExpect(jsonPath("$.base").value("CLIENT_VIEWER"))
                .andExpect(jsonPath("$.permissions", contains("DECIDE_APPROVALS", "VIEW_BILLING", "VIEW_WORKSPACE")));

        mvc.perform(get("/api/tenant/client-roles").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].key", contains("finance")));
    }

    @Test
    void redefiningARoleAnswers200WithTheNextVersion() throws Exception {
        mvc.perform(define("finance", FINANCE).with(as(admin))).andExpect(status().isCreated());

        mvc.perform(define("finance", FINANCE.replace("Finance contact", "Finance")).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.label").value("Finance"));
    }

    @Test
    void aRoleWithATeamOnlyPermissionIsRefusedOnPermissions() throws Exception {
        mvc.perform(define("sneaky", """
                        {"label": "Sneaky", "base": "CLIENT_VIEWER", "permissions": ["VIEW_WORKSPACE", "VIEW_INTERNAL"]}""")
                        .with(as(admin)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("permissions"));
    }

    @Test
    void badDefinitionsNameEveryFieldAtOnce() throws Exception {
        String json = body(define("finance", """
                {"base": "OWNER", "permissions": ["VIEW_WORKSPACE", "FLY"]}""").with(as(admin)));

        assertThat(ApiTestSupport.<List<String>>read(json, "$.errors[*].field"))
                .containsExactlyInAnyOrder("label", "base", "permissions");
    }

    @Test
    void aClientAskingForTheTenantsClientRolesGetsNotFoundLikeForEveryTenantResource() throws Exception {
        Workspace workspace = workspace(admin);
        Actor carol = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(get("/api/tenant/client-roles").with(as(carol))).andExpect(problem(404, "not-found"));
    }

    @Test
    void aClientMemberGivenARoleShowsItInTheMembershipAndHoldsItsPermissions() throws Exception {
        Workspace workspace = workspace(admin);
        Actor dave = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        mvc.perform(define("finance", FINANCE).with(as(admin))).andExpect(status().isCreated());
        mvc.perform(put("/api/workspaces/{ws}/records/INVOICE/INV-1", workspace.id().value())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "Deposit", "status": "OPEN", "amount": "10.00", "currency": "EUR"}""")
                .with(as(admin))).andExpect(status().isCreated());

        mvc.perform(assign(workspace, dave, """
                        {"clientRole": "finance"}""").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clientRole").value("finance"))
                .andExpect(jsonPath("$.role").value("CLIENT_VIEWER"));

        mvc.perform(get("/api/workspaces/{ws}/records/INVOICE/INV-1", workspace.id().value()).with(as(dave)))
                .andExpect(status().isOk());
    }

    @Test
    void anUnknownRoleKeyIsAFieldErrorOnClientRole() throws Exception {
        Workspace workspace = workspace(admin);
        Actor dave = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(assign(workspace, dave, """
                        {"clientRole": "nobody"}""").with(as(admin)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("clientRole"));
    }

    @Test
    void aRoleSomeoneHoldsCannotBeRemoved() throws Exception {
        Workspace workspace = workspace(admin);
        Actor dave = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        mvc.perform(define("finance", FINANCE).with(as(admin))).andExpect(status().isCreated());
        mvc.perform(assign(workspace, dave, """
                {"clientRole": "finance"}""").with(as(admin))).andExpect(status().isOk());

        mvc.perform(delete("/api/tenant/client-roles/finance").with(as(admin))).andExpect(status().isConflict());

        mvc.perform(assign(workspace, dave, """
                {"clientRole": null}""").with(as(admin))).andExpect(jsonPath("$.clientRole").isEmpty());
        mvc.perform(delete("/api/tenant/client-roles/finance").with(as(admin))).andExpect(status().isNoContent());
    }
}
