package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.TenantRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Handoffs and the audit view through the REST API: a tenant admin previews and executes a handoff (409 when the plan
 * changed), searches the tenant's activity and downloads it as CSV; team members and clients get 403 and learn
 * nothing; bad input is a validation problem naming the fields.
 */
class OpsApiTest extends RequestApiTestSupport {

    private Actor grace;

    @BeforeEach
    void leadAndSuccessor() {
        kit.tenants().changeTeamRole(admin, bob.userId(), TenantRole.ACCOUNT_MANAGER);
        kit.members().handOverLead(admin, workspace.id(), admin.userId(), bob.userId());
        grace = teamUser(tenant, admin, TenantRole.ACCOUNT_MANAGER);
    }

    private String previewUri() {
        return "/api/handoffs/preview?from=" + bob.userId().value() + "&to=" + grace.userId().value();
    }

    private String fingerprint() throws Exception {
        return read(body(get(previewUri()).with(as(admin))), "$.fingerprint");
    }

    private String handoff(String fingerprint) {
        return """
                {"from": "%s", "to": "%s", "fingerprint": "%s"}""".formatted(bob.userId().value(),
                grace.userId().value(), fingerprint);
    }

    @Test
    void aTenantAdminPreviewsWhatWouldMove() throws Exception {
        mvc.perform(get(previewUri()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leadRoles").value(1))
                .andExpect(jsonPath("$.joins").value(1))
                .andExpect(jsonPath("$.workspaces[0].workspaceId").value(workspace.id().value()))
                .andExpect(jsonPath("$.workspaces[0].lead").value(true))
                .andExpect(jsonPath("$.fingerprint").isString());
    }

    @Test
    void executingThePreviewedPlanMovesTheLeadRole() throws Exception {
        mvc.perform(postJson("/api/handoffs", admin, handoff(fingerprint())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.leadRoles").value(1))
                .andExpect(jsonPath("$.completedAt").isString());

        assertThat(kit.members().find(admin, workspace.id(), grace.userId()).map(Membership::role))
                .contains(WorkspaceRole.LEAD);
        assertThat(kit.members().find(admin, workspace.id(), bob.userId()).map(Membership::role))
                .contains(WorkspaceRole.MEMBER);
    }

    @Test
    void aStaleFingerprintIsAConflictAndChangesNothing() throws Exception {
        mvc.perform(postJson("/api/handoffs", admin, handoff("0".repeat(64))))
                .andExpect(problem(409, "conflict"));

        assertThat(kit.members().find(admin, workspace.id(), grace.userId())).isEmpty();
    }

    @Test
    void teamMembersAndClientsMayNotHandOff() throws Exception {
        mvc.perform(get(previewUri()).with(as(bob))).andExpect(problem(403, "access-denied"));
        mvc.perform(get(previewUri()).with(as(carol))).andExpect(problem(403, "access-denied"));
        mvc.perform(postJson("/api/handoffs", carol, handoff("x"))).andExpect(problem(403, "access-denied"));
    }

    @Test
    void missingHandoffFieldsAreAValidationProblemNamingEachField() throws Exception {
        String json = body(postJson("/api/handoffs", admin, "{}"));

        assertThat(strings(json, "$.errors[*].field")).containsExactlyInAnyOrder("from", "to", "fingerprint");
    }

    @Test
    void aTenantAdminSearchesTheActivityAcrossWorkspacesNewestFirst() throws Exception {
        var other = workspace(admin);

        String json = body(get("/api/audit?action=workspace.created&limit=500").with(as(admin)));

        List<String> workspaces = strings(json, "$.items[*].workspaceId");
        assertThat(workspaces).startsWith(other.id().value()).contains(workspace.id().value());
        assertThat(strings(json, "$.items[*].hash")).allSatisfy(h -> assertThat(h).hasSize(64));
    }

    @Test
    void auditFiltersByPersonAndPagesWithACursor() throws Exception {
        String first = body(get("/api/audit?person=" + admin.userId().value() + "&limit=1").with(as(admin)));
        String cursor = read(first, "$.nextCursor");

        mvc.perform(get("/api/audit?person=" + admin.userId().value() + "&limit=1&cursor=" + cursor).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].actorId").value(admin.userId().value()));
    }

    @Test
    void badAuditFiltersAreAValidationProblemNamingEachField() throws Exception {
        String json = body(get("/api/audit?from=yesterday&to=2026-01-01&action=Bad%20Action").with(as(admin)));

        assertThat(strings(json, "$.errors[*].field")).containsExactlyInAnyOrder("from", "to");
    }

    @Test
    void aMalformedAuditPersonOrWorkspaceIsAValidationProblemNamingTheRequestFields() throws Exception {
        String json = body(get("/api/audit?person=" + "p".repeat(129) + "&workspace=" + "w".repeat(129)
                + "&from=yesterday").with(as(admin)));

        assertThat(strings(json, "$.errors[*].field")).containsExactlyInAnyOrder("person", "workspace", "from");
    }

    @Test
    void aMalformedAuditExportWorkspaceIsAValidationProblemNamingTheWorkspaceField() throws Exception {
        mvc.perform(get("/api/audit.csv?workspace=" + "w".repeat(129)).with(as(admin)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("workspace"));
    }

    @Test
    void aMalformedHandoffUserIsAValidationProblemNamingTheRequestField() throws Exception {
        String json = body(get("/api/handoffs/preview?from=" + "a".repeat(129) + "&to=" + admin.userId().value())
                .with(as(admin)));

        assertThat(strings(json, "$.errors[*].field")).containsExactly("from");
    }

    @Test
    void theAuditExportIsStreamedCsvWithAHeaderAndChainHashes() throws Exception {
        mvc.perform(get("/api/audit.csv?workspace=" + workspace.id().value()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("audit.csv")))
                .andExpect(content().string(startsWith("occurred_at,workspace_id,workspace_slug,sequence,")))
                .andExpect(content().string(containsString("," + workspace.slug() + ",1,")));
    }

    @Test
    void teamMembersAndClientsMayNotReadTheAudit() throws Exception {
        mvc.perform(get("/api/audit").with(as(bob))).andExpect(problem(403, "access-denied"));
        mvc.perform(get("/api/audit").with(as(carol))).andExpect(problem(403, "access-denied"));
        mvc.perform(get("/api/audit.csv").with(as(dave))).andExpect(problem(403, "access-denied"));
    }

    @Test
    void anotherTenantsAdminSeesNoneOfThisTenantsActivity() throws Exception {
        OtherTenant other = otherTenant();

        String json = body(get("/api/audit?limit=500").with(as(other.admin())));

        assertThat(strings(json, "$.items[*].workspaceId")).containsOnly(other.workspace().id().value());
    }
}
