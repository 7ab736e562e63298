package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operator dashboard through the REST API: pages, filters, one summary, the rebuild; who may read it. */
class DashboardApiTest extends ApiTestSupport {

    private Workspace named(String name) {
        return kit.workspaces().create(admin, NewWorkspace.of(name, unique("ws")));
    }

    @Test
    void aTenantAdminSeesEveryWorkspaceOfTheTenantWithItsSummary() throws Exception {
        Workspace acme = named("Acme Corp");
        Workspace globex = named("Globex");

        String json = body(get("/api/dashboard").param("sort", "NAME").with(as(admin)));

        assertThat(ApiTestSupport.<List<String>>read(json, "$.items[*].name")).containsExactly("Acme Corp", "Globex");
        assertThat(ApiTestSupport.<String>read(json, "$.items[0].workspaceId")).isEqualTo(acme.id().value());
        assertThat(ApiTestSupport.<String>read(json, "$.items[1].workspaceId")).isEqualTo(globex.id().value());
        assertThat(fieldsOf(json, "$.items[0]")).contains("lead", "health", "pendingApprovals", "oldestPendingApprovalAt",
                "openRequests", "oldestOpenRequestAt", "overdueTasks", "overdueMilestones", "lastClientActivityAt",
                "lastTeamActivityAt", "onboarding", "overdueInvoices", "openTickets", "clientMembers",
                "unreadClientMessages", "attention", "updatedAt");
    }

    @Test
    void theTextFilterFindsAWorkspaceByName() throws Exception {
        named("Acme Corp");
        named("Globex");

        mvc.perform(get("/api/dashboard").param("text", "acme").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", containsInAnyOrder("Acme Corp")));
    }

    @Test
    void aWorkspaceWhoseClientsNeverCameNeedsAttentionAsClientInactive() throws Exception {
        Workspace acme = named("Acme Corp");
        clientMember(acme, admin, WorkspaceRole.CLIENT_ADMIN);
        named("Quiet but clientless");

        mvc.perform(get("/api/dashboard").param("needsAttention", "true").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", containsInAnyOrder("Acme Corp")))
                .andExpect(jsonPath("$.items[0].attention", hasItem("CLIENT_INACTIVE")))
                .andExpect(jsonPath("$.items[0].clientMembers").value(1));
    }

    @Test
    void oneWorkspacesSummaryIsReadById() throws Exception {
        Workspace acme = named("Acme Corp");

        mvc.perform(get("/api/dashboard/{id}", acme.id().value()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Acme Corp"))
                .andExpect(jsonPath("$.lead").value(admin.userId().value()))
                .andExpect(jsonPath("$.health").value("ON_TRACK"));
    }

    @Test
    void aClientIsRefusedTheDashboard() throws Exception {
        Workspace acme = named("Acme Corp");
        Actor carol = clientMember(acme, admin, WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(get("/api/dashboard").with(as(carol))).andExpect(problem(403, "access-denied"));
    }

    @Test
    void aClientAskingForASummaryGetsNotFoundLikeForAMissingWorkspace() throws Exception {
        Workspace acme = named("Acme Corp");
        Actor carol = clientMember(acme, admin, WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(get("/api/dashboard/{id}", acme.id().value()).with(as(carol))).andExpect(problem(404, "not-found"));
    }

    @Test
    void badParametersAreNamedAllAtOnce() throws Exception {
        String json = body(get("/api/dashboard").param("status", "BOGUS").param("sort", "SIZE")
                .param("direction", "UP").param("pendingApprovalDays", "0").with(as(admin)));

        assertThat(ApiTestSupport.<List<String>>read(json, "$.errors[*].field"))
                .contains("status", "sort", "direction", "pendingApprovalDays");
    }

    @Test
    void aCursorOfAnotherSortIsRefusedOnTheCursorField() throws Exception {
        named("Acme Corp");
        named("Globex");
        String first = body(get("/api/dashboard").param("sort", "NAME").param("limit", "1").with(as(admin)));
        String cursor = read(first, "$.nextCursor");

        mvc.perform(get("/api/dashboard").param("sort", "OLDEST_PENDING").param("cursor", cursor).with(as(admin)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }

    @Test
    void aTenantAdminRebuildsTheDashboard() throws Exception {
        named("Acme Corp");
        named("Globex");

        mvc.perform(post("/api/dashboard/rebuild").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workspaces").value(2));
    }

    @Test
    void aTeamMemberWhoIsNoTenantAdminMayNotRebuild() throws Exception {
        Actor bob = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        mvc.perform(post("/api/dashboard/rebuild").with(as(bob))).andExpect(problem(403, "access-denied"));
    }
}
