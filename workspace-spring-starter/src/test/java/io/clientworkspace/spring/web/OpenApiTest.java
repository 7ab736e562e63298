package io.clientworkspace.spring.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** springdoc is on the class path here (an optional dependency of the starter): the API documents itself. */
class OpenApiTest extends ApiTestSupport {

    private String apiDocs() throws Exception {
        return body(get("/v3/api-docs").with(as(admin)));
    }

    @Test
    void everyEndpointOfTheApiIsInTheOpenapiDocument() throws Exception {
        Map<String, Map<String, Object>> paths = read(apiDocs(), "$.paths");

        assertThat(paths).containsKeys("/api/me", "/api/workspaces", "/api/workspaces/{id}",
                "/api/workspaces/by-external-ref/{externalRef}", "/api/workspaces/{id}/archive",
                "/api/workspaces/{id}/restore", "/api/workspaces/{id}/permissions",
                "/api/workspaces/{id}/activity/verification", "/api/workspaces/{workspaceId}/members",
                "/api/workspaces/{workspaceId}/members/{userId}", "/api/workspaces/{workspaceId}/lead",
                "/api/workspaces/{workspaceId}/invitations", "/api/workspaces/{workspaceId}/invitations/{invitationId}",
                "/api/invitations/accept", "/api/workspaces/{workspaceId}/activity");
        assertThat(paths.get("/api/workspaces")).containsKeys("get", "post");
        assertThat(paths.get("/api/workspaces/{id}")).containsKeys("get", "patch");
        assertThat(paths.get("/api/workspaces/{workspaceId}/members/{userId}")).containsKeys("get", "put", "delete");
        assertThat(paths.get("/api/workspaces/{workspaceId}/invitations/{invitationId}")).containsKeys("delete");
    }

    @Test
    void theTenantRosterAndPermissionMatrixAreInTheOpenapiDocumentWithSummaries() throws Exception {
        String docs = apiDocs();
        Map<String, Map<String, Object>> paths = read(docs, "$.paths");

        assertThat(paths.get("/api/tenant")).containsKeys("get", "patch");
        assertThat(paths.get("/api/tenant/team")).containsKeys("get", "post");
        assertThat(paths.get("/api/tenant/team/{userId}")).containsKeys("get", "put", "delete");
        assertThat(paths.get("/api/tenant/permissions")).containsKeys("get", "put", "delete");
        assertThat((String) read(docs, "$.paths['/api/tenant/team'].post.summary"))
                .isEqualTo("Add a team user to the roster (tenant admins)");
        assertThat(fieldsOf(docs, "$.components.schemas.AddTeamMemberRequest.properties"))
                .containsExactlyInAnyOrder("userId", "role");
        assertThat(fieldsOf(docs, "$.components.schemas.ReplacePermissionMatrixRequest.properties"))
                .containsExactly("roles");
    }

    @Test
    void theActorIsNotADocumentedParameter() throws Exception {
        List<String> names = read(apiDocs(), "$.paths.*.*.parameters[*].name");

        assertThat(names).isNotEmpty().doesNotContain("actor");
    }

    @Test
    void requestBodiesDocumentOnlyTheFieldsACallerMaySet() throws Exception {
        String docs = apiDocs();

        assertThat(fieldsOf(docs, "$.components.schemas.CreateWorkspaceRequest.properties"))
                .containsExactlyInAnyOrder("name", "slug", "externalRef", "lead", "branding");
        assertThat(fieldsOf(docs, "$.components.schemas.UpdateWorkspaceRequest.properties"))
                .containsExactlyInAnyOrder("name", "branding");
        assertThat(fieldsOf(docs, "$.components.schemas.AddMemberRequest.properties"))
                .containsExactlyInAnyOrder("userId", "role");
    }

