package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.Optional;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * What the project and task API tests share: a workspace with a team member (bob), a client admin (carol) and a
 * client viewer (dave), and helpers that build projects, lists and tasks through the kit.
 */
abstract class ProjectApiTestSupport extends ApiTestSupport {

    Workspace workspace;
    Actor bob;
    Actor carol;
    Actor dave;

    @BeforeEach
    void workspaceWithTeamMemberClientAdminAndViewer() {
        workspace = workspace(admin);
        bob = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);
        kit.members().add(admin, workspace.id(), bob.userId(), WorkspaceRole.MEMBER);
        carol = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);
        dave = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
    }

    String ws() {
        return "/api/workspaces/" + workspace.id().value();
    }

    Project project(String name, Visibility visibility) {
        return kit.projects().create(bob, workspace.id(), new NewProject(name, "", visibility, Optional.empty(),
                Optional.empty(), bob.userId()));
    }

    TaskList list(Project project, String name, Visibility visibility) {
        return kit.tasks().createList(bob, workspace.id(), new NewTaskList(Optional.of(project.id()), name, visibility));
    }

    Task task(TaskList list, String title, TaskSide side, Optional<Actor> assignee, Visibility visibility) {
        return kit.tasks().addTask(bob, workspace.id(), list.id(), new NewTask(title, "", side,
                assignee.map(Actor::userId), Optional.empty(), visibility));
    }

    Task clientTask(TaskList list, String title) {
        return task(list, title, TaskSide.CLIENT, Optional.empty(), Visibility.CLIENT);
    }

    Task teamTask(TaskList list, String title) {
        return task(list, title, TaskSide.TEAM, Optional.empty(), Visibility.TEAM);
    }

    static MockHttpServletRequestBuilder postJson(String uri, Actor actor, String json) {
        return post(uri).with(as(actor)).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    static MockHttpServletRequestBuilder putJson(String uri, Actor actor, String json) {
        return put(uri).with(as(actor)).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    static MockHttpServletRequestBuilder patchJson(String uri, Actor actor, String json) {
        return patch(uri).with(as(actor)).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    static MockHttpServletRequestBuilder deleteJson(String uri, Actor actor, String json) {
        return delete(uri).with(as(actor)).contentType(MediaType.APPLICATION_JSON).content(json);
    }
}
