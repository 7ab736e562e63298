package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The API counts refused requests by outcome in {@code client.workspace.authorization.denials}. */
class MetricsApiTest extends ApiTestSupport {

    @Autowired
    MeterRegistry registry;

    private double denials(String outcome) {
        Counter counter = registry.find("client.workspace.authorization.denials").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aNotFoundAnswerCountsOneNotFoundDenial() throws Exception {
        double before = denials("not-found");

        mvc.perform(get("/api/workspaces/{id}", "no-such-workspace").with(as(admin)))
                .andExpect(problem(404, "not-found"));

        assertThat(denials("not-found")).isEqualTo(before + 1);
    }

    @Test
    void anAccessDeniedAnswerCountsOneAccessDeniedDenial() throws Exception {
        Workspace workspace = workspace(admin);
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        double before = denials("access-denied");

        mvc.perform(post("/api/workspaces/{id}/members", workspace.id().value()).with(as(viewer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"userId": "friend", "role": "CLIENT_VIEWER"}"""))
                .andExpect(problem(403, "access-denied"));

        assertThat(denials("access-denied")).isEqualTo(before + 1);
    }

    @Test
    void operationsThroughTheApiFeedTheKitsCounters() throws Exception {
        double before = registry.get("client.workspace.workspaces.created").counter().count();

        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Acme", "slug": "acme"}"""));

        assertThat(registry.get("client.workspace.workspaces.created").counter().count()).isEqualTo(before + 1);
    }
}
