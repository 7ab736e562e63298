package io.clientworkspace.tck;

import io.clientworkspace.ProjectId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.spi.ProjectStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link ProjectStore}: every field round-trips, versions, tenant and workspace scope on every call,
 * creation-ordered keyset lists whose pages are full whether or not internal projects are mixed in, and counts
 * computed by visibility. Extend it and implement {@link #createStores()}.
 */
public abstract class ProjectStoreContract extends ProjectStoreContractSupport {

    private Project update(Project project) {
        return inUnitOfWork(() -> projects().update(project));
    }

    private Optional<Project> reread(Project project) {
        return projects().find(project.tenantId(), project.workspaceId(), project.id());
    }

    @Test
    void aProjectWithEveryFieldRoundTripsAtVersionZero() {
        Project full = projectData.fullProject(storedWorkspace()).withVersion(7);

        Project stored = store(full);

        assertThat(stored).isEqualTo(full.withVersion(0));
        assertThat(reread(full)).contains(full.withVersion(0));
    }

    @Test
    void aTakenIdIsAlreadyExistsAndChangesNothing() {
        Project first = storedProject(storedWorkspace(), Visibility.CLIENT);

        assertConflict(ALREADY_EXISTS, () -> store(first.withHealth(ProjectHealth.OFF_TRACK, data.instant())));

        assertThat(reread(first)).contains(first);
    }

    @Test
    void updateIncrementsTheVersionAndKeepsEveryField() {
        Project stored = storedProject(storedWorkspace(), Visibility.CLIENT);
        Project changed = stored.withDetails(new NewProject("Neu „Name“", "Beschreibung", Visibility.TEAM,
                Optional.of(ProjectTestData.START), Optional.of(ProjectTestData.START), data.userId()), data.instant());

        Project updated = update(changed);

        assertThat(updated).isEqualTo(changed.withVersion(1));
        assertThat(reread(stored)).contains(changed.withVersion(1));
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        Project stored = storedProject(storedWorkspace(), Visibility.CLIENT);
        Project current = update(stored.withHealth(ProjectHealth.AT_RISK, data.instant()));

        assertConflict(STALE_VERSION, () -> update(stored.withHealth(ProjectHealth.OFF_TRACK, data.instant())));

        assertThat(reread(stored)).contains(current);
    }

    @Test
    void updatingAProjectThatDoesNotExistIsAStaleVersion() {
        Project never = projectData.project(storedWorkspace());

        assertConflict(STALE_VERSION, () -> update(never));

        assertThat(reread(never)).isEmpty();
    }

    @Test
    void ofConcurrentUpdatesOfOneVersionExactlyOneWins() {
        Project stored = storedProject(storedWorkspace(), Visibility.CLIENT);

        Concurrently.Outcomes<Project> outcomes = Concurrently.run(i ->
                update(stored.withHealth(ProjectHealth.values()[i % ProjectHealth.values().length], data.instant())));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(reread(stored)).contains(outcomes.successes().get(0));
    }

    @Test
    void aProjectIsInvisibleFromAnotherWorkspaceOrTenant() {
        Workspace workspace = storedWorkspace();
        Workspace sibling = storedWorkspace(tenantOf(workspace));
        Workspace foreign = storedWorkspace();
        Project stored = storedProject(workspace, Visibility.CLIENT);

        assertThat(projects().find(workspace.tenantId(), sibling.id(), stored.id())).isEmpty();
        assertThat(projects().find(foreign.tenantId(), workspace.id(), stored.id())).isEmpty();
        assertThat(projects().list(workspace.tenantId(), sibling.id(), true, Optional.empty(), 10)).isEmpty();
        assertThat(projects().list(foreign.tenantId(), workspace.id(), true, Optional.empty(), 10)).isEmpty();
        assertThat(projects().count(foreign.tenantId(), workspace.id(), true)).isZero();
        assertConflict(STALE_VERSION, () -> update(new Project(stored.id(), foreign.tenantId(), workspace.id(), "x",
                "", Visibility.CLIENT, Optional.empty(), Optional.empty(), ProjectHealth.OFF_TRACK, stored.owner(),
                stored.createdBy(), stored.createdAt(), stored.updatedAt(), 0)));
        assertConflict(STALE_VERSION, () -> update(new Project(stored.id(), workspace.tenantId(), sibling.id(), "x",
                "", Visibility.CLIENT, Optional.empty(), Optional.empty(), ProjectHealth.OFF_TRACK, stored.owner(),
                stored.createdBy(), stored.createdAt(), stored.updatedAt(), 0)));
        assertThat(reread(stored)).contains(stored);
    }

    @Test
    void theListIsInCreationOrderAndItsPagesAreFullWhetherOrNotInternalProjectsAreMixedIn() {
        Workspace workspace = storedWorkspace();
        List<ProjectId> all = new ArrayList<>();
        List<ProjectId> visible = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Visibility v = i % 3 == 1 ? Visibility.TEAM : Visibility.CLIENT;
            Project p = storedProject(workspace, v);
            all.add(p.id());
            if (v == Visibility.CLIENT) {
                visible.add(p.id());
            }
        }

        assertThat(walk(workspace, true, 2)).containsExactlyElementsOf(all);
        assertThat(walk(workspace, false, 2)).containsExactlyElementsOf(visible);
        assertThat(projects().list(workspace.tenantId(), workspace.id(), false, Optional.empty(), 3))
                .extracting(Project::id).containsExactlyElementsOf(visible.subList(0, 3));
        assertThat(projects().list(workspace.tenantId(), workspace.id(), false, Optional.of(all.get(1)), 2))
                .as("seeking after an internal project's id").extracting(Project::id)
                .containsExactlyElementsOf(visible.subList(1, 3));
    }

    /** Every page of {@code limit}: each full except the last. */
    private List<ProjectId> walk(Workspace workspace, boolean includeInternal, int limit) {
        List<ProjectId> seen = new ArrayList<>();
        Optional<ProjectId> after = Optional.empty();
        while (true) {
            List<Project> page = projects().list(workspace.tenantId(), workspace.id(), includeInternal, after, limit);
            page.forEach(p -> seen.add(p.id()));
            if (page.size() < limit) {
                return seen;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
    }

    @Test
    void theCountCountsInternalProjectsOnlyWhenAsked() {
        Workspace workspace = storedWorkspace();
        storedProject(workspace, Visibility.CLIENT);
        storedProject(workspace, Visibility.TEAM);
        storedProject(workspace, Visibility.CLIENT);
        storedProject(storedWorkspace(tenantOf(workspace)), Visibility.CLIENT);

        assertThat(projects().count(workspace.tenantId(), workspace.id(), true)).isEqualTo(3);
        assertThat(projects().count(workspace.tenantId(), workspace.id(), false)).isEqualTo(2);
    }
}
