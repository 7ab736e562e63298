package io.clientworkspace.project;

import io.clientworkspace.FieldError;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TaskId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.clientworkspace.project.ProjectWorld.clientTask;
import static io.clientworkspace.project.ProjectWorld.teamTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskOrderTest {

    private final ProjectWorld w = ProjectWorld.create();

    private Map<String, Task> addAll(String... titles) {
        Map<String, Task> added = new HashMap<>();
        for (String title : titles) {
            added.put(title, w.add(w.design, clientTask(title, Optional.empty())));
        }
        return added;
    }

    private Task current(Task task) {
        return w.tasks.get(w.f.bob, w.acme, task.id());
    }

    @Test
    void newTasksGoLast() {
        addAll("a", "b", "c");

        assertThat(w.titles(w.f.bob, w.design)).containsExactly("a", "b", "c");
    }

    @Test
    void aTaskMovesFirstOrRightAfterAnother() {
        Map<String, Task> t = addAll("a", "b", "c", "d");

        w.tasks.move(w.f.bob, w.acme, t.get("d").id(), Optional.empty(), 0);
        w.tasks.move(w.f.bob, w.acme, t.get("a").id(), Optional.of(t.get("b").id()), 0);

        assertThat(w.titles(w.f.bob, w.design)).containsExactly("d", "b", "a", "c");
    }

    @Test
    void aMoveChangesOnlyTheMovedTasksVersionAndNotItsListsOrProjects() {
        Map<String, Task> t = addAll("a", "b", "c");

        Task moved = w.tasks.move(w.f.bob, w.acme, t.get("c").id(), Optional.empty(), 0);

        assertThat(moved.version()).isEqualTo(1);
        assertThat(current(t.get("a")).version()).isZero();
        assertThat(current(t.get("b")).version()).isZero();
        assertThat(w.tasks.getList(w.f.bob, w.acme, w.design.id())).isEqualTo(w.design);
        assertThat(w.projects.get(w.f.bob, w.acme, w.brand.id())).isEqualTo(w.brand);
    }

    @Test
    void aTaskCannotMoveAfterItself() {
        Task a = addAll("a").get("a");

        assertThatThrownBy(() -> w.tasks.move(w.f.bob, w.acme, a.id(), Optional.of(a.id()), 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsExactly(FieldError.of("after", "must be another task")));
    }

    @Test
    void aTaskCannotMoveAfterATaskOfAnotherListOrAnUnknownId() {
        Task a = addAll("a").get("a");
        TaskList other = w.tasks.createList(w.f.bob, w.acme, new NewTaskList(Optional.empty(), "Other", Visibility.CLIENT));
        Task elsewhere = w.add(other, clientTask("x", Optional.empty()));

        for (TaskId after : List.of(elsewhere.id(), TaskId.of("unknown"))) {
            assertThatThrownBy(() -> w.tasks.move(w.f.bob, w.acme, a.id(), Optional.of(after), 0))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsExactly(FieldError.of("after", "no such task in this list")));
        }
        assertThat(current(a).version()).isZero();
    }

    @Test
    void movesBackAndForthNeverLoseOrDuplicateATask() {
        Map<String, Task> t = addAll("a", "b", "c");

        w.tasks.move(w.f.bob, w.acme, t.get("a").id(), Optional.of(t.get("b").id()), 0);
        w.tasks.move(w.f.bob, w.acme, t.get("b").id(), Optional.of(t.get("a").id()), 0);
        w.tasks.move(w.f.bob, w.acme, t.get("a").id(), Optional.of(t.get("b").id()), 1);

        assertThat(w.titles(w.f.bob, w.design)).containsExactly("b", "a", "c");
    }

    @Test
    void repeatedMovesIntoOneGapRenumberTheListAndKeepTheOrder() {
        List<Task> added = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            added.add(w.add(w.design, clientTask("t" + i, Optional.empty())));
        }
        List<String> model = new ArrayList<>(added.stream().map(Task::title).toList());
        // always move the last task right after the first: the gap after the first halves each time until the list
        // must be renumbered (gaps of 2^20 run out after about 20 moves)
        for (int i = 0; i < 29; i++) {
            String last = model.get(model.size() - 1);
            Task task = added.stream().filter(x -> x.title().equals(last)).findFirst().orElseThrow();
            w.tasks.move(w.f.bob, w.acme, task.id(), Optional.of(added.get(0).id()), current(task).version());
            model.remove(model.size() - 1);
            model.add(1, last);
        }

        assertThat(w.titles(w.f.bob, w.design)).isEqualTo(model);
    }

    @Test
    void pagesFollowTheListOrderWithoutDuplicatesOrGapsAndSkipInternalTasksForClients() {
        List<String> visible = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            if (i % 3 == 1) {
                w.add(w.design, teamTask("internal " + i, Visibility.TEAM));
            } else {
                visible.add(w.add(w.design, clientTask("task " + i, Optional.empty())).title());
            }
        }

        assertThat(w.all(w.f.carol, w.design, 500).stream().map(Task::title).toList()).isEqualTo(visible);
        assertThat(w.all(w.f.carol, w.design, 7).stream().map(Task::title).toList()).isEqualTo(visible);
        assertThat(w.all(w.f.bob, w.design, 500)).hasSize(1200);
    }

    @Test
    void aClientsPageEndsOnItsLastVisibleTaskWhateverInternalTasksFollow() {
        Task a = w.add(w.design, clientTask("a", Optional.empty()));
        Task b = w.add(w.design, clientTask("b", Optional.empty()));
        w.add(w.design, teamTask("hidden", Visibility.TEAM));
        Task c = w.add(w.design, clientTask("c", Optional.empty()));

        Page<Task> first = w.tasks.tasks(w.f.carol, w.acme, w.design.id(), PageRequest.first(2));
        Page<Task> second = w.tasks.tasks(w.f.carol, w.acme, w.design.id(), PageRequest.after(first.nextCursor().orElseThrow(), 2));

        assertThat(first.items()).containsExactly(a, b);
        assertThat(second.items()).containsExactly(c);
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void aCursorWhoseTaskWasDeletedIsRefusedAsACursor() {
        Map<String, Task> t = addAll("a", "b", "c");
        Page<Task> first = w.tasks.tasks(w.f.bob, w.acme, w.design.id(), PageRequest.first(1));
        w.tasks.delete(w.f.bob, w.acme, t.get("a").id(), 0);

        assertThatThrownBy(() -> w.tasks.tasks(w.f.bob, w.acme, w.design.id(),
                PageRequest.after(first.nextCursor().orElseThrow(), 1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("cursor"));
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        addAll("a", "b");
        TaskList other = w.tasks.createList(w.f.bob, w.acme, new NewTaskList(Optional.empty(), "Other", Visibility.CLIENT));
        w.add(other, clientTask("x", Optional.empty()));
        String cursor = w.tasks.tasks(w.f.bob, w.acme, w.design.id(), PageRequest.first(1)).nextCursor().orElseThrow();

        assertThatThrownBy(() -> w.tasks.tasks(w.f.bob, w.acme, other.id(), PageRequest.after(cursor, 1)))
                .isInstanceOf(ValidationException.class);
    }
}
