package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.spring.security.ActorPrincipal;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may call the API: the host's authentication, mapped to an actor by {@code DefaultActorResolver}. */
class AuthenticationApiTest extends ApiTestSupport {

    @Test
    void a_request_without_credentials_is_401_with_a_basic_challenge() throws Exception {
        mvc.perform(get("/api/workspaces"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Basic")));
    }

    @Test
    void a_write_without_credentials_is_401_and_creates_nothing() throws Exception {
        mvc.perform(post("/api/workspaces").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme", "slug": "acme"}"""))
                .andExpect(status().isUnauthorized());

        assertThat(kit.workspaces().list(admin, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void a_wrong_password_is_401() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic(admin.userId().value(), "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_signed_in_user_without_a_tenant_authority_is_401_unauthenticated_problem() throws Exception {
        mvc.perform(get("/api/me").with(user("no-tenant").authorities(() -> "ROLE_USER")))
                .andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void a_user_with_two_tenant_authorities_is_401_because_its_tenant_is_ambiguous() throws Exception {
        Workspace workspace = workspace(admin);

        mvc.perform(get("/api/workspaces/{id}", workspace.id().value()).with(user(admin.userId().value())
                        .authorities(() -> "TENANT_" + tenant.value(), () -> "TENANT_other", () -> "ROLE_WORKSPACE_TEAM")))
                .andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void a_tenant_authority_that_is_no_valid_tenant_id_is_401() throws Exception {
        mvc.perform(get("/api/me").with(user("odd").authorities(() -> "TENANT_ padded ")))
                .andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void the_tenant_comes_only_from_the_authentication_so_a_user_sees_only_its_own_tenant() throws Exception {
        Workspace mine = workspace(admin);
        OtherTenant other = otherTenant();

        mvc.perform(get("/api/workspaces").with(as(other.admin())))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(other.workspace().id().value()));
        mvc.perform(get("/api/workspaces/{id}", mine.id().value()).with(as(other.admin())))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void a_user_claiming_the_team_authority_but_off_the_tenants_roster_sees_nothing_and_creates_nothing() throws Exception {
        Workspace workspace = workspace(admin);
        Actor impostor = Actor.team(tenant, unique("impostor"));
        signUp(impostor);

        mvc.perform(get("/api/workspaces").with(as(impostor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(get("/api/workspaces/{id}", workspace.id().value()).with(as(impostor)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(post("/api/workspaces").with(as(impostor)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Mine Now", "slug": "mine-now"}"""))
                .andExpect(problem(403, "access-denied"));

        assertThat(kit.workspaces().list(admin, PageRequest.first()).items()).containsExactly(workspace);
    }

    @Test
    void a_principal_implementing_ActorPrincipal_acts_as_its_actor_whatever_its_authorities() throws Exception {
        record HostUser(Actor actor) implements ActorPrincipal {
        }
        TestingAuthenticationToken token = new TestingAuthenticationToken(new HostUser(admin), null, "ROLE_SOMETHING");
        token.setAuthenticated(true);

        mvc.perform(get("/api/me").with(authentication(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenantId").value(tenant.value()))
                .andExpect(jsonPath("$.userId").value(admin.userId().value()))
                .andExpect(jsonPath("$.kind").value("TEAM"));
    }

    @Test
    void users_built_per_request_with_the_tenant_authority_work_like_signed_up_users() throws Exception {
        TenantId tenantId = tenant;

        mvc.perform(get("/api/me").with(user(admin.userId().value())
                        .authorities(() -> "TENANT_" + tenantId.value(), () -> "ROLE_WORKSPACE_TEAM")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenantRole").value("TENANT_ADMIN"));
    }
}
