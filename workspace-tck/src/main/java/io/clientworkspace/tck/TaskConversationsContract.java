package io.clientworkspace.tck;

import io.clientworkspace.Actor;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.ItemRef;
import io.clientworkspace.message.ItemType;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewStatusUpdate;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Conversations about tasks and status updates ({@link ItemType#TASK}, {@link ItemType#STATUS_UPDATE}) through
 * {@link WorkspaceKit#conversations()} on the stores under test: whoever sees the item may open its conversation,
 * an item the actor may not see answers like one that does not exist, and the conversation follows the item's
 * effective visibility when the task or its project changes visibility or the task is deleted. Extend it and
 * implement {@link #createStores()}.
 */
public abstract class TaskConversationsContract extends StoreContractSupport {

    private WorkspaceKit kit;
    private Workspace ws;
    private Actor lead;
    private Actor client;
    private Project project;
    private TaskList list;

    @BeforeEach
    final void buildWorld() {
        kit = WorkspaceKit.builder().stores(stores()).cacheTicker(() -> 0L).userDirectory((t, u) -> true).build();
        String prefix = data.unique("p");
        var tenant = kit.tenants().create("Agency " + prefix, UserId.of("lead" + prefix)).id();
        lead = Actor.team(tenant, "lead" + prefix);
        client = Actor.client(tenant, "client" + prefix);
        ws = kit.workspaces().create(lead, NewWorkspace.of("Acme", "acme"));
        kit.members().add(lead, ws.id(), client.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        project = kit.projects().create(lead, ws.id(), newProject(Visibility.CLIENT));
        list = kit.tasks().createList(lead, ws.id(), new NewTaskList(Optional.of(project.id()), "Launch",
                Visibility.CLIENT));
    }

    private NewProject newProject(Visibility visibility) {
        return new NewProject("Brand refresh", "", visibility, Optional.empty(), Optional.empty(), lead.userId());
    }

    private static NewTask task(String title, Visibility visibility) {
        return new NewTask(title, "", visibility == Visibility.TEAM ? TaskSide.TEAM : TaskSide.CLIENT, Optional.empty(),
                Optional.empty(), visibility);
    }

    private Task addTask(Visibility visibility) {
        return kit.tasks().addTask(lead, ws.id(), list.id(), task("Upload your logo", visibility));
    }

    private static ItemRef about(Task task) {
        return new ItemRef(ItemType.TASK, task.id().value());
    }

    private StatusUpdate postStatus(Visibility visibility) {
        return kit.projects().postStatus(lead, ws.id(), project.id(), new NewStatusUpdate(ProjectHealth.ON_TRACK,
                "Week 12", "", "", "", visibility));
    }

    @Test
    void aClientDiscussesAClientVisibleTaskInItsConversation() {
        Task task = addTask(Visibility.CLIENT);

        Conversation thread = kit.conversations().forItem(client, ws.id(), about(task));
        kit.conversations().post(client, ws.id(), thread.id(), NewMessage.of("Uploaded, see the files"));

        assertThat(thread.visibility()).isEqualTo(Visibility.CLIENT);
        assertThat(thread.item()).contains(about(task));
        assertThat(thread.title()).isEqualTo("Task " + task.id().value());
        assertThat(kit.conversations().messages(lead, ws.id(), thread.id(), PageRequest.first()).items())
                .extracting(m -> m.body()).containsExactly("Uploaded, see the files");
    }

    @Test
    void aTeamOnlyTaskAnswersAClientLikeATaskThatDoesNotExist() {
        Task internal = addTask(Visibility.TEAM);

        Throwable hidden = catchThrowable(() -> kit.conversations().forItem(client, ws.id(), about(internal)));
        Throwable missing = catchThrowable(() -> kit.conversations().forItem(client, ws.id(),
                new ItemRef(ItemType.TASK, "no-such-task")));

        assertThat(hidden).isInstanceOf(NotFoundException.class)
                .hasMessage(String.valueOf(missing.getMessage()).replace("no-such-task", internal.id().value()));
        assertThat(kit.conversations().findForItem(client, ws.id(), about(internal))).isEmpty();
        assertThat(kit.conversations().forItem(lead, ws.id(), about(internal)).visibility()).isEqualTo(Visibility.TEAM);
    }

    @Test
    void aTaskMadeTeamOnlyTakesItsConversationAlong() {
        Task task = addTask(Visibility.CLIENT);
        Conversation thread = kit.conversations().forItem(client, ws.id(), about(task));

        kit.tasks().update(lead, ws.id(), task.id(), task("Upload your logo", Visibility.TEAM), task.version());

        assertThat(kit.conversations().find(client, ws.id(), thread.id())).isEmpty();
        assertThat(kit.conversations().get(lead, ws.id(), thread.id()).visibility()).isEqualTo(Visibility.TEAM);
    }

    @Test
    void aProjectMadeTeamOnlyTakesTheConversationsOfItsTasksAndStatusUpdatesAlongAndBack() {
        Task task = addTask(Visibility.CLIENT);
        StatusUpdate update = postStatus(Visibility.CLIENT);
        Conversation taskThread = kit.conversations().forItem(client, ws.id(), about(task));
        Conversation statusThread = kit.conversations().forItem(client, ws.id(),
                new ItemRef(ItemType.STATUS_UPDATE, update.id().value()));

        Project hidden = kit.projects().update(lead, ws.id(), project.id(), newProject(Visibility.TEAM),
                kit.projects().get(lead, ws.id(), project.id()).version());

        assertThat(kit.conversations().find(client, ws.id(), taskThread.id())).isEmpty();
        assertThat(kit.conversations().find(client, ws.id(), statusThread.id())).isEmpty();

        kit.projects().update(lead, ws.id(), project.id(), newProject(Visibility.CLIENT), hidden.version());

        assertThat(kit.conversations().find(client, ws.id(), taskThread.id())).isPresent();
        assertThat(kit.conversations().find(client, ws.id(), statusThread.id())).isPresent();
    }

    @Test
    void aTeamOnlyTaskStaysTeamOnlyWhenItsProjectIsSharedAgain() {
        Task internal = addTask(Visibility.TEAM);
        Conversation thread = kit.conversations().forItem(lead, ws.id(), about(internal));
        Project hidden = kit.projects().update(lead, ws.id(), project.id(), newProject(Visibility.TEAM),
                project.version());

        kit.projects().update(lead, ws.id(), project.id(), newProject(Visibility.CLIENT), hidden.version());

        assertThat(kit.conversations().get(lead, ws.id(), thread.id()).visibility()).isEqualTo(Visibility.TEAM);
    }

    @Test
    void aDeletedTasksConversationIsHiddenFromClients() {
        Task task = addTask(Visibility.CLIENT);
        Conversation thread = kit.conversations().forItem(client, ws.id(), about(task));

        kit.tasks().delete(lead, ws.id(), task.id(), task.version());

        assertThat(kit.conversations().find(client, ws.id(), thread.id())).isEmpty();
        assertThatThrownBy(() -> kit.conversations().forItem(client, ws.id(), about(task)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aClientRepliesInAClientVisibleStatusUpdatesConversationButNeverSeesAnInternalOnes() {
        StatusUpdate shared = postStatus(Visibility.CLIENT);
        StatusUpdate internal = postStatus(Visibility.TEAM);

        Conversation thread = kit.conversations().forItem(client, ws.id(),
                new ItemRef(ItemType.STATUS_UPDATE, shared.id().value()));
        kit.conversations().post(client, ws.id(), thread.id(), NewMessage.of("Thanks, looks good"));

        assertThat(thread.title()).isEqualTo("Status update " + shared.id().value());
        assertThatThrownBy(() -> kit.conversations().forItem(client, ws.id(),
                new ItemRef(ItemType.STATUS_UPDATE, internal.id().value()))).isInstanceOf(NotFoundException.class);
    }
}
