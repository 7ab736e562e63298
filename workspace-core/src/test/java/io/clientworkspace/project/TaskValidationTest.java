package io.clientworkspace.project;

import io.clientworkspace.FieldError;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static io.clientworkspace.project.ProjectWorld.clientTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskValidationTest {

    private final ProjectWorld w = ProjectWorld.create();

    private FieldError only(Runnable call) {
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class, call::run);
        assertThat(e.fieldErrors()).hasSize(1);
        return e.fieldErrors().get(0);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceAndNothingIsAdded() {
        NewTask bad = new NewTask(" ", "x".repeat(10_001), TaskSide.CLIENT, Optional.of(UserId.of("nobody")),
                Optional.empty(), Visibility.CLIENT);

        assertThatThrownBy(() -> w.add(w.design, bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).extracting(FieldError::field)
                        .containsExactly("assignee", "notes", "title"));
        assertThat(w.titles(w.f.bob, w.design)).isEmpty();
        assertThat(w.f.events.all()).isEmpty();
    }

    @Test
    void aTitleWithAControlCharacterIsRefusedButNotesMayHoldLineBreaks() {
        assertThat(only(() -> w.add(w.design, clientTask("Logo\u0007", Optional.empty()))))
                .isEqualTo(FieldError.of("title", "must not contain control characters"));
        Task task = w.add(w.design, new NewTask("Logo", "first\nsecond\tthird", TaskSide.CLIENT, Optional.empty(),
                Optional.empty(), Visibility.CLIENT));
        assertThat(task.notes()).isEqualTo("first\nsecond\tthird");
    }

    @Test
    void aTitleIsKeptAsGivenWithoutTrimming() {
        assertThat(w.add(w.design, clientTask("  Logo ", Optional.empty())).title()).isEqualTo("  Logo ");
    }

    @Test
    void aUserOfAnotherWorkspaceIsNotAMemberOfThisOne() {
        Workspace initech = w.f.kit.workspaces().create(w.f.bob, NewWorkspace.of("Initech", "initech"));
        w.f.kit.members().add(w.f.bob, initech.id(), UserId.of("peter"), WorkspaceRole.CLIENT_ADMIN);

        assertThat(only(() -> w.add(w.design, clientTask("Logo", Optional.of(UserId.of("peter"))))))
                .isEqualTo(FieldError.of("assignee", "is not a member of this workspace"));
    }

    @Test
    void aViewerMayNotBeAssignedAClientSideTask() {
        assertThat(only(() -> w.add(w.design, clientTask("Logo", Optional.of(w.f.dave.userId())))))
                .isEqualTo(FieldError.of("assignee", "may not complete tasks"));
    }

    @Test
    void aClientMayNotBeAssignedATeamSideTask() {
        NewTask task = new NewTask("Review", "", TaskSide.TEAM, Optional.of(w.f.carol.userId()), Optional.empty(),
                Visibility.CLIENT);

        assertThat(only(() -> w.add(w.design, task)).field()).isEqualTo("assignee");
    }

    @Test
    void aTeamMemberMayNotBeAssignedAClientSideTask() {
        assertThat(only(() -> w.add(w.design, clientTask("Logo", Optional.of(w.f.tom.userId())))).field())
                .isEqualTo("assignee");
    }

    @Test
    void anInternalTaskMustBeTeamSide() {
        NewTask task = new NewTask("Margins", "", TaskSide.CLIENT, Optional.empty(), Optional.empty(), Visibility.TEAM);

        assertThat(only(() -> w.add(w.design, task)).field()).isEqualTo("side");
    }

    @Test
    void aTaskInAnInternalListMustBeTeamSide() {
        TaskList internal = w.tasks.createList(w.f.bob, w.acme, new NewTaskList(Optional.empty(), "Ops", Visibility.TEAM));

        assertThat(only(() -> w.add(internal, clientTask("Logo", Optional.empty()))).field()).isEqualTo("side");
    }

    @Test
    void theOnboardingChecklistHoldsOnlyClientVisibleTasks() {
        TaskList checklist = w.tasks.onboardingChecklist(w.f.bob, w.acme);

        assertThat(only(() -> w.add(checklist, ProjectWorld.teamTask("Margins", Visibility.TEAM))).field())
                .isEqualTo("visibility");
    }

    @Test
    void updatingATaskKeepsAnAssigneeWhoLaterLostThePermission() {
        Task logo = w.add(w.design, clientTask("Logo", Optional.of(w.f.erin.userId())));
        w.f.kit.members().changeRole(w.f.bob, w.acme, w.f.erin.userId(), WorkspaceRole.CLIENT_VIEWER);
        w.f.events.clear();

        Task renamed = w.tasks.update(w.f.bob, w.acme, logo.id(), new NewTask("Logo v2", "", TaskSide.CLIENT,
                Optional.of(w.f.erin.userId()), Optional.of(LocalDate.of(2025, 4, 1)), Visibility.CLIENT), logo.version());

        assertThat(renamed.title()).isEqualTo("Logo v2");
        assertThat(w.f.events.ofType(TaskEvent.TaskUpdated.class)).singleElement()
                .satisfies(e -> assertThat(e.changed()).containsExactlyInAnyOrder("title", "dueDate"));
        assertThat(w.f.events.ofType(TaskEvent.TaskAssigned.class)).isEmpty();
    }
}
