package io.clientworkspace.jpa;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extreme values the date rule ({@code io.clientworkspace.internal.DateBounds}) accepts fit the JPA columns on
 * H2 ({@code DATE}, {@code TIMESTAMP(6) WITH TIME ZONE}): they are stored and read back unchanged. (Calendar events
 * at the bounds are checked by {@code CalendarContract} on H2 and PostgreSQL.)
 */
class H2DateBoundsRoundTripTest {

    private static final TestDatabase DB = TestDatabase.H2;
    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    @Test
    void theFirstAndLastAcceptedDatesRoundTrip() {
        DB.reset();
        Stores stores = JpaStores.create(DB.emf());
        WorkspaceKit kit = WorkspaceKit.builder().stores(stores).userDirectory((t, u) -> true).build();
        var tenant = kit.tenants().create("Northwind", UserId.of("alice")).id();
        Actor alice = Actor.team(tenant, "alice");
        Workspace ws = kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
        Project project = kit.projects().create(alice, ws.id(), new NewProject("Website", "", Visibility.CLIENT,
                Optional.of(FIRST), Optional.of(LAST), alice.userId()));
        Milestone milestone = kit.projects().addMilestone(alice, ws.id(), project.id(),
                new NewMilestone("Launch", Optional.of(LAST), false));
        TaskList list = kit.tasks().createList(alice, ws.id(),
                new NewTaskList(Optional.of(project.id()), "Design", Visibility.CLIENT));
        Task first = kit.tasks().addTask(alice, ws.id(), list.id(), new NewTask("First", "", TaskSide.TEAM,
                Optional.empty(), Optional.of(FIRST), Visibility.CLIENT));
        Task last = kit.tasks().addTask(alice, ws.id(), list.id(), new NewTask("Last", "", TaskSide.TEAM,
                Optional.empty(), Optional.of(LAST), Visibility.CLIENT));
        Instant signed = Instant.parse("9999-12-31T23:59:59Z");
        kit.projects().recordContractSigned(alice, ws.id(), signed);

        WorkspaceKit reader = WorkspaceKit.builder().stores(JpaStores.create(DB.emf()))
                .userDirectory((t, u) -> true).build();
        Project read = reader.projects().get(alice, ws.id(), project.id());
        assertThat(read.startDate()).contains(FIRST);
        assertThat(read.targetDate()).contains(LAST);
        assertThat(reader.projects().getMilestone(alice, ws.id(), milestone.id()).dueDate()).contains(LAST);
        assertThat(reader.tasks().get(alice, ws.id(), first.id()).dueDate()).contains(FIRST);
        assertThat(reader.tasks().get(alice, ws.id(), last.id()).dueDate()).contains(LAST);
        assertThat(reader.projects().onboarding(alice, ws.id()).contractSignedAt()).contains(signed);
        assertThat(reader.tasks().dueBetween(alice, ws.id(), FIRST, LAST, 10)).extracting(Task::id)
                .containsExactly(first.id(), last.id());
    }
}
