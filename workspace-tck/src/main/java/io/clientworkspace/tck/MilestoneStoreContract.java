package io.clientworkspace.tck;

import io.clientworkspace.activity.Visibility;
import io.clientworkspace.project.Delivery;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.Project;
import io.clientworkspace.spi.MilestoneStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static io.clientworkspace.tck.ProjectTestData.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link MilestoneStore}: every field round-trips, versions, tenant and workspace scope, due-date
 * order, ranges filtered by the project's visibility, and the overdue sweep's candidates and conditional mark (of
 * concurrent markers exactly one wins; a due date moved later is marked again). Extend it and implement
 * {@link #createStores()}.
 */
public abstract class MilestoneStoreContract extends ProjectStoreContractSupport {

    private Milestone update(Milestone milestone) {
        return inUnitOfWork(() -> milestones().update(milestone));
    }

    private Optional<Milestone> reread(Milestone m) {
        return milestones().find(m.tenantId(), m.workspaceId(), m.id());
    }

    private Milestone due(Project project, LocalDate date) {
        return store(projectData.milestone(project, Optional.of(date)));
    }

    private boolean mark(Milestone m, LocalDate dueDate) {
        return inUnitOfWork(() -> milestones().markOverdue(m.tenantId(), m.workspaceId(), m.id(), dueDate));
    }

    @Test
    void aMilestoneWithEveryFieldRoundTripsAtVersionZero() {
        Project project = storedProject(storedWorkspace(), Visibility.CLIENT);
        Milestone full = projectData.fullMilestone(project).withVersion(3);

        assertThat(store(full)).isEqualTo(full.withVersion(0));

        assertThat(reread(full)).contains(full.withVersion(0));
    }

    @Test
    void anUndatedMilestoneRoundTrips() {
        Milestone m = store(projectData.milestone(storedProject(storedWorkspace(), Visibility.CLIENT), Optional.empty()));

        assertThat(reread(m)).contains(m);
    }

    @Test
    void aTakenIdIsAlreadyExists() {
        Milestone first = due(storedProject(storedWorkspace(), Visibility.CLIENT), START);

        assertConflict(ALREADY_EXISTS, () -> store(first.withDelivered(Optional.of(new Delivery(data.instant(),
                data.userId())), data.instant())));

        assertThat(reread(first)).contains(first);
    }

    @Test
    void updateIncrementsTheVersionAndAStaleOneChangesNothing() {
        Milestone stored = due(storedProject(storedWorkspace(), Visibility.CLIENT), START);
        Milestone changed = stored.withDetails(new NewMilestone("Final", Optional.of(START.plusDays(1)), true),
                data.instant());

        assertThat(update(changed)).isEqualTo(changed.withVersion(1));
        assertConflict(STALE_VERSION, () -> update(stored.withDelivered(Optional.of(new Delivery(data.instant(),
                data.userId())), data.instant())));

        assertThat(reread(stored)).contains(changed.withVersion(1));
    }

    @Test
    void aMilestoneIsInvisibleFromAnotherWorkspaceOrTenant() {
        Workspace workspace = storedWorkspace();
        Workspace sibling = storedWorkspace(tenantOf(workspace));
        Workspace foreign = storedWorkspace();
        Project project = storedProject(workspace, Visibility.CLIENT);
        Milestone m = due(project, START);

        assertThat(milestones().find(workspace.tenantId(), sibling.id(), m.id())).isEmpty();
        assertThat(milestones().find(foreign.tenantId(), workspace.id(), m.id())).isEmpty();
        assertThat(milestones().listForProject(foreign.tenantId(), workspace.id(), project.id(), 10)).isEmpty();
        assertThat(milestones().listForProject(workspace.tenantId(), sibling.id(), project.id(), 10)).isEmpty();
        assertThat(milestones().countForProject(foreign.tenantId(), workspace.id(), project.id())).isZero();
        assertThat(milestones().dueBetween(foreign.tenantId(), workspace.id(), START, START, true, 10)).isEmpty();
        assertThat(inUnitOfWork(() -> milestones().markOverdue(foreign.tenantId(), workspace.id(), m.id(), START)))
                .isFalse();
    }

    @Test
    void aProjectsMilestonesComeByDueDateUndatedLastThenById() {
        Project project = storedProject(storedWorkspace(), Visibility.CLIENT);
        Milestone undated = store(projectData.milestone(project, Optional.empty()));
        Milestone late = due(project, START.plusDays(9));
        Milestone early = due(project, START);
        Milestone earlyToo = due(project, START);
        due(storedProject(storedWorkspace(tenantOf(storedWorkspace())), Visibility.CLIENT), START);

        assertThat(milestones().listForProject(project.tenantId(), project.workspaceId(), project.id(), 10))
                .extracting(Milestone::id).containsExactly(early.id(), earlyToo.id(), late.id(), undated.id());
        assertThat(milestones().listForProject(project.tenantId(), project.workspaceId(), project.id(), 2))
                .extracting(Milestone::id).containsExactly(early.id(), earlyToo.id());
        assertThat(milestones().countForProject(project.tenantId(), project.workspaceId(), project.id())).isEqualTo(4);
    }

    @Test
    void dueBetweenIsInclusiveAndLeavesOutMilestonesOfInternalProjectsUnlessAsked() {
        Workspace workspace = storedWorkspace();
        Project shared = storedProject(workspace, Visibility.CLIENT);
        Project internal = storedProject(workspace, Visibility.TEAM);
        Milestone first = due(shared, START);
        Milestone hidden = due(internal, START.plusDays(1));
        Milestone last = due(shared, START.plusDays(2));
        due(shared, START.plusDays(3));
        due(shared, START.minusDays(1));
        store(projectData.milestone(shared, Optional.empty()));

        assertThat(milestones().dueBetween(workspace.tenantId(), workspace.id(), START, START.plusDays(2), true, 10))
                .extracting(Milestone::id).containsExactly(first.id(), hidden.id(), last.id());
        assertThat(milestones().dueBetween(workspace.tenantId(), workspace.id(), START, START.plusDays(2), false, 10))
                .extracting(Milestone::id).containsExactly(first.id(), last.id());
        assertThat(milestones().dueBetween(workspace.tenantId(), workspace.id(), START, START.plusDays(2), false, 1))
                .extracting(Milestone::id).containsExactly(first.id());
    }

    @Test
    void overdueCandidatesAreUndeliveredUnmarkedAndPastDueInEveryWorkspaceOfEveryTenantOldestFirst() {
        Workspace one = storedWorkspace();
        Workspace two = storedWorkspace();
        Workspace archived = storedArchivedWorkspace(tenantOf(one));
        Project p1 = storedProject(one, Visibility.CLIENT);
        Project p2 = storedProject(two, Visibility.TEAM);
        Milestone older = due(p2, START.minusDays(5));
        Milestone old = due(p1, START.minusDays(1));
        due(p1, START);
        store(projectData.milestone(p1, Optional.empty()));
        Milestone delivered = due(p1, START.minusDays(3));
        update(delivered.withDelivered(Optional.of(new Delivery(data.instant(), data.userId())), data.instant()));
        Milestone ofArchived = due(storedProject(archived, Visibility.CLIENT), START.minusDays(9));

        assertThat(milestones().overdueCandidates(START, 10)).extracting(Milestone::id)
                .containsExactly(ofArchived.id(), older.id(), old.id());
        assertThat(milestones().overdueCandidates(START, 1)).extracting(Milestone::id).containsExactly(ofArchived.id());
    }

    @Test
    void theOverdueMarkIsSetOnceAndTakesTheMilestoneOutOfTheCandidates() {
        Milestone m = due(storedProject(storedWorkspace(), Visibility.CLIENT), START.minusDays(1));

        assertThat(mark(m, START.minusDays(1))).isTrue();
        assertThat(mark(m, START.minusDays(1))).isFalse();

        assertThat(milestones().overdueCandidates(START, 10)).isEmpty();
        assertThat(reread(m)).contains(m);
    }

    @Test
    void aMarkForAnotherDueDateOrOfADeliveredMilestoneIsNotSet() {
        Milestone m = due(storedProject(storedWorkspace(), Visibility.CLIENT), START.minusDays(1));
        Milestone delivered = update(due(storedProject(storedWorkspace(), Visibility.CLIENT), START.minusDays(1))
                .withDelivered(Optional.of(new Delivery(data.instant(), data.userId())), data.instant()));

        assertThat(mark(m, START.minusDays(2))).isFalse();
        assertThat(mark(delivered, START.minusDays(1))).isFalse();

        assertThat(milestones().overdueCandidates(START, 10)).extracting(Milestone::id).containsExactly(m.id());
    }

    @Test
    void anUpdateKeepsTheMarkAndADueDateMovedLaterIsACandidateAgain() {
        Milestone m = due(storedProject(storedWorkspace(), Visibility.CLIENT), START.minusDays(5));
        mark(m, START.minusDays(5));
        Milestone renamed = update(m.withDetails(new NewMilestone("Renamed", m.dueDate(), false), data.instant()));

        assertThat(milestones().overdueCandidates(START, 10)).isEmpty();

        Milestone moved = update(renamed.withDetails(new NewMilestone("Renamed", Optional.of(START.minusDays(2)), false),
                data.instant()));
        assertThat(milestones().overdueCandidates(START, 10)).extracting(Milestone::id).containsExactly(m.id());
        assertThat(mark(moved, START.minusDays(2))).isTrue();
        assertThat(milestones().overdueCandidates(START, 10)).isEmpty();
    }

    @Test
    void ofConcurrentMarksExactlyOneSetsIt() {
        Milestone m = due(storedProject(storedWorkspace(), Visibility.CLIENT), START.minusDays(1));

        Concurrently.Outcomes<Boolean> outcomes = Concurrently.run(i -> mark(m, START.minusDays(1)));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.successes()).containsOnlyOnce(true).hasSize(Concurrently.THREADS);
    }
}
