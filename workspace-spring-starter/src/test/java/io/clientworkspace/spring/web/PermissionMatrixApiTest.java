package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /tenant/permissions} of {@link PermissionMatrixApiController}. */
class PermissionMatrixApiTest extends ApiTestSupport {

    /** The default matrix with CLIENT_VIEWER also granted UPLOAD_FILES, as a request body. */
    private static String viewersMayUpload() {
        return withViewerGranting("VIEW_WORKSPACE", "UPLOAD_FILES");
    }

    /** The default matrix, but CLIENT_VIEWER grants exactly these permission names, as a request body. */
    private static String withViewerGranting(String... viewer) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        PermissionMatrix.defaults().asMap().forEach((role, permissions) ->
                roles.put(role.name(), permissions.stream().map(Permission::name).sorted().toList()));
        roles.put(WorkspaceRole.CLIENT_VIEWER.name(), List.of(viewer));
        return json(roles);
    }

    private static String json(Map<String, List<String>> roles) {
        return roles.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": [" + e.getValue().stream().map(p -> "\"" + p + "\"")
                        .collect(Collectors.joining(", ")) + "]")
                .collect(Collectors.joining(", ", "{\"roles\": {", "}}"));
    }

    @Test
    void getAnswersEveryWorkspaceRoleWithItsPermissionsSortedByName() throws Exception {
        String json = mvc.perform(get("/api/tenant/permissions").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles.CLIENT_VIEWER", contains("VIEW_WORKSPACE")))
                .andReturn().getResponse().getContentAsString();

        assertThat(fieldsOf(json, "$")).containsExactly("roles");
        assertThat(fieldsOf(json, "$.roles")).containsExactly("LEAD", "MEMBER", "CLIENT_ADMIN", "CLIENT_CONTRIBUTOR",
                "CLIENT_VIEWER");
        List<String> member = read(json, "$.roles.MEMBER");
        assertThat(member).isSorted().containsExactlyInAnyOrderElementsOf(PermissionMatrix.defaults()
                .permissionsOf(WorkspaceRole.MEMBER).stream().map(Permission::name).toList());
    }

    @Test
    void anyTeamUserOnTheRosterMayReadTheMatrix() throws Exception {
        Actor member = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        mvc.perform(get("/api/tenant/permissions").with(as(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles.LEAD", hasItem("ARCHIVE_WORKSPACE")));
    }

    @Test
    void aClientUserGets404ForTheMatrix() throws Exception {
        mvc.perform(get("/api/tenant/permissions").with(as(clientUser(tenant))))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aTenantAdminReplacesTheMatrixAndItAppliesAtOnce() throws Exception {
        Workspace workspace = workspace(admin);
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        assertThat(kit.authorizer().permissions(viewer, workspace.id())).doesNotContain(Permission.UPLOAD_FILES);

        mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(viewersMayUpload()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles.CLIENT_VIEWER", contains("UPLOAD_FILES", "VIEW_WORKSPACE")));

        assertThat(kit.authorizer().permissions(viewer, workspace.id())).contains(Permission.UPLOAD_FILES);
        mvc.perform(get("/api/tenant/permissions").with(as(admin)))
                .andExpect(jsonPath("$.roles.CLIENT_VIEWER", contains("UPLOAD_FILES", "VIEW_WORKSPACE")));
    }

    @Test
    void replaceTakesRoleAndPermissionNamesInAnyLetterCase() throws Exception {
        String body = viewersMayUpload().replace("CLIENT_VIEWER", "client_viewer").replace("UPLOAD_FILES", "upload_files");

        mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles.CLIENT_VIEWER", contains("UPLOAD_FILES", "VIEW_WORKSPACE")));
    }

    @Test
    void anUnknownRoleIs400NamingTheFieldAndChangesNothing() throws Exception {
        String body = viewersMayUpload().replace("\"CLIENT_VIEWER\"", "\"BOSS\"");

        mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("roles.BOSS", "roles.CLIENT_VIEWER")));

        assertThat(kit.accessPolicies().matrix(admin)).isEqualTo(PermissionMatrix.defaults());
    }

    @Test
    void anExtraUnknownRoleNextToEveryRoleIsOneErrorOnRolesNamingIt() throws Exception {
        String body = viewersMayUpload().replace("\"CLIENT_VIEWER\"", "\"CLIENT_VIEWER\": [\"VIEW_WORKSPACE\"], \"BOSS\"");

        mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("roles")))
                .andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString("'BOSS'")));

        assertThat(kit.accessPolicies().matrix(admin)).isEqualTo(PermissionMatrix.defaults());
    }

    @Test
    void anUnknownPermissionIs400NamingTheRoleAndThePermission() throws Exception {
        String body = withViewerGranting("VIEW_WORKSPACE", "FLY");

        mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("roles.CLIENT_VIEWER"))
                .andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString("'FLY'")));

        assertThat(kit.accessPolicies().matrix(admin)).isEqualTo(PermissionMatrix.defaults());
    }

    @Test
    void aMissingRoleIs400NamingIt() throws Exception {
        mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("LEAD", List.of("VIEW_WORKSPACE")))))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("roles.MEMBER", "roles.CLIENT_ADMIN",
                        "roles.CLIENT_CONTRIBUTOR", "roles.CLIENT_VIEWER")));
    }

    @Test
    void aTeamOnlyPermissionForAClientRoleIs400NamingTheRole() throws Exception {
        String body = withViewerGranting("VIEW_WORKSPACE", "VIEW_INTERNAL");

        mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("roles.CLIENT_VIEWER")));

        assertThat(kit.accessPolicies().matrix(admin)).isEqualTo(PermissionMatrix.defaults());
    }

    @Test
    void aBodyWithoutRolesIs400NamingRoles() throws Exception {
        mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
    }

    /** About 800 KB (under the 1 MB JSON limit): the default matrix, but CLIENT_VIEWER lists 70,000 bad names. */
    private static String hugeBodyOfBadNames() {
        StringBuilder viewer = new StringBuilder();
        for (int i = 0; i < 70_000; i++) {
            viewer.append(i == 0 ? "" : ", ").append("\"BAD").append(i % 7).append('"');
        }
        return withViewerGranting("VIEW_WORKSPACE").replace("\"VIEW_WORKSPACE\"]}}", "\"VIEW_WORKSPACE\", " + viewer + "]}}");
    }

    @Test
    void aHugeBodyOfBadPermissionNamesIsASmall400() throws Exception {
        String body = hugeBodyOfBadNames();
        assertThat(body.length()).isGreaterThan(500_000);

        String answer = mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("roles.CLIENT_VIEWER")))
                .andReturn().getResponse().getContentAsString();

        assertThat(answer.length()).isLessThan(4_000);
        assertThat(kit.accessPolicies().matrix(admin)).isEqualTo(PermissionMatrix.defaults());
    }

    @Test
    void aBodyWithMoreRolesThanThereAreIsOneErrorOnRoles() throws Exception {
        StringBuilder roles = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            roles.append(i == 0 ? "" : ", ").append("\"BOSS").append(i).append("\": []");
        }

        String answer = mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": {" + roles + "}}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("roles")))
                .andReturn().getResponse().getContentAsString();

        assertThat(answer.length()).isLessThan(2_000);
    }

    @Test
    void unknownPermissionsOfARoleAreOneErrorNamingEachOnceAndTheValidNamesOnce() throws Exception {
        String body = withViewerGranting("VIEW_WORKSPACE", "FLY", "SWIM", "FLY");

        String message = com.jayway.jsonpath.JsonPath.read(mvc.perform(put("/api/tenant/permissions").with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("roles.CLIENT_VIEWER")))
                .andReturn().getResponse().getContentAsString(), "$.errors[0].message");

        assertThat(message).contains("'FLY', 'SWIM' are not permissions");
        assertThat(message.split("UPLOAD_FILES", -1)).as("valid names listed once").hasSize(2);
    }

    @Test
    void aVeryLongBadNameIsEchoedCutShort() throws Exception {
        String longName = "X".repeat(5_000);

        String answer = mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(withViewerGranting("VIEW_WORKSPACE", longName)))
                .andExpect(problem(400, "validation"))
                .andReturn().getResponse().getContentAsString();

        assertThat(answer).doesNotContain(longName).contains("X".repeat(40) + "...");
    }

    @Test
    void aTooLongListOfPermissionsForARoleIsOneError() throws Exception {
        String[] names = new String[Permission.values().length + 1];
        java.util.Arrays.fill(names, "VIEW_WORKSPACE");

        mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(withViewerGranting(names)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("roles.CLIENT_VIEWER")))
                .andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString("lists "
                        + names.length + " permissions")));
    }

    @Test
    void replaceWithAHugeBadBodyByATeamUserWhoIsNoTenantAdminIs403() throws Exception {
        Actor manager = teamUser(tenant, admin, TenantRole.ACCOUNT_MANAGER);

        mvc.perform(put("/api/tenant/permissions").with(as(manager)).contentType(MediaType.APPLICATION_JSON)
                        .content(hugeBodyOfBadNames()))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void replaceWithABadBodyByAClientUserIs404() throws Exception {
        mvc.perform(put("/api/tenant/permissions").with(as(clientUser(tenant))).contentType(MediaType.APPLICATION_JSON)
                        .content(withViewerGranting("FLY")))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void resetByAClientUserIs404() throws Exception {
        mvc.perform(delete("/api/tenant/permissions").with(as(clientUser(tenant))))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void replaceByATeamUserWhoIsNoTenantAdminIs403AndChangesNothing() throws Exception {
        Actor manager = teamUser(tenant, admin, TenantRole.ACCOUNT_MANAGER);

        mvc.perform(put("/api/tenant/permissions").with(as(manager)).contentType(MediaType.APPLICATION_JSON)
                        .content(viewersMayUpload()))
                .andExpect(problem(403, "access-denied"));

        assertThat(kit.accessPolicies().matrix(admin)).isEqualTo(PermissionMatrix.defaults());
    }

    @Test
    void replaceByAClientUserIs404AndChangesNothing() throws Exception {
        mvc.perform(put("/api/tenant/permissions").with(as(clientUser(tenant))).contentType(MediaType.APPLICATION_JSON)
                        .content(viewersMayUpload()))
                .andExpect(problem(404, "not-found"));

        assertThat(kit.accessPolicies().matrix(admin)).isEqualTo(PermissionMatrix.defaults());
    }

    @Test
    void deleteGoesBackToTheDefaultMatrix() throws Exception {
        mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content(viewersMayUpload())).andExpect(status().isOk());

        mvc.perform(delete("/api/tenant/permissions").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles.CLIENT_VIEWER", contains("VIEW_WORKSPACE")));

        assertThat(kit.accessPolicies().matrix(admin)).isEqualTo(PermissionMatrix.defaults());
    }

    @Test
    void deleteByATeamUserWhoIsNoTenantAdminIs403() throws Exception {
        Actor member = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        mvc.perform(delete("/api/tenant/permissions").with(as(member)))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void aReplacedMatrixStaysWithItsTenant() throws Exception {
        OtherTenant other = otherTenant();

        mvc.perform(put("/api/tenant/permissions").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content(viewersMayUpload())).andExpect(status().isOk());

        mvc.perform(get("/api/tenant/permissions").with(as(other.admin())))
                .andExpect(jsonPath("$.roles.CLIENT_VIEWER", contains("VIEW_WORKSPACE")));
    }
}