    @Test
    void theConversationEndpointsAreInTheOpenapiDocumentWithSummaries() throws Exception {
        String docs = apiDocs();
        Map<String, Map<String, Object>> paths = read(docs, "$.paths");
        String conversations = "/api/workspaces/{workspaceId}/conversations";

        assertThat(paths.get(conversations)).containsKeys("get", "post");
        assertThat(paths).containsKeys(conversations + "/general", conversations + "/unread", conversations + "/events",
                conversations + "/{conversationId}", conversations + "/{conversationId}/read",
                conversations + "/{conversationId}/unread", conversations + "/messages/{messageId}/revisions",
                "/api/me/unread");
        assertThat(paths.get(conversations + "/items/{type}/{itemId}")).containsKeys("get", "post");
        assertThat(paths.get(conversations + "/{conversationId}/messages")).containsKeys("get", "post");
        assertThat(paths.get(conversations + "/messages/{messageId}")).containsKeys("get", "patch", "delete");
        List<Object> summaries = paths.entrySet().stream()
                .filter(p -> (p.getKey().startsWith(conversations) && !p.getKey().contains("/reply-tokens"))
                        || p.getKey().equals("/api/me/unread"))
                .flatMap(p -> p.getValue().values().stream())
                .<Object>map(operation -> ((Map<?, ?>) operation).get("summary")).toList();
        assertThat(summaries).hasSize(17).allSatisfy(summary -> assertThat(summary).asString().isNotBlank());
        assertThat(fieldsOf(docs, "$.components.schemas.PostMessageRequest.properties"))
                .containsExactlyInAnyOrder("body", "visibility", "attachments", "mentions");
    }

    @Test
    void theProjectAndTaskEndpointsAreInTheOpenapiDocumentWithSummaries() throws Exception {
        String docs = apiDocs();
        Map<String, Map<String, Object>> paths = read(docs, "$.paths");
        String ws = "/api/workspaces/{workspaceId}";

        assertThat(paths.get(ws + "/projects")).containsKeys("get", "post");
        assertThat(paths.get(ws + "/projects/{projectId}")).containsKeys("get", "patch");
        assertThat(paths.get(ws + "/projects/{projectId}/health")).containsKeys("put");
        assertThat(paths.get(ws + "/projects/{projectId}/milestones")).containsKeys("get", "post");
        assertThat(paths.get(ws + "/milestones/{milestoneId}")).containsKeys("get", "patch");
        assertThat(paths.get(ws + "/milestones/{milestoneId}/approval")).containsKeys("put");
        assertThat(paths.get(ws + "/milestones/{milestoneId}/delivery")).containsKeys("post", "delete");
        assertThat(paths.get(ws + "/projects/{projectId}/status-updates")).containsKeys("get", "post");
        assertThat(paths.get(ws + "/status-updates/{statusUpdateId}")).containsKeys("get");
        assertThat(paths.get(ws + "/status-updates/{statusUpdateId}/acknowledgements")).containsKeys("get", "post");
        assertThat(paths.get(ws + "/onboarding")).containsKeys("get");
        assertThat(paths.get(ws + "/onboarding/contract-signed")).containsKeys("put");
        assertThat(paths.get(ws + "/task-lists")).containsKeys("get", "post");
        assertThat(paths.get(ws + "/task-lists/{listId}")).containsKeys("get", "patch");
        assertThat(paths.get(ws + "/task-lists/{listId}/tasks")).containsKeys("get", "post");
        assertThat(paths.get(ws + "/task-lists/{listId}/progress")).containsKeys("get");
        assertThat(paths.get(ws + "/tasks/{taskId}")).containsKeys("get", "patch", "delete");
        assertThat(paths.get(ws + "/tasks/{taskId}/completion")).containsKeys("post", "delete");
        assertThat(paths.get(ws + "/tasks/{taskId}/move")).containsKeys("post");
        List<Object> summaries = paths.entrySet().stream()
                .filter(p -> List.of("/projects", "/milestones", "/status-updates", "/onboarding", "/task-lists",
                        "/tasks/").stream().anyMatch(part -> p.getKey().startsWith(ws + part)))
                .flatMap(p -> p.getValue().values().stream())
                .<Object>map(operation -> ((Map<?, ?>) operation).get("summary")).toList();
        assertThat(summaries).hasSize(32).allSatisfy(summary -> assertThat(summary).asString().isNotBlank());
        assertThat(fieldsOf(docs, "$.components.schemas.CreateTaskRequest.properties"))
                .containsExactlyInAnyOrder("title", "notes", "side", "assignee", "dueDate", "visibility");
        assertThat(fieldsOf(docs, "$.components.schemas.MoveTaskRequest.properties"))
                .containsExactlyInAnyOrder("after", "expectedVersion");
    }

