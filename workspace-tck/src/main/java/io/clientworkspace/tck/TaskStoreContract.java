package io.clientworkspace.tck;

import io.clientworkspace.NotFoundException;
import io.clientworkspace.TaskId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.spi.TaskStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static io.clientworkspace.tck.ProjectTestData.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The contract of {@link TaskStore}: every field round-trips, versions, tenant and workspace scope, list order kept
 * by the store (new tasks last, moves, renumbering when gaps run out without touching any other task's version),
 * pages that seek from a task and skip internal tasks without gaps or repeats (10,000 tasks), counts, due-date ranges
 * by effective visibility, and the overdue sweep's candidates and conditional mark. Extend it and implement
 * {@link #createStores()}.
 */
public abstract class TaskStoreContract extends ProjectStoreContractSupport {

    private Task update(Task task) {
        return inUnitOfWork(() -> tasks().update(task));
    }

    private Task move(Task task, Optional<TaskId> after) {
        return inUnitOfWork(() -> tasks().move(task, after));
    }

    private Task current(Task task) {
        return tasks().find(task.tenantId(), task.workspaceId(), task.id()).orElseThrow();
    }

    private List<TaskId> order(TaskList list, boolean includeInternal) {
        return tasks().list(list.tenantId(), list.workspaceId(), list.id(), includeInternal, Optional.empty(), 500)
                .stream().map(Task::id).toList();
    }

    private List<Task> stored(TaskList list, int count) {
        List<Task> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(store(projectData.task(list)));
        }
        return made;
    }

    private static List<TaskId> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }

    private boolean mark(Task t, LocalDate dueDate) {
        return inUnitOfWork(() -> tasks().markOverdue(t.tenantId(), t.workspaceId(), t.id(), dueDate));
    }

    @Test
    void aTaskWithEveryFieldRoundTripsAtVersionZero() {
        TaskList list = storedList(storedWorkspace());
        Task full = projectData.fullTask(list).withVersion(5);

        assertThat(store(full)).isEqualTo(full.withVersion(0));

        assertThat(tasks().find(list.tenantId(), list.workspaceId(), full.id())).contains(full.withVersion(0));
    }

    @Test
    void aTakenIdIsAlreadyExistsAndTakesNoPlaceInTheList() {
        TaskList list = storedList(storedWorkspace());
        Task first = store(projectData.task(list));

        assertConflict(ALREADY_EXISTS, () -> store(projectData.done(first)));

        assertThat(current(first)).isEqualTo(first);
        assertThat(order(list, true)).containsExactly(first.id());
    }

    @Test
    void newTasksGoLast() {
        TaskList list = storedList(storedWorkspace());

        List<Task> made = stored(list, 5);

        assertThat(order(list, true)).containsExactlyElementsOf(ids(made));
    }

    @Test
    void anUpdateIncrementsTheVersionAndKeepsThePlace() {
        TaskList list = storedList(storedWorkspace());
        List<Task> made = stored(list, 3);
        Task changed = made.get(1).withDetails(new NewTask("Neu", "Notiz\nzwei", TaskSide.CLIENT,
                Optional.of(data.userId()), Optional.of(START), Visibility.CLIENT), data.instant());

        assertThat(update(changed)).isEqualTo(changed.withVersion(1));

        assertThat(current(changed)).isEqualTo(changed.withVersion(1));
        assertThat(order(list, true)).containsExactlyElementsOf(ids(made));
    }

    @Test
    void aStaleUpdateOrOneOfATaskThatDoesNotExistChangesNothing() {
        TaskList list = storedList(storedWorkspace());
        Task stored = store(projectData.task(list));
        Task done = update(projectData.done(stored));

        assertConflict(STALE_VERSION, () -> update(stored.withUpdatedAt(data.instant())));
        assertConflict(STALE_VERSION, () -> update(projectData.task(list)));

        assertThat(current(stored)).isEqualTo(done);
        assertThat(order(list, true)).containsExactly(stored.id());
    }

    @Test
    void aMovePutsTheTaskRightAfterAnotherOrFirstAndChangesOnlyItsVersion() {
        TaskList list = storedList(storedWorkspace());
        List<Task> made = stored(list, 4);
        Task a = made.get(0);
        Task b = made.get(1);
        Task c = made.get(2);
        Task d = made.get(3);

        Task moved = move(d, Optional.of(a.id()));
        Task first = move(c, Optional.empty());

        assertThat(moved.version()).isEqualTo(1);
        assertThat(first.version()).isEqualTo(1);
        assertThat(order(list, true)).containsExactly(c.id(), a.id(), d.id(), b.id());
        assertThat(current(a).version()).isZero();
        assertThat(current(b).version()).isZero();
    }

    @Test
    void aMoveAlsoStoresTheTasksNewFields() {
        TaskList list = storedList(storedWorkspace());
        List<Task> made = stored(list, 2);
        Task changed = made.get(1).withUpdatedAt(data.instant());

        Task moved = move(changed, Optional.empty());

        assertThat(moved).isEqualTo(changed.withVersion(1));
        assertThat(current(changed)).isEqualTo(changed.withVersion(1));
    }

    @Test
    void hundredsOfMovesIntoTheSameGapKeepTheOrderAndTouchNoOtherTasksVersion() {
        TaskList list = storedList(storedWorkspace());
        List<Task> made = stored(list, 6);
        List<TaskId> expected = new ArrayList<>(ids(made));
        // Always between the first task and the one right after it: the gap halves each time until the store must
        // renumber the list.
        for (int i = 0; i < 200; i++) {
            TaskId last = expected.get(expected.size() - 1);
            Task task = current(made.stream().filter(t -> t.id().equals(last)).findFirst().orElseThrow());
            move(task, Optional.of(expected.get(0)));
            expected.remove(last);
            expected.add(1, last);
        }

        assertThat(order(list, true)).containsExactlyElementsOf(expected);
        assertThat(current(made.get(0)).version()).isZero();
        long versions = made.stream().mapToLong(t -> current(t).version()).sum();
        assertThat(versions).as("one new version per move, none for renumbering").isEqualTo(200);
    }

    @Test
    void aStaleMoveIsAConflictAndLeavesTheOrder() {
        TaskList list = storedList(storedWorkspace());
        List<Task> made = stored(list, 3);
        update(projectData.done(made.get(2)));

        assertConflict(STALE_VERSION, () -> move(made.get(2), Optional.empty()));

        assertThat(order(list, true)).containsExactlyElementsOf(ids(made));
    }

    @Test
    void aMoveAfterItselfOrAfterATaskOfAnotherListIsRefusedAndLeavesTheOrder() {
        Workspace workspace = storedWorkspace();
        TaskList list = storedList(workspace);
        TaskList other = storedList(workspace);
        List<Task> made = stored(list, 3);
        Task elsewhere = store(projectData.task(other));

        assertThat(catchThrowable(() -> move(made.get(1), Optional.of(made.get(1).id()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> move(made.get(1), Optional.of(elsewhere.id()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> move(made.get(1), Optional.of(projectData.taskId()))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(order(list, true)).containsExactlyElementsOf(ids(made));
        assertThat(current(made.get(1)).version()).isZero();
    }

    @Test
    void ofAConcurrentMoveAndCompletionOfOneVersionExactlyOneWinsAndNothingIsLost() {
        TaskList list = storedList(storedWorkspace());
        List<Task> made = stored(list, 3);
        Task target = made.get(2);

        Concurrently.Outcomes<Task> outcomes = Concurrently.run(2, i -> i == 0
                ? move(target, Optional.empty()) : update(projectData.done(target)));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).singleElement().satisfies(failure -> assertConflict(STALE_VERSION, failure));
        Task winner = outcomes.successes().get(0);
        assertThat(current(target)).isEqualTo(winner);
        assertThat(order(list, true)).hasSize(3).containsExactlyElementsOf(winner.isDone() ? ids(made)
                : List.of(target.id(), made.get(0).id(), made.get(1).id()));
    }

    @Test
    void deleteNeedsTheStoredVersionAndTakesTheTaskOutOfTheList() {
        TaskList list = storedList(storedWorkspace());
        List<Task> made = stored(list, 3);
        update(projectData.done(made.get(0)));

        assertConflict(STALE_VERSION, () -> runInUnitOfWork(() ->
                tasks().delete(list.tenantId(), list.workspaceId(), made.get(0).id(), 0)));
        runInUnitOfWork(() -> tasks().delete(list.tenantId(), list.workspaceId(), made.get(1).id(), 0));
        assertConflict(STALE_VERSION, () -> runInUnitOfWork(() ->
                tasks().delete(list.tenantId(), list.workspaceId(), made.get(1).id(), 0)));

        assertThat(order(list, true)).containsExactly(made.get(0).id(), made.get(2).id());
        assertThat(tasks().find(list.tenantId(), list.workspaceId(), made.get(1).id())).isEmpty();
    }

    @Test
    void aTaskIsInvisibleFromAnotherWorkspaceOrTenant() {
        Workspace workspace = storedWorkspace();
        Workspace sibling = storedWorkspace(tenantOf(workspace));
        Workspace foreign = storedWorkspace();
        TaskList list = storedList(workspace);
        Task task = store(projectData.taskDue(list, START.minusDays(1)));

        assertThat(tasks().find(workspace.tenantId(), sibling.id(), task.id())).isEmpty();
        assertThat(tasks().find(foreign.tenantId(), workspace.id(), task.id())).isEmpty();
        assertThat(tasks().list(foreign.tenantId(), workspace.id(), list.id(), true, Optional.empty(), 10)).isEmpty();
        assertThat(tasks().list(workspace.tenantId(), sibling.id(), list.id(), true, Optional.empty(), 10)).isEmpty();
        assertThat(tasks().progress(foreign.tenantId(), workspace.id(), list.id(), true))
                .isEqualTo(new ChecklistProgress(0, 0));
        assertThat(tasks().dueBetween(foreign.tenantId(), workspace.id(), START.minusDays(9), START, true, 10)).isEmpty();
        assertConflict(STALE_VERSION, () -> runInUnitOfWork(() ->
                tasks().delete(foreign.tenantId(), workspace.id(), task.id(), 0)));
        assertConflict(STALE_VERSION, () -> runInUnitOfWork(() ->
                tasks().delete(workspace.tenantId(), sibling.id(), task.id(), 0)));
        assertThat(inUnitOfWork(() -> tasks().markOverdue(foreign.tenantId(), workspace.id(), task.id(),
                START.minusDays(1)))).isFalse();
        assertThat(current(task)).isEqualTo(task);
    }

    @Test
    void pagesSkipInternalTasksAndAreFullWheneverMoreVisibleTasksFollow() {
        TaskList list = storedList(storedWorkspace());
        List<TaskId> all = new ArrayList<>();
        List<TaskId> visible = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Visibility v = i % 3 == 0 ? Visibility.TEAM : Visibility.CLIENT;
            Task t = store(projectData.task(list, v));
            all.add(t.id());
            if (v == Visibility.CLIENT) {
                visible.add(t.id());
            }
        }

        assertThat(walk(list, true, 5)).containsExactlyElementsOf(all);
        assertThat(walk(list, false, 3)).containsExactlyElementsOf(visible);
        assertThat(tasks().list(list.tenantId(), list.workspaceId(), list.id(), false, Optional.of(visible.get(0)), 2))
                .extracting(Task::id).containsExactlyElementsOf(visible.subList(1, 3));
    }

    @Test
    void seekingFromAnInternalTaskForClientsOrFromATaskOfAnotherListIsNotFound() {
        Workspace workspace = storedWorkspace();
        TaskList list = storedList(workspace);
        TaskList other = storedList(workspace);
        store(projectData.task(list));
        Task hidden = store(projectData.task(list, Visibility.TEAM));
        Task elsewhere = store(projectData.task(other));

        assertThat(catchThrowable(() -> tasks().list(list.tenantId(), list.workspaceId(), list.id(), false,
                Optional.of(hidden.id()), 10))).isInstanceOf(NotFoundException.class);
        assertThat(catchThrowable(() -> tasks().list(list.tenantId(), list.workspaceId(), list.id(), true,
                Optional.of(elsewhere.id()), 10))).isInstanceOf(NotFoundException.class);
        assertThat(catchThrowable(() -> tasks().list(list.tenantId(), list.workspaceId(), list.id(), true,
                Optional.of(projectData.taskId()), 10))).isInstanceOf(NotFoundException.class);
        assertThat(tasks().list(list.tenantId(), list.workspaceId(), list.id(), true, Optional.of(hidden.id()), 10))
                .isEmpty();
    }

    @Test
    void tenThousandTasksPageWithoutGapsOrRepeatsForTheTeamAndForClients() {
        TaskList list = storedList(storedWorkspace());
        List<TaskId> all = new ArrayList<>();
        List<TaskId> visible = new ArrayList<>();
        runInUnitOfWork(() -> {
            for (int i = 0; i < 10_000; i++) {
                Visibility v = i % 7 == 3 ? Visibility.TEAM : Visibility.CLIENT;
                Task t = tasks().insert(projectData.task(list, v));
                all.add(t.id());
                if (v == Visibility.CLIENT) {
                    visible.add(t.id());
                }
            }
        });

        List<TaskId> team = walk(list, true, 500);
        List<TaskId> clients = walk(list, false, 500);

        assertThat(new HashSet<>(team)).hasSize(10_000);
        assertThat(team).containsExactlyElementsOf(all);
        assertThat(clients).containsExactlyElementsOf(visible);
        assertThat(tasks().progress(list.tenantId(), list.workspaceId(), list.id(), false))
                .isEqualTo(new ChecklistProgress(0, visible.size()));
    }

    /** Every page of {@code limit}, each seeking from the last task of the one before; each full but the last. */
    private List<TaskId> walk(TaskList list, boolean includeInternal, int limit) {
        List<TaskId> seen = new ArrayList<>();
        Optional<TaskId> after = Optional.empty();
        while (true) {
            List<Task> page = tasks().list(list.tenantId(), list.workspaceId(), list.id(), includeInternal, after, limit);
            page.forEach(t -> seen.add(t.id()));
            if (page.size() < limit) {
                return seen;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
    }

    @Test
    void progressCountsDoneAndTotalTasksOfTheListInternalOnlyWhenAsked() {
        Workspace workspace = storedWorkspace();
        TaskList list = storedList(workspace);
        update(projectData.done(store(projectData.task(list))));
        store(projectData.task(list));
        update(projectData.done(store(projectData.task(list, Visibility.TEAM))));
        store(projectData.task(list, Visibility.TEAM));
        store(projectData.task(storedList(workspace)));

        assertThat(tasks().progress(list.tenantId(), list.workspaceId(), list.id(), true))
                .isEqualTo(new ChecklistProgress(2, 4));
        assertThat(tasks().progress(list.tenantId(), list.workspaceId(), list.id(), false))
                .isEqualTo(new ChecklistProgress(1, 2));
    }

    @Test
    void dueBetweenIsInclusiveAndForClientsLeavesOutTasksOfInternalListsAndProjects() {
        Workspace workspace = storedWorkspace();
        Project shared = storedProject(workspace, Visibility.CLIENT);
        Project internal = storedProject(workspace, Visibility.TEAM);
        TaskList open = storedList(workspace, Optional.of(shared.id()), Visibility.CLIENT);
        TaskList teamList = storedList(workspace, Optional.of(shared.id()), Visibility.TEAM);
        TaskList inInternal = storedList(workspace, Optional.of(internal.id()), Visibility.CLIENT);
        Task first = store(projectData.taskDue(open, START));
        Task ofTeamList = store(projectData.taskDue(teamList, START));
        Task ofInternalProject = store(projectData.taskDue(inInternal, START.plusDays(1)));
        Task hidden = update(store(projectData.taskDue(open, START.plusDays(1))).withDetails(new NewTask("x", "",
                TaskSide.TEAM, Optional.empty(), Optional.of(START.plusDays(1)), Visibility.TEAM), data.instant()));
        Task last = store(projectData.taskDue(open, START.plusDays(2)));
        store(projectData.taskDue(open, START.plusDays(3)));
        store(projectData.taskDue(open, START.minusDays(1)));
        store(projectData.task(open));

        assertThat(tasks().dueBetween(workspace.tenantId(), workspace.id(), START, START.plusDays(2), true, 10))
                .extracting(Task::id).containsExactly(first.id(), ofTeamList.id(), ofInternalProject.id(), hidden.id(),
                        last.id());
        assertThat(tasks().dueBetween(workspace.tenantId(), workspace.id(), START, START.plusDays(2), false, 10))
                .extracting(Task::id).containsExactly(first.id(), last.id());
        assertThat(tasks().dueBetween(workspace.tenantId(), workspace.id(), START, START.plusDays(2), true, 2))
                .extracting(Task::id).containsExactly(first.id(), ofTeamList.id());
    }

    @Test
    void overdueCandidatesAreOpenUnmarkedAndPastDueInEveryWorkspaceOfEveryTenantOldestFirst() {
        Workspace one = storedWorkspace();
        Workspace two = storedWorkspace();
        Workspace archived = storedArchivedWorkspace(tenantOf(one));
        TaskList l1 = storedList(one);
        TaskList l2 = storedList(two, Optional.empty(), Visibility.TEAM);
        Task old = store(projectData.taskDue(l1, START.minusDays(1)));
        Task older = store(projectData.taskDue(l2, START.minusDays(4)));
        store(projectData.taskDue(l1, START));
        store(projectData.task(l1));
        update(projectData.done(store(projectData.taskDue(l1, START.minusDays(2)))));
        Task ofArchived = store(projectData.taskDue(storedList(archived), START.minusDays(8)));

        assertThat(tasks().overdueCandidates(START, 10)).extracting(Task::id)
                .containsExactly(ofArchived.id(), older.id(), old.id());
        assertThat(tasks().overdueCandidates(START, 1)).extracting(Task::id).containsExactly(ofArchived.id());
    }

    @Test
    void theOverdueMarkIsSetOnceForItsDueDateAndNotForADoneTask() {
        TaskList list = storedList(storedWorkspace());
        Task t = store(projectData.taskDue(list, START.minusDays(1)));
        Task done = update(projectData.done(store(projectData.taskDue(list, START.minusDays(1)))));

        assertThat(mark(t, START.minusDays(2))).isFalse();
        assertThat(mark(t, START.minusDays(1))).isTrue();
        assertThat(mark(t, START.minusDays(1))).isFalse();
        assertThat(mark(done, START.minusDays(1))).isFalse();

        assertThat(tasks().overdueCandidates(START, 10)).isEmpty();
        assertThat(current(t)).isEqualTo(t);
    }

    @Test
    void updatesAndMovesKeepTheMarkAndADueDateMovedLaterIsACandidateAgain() {
        TaskList list = storedList(storedWorkspace());
        Task first = store(projectData.task(list));
        Task t = store(projectData.taskDue(list, START.minusDays(5)));
        mark(t, START.minusDays(5));
        Task moved = move(update(t.withUpdatedAt(data.instant())), Optional.empty());

        assertThat(tasks().overdueCandidates(START, 10)).isEmpty();

        Task later = update(moved.withDetails(new NewTask(t.title(), t.notes(), t.side(), t.assignee(),
                Optional.of(START.minusDays(1)), t.visibility()), data.instant()));
        assertThat(tasks().overdueCandidates(START, 10)).extracting(Task::id).containsExactly(t.id());
        assertThat(mark(later, START.minusDays(1))).isTrue();
        assertThat(order(list, true)).containsExactly(t.id(), first.id());
    }

    @Test
    void ofConcurrentMarksExactlyOneSetsIt() {
        Task t = store(projectData.taskDue(storedList(storedWorkspace()), START.minusDays(1)));

        Concurrently.Outcomes<Boolean> outcomes = Concurrently.run(i -> mark(t, START.minusDays(1)));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.successes()).hasSize(Concurrently.THREADS).containsOnlyOnce(true);
    }

    @Test
    void ofConcurrentMovesOfDifferentTasksOfOneListNoneIsLost() {
        TaskList list = storedList(storedWorkspace());
        List<Task> made = stored(list, Concurrently.THREADS * 2);

        Concurrently.Outcomes<Task> outcomes = Concurrently.run(i ->
                move(made.get(made.size() - 1 - i), Optional.of(made.get(0).id())));

        assertThat(outcomes.failures()).allSatisfy(failure ->
                assertThat(failure).isInstanceOf(io.clientworkspace.ConflictException.class));
        List<TaskId> after = order(list, true);
        assertThat(after).hasSize(made.size()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids(made)).first().isEqualTo(made.get(0).id());
    }
}
