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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
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
    void aRequestWithoutCredentialsIs401WithABasicChallenge() throws Exception {
        mvc.perform(get("/api/workspaces"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Basic")));
    }

    @Test
    void aWriteWithoutCredentialsIs401AndCreatesNothing() throws Exception {
        mvc.perform(post("/api/workspaces").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme", "slug": "acme"}"""))
                .andExpect(status().isUnauthorized());

        assertThat(kit.workspaces().list(admin, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void aWrongPasswordIs401() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic(admin.userId().value(), "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aSignedInUserWithoutATenantAuthorityIs403NoTenantNamingTheAuthorityAndTheProperty() throws Exception {
        mvc.perform(get("/api/me").with(user("no-tenant").authorities(() -> "ROLE_USER")))
                .andExpect(problem(403, "no-tenant"))
                .andExpect(jsonPath("$.title").value("No workspace tenant for this user"))
                .andExpect(jsonPath("$.detail", containsString("TENANT_<tenantId>")))
                .andExpect(jsonPath("$.detail", containsString("client-workspace.security.default-tenant-id")));
    }

    @Test
    void aWriteByASignedInUserWithoutATenantIs403AndCreatesNothing() throws Exception {
        mvc.perform(post("/api/workspaces").with(user("no-tenant").authorities(() -> "ROLE_WORKSPACE_TEAM"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Acme", "slug": "acme"}"""))
                .andExpect(problem(403, "no-tenant"));

        assertThat(kit.workspaces().list(admin, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void aUserWithTwoTenantAuthoritiesIs403AmbiguousTenantNamingThem() throws Exception {
        Workspace workspace = workspace(admin);

        mvc.perform(get("/api/workspaces/{id}", workspace.id().value()).with(user(admin.userId().value())
                        .authorities(() -> "TENANT_" + tenant.value(), () -> "TENANT_other", () -> "ROLE_WORKSPACE_TEAM")))
                .andExpect(problem(403, "ambiguous-tenant"))
                .andExpect(jsonPath("$.authorities", containsInAnyOrder("TENANT_" + tenant.value(), "TENANT_other")))
                .andExpect(jsonPath("$.detail", containsString("TENANT_other")));
    }

    @Test
    void aTenantAuthorityThatIsNoValidTenantIdIs403NoTenantNamingTheAuthority() throws Exception {
        mvc.perform(get("/api/me").with(user("odd").authorities(() -> "TENANT_ padded ")))
                .andExpect(problem(403, "no-tenant"))
                .andExpect(jsonPath("$.detail", containsString("'TENANT_ padded '")));
    }

    @Test
    void theTenantComesOnlyFromTheAuthenticationSoAUserSeesOnlyItsOwnTenant() throws Exception {
        Workspace mine = workspace(admin);
        OtherTenant other = otherTenant();

        mvc.perform(get("/api/workspaces").with(as(other.admin())))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(other.workspace().id().value()));
        mvc.perform(get("/api/workspaces/{id}", mine.id().value()).with(as(other.admin())))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aUserClaimingTheTeamAuthorityButOffTheTenantsRosterSeesNothingAndCreatesNothing() throws Exception {
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
    void aPrincipalImplementingActorPrincipalActsAsItsActorWhateverItsAuthorities() throws Exception {
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
    void usersBuiltPerRequestWithTheTenantAuthorityWorkLikeSignedUpUsers() throws Exception {
        TenantId tenantId = tenant;

        mvc.perform(get("/api/me").with(user(admin.userId().value())
                        .authorities(() -> "TENANT_" + tenantId.value(), () -> "ROLE_WORKSPACE_TEAM")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenantRole").value("TENANT_ADMIN"));
    }
}
