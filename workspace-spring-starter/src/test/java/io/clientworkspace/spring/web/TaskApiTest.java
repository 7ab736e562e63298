package io.clientworkspace.spring.web;

import io.clientworkspace.PageRequest;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Task lists and tasks through the REST API: order, pages, completion by whoever may, versions, who sees what. */
class TaskApiTest extends ProjectApiTestSupport {

    private Project brand;
    private TaskList launch;

    @org.junit.jupiter.api.BeforeEach
    void brandRefreshWithALaunchList() {
        brand = project("Brand refresh", Visibility.CLIENT);
        launch = list(brand, "Launch", Visibility.CLIENT);
    }

    private String tasks() {
        return ws() + "/task-lists/" + launch.id().value() + "/tasks";
    }

    private String task(Task task) {
        return ws() + "/tasks/" + task.id().value();
    }

    private List<String> titles(io.clientworkspace.Actor actor) {
        return kit.tasks().tasks(actor, workspace.id(), launch.id(), PageRequest.first(500)).items().stream()
                .map(Task::title).toList();
    }

    @Test
    void theTeamAddsATaskLastInItsListWithItsETagAndLocation() throws Exception {
        clientTask(launch, "Upload your logo");

        String json = mvc.perform(postJson(tasks(), bob, """
                        {"title": "Approve the brief", "notes": "by Friday", "side": "CLIENT",
                         "assignee": "%s", "dueDate": "2026-12-31"}""".formatted(carol.userId().value())))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(header().string(HttpHeaders.LOCATION, containsString(ws() + "/tasks/")))
                .andExpect(jsonPath("$.side").value("CLIENT"))
                .andExpect(jsonPath("$.assignee").value(carol.userId().value()))
                .andExpect(jsonPath("$.dueDate").value("2026-12-31"))
                .andExpect(jsonPath("$.done").value(false))
                .andExpect(jsonPath("$.visibility").value("CLIENT"))
                .andReturn().getResponse().getContentAsString();

        assertThat(fieldsOf(json, "$")).doesNotContain("rank", "position");
        assertThat(titles(bob)).containsExactly("Upload your logo", "Approve the brief");
    }

