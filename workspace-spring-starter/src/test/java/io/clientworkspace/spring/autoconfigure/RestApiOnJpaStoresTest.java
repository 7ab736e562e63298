package io.clientworkspace.spring.autoconfigure;

import com.jayway.jsonpath.JsonPath;
import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The REST API on the JPA stores and Spring transactions (H2), signed in as a tenant admin. */
class RestApiOnJpaStoresTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.JPA)
            .withConfiguration(KitAutoConfigurations.WEB_MVC)
            .withConfiguration(KitAutoConfigurations.ALL)
            .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static Actor signInAsTenantAdmin(WorkspaceKit kit) {
        Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
        TestingAuthenticationToken alice = new TestingAuthenticationToken("alice", null,
                "TENANT_" + tenant.id().value(), "ROLE_WORKSPACE_TEAM");
        alice.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(alice);
        return Actor.team(tenant.id(), "alice");
    }

    @Test
    void aWorkspaceCreatedThroughTheApiIsStoredAndReadBackWithItsEtag() {
        runner.run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            Actor alice = signInAsTenantAdmin(kit);
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();

            String json = mvc.perform(post("/api/workspaces").contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"name": "Acme", "slug": "acme"}"""))
                    .andExpect(status().isCreated())
                    .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                    .andReturn().getResponse().getContentAsString();
            String id = JsonPath.read(json, "$.id");

            mvc.perform(get("/api/workspaces/{id}", id))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.slug").value("acme"));
            assertThat(kit.workspaces().get(alice, WorkspaceId.of(id)).name()).isEqualTo("Acme");
        });
    }

    @Test
    void aPatchWhoseBrandingIsRefusedLeavesTheNameUnchangedInTheDatabase() {
        runner.run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            Actor alice = signInAsTenantAdmin(kit);
            Workspace acme = kit.workspaces().create(alice, io.clientworkspace.workspace.NewWorkspace.of("Acme", "acme"));
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();

            mvc.perform(patch("/api/workspaces/{id}", acme.id().value()).header(HttpHeaders.IF_MATCH, "\"0\"")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"name": "Half Applied", "branding": {"accentColor": "red"}}"""))
                    .andExpect(status().isBadRequest());

            assertThat(kit.workspaces().get(alice, acme.id())).isEqualTo(acme);
        });
    }

    @Test
    void aPatchWithNameAndBrandingCommitsBothAndAnswersTheFinalEtag() {
        runner.run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            Actor alice = signInAsTenantAdmin(kit);
            Workspace acme = kit.workspaces().create(alice, io.clientworkspace.workspace.NewWorkspace.of("Acme", "acme"));
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();

            mvc.perform(patch("/api/workspaces/{id}", acme.id().value()).header(HttpHeaders.IF_MATCH, "\"0\"")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"name": "Acme Corp", "branding": {"accentColor": "#123456"}}"""))
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.ETAG, "\"2\""));

            Workspace stored = kit.workspaces().get(alice, acme.id());
            assertThat(stored.name()).isEqualTo("Acme Corp");
            assertThat(stored.branding().accentColor()).contains("#123456");
            assertThat(stored.version()).isEqualTo(2);
        });
    }

    @Test
    void aMessagePostedThroughTheApiIsStoredPagedAndCountedOnTheJpaStores() {
        runner.run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            Actor alice = signInAsTenantAdmin(kit);
            Workspace acme = kit.workspaces().create(alice, io.clientworkspace.workspace.NewWorkspace.of("Acme", "acme"));
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            String conversations = "/api/workspaces/" + acme.id().value() + "/conversations";
            String general = JsonPath.read(mvc.perform(get(conversations + "/general"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.id");

            mvc.perform(post(conversations + "/{id}/messages", general).contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"body": "Kick-off on Monday", "visibility": "TEAM"}"""))
                    .andExpect(status().isCreated())
                    .andExpect(header().string(HttpHeaders.ETAG, "\"0\""));

            mvc.perform(get(conversations + "/{id}/messages", general))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].body").value("Kick-off on Monday"))
                    .andExpect(jsonPath("$.items[0].visibility").value("TEAM"));
            mvc.perform(get("/api/me/unread"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(0));
            assertThat(kit.conversations().messages(alice, acme.id(), io.clientworkspace.ConversationId.of(general),
                    io.clientworkspace.PageRequest.first()).items()).hasSize(1);
        });
    }
}
