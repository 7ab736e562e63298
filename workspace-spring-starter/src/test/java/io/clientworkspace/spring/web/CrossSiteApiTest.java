package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Unsafe calls that a browser marks as coming from another site are refused with 403 before anything
 * else happens; calls without the browser's headers (curl, servers) and same-origin pages pass.
 */
class CrossSiteApiTest extends ApiTestSupport {

    private static final String CROSS_SITE_REQUEST = "cross-site-request";

    private MockHttpServletRequestBuilder createWorkspace(String slug) {
        return post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Acme", "slug": "%s"}""".formatted(slug));
    }

    private boolean exists(String slug) {
        return kit.workspaces().list(admin, PageRequest.first(500)).items().stream().anyMatch(w -> w.slug().equals(slug));
    }

    @Test
    void aPostMarkedCrossSiteIs403CrossSiteRequestAndCreatesNothing() throws Exception {
        String slug = unique("ws");

        mvc.perform(createWorkspace(slug).header("Sec-Fetch-Site", "cross-site"))
                .andExpect(problem(403, CROSS_SITE_REQUEST))
                .andExpect(jsonPath("$.instance").value("/api/workspaces"));

        assertThat(exists(slug)).isFalse();
    }

    @Test
    void aPostMarkedSameSiteIs403BecauseASiblingSiteIsAnotherOrigin() throws Exception {
        String slug = unique("ws");

        mvc.perform(createWorkspace(slug).header("Sec-Fetch-Site", "same-site"))
                .andExpect(problem(403, CROSS_SITE_REQUEST));

        assertThat(exists(slug)).isFalse();
    }

    @Test
    void aPostFromAForeignOriginWithoutFetchMetadataIs403() throws Exception {
        String slug = unique("ws");

        mvc.perform(createWorkspace(slug).header("Origin", "https://evil.example"))
                .andExpect(problem(403, CROSS_SITE_REQUEST));

        assertThat(exists(slug)).isFalse();
    }

    @Test
    void aPostFromAnOpaqueNullOriginIs403() throws Exception {
        mvc.perform(createWorkspace(unique("ws")).header("Origin", "null"))
                .andExpect(problem(403, CROSS_SITE_REQUEST));
    }

    @Test
    void aBodyLessWriteMarkedCrossSiteIs403() throws Exception {
        Workspace workspace = workspace(admin);

        mvc.perform(post("/api/workspaces/" + workspace.id().value() + "/archive").with(as(admin))
                        .header("If-Match", "\"" + workspace.version() + "\"")
                        .header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example"))
                .andExpect(problem(403, CROSS_SITE_REQUEST));

        assertThat(reread(admin, workspace.id()).status()).isEqualTo(workspace.status());
    }

    @Test
    void aTextPlainFormPostMarkedCrossSiteIs403() throws Exception {
        Workspace workspace = workspace(admin);

        mvc.perform(post("/api/workspaces/" + workspace.id().value() + "/files").with(as(admin))
                        .contentType(MediaType.TEXT_PLAIN).content("a form field=its value")
                        .header("Sec-Fetch-Site", "cross-site"))
                .andExpect(problem(403, CROSS_SITE_REQUEST));
    }

    @Test
    void putAndDeleteMarkedCrossSiteAre403AndChangeNothing() throws Exception {
        Workspace workspace = workspace(admin);
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        String member = "/api/workspaces/" + workspace.id().value() + "/members/" + viewer.userId().value();

        mvc.perform(put(member).with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"CLIENT_ADMIN\"}").header("Sec-Fetch-Site", "cross-site"))
                .andExpect(problem(403, CROSS_SITE_REQUEST));
        mvc.perform(delete(member).with(as(admin)).header("Sec-Fetch-Site", "cross-site"))
                .andExpect(problem(403, CROSS_SITE_REQUEST));

        assertThat(kit.members().find(admin, workspace.id(), viewer.userId())).get()
                .satisfies(m -> assertThat(m.role()).isEqualTo(WorkspaceRole.CLIENT_VIEWER));
    }

    @Test
    void theRefusalComesBeforeTheBodyIsReadAndBeforeCredentialsAreChecked() throws Exception {
        mvc.perform(post("/api/workspaces").contentType(MediaType.APPLICATION_JSON).content("{not json")
                        .header("Sec-Fetch-Site", "cross-site"))
                .andExpect(problem(403, CROSS_SITE_REQUEST));
    }

    @Test
    void aPostFromTheApisOwnOriginPasses() throws Exception {
        String slug = unique("ws");

        mvc.perform(createWorkspace(slug).header("Origin", "http://localhost").header("Sec-Fetch-Site", "same-origin"))
                .andExpect(status().isCreated());

        assertThat(exists(slug)).isTrue();
    }

    @Test
    void anOriginEqualToTheRequestsOwnSchemeHostAndPortPassesWithoutFetchMetadata() throws Exception {
        mvc.perform(createWorkspace(unique("ws")).header("Origin", "http://localhost:80"))
                .andExpect(status().isCreated());
    }

    @Test
    void aPostWithoutOriginOrFetchMetadataPassesAsFromCurl() throws Exception {
        String slug = unique("ws");

        mvc.perform(createWorkspace(slug)).andExpect(status().isCreated());

        assertThat(exists(slug)).isTrue();
    }

    @Test
    void aGetMarkedCrossSitePassesBecauseItChangesNothing() throws Exception {
        mvc.perform(get("/api/me").with(as(admin)).header("Sec-Fetch-Site", "cross-site")
                        .header("Origin", "https://evil.example"))
                .andExpect(status().isOk());
    }
}
