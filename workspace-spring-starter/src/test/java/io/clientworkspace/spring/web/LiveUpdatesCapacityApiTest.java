package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/** {@code client-workspace.rest.live-updates.max-subscribers} bounds the open subscriptions of the node. */
@TestPropertySource(properties = "client-workspace.rest.live-updates.max-subscribers=2")
class LiveUpdatesCapacityApiTest extends ApiTestSupport {

    @Test
    void aSubscriptionBeyondTheLimitIs503WithRetryAfter() throws Exception {
        Workspace workspace = workspace(admin);
        String events = "/api/workspaces/" + workspace.id().value() + "/conversations/events";
        Actor carol = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);
        mvc.perform(get(events).with(as(admin))).andExpect(request().asyncStarted());
        mvc.perform(get(events).with(as(carol))).andExpect(request().asyncStarted());

        mvc.perform(get(events).with(as(carol)).header(HttpHeaders.ACCEPT, "text/event-stream"))
                .andExpect(problem(503, "live-updates-unavailable"))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "30"));
    }
}