    @Test
    void aClientTicksItsClientSideTaskDoneAndUndone() throws Exception {
        Task logo = clientTask(launch, "Upload your logo");

        mvc.perform(postJson(task(logo) + "/completion", carol, "{\"expectedVersion\": 0}"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.done").value(true))
                .andExpect(jsonPath("$.completedBy").value(carol.userId().value()));
        mvc.perform(delete(task(logo) + "/completion").with(as(carol)).header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(false))
                .andExpect(jsonPath("$.completedBy").doesNotExist());
    }

    @Test
    void tickingATaskThatIsDoneAlreadyAnswersItUnchanged() throws Exception {
        Task logo = clientTask(launch, "Upload your logo");
        kit.tasks().complete(carol, workspace.id(), logo.id(), 0);

        mvc.perform(postJson(task(logo) + "/completion", carol, "{\"expectedVersion\": 0}"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.done").value(true));
    }

    @Test
    void aViewerSeesATaskButMayNotTickIt() throws Exception {
        Task logo = clientTask(launch, "Upload your logo");

        mvc.perform(get(task(logo)).with(as(dave))).andExpect(status().isOk());
        mvc.perform(postJson(task(logo) + "/completion", dave, "{\"expectedVersion\": 0}"))
                .andExpect(problem(403, "access-denied"));

        assertThat(kit.tasks().get(bob, workspace.id(), logo.id()).isDone()).isFalse();
    }

    @Test
    void aClientTickingATeamOnlyTaskByIdGetsTheNotFoundOfAnUnknownId() throws Exception {
        Task secret = teamTask(launch, "Check margins");
        String unknown = java.util.UUID.randomUUID().toString();

        String hidden = body(postJson(task(secret) + "/completion", carol, "{\"expectedVersion\": 0}"));
        String none = body(postJson(ws() + "/tasks/" + unknown + "/completion", carol, "{\"expectedVersion\": 0}"));

        mvc.perform(postJson(task(secret) + "/completion", carol, "{\"expectedVersion\": 0}"))
                .andExpect(problem(404, "not-found"));
        assertThat(hidden.replace(secret.id().value(), "ID").replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(none.replace(unknown, "ID").replaceAll("\"instance\":\"[^\"]*\"", ""));
        assertThat(kit.tasks().get(bob, workspace.id(), secret.id()).isDone()).isFalse();
    }

    @Test
    void aClientDoesNotSeeTeamOnlyTasksInPagesNorInProgress() throws Exception {
        clientTask(launch, "Upload your logo");
        teamTask(launch, "Check margins");
        Task brief = clientTask(launch, "Approve the brief");
        kit.tasks().complete(carol, workspace.id(), brief.id(), 0);

        mvc.perform(get(tasks()).with(as(carol)))
                .andExpect(jsonPath("$.items[*].title", contains("Upload your logo", "Approve the brief")));
        mvc.perform(get(ws() + "/task-lists/" + launch.id().value() + "/progress").with(as(carol)))
                .andExpect(jsonPath("$.done").value(1))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.percent").value(50));
        mvc.perform(get(ws() + "/task-lists/" + launch.id().value() + "/progress").with(as(bob)))
                .andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void anInternalListAnswersAClientNotFound() throws Exception {
        TaskList margins = list(brand, "Margins", Visibility.TEAM);

        mvc.perform(get(ws() + "/task-lists/" + margins.id().value()).with(as(carol)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get(ws() + "/task-lists/" + margins.id().value() + "/tasks").with(as(carol)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get(ws() + "/task-lists?project=" + brand.id().value()).with(as(carol)))
                .andExpect(jsonPath("$.items[*].name", contains("Launch")));
    }

    @Test
    void pagesFollowTheListOrderWithCursors() throws Exception {
        for (int i = 1; i <= 5; i++) {
            clientTask(launch, "Task " + i);
        }

        String first = body(get(tasks() + "?limit=2").with(as(carol)));
        String cursor = read(first, "$.nextCursor");
        String second = body(get(tasks() + "?limit=2&cursor=" + cursor).with(as(carol)));
        String third = body(get(tasks() + "?limit=2&cursor=" + read(second, "$.nextCursor")).with(as(carol)));

        assertThat(strings(first)).containsExactly("Task 1", "Task 2");
        assertThat(strings(second)).containsExactly("Task 3", "Task 4");
        assertThat(strings(third)).containsExactly("Task 5");
        assertThat((Object) read(third, "$.nextCursor")).isNull();
    }

    private static List<String> strings(String json) {
        return read(json, "$.items[*].title");
    }

    @Test
    void aLimitOverFiveHundredIsRefused() throws Exception {
        mvc.perform(get(tasks() + "?limit=501").with(as(bob)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void movingATaskPutsItRightAfterAnotherOrFirst() throws Exception {
        Task a = clientTask(launch, "A");
        clientTask(launch, "B");
        Task c = clientTask(launch, "C");

        mvc.perform(postJson(task(c) + "/move", bob, "{\"after\": null, \"expectedVersion\": 0}"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""));
        assertThat(titles(bob)).containsExactly("C", "A", "B");
        mvc.perform(postJson(task(c) + "/move", bob, "{\"after\": \"" + a.id().value() + "\", \"expectedVersion\": 1}"))
                .andExpect(status().isOk());
        assertThat(titles(bob)).containsExactly("A", "C", "B");
    }

    @Test
    void movingATaskAfterItselfOrAfterAnotherListsTaskNamesTheAfterField() throws Exception {
        Task a = clientTask(launch, "A");
        Task elsewhere = clientTask(list(brand, "Other", Visibility.CLIENT), "X");

        mvc.perform(postJson(task(a) + "/move", bob, "{\"after\": \"" + a.id().value() + "\", \"expectedVersion\": 0}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("after"));
        mvc.perform(postJson(task(a) + "/move", bob, "{\"after\": \"" + elsewhere.id().value()
                        + "\", \"expectedVersion\": 0}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("after"));
    }

    @Test
    void aStaleVersionIsAConflictInTheBodyAndAFailedPreconditionAsIfMatch() throws Exception {
        Task a = clientTask(launch, "A");
        kit.tasks().move(bob, workspace.id(), a.id(), Optional.empty(), 0);

        mvc.perform(patchJson(task(a), bob, "{\"title\": \"A2\", \"expectedVersion\": 0}"))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("STALE_VERSION"));
        mvc.perform(patchJson(task(a), bob, "{\"title\": \"A2\"}").header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(problem(412, "conflict"));
        assertThat(kit.tasks().get(bob, workspace.id(), a.id()).title()).isEqualTo("A");
    }

    @Test
    void aChangeWithoutAVersionNamesTheExpectedVersionField() throws Exception {
        Task a = clientTask(launch, "A");

        mvc.perform(post(task(a) + "/completion").with(as(carol)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("expectedVersion"));
    }

    @Test
    void badTaskInputNamesEveryInvalidFieldAtOnce() throws Exception {
        mvc.perform(postJson(tasks(), bob, """
                        {"side": "sideways", "dueDate": "tomorrow", "visibility": "PUBLIC"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("title", "side", "dueDate", "visibility")));

        assertThat(titles(bob)).isEmpty();
    }

    @Test
    void assigningATaskToAUserOfAnotherWorkspaceNamesTheAssignee() throws Exception {
        Workspace other = workspace(admin);
        io.clientworkspace.Actor stranger = clientMember(other, admin, io.clientworkspace.member.WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(postJson(tasks(), bob, """
                        {"title": "Upload", "side": "CLIENT", "assignee": "%s"}""".formatted(stranger.userId().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("assignee"));
    }

    @Test
    void aClientMayNotAddTasks() throws Exception {
        mvc.perform(postJson(tasks(), carol, "{\"title\": \"Mine\"}"))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void aPatchKeepsAbsentFieldsAndClearsTheDueDateWithNull() throws Exception {
        Task a = kit.tasks().addTask(bob, workspace.id(), launch.id(), new io.clientworkspace.project.NewTask("A",
                "notes", TaskSide.CLIENT, Optional.of(carol.userId()), Optional.of(java.time.LocalDate.of(2026, 12, 1)),
                Visibility.CLIENT));

        mvc.perform(patchJson(task(a), bob, "{\"dueDate\": null, \"expectedVersion\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDate").doesNotExist())
                .andExpect(jsonPath("$.title").value("A"))
                .andExpect(jsonPath("$.notes").value("notes"))
                .andExpect(jsonPath("$.assignee").value(carol.userId().value()));
    }

    @Test
    void deletingATaskAnswersNoContentAndItIsGone() throws Exception {
        Task a = clientTask(launch, "A");

        mvc.perform(delete(task(a)).with(as(bob)).header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(status().isNoContent());
        mvc.perform(get(task(a)).with(as(bob))).andExpect(problem(404, "not-found"));
    }

    @Test
    void aBodyNamingAFieldItDoesNotDeclareIsRefused() throws Exception {
        Task a = clientTask(launch, "A");

        mvc.perform(patchJson(task(a), bob, "{\"listId\": \"elsewhere\", \"expectedVersion\": 0}"))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("listId"));
    }

    @Test
    void aBodyOverTheJsonSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        String notes = "x".repeat(1024 * 1024 + 1);

        mvc.perform(postJson(tasks(), bob, "{\"title\": \"Big\", \"notes\": \"" + notes + "\"}"))
                .andExpect(problem(413, "payload-too-large"));
        assertThat(titles(bob)).isEmpty();
    }

    @Test
    void theTeamCreatesAndRenamesAList() throws Exception {
        String json = mvc.perform(postJson(ws() + "/task-lists", bob, """
                        {"projectId": "%s", "name": "Content"}""".formatted(brand.id().value())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("PROJECT"))
                .andExpect(jsonPath("$.projectId").value(brand.id().value()))
                .andReturn().getResponse().getContentAsString();
        String id = read(json, "$.id");

        mvc.perform(patchJson(ws() + "/task-lists/" + id, bob, "{\"name\": \"Copy\"}").header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Copy"))
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""));
    }
}