    @Test
    void theCalendarAndTemplateEndpointsAreInTheOpenapiDocumentWithSummaries() throws Exception {
        String docs = apiDocs();
        Map<String, Map<String, Object>> paths = read(docs, "$.paths");
        String calendar = "/api/workspaces/{workspaceId}/calendar";

        assertThat(paths.get(calendar + "/events")).containsKeys("get", "post");
        assertThat(paths.get(calendar + "/events/{eventId}")).containsKeys("get", "patch");
        assertThat(paths.get(calendar + "/feed-tokens")).containsKeys("get", "post", "delete");
        assertThat(paths).containsKeys(calendar + "/agenda", "/api/workspaces/{workspaceId}/calendar.ics",
                "/api/calendar-feeds/{token}.ics", "/api/tenant/templates/{templateId}/workspaces",
                "/api/workspaces/{workspaceId}/origin");
        assertThat(paths.get("/api/tenant/templates")).containsKeys("get", "post");
        assertThat(paths.get("/api/tenant/templates/{templateId}/versions")).containsKeys("get", "post");
        assertThat((String) read(docs, "$.paths['/api/calendar-feeds/{token}.ics'].get.summary"))
                .startsWith("Public iCalendar feed");
        assertThat(fieldsOf(docs, "$.components.schemas.CreateFromTemplateRequest.properties"))
                .containsExactlyInAnyOrder("name", "slug", "externalRef", "startDate", "contractSignedAt", "branding",
                        "templateVersion");
    }
    @Test
    void theConsoleEndpointsAreInTheOpenapiDocumentWithSummaries() throws Exception {
        String docs = apiDocs();
        Map<String, Map<String, Object>> paths = read(docs, "$.paths");

        assertThat(paths).containsKeys("/api/dashboard", "/api/dashboard/{workspaceId}", "/api/dashboard/rebuild",
                "/api/insights", "/api/insights.csv", "/api/insights/approval-turnaround",
                "/api/insights/approval-turnaround.csv", "/api/workspaces/{workspaceId}/insights",
                "/api/workspaces/{workspaceId}/insights.csv", "/api/workspaces/{workspaceId}/records",
                "/api/workspaces/{workspaceId}/records/{type}/{hostId}", "/api/tenant/client-roles",
                "/api/tenant/client-roles/{key}", "/api/workspaces/{workspaceId}/members/{userId}/client-role",
                "/api/me/notification-preferences");
        assertThat(paths.get("/api/workspaces/{workspaceId}/records/{type}/{hostId}")).containsKeys("get", "put", "delete");
        assertThat(paths.get("/api/tenant/client-roles/{key}")).containsKeys("put", "delete");
        assertThat(paths.get("/api/me/notification-preferences")).containsKeys("get", "put");
        assertThat((String) read(docs, "$.paths['/api/dashboard/rebuild'].post.summary"))
                .isEqualTo("Dashboard: recompute every summary of the tenant (tenant admins)");
        assertThat(fieldsOf(docs, "$.components.schemas.UpsertRecordRequest.properties")).containsExactlyInAnyOrder(
                "title", "status", "amount", "currency", "issuedOn", "dueOn", "startsAt", "endsAt", "url", "visibility");
    }
}
