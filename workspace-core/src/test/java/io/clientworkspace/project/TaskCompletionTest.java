package io.clientworkspace.project;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TaskId;
import io.clientworkspace.activity.Visibility;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.clientworkspace.project.ProjectWorld.clientTask;
import static io.clientworkspace.project.ProjectWorld.teamTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskCompletionTest {

    private final ProjectWorld w = ProjectWorld.create();

    @Test
    void aClientCompletesAClientSideTaskAssignedToThem() {
        Task logo = w.add(w.design, clientTask("Upload your logo", Optional.of(w.f.carol.userId())));

        Task done = w.tasks.complete(w.f.carol, w.acme, logo.id(), logo.version());

        assertThat(done.completed()).hasValueSatisfying(c -> assertThat(c.by()).isEqualTo(w.f.carol.userId()));
        assertThat(done.version()).isEqualTo(logo.version() + 1);
        assertThat(w.f.events.ofType(TaskEvent.TaskCompleted.class)).singleElement()
                .satisfies(e -> assertThat(e.visibility()).isEqualTo(Visibility.CLIENT));
    }

    @Test
    void aContributorCompletesAnUnassignedClientSideTask() {
        Task brief = w.add(w.design, clientTask("Approve the brief", Optional.empty()));

        assertThat(w.tasks.complete(w.f.erin, w.acme, brief.id(), brief.version()).isDone()).isTrue();
    }

    @Test
    void aViewerSeesTheTaskButMayNotCompleteIt() {
        Task logo = w.add(w.design, clientTask("Upload your logo", Optional.empty()));

        assertThat(w.tasks.get(w.f.dave, w.acme, logo.id())).isEqualTo(logo);
        assertThatThrownBy(() -> w.tasks.complete(w.f.dave, w.acme, logo.id(), logo.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(w.tasks.get(w.f.bob, w.acme, logo.id()).isDone()).isFalse();
    }

    @Test
    void aClientMayNotCompleteAnUnassignedTeamSideTaskTheySee() {
        Task review = w.add(w.design, teamTask("Review the mock-ups", Visibility.CLIENT));

        assertThatThrownBy(() -> w.tasks.complete(w.f.carol, w.acme, review.id(), review.version()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aClientMayNotCompleteAClientSideTaskAssignedToSomeoneElse() {
        Task logo = w.add(w.design, clientTask("Upload your logo", Optional.of(w.f.erin.userId())));

        assertThatThrownBy(() -> w.tasks.complete(w.f.carol, w.acme, logo.id(), logo.version()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aClientCompletingATeamOnlyTaskByIdGetsTheSameNotFoundAsForAnUnknownId() {
        Task internal = w.add(w.design, teamTask("Check margins", Visibility.TEAM));

        assertThatThrownBy(() -> w.tasks.complete(w.f.carol, w.acme, internal.id(), internal.version()))
                .isInstanceOf(NotFoundException.class).hasMessage("task '" + internal.id() + "' not found");
        assertThatThrownBy(() -> w.tasks.complete(w.f.carol, w.acme, TaskId.of("nope"), 0))
                .isInstanceOf(NotFoundException.class).hasMessage("task 'nope' not found");
    }

    @Test
    void aTaskInAnInternalProjectIsNotFoundForClientsWhateverItsOwnVisibility() {
        Project secret = w.projects.create(w.f.bob, w.acme, w.project("Pitch", Visibility.TEAM));
        TaskList list = w.tasks.createList(w.f.bob, w.acme, new NewTaskList(Optional.of(secret.id()), "Prep",
                Visibility.CLIENT));
        Task task = w.add(list, teamTask("Draft", Visibility.CLIENT));

        assertThat(w.tasks.find(w.f.carol, w.acme, task.id())).isEmpty();
        assertThatThrownBy(() -> w.tasks.tasks(w.f.carol, w.acme, list.id(), io.clientworkspace.PageRequest.first()))
                .isInstanceOf(NotFoundException.class).hasMessage("task list '" + list.id() + "' not found");
    }

    @Test
    void completingADoneTaskChangesNothingAndPublishesNothing() {
        Task logo = w.add(w.design, clientTask("Upload your logo", Optional.empty()));
        Task done = w.tasks.complete(w.f.carol, w.acme, logo.id(), logo.version());
        w.f.events.clear();

        Task again = w.tasks.complete(w.f.erin, w.acme, logo.id(), logo.version());

        assertThat(again).isEqualTo(done);
        assertThat(w.f.events.all()).isEmpty();
    }

    @Test
    void reopeningATaskClearsItsCompletion() {
        Task logo = w.add(w.design, clientTask("Upload your logo", Optional.empty()));
        Task done = w.tasks.complete(w.f.carol, w.acme, logo.id(), logo.version());

        Task reopened = w.tasks.uncomplete(w.f.carol, w.acme, logo.id(), done.version());

        assertThat(reopened.completed()).isEmpty();
        assertThat(w.f.events.ofType(TaskEvent.TaskReopened.class)).hasSize(1);
    }

    @Test
    void aStaleVersionIsAConflict() {
        Task logo = w.add(w.design, clientTask("Upload your logo", Optional.empty()));
        w.tasks.move(w.f.bob, w.acme, logo.id(), Optional.empty(), logo.version());

        assertThatThrownBy(() -> w.tasks.complete(w.f.carol, w.acme, logo.id(), logo.version()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION));
        assertThat(w.tasks.get(w.f.bob, w.acme, logo.id()).isDone()).isFalse();
    }

    @Test
    void ofAConcurrentMoveAndCompletionOfOneTaskTheSecondConflictsAndTheFirstIsKept() {
        Task logo = w.add(w.design, clientTask("Upload your logo", Optional.empty()));
        Task other = w.add(w.design, clientTask("Sign the contract", Optional.empty()));

        Task done = w.tasks.complete(w.f.carol, w.acme, logo.id(), logo.version());
        assertThatThrownBy(() -> w.tasks.move(w.f.bob, w.acme, logo.id(), Optional.of(other.id()), logo.version()))
                .isInstanceOf(ConflictException.class);

        assertThat(w.tasks.get(w.f.bob, w.acme, logo.id())).isEqualTo(done);
        assertThat(w.titles(w.f.bob, w.design)).containsExactly("Upload your logo", "Sign the contract");
    }

    @Test
    void aTaskOfAnArchivedWorkspaceIsReadableButNotCompletable() {
        Task logo = w.add(w.design, clientTask("Upload your logo", Optional.empty()));
        w.f.kit.workspaces().archive(w.f.bob, w.acme, w.f.acme().version());

        assertThat(w.tasks.get(w.f.carol, w.acme, logo.id())).isEqualTo(logo);
        assertThatThrownBy(() -> w.tasks.complete(w.f.carol, w.acme, logo.id(), logo.version()))
                .isInstanceOf(ArchivedException.class);
    }

    @Test
    void clientsMayNotAddTasks() {
        assertThatThrownBy(() -> w.tasks.addTask(w.f.carol, w.acme, w.design.id(), clientTask("Mine", Optional.empty())))
                .isInstanceOf(AccessDeniedException.class);
    }
}
