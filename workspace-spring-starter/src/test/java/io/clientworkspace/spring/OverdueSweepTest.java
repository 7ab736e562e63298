package io.clientworkspace.spring;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.TaskEvent;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link OverdueSweep}: one run raises each overdue task once, and what switches it off. */
class OverdueSweepTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");

    @Test
    void aRunRaisesEachOverdueTaskOnceAcrossRuns() {
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        WorkspaceKit kit = WorkspaceKit.builder().stores(InMemoryStores.create()).clock(clock).listener(events::add)
                .build();
        var tenant = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        Workspace ws = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", "acme"));
        Project project = kit.projects().create(alice, ws.id(), new NewProject("Brand", "", Visibility.CLIENT,
                Optional.empty(), Optional.empty(), alice.userId()));
        TaskList list = kit.tasks().createList(alice, ws.id(), new NewTaskList(Optional.of(project.id()), "Launch",
                Visibility.CLIENT));
        kit.tasks().addTask(alice, ws.id(), list.id(), new NewTask("Late", "", TaskSide.TEAM, Optional.empty(),
                Optional.of(LocalDate.of(2030, 1, 9)), Visibility.CLIENT));
        kit.tasks().addTask(alice, ws.id(), list.id(), new NewTask("Due today", "", TaskSide.TEAM, Optional.empty(),
                Optional.of(LocalDate.of(2030, 1, 10)), Visibility.CLIENT));
        OverdueSweep sweep = new OverdueSweep(kit, clock, Duration.ofMinutes(15), 500);

        sweep.sweepOnce();
        sweep.sweepOnce();

        assertThat(events).filteredOn(TaskEvent.TaskOverdue.class::isInstance)
                .extracting(e -> ((TaskEvent.TaskOverdue) e).title()).containsExactly("Late");
    }

    @Test
    void withTheIntervalOffNoThreadIsStarted() {
        OverdueSweep sweep = new OverdueSweep(WorkspaceKit.inMemory(), Clock.systemUTC(), Duration.ZERO, 500);

        sweep.start();

        assertThat(sweep.isRunning()).isFalse();
    }

    @Test
    void onAStoreSetWithoutProjectStoresNoThreadIsStarted() {
        Stores all = InMemoryStores.create();
        Stores.Builder foundation = Stores.builder(all.unitOfWork());
        Stores.FOUNDATION.forEach(spi -> copy(all, foundation, spi));
        OverdueSweep sweep = new OverdueSweep(WorkspaceKit.builder().stores(foundation.build()).build(),
                Clock.systemUTC(), Duration.ofMinutes(15), 500);

        sweep.start();

        assertThat(sweep.isRunning()).isFalse();
    }

    @Test
    void withAPositiveIntervalItRunsUntilStopped() {
        OverdueSweep sweep = new OverdueSweep(WorkspaceKit.inMemory(), Clock.systemUTC(), Duration.ofMinutes(15), 500);

        sweep.start();
        boolean running = sweep.isRunning();
        sweep.stop();

        assertThat(running).isTrue();
        assertThat(sweep.isRunning()).isFalse();
    }

    @Test
    void aBatchOutOfBoundsIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new OverdueSweep(WorkspaceKit.inMemory(), Clock.systemUTC(), Duration.ofMinutes(15), 0))
                .hasMessageContaining("client-workspace.projects.overdue-sweep-batch");
        assertThatThrownBy(() -> new OverdueSweep(WorkspaceKit.inMemory(), Clock.systemUTC(), Duration.ofMinutes(15),
                10_001)).hasMessageContaining("client-workspace.projects.overdue-sweep-batch");
    }

    private static <S> void copy(Stores from, Stores.Builder to, Class<S> spi) {
        to.add(spi, from.require(spi));
    }
}
