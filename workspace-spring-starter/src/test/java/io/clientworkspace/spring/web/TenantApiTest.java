package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.TenantRole;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /tenant} and {@code /tenant/team/**} of {@link TenantApiController}. */
class TenantApiTest extends ApiTestSupport {

    private String addBody(String userId, String role) {
        return """
                {"userId": "%s", "role": "%s"}""".formatted(userId, role);
    }

    private TeamMember rosterEntry(Actor user) {
        return kit.tenants().findTeamMember(admin, user.userId()).orElseThrow();
    }

    // ---- the tenant ----

    @Test
    void getAnswersIdNameAndVersionWithTheVersionAsETag() throws Exception {
        String json = mvc.perform(get("/api/tenant").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.id").value(tenant.value()))
                .andExpect(jsonPath("$.name").value(kit.tenants().get(admin).name()))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        assertThat(fieldsOf(json, "$")).containsExactlyInAnyOrder("id", "name", "version");
    }

    @Test
    void anyTeamUserOnTheRosterMayReadTheTenant() throws Exception {
        Actor member = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        mvc.perform(get("/api/tenant").with(as(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(tenant.value()));
    }

    @Test
    void aClientUserGets404ForTheTenant() throws Exception {
        mvc.perform(get("/api/tenant").with(as(clientUser(tenant))))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aTeamUserOffTheRosterGets403ForTheTenant() throws Exception {
        Actor stranger = Actor.team(tenant, unique("off-roster"));
        signUp(stranger);

        mvc.perform(get("/api/tenant").with(as(stranger)))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void aTenantAdminRenamesTheTenantWithIfMatch() throws Exception {
        mvc.perform(patch("/api/tenant").with(as(admin)).header(HttpHeaders.IF_MATCH, "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Renamed Agency"}"""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.name").value("Renamed Agency"));

        assertThat(kit.tenants().get(admin).name()).isEqualTo("Renamed Agency");
    }

    @Test
    void renameWithoutIfMatchIs428AndChangesNothing() throws Exception {
        String before = kit.tenants().get(admin).name();

        mvc.perform(patch("/api/tenant").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Renamed Agency"}"""))
                .andExpect(problem(428, "precondition-required"));

        assertThat(kit.tenants().get(admin).name()).isEqualTo(before);
    }

    @Test
    void renameByATeamMemberWhoIsNoTenantAdminIs403() throws Exception {
        Actor member = teamUser(tenant, admin, TenantRole.ACCOUNT_MANAGER);

        mvc.perform(patch("/api/tenant").with(as(member)).header(HttpHeaders.IF_MATCH, "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Mine Now"}"""))
                .andExpect(problem(403, "access-denied"));
    }

    // ---- the roster ----

    @Test
    void teamListsTheRosterByUserIdWithRoleSinceAndVersion() throws Exception {
        Actor manager = teamUser(tenant, admin, TenantRole.ACCOUNT_MANAGER);
        TeamMember first = rosterEntry(admin);

        String json = mvc.perform(get("/api/tenant/team").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[*].userId", contains(admin.userId().value(), manager.userId().value())))
                .andExpect(jsonPath("$.items[0].role").value("TENANT_ADMIN"))
                .andExpect(jsonPath("$.items[0].since").value(first.addedAt().toString()))
                .andExpect(jsonPath("$.items[0].version").value(first.version()))
                .andExpect(jsonPath("$.items[1].role").value("ACCOUNT_MANAGER"))
                .andReturn().getResponse().getContentAsString();
        assertThat(fieldsOf(json, "$.items[0]")).containsExactlyInAnyOrder("userId", "role", "since", "version");
    }

    @Test
    void teamPagesWithLimitAndCursor() throws Exception {
        Actor member = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        String first = body(get("/api/tenant/team").param("limit", "1").with(as(admin)));
        String cursor = read(first, "$.nextCursor");

        mvc.perform(get("/api/tenant/team").param("limit", "1").param("cursor", cursor).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].userId").value(member.userId().value()));
    }

    @Test
    void aClientUserGets404ForTheRoster() throws Exception {
        mvc.perform(get("/api/tenant/team").with(as(clientUser(tenant))))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void getOfOneRosterEntryAnswersItAndAnUnknownUserIs404() throws Exception {
        Actor member = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        mvc.perform(get("/api/tenant/team/{userId}", member.userId().value()).with(as(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("TEAM_MEMBER"));
        mvc.perform(get("/api/tenant/team/{userId}", "nobody").with(as(admin)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.resourceType").value("team member"));
    }

    @Test
    void aTenantAdminAddsATeamUserAnswering201WithLocation() throws Exception {
        Actor newcomer = Actor.team(tenant, unique("newcomer"));
        signUp(newcomer);

        mvc.perform(post("/api/tenant/team").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(addBody(newcomer.userId().value(), "account_manager")))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, endsWith("/api/tenant/team/" + newcomer.userId().value())))
                .andExpect(jsonPath("$.userId").value(newcomer.userId().value()))
                .andExpect(jsonPath("$.role").value("ACCOUNT_MANAGER"));

        assertThat(rosterEntry(newcomer).role()).isEqualTo(TenantRole.ACCOUNT_MANAGER);
    }

    @Test
    void addingAUserWhoIsOnTheRosterAlreadyIs409AndChangesNothing() throws Exception {
        Actor member = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        mvc.perform(post("/api/tenant/team").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(addBody(member.userId().value(), "TENANT_ADMIN")))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("ALREADY_EXISTS"));

        assertThat(rosterEntry(member).role()).isEqualTo(TenantRole.TEAM_MEMBER);
    }

    @Test
    void addWithAnUnknownRoleIs400NamingTheFieldRole() throws Exception {
        mvc.perform(post("/api/tenant/team").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(addBody("someone", "BOSS")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }

    @Test
    void addWithoutAUserIdIs400NamingTheFieldUserId() throws Exception {
        mvc.perform(post("/api/tenant/team").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"role": "TEAM_MEMBER"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
    }

    @Test
    void addWithAnUnknownFieldIs400NamingIt() throws Exception {
        mvc.perform(post("/api/tenant/team").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "someone", "role": "TEAM_MEMBER", "tenantId": "other"}"""))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("tenantId"));
    }

    @Test
    void addOfAUserTheHostsDirectoryDoesNotKnowIs400NamingUserId() throws Exception {
        mvc.perform(post("/api/tenant/team").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(addBody(unique("ghost"), "TEAM_MEMBER")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
    }

    @Test
    void addByATeamUserWhoIsNoTenantAdminIs403AndAddsNobody() throws Exception {
        Actor manager = teamUser(tenant, admin, TenantRole.ACCOUNT_MANAGER);
        Actor newcomer = Actor.team(tenant, unique("newcomer"));
        signUp(newcomer);

        mvc.perform(post("/api/tenant/team").with(as(manager)).contentType(MediaType.APPLICATION_JSON)
                        .content(addBody(newcomer.userId().value(), "TENANT_ADMIN")))
                .andExpect(problem(403, "access-denied"));

        assertThat(kit.tenants().findTeamMember(admin, newcomer.userId())).isEmpty();
    }

    @Test
    void addByAClientUserIs404() throws Exception {
        mvc.perform(post("/api/tenant/team").with(as(clientUser(tenant))).contentType(MediaType.APPLICATION_JSON)
                        .content(addBody("someone", "TENANT_ADMIN")))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void theLocationOfAnAddedTeamUserIsPercentEncodedAndAddressesIt() throws Exception {
        Actor newcomer = Actor.team(tenant, unique("new comer?#"));
        signUp(newcomer);

        String location = mvc.perform(post("/api/tenant/team").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(addBody(newcomer.userId().value(), "TEAM_MEMBER")))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, endsWith("/api/tenant/team/"
                        + newcomer.userId().value().replace(" ", "%20").replace("?", "%3F").replace("#", "%23"))))
                .andReturn().getResponse().getHeader(HttpHeaders.LOCATION);

        mvc.perform(get(URI.create(location)).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(newcomer.userId().value()));
    }

    @Test
    void addingAUserIdWithASlashIs400NamingUserIdAndAddsNobody() throws Exception {
        Actor slashed = Actor.team(tenant, unique("dept/newcomer"));
        signUp(slashed);

        mvc.perform(post("/api/tenant/team").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(addBody(slashed.userId().value(), "TEAM_MEMBER")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"))
                .andExpect(jsonPath("$.errors[0].message", containsString("/tenant/team/{userId}")));

        assertThat(kit.tenants().findTeamMember(admin, slashed.userId())).isEmpty();
    }

    @Test
    void addByAClientUserWithABadBodyIs404() throws Exception {
        mvc.perform(post("/api/tenant/team").with(as(clientUser(tenant))).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"role": "BOSS"}"""))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void addByATeamUserWhoIsNoTenantAdminWithABadBodyIs403() throws Exception {
        Actor manager = teamUser(tenant, admin, TenantRole.ACCOUNT_MANAGER);

        mvc.perform(post("/api/tenant/team").with(as(manager)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"role": "BOSS"}"""))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void changeRoleByAClientUserWithABadBodyIs404() throws Exception {
        mvc.perform(put("/api/tenant/team/{userId}", admin.userId().value()).with(as(clientUser(tenant)))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"role": "BOSS"}"""))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void changeRoleByATeamUserWhoIsNoTenantAdminWithABadBodyIs403() throws Exception {
        Actor member = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        mvc.perform(put("/api/tenant/team/{userId}", admin.userId().value()).with(as(member))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"role": "BOSS"}"""))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void renameByAClientUserWithoutIfMatchOrNameIs404() throws Exception {
        mvc.perform(patch("/api/tenant").with(as(clientUser(tenant))).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aTenantAdminChangesATeamUsersRole() throws Exception {
        Actor member = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        mvc.perform(put("/api/tenant/team/{userId}", member.userId().value()).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"role": "TENANT_ADMIN"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("TENANT_ADMIN"));

        assertThat(rosterEntry(member).role()).isEqualTo(TenantRole.TENANT_ADMIN);
    }

    @Test
    void demotingTheLastTenantAdminIs409LastTenantAdminAndChangesNothing() throws Exception {
        mvc.perform(put("/api/tenant/team/{userId}", admin.userId().value()).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"role": "TEAM_MEMBER"}"""))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("LAST_TENANT_ADMIN"));

        assertThat(rosterEntry(admin).role()).isEqualTo(TenantRole.TENANT_ADMIN);
    }

    @Test
    void changingTheRoleOfAUserOffTheRosterIs404() throws Exception {
        mvc.perform(put("/api/tenant/team/{userId}", "nobody").with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"role": "TEAM_MEMBER"}"""))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aTenantAdminRemovesATeamUserAnswering204() throws Exception {
        Actor member = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        mvc.perform(delete("/api/tenant/team/{userId}", member.userId().value()).with(as(admin)))
                .andExpect(status().isNoContent());

        assertThat(kit.tenants().findTeamMember(admin, member.userId())).isEmpty();
    }

    @Test
    void removingTheLastTenantAdminIs409AndChangesNothing() throws Exception {
        mvc.perform(delete("/api/tenant/team/{userId}", admin.userId().value()).with(as(admin)))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("LAST_TENANT_ADMIN"));

        assertThat(kit.tenants().team(admin, PageRequest.first()).items()).extracting(TeamMember::userId)
                .containsExactly(admin.userId());
    }

    @Test
    void removeByATeamUserWhoIsNoTenantAdminIs403AndRemovesNobody() throws Exception {
        Actor member = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);
        Actor other = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        mvc.perform(delete("/api/tenant/team/{userId}", other.userId().value()).with(as(member)))
                .andExpect(problem(403, "access-denied"));

        assertThat(kit.tenants().findTeamMember(admin, other.userId())).isPresent();
    }

    @Test
    void anAdminOfAnotherTenantSeesAndChangesOnlyItsOwnRoster() throws Exception {
        OtherTenant other = otherTenant();

        mvc.perform(get("/api/tenant/team").with(as(other.admin())))
                .andExpect(jsonPath("$.items[*].userId", contains(other.admin().userId().value())));
        mvc.perform(delete("/api/tenant/team/{userId}", admin.userId().value()).with(as(other.admin())))
                .andExpect(problem(404, "not-found"));

        assertThat(rosterEntry(admin).role()).isEqualTo(TenantRole.TENANT_ADMIN);
    }
}
