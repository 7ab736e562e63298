package io.clientworkspace.project;

import io.clientworkspace.activity.Visibility;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.MilestoneStore;
import io.clientworkspace.spi.TaskStore;
import io.clientworkspace.support.Fixture;
import io.clientworkspace.tck.FaultInjection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class OverdueSweepTest {

    private static final LocalDate DUE = LocalDate.of(2025, 3, 10);
    private static final Instant DAY_AFTER = Instant.parse("2025-03-11T00:00:00Z");

    private final ProjectWorld w = ProjectWorld.create();

    private Task task(LocalDate due) {
        return w.add(w.design, new NewTask("Upload your logo", "", TaskSide.CLIENT, Optional.empty(), Optional.of(due),
                Visibility.CLIENT));
    }

    @Test
    void aTaskIsOverdueOnlyFromTheDayAfterItsDueDate() {
        task(DUE);

        assertThat(w.projects.sweepOverdue(Instant.parse("2025-03-10T23:59:59Z"), 100)).isZero();
        assertThat(w.projects.sweepOverdue(DAY_AFTER, 100)).isEqualTo(1);
        assertThat(w.f.events.ofType(TaskEvent.TaskOverdue.class)).singleElement().satisfies(e -> {
            assertThat(e.dueDate()).isEqualTo(DUE);
            assertThat(e.actor().userId()).isEqualTo(ProjectService.SYSTEM_USER);
            assertThat(e.visibility()).isEqualTo(Visibility.CLIENT);
        });
    }

    @Test
    void sweepingTwiceRaisesEachOverdueItemOnce() {
        task(DUE);
        w.projects.addMilestone(w.f.bob, w.acme, w.brand.id(), new NewMilestone("Logo", Optional.of(DUE), false));

        assertThat(w.projects.sweepOverdue(DAY_AFTER, 100)).isEqualTo(2);
        assertThat(w.projects.sweepOverdue(DAY_AFTER.plus(Duration.ofDays(1)), 100)).isZero();
        assertThat(w.f.events.ofType(TaskEvent.TaskOverdue.class)).hasSize(1);
        assertThat(w.f.events.ofType(ProjectEvent.MilestoneOverdue.class)).hasSize(1);
    }

    @Test
    void aDueDateMovedLaterIsRaisedAgainWhenItPasses() {
        Task task = task(DUE);
        w.projects.sweepOverdue(DAY_AFTER, 100);
        LocalDate later = DUE.plusDays(7);
        w.tasks.update(w.f.bob, w.acme, task.id(), new NewTask(task.title(), "", TaskSide.CLIENT, Optional.empty(),
                Optional.of(later), Visibility.CLIENT), task.version());

        assertThat(w.projects.sweepOverdue(DAY_AFTER, 100)).isZero();
        assertThat(w.projects.sweepOverdue(DAY_AFTER.plus(Duration.ofDays(7)), 100)).isEqualTo(1);
        assertThat(w.f.events.ofType(TaskEvent.TaskOverdue.class)).extracting(TaskEvent.TaskOverdue::dueDate)
                .containsExactly(DUE, later);
    }

    @Test
    void doneTasksAndDeliveredMilestonesAreNotOverdue() {
        Task task = task(DUE);
        w.tasks.complete(w.f.bob, w.acme, task.id(), task.version());
        Milestone m = w.projects.addMilestone(w.f.bob, w.acme, w.brand.id(), new NewMilestone("Logo", Optional.of(DUE), false));
        w.projects.deliver(w.f.bob, w.acme, m.id(), m.version());

        assertThat(w.projects.sweepOverdue(DAY_AFTER, 100)).isZero();
    }

    @Test
    void archivedWorkspacesAreSkipped() {
        task(DUE);
        w.f.kit.workspaces().archive(w.f.bob, w.acme, w.f.acme().version());

        assertThat(w.projects.sweepOverdue(DAY_AFTER, 100)).isZero();
    }

    @Test
    void itemsOfAnArchivedWorkspaceAreMarkedSilentlyAndNotScannedAgain() {
        task(DUE);
        w.projects.addMilestone(w.f.bob, w.acme, w.brand.id(), new NewMilestone("Logo", Optional.of(DUE), false));
        w.f.kit.workspaces().archive(w.f.bob, w.acme, w.f.acme().version());

        assertThat(w.projects.sweepOverdue(DAY_AFTER, 100)).isZero();
        assertThat(w.f.stores.require(TaskStore.class).overdueCandidates(DUE.plusDays(30), 100)).isEmpty();
        assertThat(w.f.stores.require(MilestoneStore.class).overdueCandidates(DUE.plusDays(30), 100)).isEmpty();
        assertThat(w.f.events.ofType(TaskEvent.TaskOverdue.class)).isEmpty();
        assertThat(w.f.events.ofType(ProjectEvent.MilestoneOverdue.class)).isEmpty();
    }

    @Test
    void anItemWhoseWriteFailsIsSkippedTheOthersAreRaisedAndTheNextSweepRaisesIt() {
        FaultInjection faults = new FaultInjection();
        ProjectWorld failing = ProjectWorld.on(Fixture.create(faults.wrap(InMemoryStores.create()), b -> { }));
        List<Task> tasks = List.of(failing.add(failing.design, task("Oldest", DUE.minusDays(2))),
                failing.add(failing.design, task("Older", DUE.minusDays(1))),
                failing.add(failing.design, task("Old", DUE)));
        failing.projects.addMilestone(failing.f.bob, failing.acme, failing.brand.id(),
                new NewMilestone("Logo", Optional.of(DUE), false));
        faults.failOn("TaskStore.markOverdue");

        assertThat(failing.projects.sweepOverdue(DAY_AFTER, 100)).isEqualTo(3);
        assertThat(faults.pending()).isFalse();
        assertThat(failing.f.events.ofType(TaskEvent.TaskOverdue.class)).extracting(TaskEvent.TaskOverdue::taskId)
                .containsExactly(tasks.get(1).id(), tasks.get(2).id());
        assertThat(failing.f.events.ofType(ProjectEvent.MilestoneOverdue.class)).hasSize(1);

        assertThat(failing.projects.sweepOverdue(DAY_AFTER, 100)).isEqualTo(1);
        assertThat(failing.f.events.ofType(TaskEvent.TaskOverdue.class)).extracting(TaskEvent.TaskOverdue::taskId)
                .containsExactly(tasks.get(1).id(), tasks.get(2).id(), tasks.get(0).id());
    }

    private static NewTask task(String title, LocalDate due) {
        return new NewTask(title, "", TaskSide.CLIENT, Optional.empty(), Optional.of(due), Visibility.CLIENT);
    }

    @Test
    void anInternalTasksOverdueEventIsTeamOnly() {
        w.add(w.design, new NewTask("Margins", "", TaskSide.TEAM, Optional.empty(), Optional.of(DUE), Visibility.TEAM));

        w.projects.sweepOverdue(DAY_AFTER, 100);

        assertThat(w.f.events.ofType(TaskEvent.TaskOverdue.class)).singleElement()
                .satisfies(e -> assertThat(e.visibility()).isEqualTo(Visibility.TEAM));
    }

    @Test
    void theLimitBoundsOneSweepAndTheNextSweepContinues() {
        for (int i = 0; i < 5; i++) {
            task(DUE.minusDays(i));
        }

        assertThat(w.projects.sweepOverdue(DAY_AFTER, 3)).isEqualTo(3);
        assertThat(w.projects.sweepOverdue(DAY_AFTER, 3)).isEqualTo(2);
    }

    @Test
    void twoConcurrentSweepsRaiseEachItemOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            task(DUE);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> sweep = () -> w.projects.sweepOverdue(DAY_AFTER, 100);
            List<Future<Integer>> results = pool.invokeAll(List.of(sweep, sweep));

            assertThat(results.get(0).get() + results.get(1).get()).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        assertThat(w.f.events.ofType(TaskEvent.TaskOverdue.class)).hasSize(20);
    }
}
