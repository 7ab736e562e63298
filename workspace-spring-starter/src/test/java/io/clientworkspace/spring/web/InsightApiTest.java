package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Insights through the REST API: JSON and CSV reports, who may read them, and the visits the API records. */
class InsightApiTest extends ApiTestSupport {

    private Workspace workspace;
    private Actor carol;

    @BeforeEach
    void workspaceWithAClient() {
        workspace = workspace(admin);
        carol = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);
    }

    private long weeklyActiveClientsThisWeek() throws Exception {
        String json = body(get("/api/insights").with(as(admin)));
        List<Integer> weeks = read(json, "$.weeks[*].weeklyActiveClients");
        return weeks.get(weeks.size() - 1);
    }

    @Test
    void theTenantReportHasTwelveWeeksByDefaultTheCurrentOnePartialAndLast() throws Exception {
        String json = body(get("/api/insights").with(as(admin)));

        assertThat(ApiTestSupport.<List<Object>>read(json, "$.weeks")).hasSize(12);
        assertThat(ApiTestSupport.<Boolean>read(json, "$.weeks[11].partial")).isTrue();
        assertThat(ApiTestSupport.<Boolean>read(json, "$.weeks[0].partial")).isFalse();
        assertThat(fieldsOf(json, "$")).containsExactlyInAnyOrder("from", "to", "weeks", "onboarding");
        assertThat(fieldsOf(json, "$.weeks[0].approvalTurnaround"))
                .containsExactlyInAnyOrder("count", "meanSeconds", "medianSeconds", "p90Seconds");
    }

    @Test
    void weeksOutOfBoundsIsAFieldError() throws Exception {
        mvc.perform(get("/api/insights").param("weeks", "53").with(as(admin)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("weeks"));
    }

    @Test
    void theTenantReportIsCsvWhenAskedForCsv() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/insights").param("weeks", "2")
                .header(HttpHeaders.ACCEPT, "text/csv").with(as(admin))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment").contains("insights.csv");
        List<String> lines = List.of(response.getContentAsString().split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("week_start,partial,weekly_active_clients,");
    }

    @Test
    void theCsvTwinOfTheWorkspaceReportIsCsvWhateverTheAcceptHeader() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/workspaces/{id}/insights.csv", workspace.id().value())
                .header(HttpHeaders.ACCEPT, "*/*").with(as(admin))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getContentAsString().split("\r\n")).hasSize(13);
    }

    @Test
    void theApprovalTurnaroundPerClientIsJsonWithItsPeriod() throws Exception {
        mvc.perform(get("/api/insights/approval-turnaround").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").isNotEmpty())
                .andExpect(jsonPath("$.clients").isArray());
    }

    @Test
    void aClientIsRefusedTheTenantReport() throws Exception {
        mvc.perform(get("/api/insights").with(as(carol))).andExpect(problem(403, "access-denied"));
        mvc.perform(get("/api/insights.csv").with(as(carol))).andExpect(problem(403, "access-denied"));
    }

    @Test
    void aClientAskingForTheWorkspaceReportGetsNotFoundEvenWhenAskingForCsv() throws Exception {
        mvc.perform(get("/api/workspaces/{id}/insights", workspace.id().value()).header(HttpHeaders.ACCEPT, "text/csv")
                .with(as(carol))).andExpect(problem(404, "not-found"));
    }

    @Test
    void aClientsRequestsToAWorkspaceCountOnceAsAWeeklyActiveClient() throws Exception {
        mvc.perform(get("/api/workspaces/{id}", workspace.id().value()).with(as(carol))).andExpect(status().isOk());
        mvc.perform(get("/api/workspaces/{id}/members", workspace.id().value()).with(as(carol)))
                .andExpect(status().isOk());

        assertThat(weeklyActiveClientsThisWeek()).isEqualTo(1);
    }

    @Test
    void teamRequestsAndRefusedClientRequestsRecordNoVisit() throws Exception {
        Workspace other = workspace(admin);
        mvc.perform(get("/api/workspaces/{id}", workspace.id().value()).with(as(admin))).andExpect(status().isOk());
        mvc.perform(get("/api/workspaces/{id}", other.id().value()).with(as(carol))).andExpect(status().isNotFound());

        assertThat(weeklyActiveClientsThisWeek()).isZero();
    }
}
