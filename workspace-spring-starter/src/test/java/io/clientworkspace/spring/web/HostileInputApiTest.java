package io.clientworkspace.spring.web;

import io.clientworkspace.PageRequest;
import io.clientworkspace.member.Membership;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bodies, ids and headers an attacker or a buggy client might send: each answers a 4xx problem that
 * names what is wrong, never a 5xx, and changes nothing.
 */
class HostileInputApiTest extends ApiTestSupport {

    private Workspace workspace;
    private String base;

    @BeforeEach
    void workspaceWithItsLead() {
        workspace = workspace(admin);
        base = "/api/workspaces/" + workspace.id().value();
    }

    private List<Workspace> workspaces() {
        return kit.workspaces().list(admin, PageRequest.first()).items();
    }

    // ---- fields a caller may not set ----

    @ParameterizedTest
    @ValueSource(strings = {"tenantId", "id", "version", "status", "createdAt"})
    void createWithAFieldTheCallerMayNotSetIs400NamingItAndCreatesNothing(String field) throws Exception {
        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme", "slug": "acme", "%s": "x"}""".formatted(field)))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.detail", containsString("'" + field + "'")));

        assertThat(workspaces()).containsExactly(workspace);
    }

    @Test
    void anUnknownFieldHoldingAnObjectIsRefusedAsWell() throws Exception {
        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme", "slug": "acme", "tenantId": {"value": "someone-else"}}"""))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("tenantId"));

        assertThat(workspaces()).containsExactly(workspace);
    }

    @Test
    void anUnknownFieldInsideBrandingIs400NamingIt() throws Exception {
        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme", "slug": "acme", "branding": {"css": "body{display:none}"}}"""))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("css"));

        assertThat(workspaces()).containsExactly(workspace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "slug", "tenantId", "status"})
    void patchWithAFieldTheCallerMayNotSetIs400NamingItAndChangesNothing(String field) throws Exception {
        mvc.perform(patch(base).with(as(admin)).header(HttpHeaders.IF_MATCH, "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Renamed", "%s": "99"}""".formatted(field)))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value(field));

        assertThat(reread(admin, workspace.id())).isEqualTo(workspace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tenantId", "workspaceId", "joinedAt"})
    void addMemberWithAFieldTheCallerMayNotSetIs400NamingItAndAddsNothing(String field) throws Exception {
        List<Membership> before = members(admin, workspace.id());

        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "someone", "role": "CLIENT_VIEWER", "%s": "x"}""".formatted(field)))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value(field));

        assertThat(members(admin, workspace.id())).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "tokenHash", "expiresAt", "invitedBy"})
    void inviteWithAFieldTheCallerMayNotSetIs400NamingItAndInvitesNobody(String field) throws Exception {
        mvc.perform(post(base + "/invitations").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "jane@example.com", "role": "CLIENT_VIEWER", "%s": "x"}""".formatted(field)))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value(field));

        assertThat(kit.invitations().listPending(admin, workspace.id(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void acceptWithAUserIdIs400NamingUserId() throws Exception {
        mvc.perform(post("/api/invitations/accept").with(as(clientUser(tenant))).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"token": "cwk_inv_x", "userId": "someone-else"}"""))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
    }

    @Test
    void changeRoleWithAUserIdInTheBodyIs400NamingUserId() throws Exception {
        mvc.perform(put(base + "/members/{userId}", admin.userId().value()).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"role": "LEAD", "userId": "someone-else"}"""))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
    }

    // ---- unreadable bodies ----

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"Acme\", ", "not json at all", "[{\"name\": \"Acme\"}]", "\"Acme\"",
            "{\"name\": \"Acme\"} trailing", "null", ""})
    void aBodyThatIsNotOneJsonObjectIs400BadRequestAndCreatesNothing(String body) throws Exception {
        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors").doesNotExist());

        assertThat(workspaces()).containsExactly(workspace);
    }

    @Test
    void aFieldOfTheWrongJsonTypeIs400BadRequest() throws Exception {
        mvc.perform(post(base + "/invitations").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "jane@example.com", "role": "CLIENT_VIEWER", "validForHours": "soon"}"""))
                .andExpect(problem(400, "bad-request"));

        assertThat(kit.invitations().listPending(admin, workspace.id(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIs415UnsupportedMediaType() throws Exception {
        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.TEXT_PLAIN)
                        .content("name=Acme&slug=acme"))
                .andExpect(problem(415, "bad-request"));

        assertThat(workspaces()).containsExactly(workspace);
    }

    // ---- oversized and malformed values ----

    @Test
    void aHugeNameIs400NamingNameAndCreatesNothing() throws Exception {
        String huge = "A".repeat(200_000);

        MockHttpServletResponse response = mvc.perform(post("/api/workspaces").with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "%s", "slug": "acme"}""".formatted(huge)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andReturn().getResponse();

        assertThat(response.getContentAsString()).hasSizeLessThan(2_000);
        assertThat(workspaces()).containsExactly(workspace);
    }

    @Test
    void aHugeUserIdIs400NamingUserIdAndAddsNothing() throws Exception {
        List<Membership> before = members(admin, workspace.id());

        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "%s", "role": "CLIENT_VIEWER"}""".formatted("u".repeat(10_000))))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));

        assertThat(members(admin, workspace.id())).isEqualTo(before);
    }

    @Test
    void aHugeEmailIs400NamingEmail() throws Exception {
        mvc.perform(post(base + "/invitations").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "%s@example.com", "role": "CLIENT_VIEWER"}""".formatted("j".repeat(10_000))))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("email"))));
    }

    @Test
    void aHugeTokenIs400NamingToken() throws Exception {
        mvc.perform(post("/api/invitations/accept").with(as(clientUser(tenant))).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"token": "%s"}""".formatted("t".repeat(100_000))))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("token"));
    }

    @Test
    void aNameWithControlCharactersIs400NamingName() throws Exception {
        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme\\u001b[31m", "slug": "acme"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROOT", "", "   ", "LEAD; DROP TABLE cwk_membership", "client-viewer"})
    void aRoleThatIsNoWorkspaceRoleIs400NamingRoleAndAddsNothing(String role) throws Exception {
        List<Membership> before = members(admin, workspace.id());

        mvc.perform(post(base + "/members").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "someone", "role": "%s"}""".formatted(role)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("role"))
                .andExpect(jsonPath("$.errors[0].message", containsString("CLIENT_VIEWER")));

        assertThat(members(admin, workspace.id())).isEqualTo(before);
    }

    @Test
    void aRoleOfTheWrongJsonTypeIs400() throws Exception {
        mvc.perform(put(base + "/members/{userId}", admin.userId().value()).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"role": ["LEAD"]}"""))
                .andExpect(status().isBadRequest());
    }

    // ---- ids in the path ----

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/workspaces/..%2F..%2Factuator",
            "/api/workspaces/..%2Fmembers",
            "/api/workspaces/%2E%2E/members",
            "/api/workspaces/..;/members",
            "/api/workspaces/a%00b",
            "/api/workspaces/%20padded",
            "/api/workspaces/..%252F..%252Fetc",
            "/api/workspaces/%C0%AE%C0%AE",
            "/api/workspaces/a%0Ab/members",
            "/api/workspaces/by-external-ref/..%2F..%2F"})
    void aPathTraversalOrControlCharacterInAnIdIs400Or404Never5xx(String path) throws Exception {
        int status = mvc.perform(get(URI.create(path)).with(as(admin))).andReturn().getResponse().getStatus();

        assertThat(status).isIn(400, 404);
    }

    @Test
    void aPathTraversalInAMemberIdChangesNothing() throws Exception {
        List<Membership> before = members(admin, workspace.id());

        int status = mvc.perform(delete(URI.create(base + "/members/..%2F..%2F" + admin.userId().value())).with(as(admin)))
                .andReturn().getResponse().getStatus();

        assertThat(status).isIn(400, 404);
        assertThat(members(admin, workspace.id())).isEqualTo(before);
    }

    @Test
    void anIdLongerThanAnyIdIs400NamingWorkspaceId() throws Exception {
        mvc.perform(get("/api/workspaces/{id}", "w".repeat(129)).with(as(admin)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("workspaceId"));
    }

    @Test
    void anIdWithDotsIsJustAnIdThatDoesNotExist() throws Exception {
        mvc.perform(get("/api/workspaces/{id}", "..").with(as(admin)))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/api/workspaces/{id}", "a..b").with(as(admin)))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aHugeCursorIs400NamingCursor() throws Exception {
        mvc.perform(get("/api/workspaces").param("cursor", "c".repeat(5_000)).with(as(admin)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }

    @Test
    void aForgedCursorIs400NamingCursor() throws Exception {
        mvc.perform(get(base + "/members").param("cursor", "eyJhZG1pbiI6dHJ1ZX0").with(as(admin)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }
}
