package io.clientworkspace.tck;

import io.clientworkspace.activity.Visibility;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.spi.TaskListStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link TaskListStore}: every field round-trips, versions, tenant and workspace scope, at most one
 * onboarding checklist per workspace (of concurrent creators exactly one wins), and creation-ordered lists per project
 * or workspace level filtered by visibility. Extend it and implement {@link #createStores()}.
 */
public abstract class TaskListStoreContract extends ProjectStoreContractSupport {

    private TaskList update(TaskList list) {
        return inUnitOfWork(() -> taskLists().update(list));
    }

    private Optional<TaskList> reread(TaskList list) {
        return taskLists().find(list.tenantId(), list.workspaceId(), list.id());
    }

    @Test
    void aProjectListAndAnOnboardingListRoundTripAtVersionZero() {
        Workspace workspace = storedWorkspace();
        Project project = storedProject(workspace, Visibility.TEAM);
        TaskList inProject = projectData.list(workspace, Optional.of(project.id()), Visibility.TEAM).withVersion(4);
        TaskList onboarding = projectData.onboardingList(workspace);

        assertThat(store(inProject)).isEqualTo(inProject.withVersion(0));
        assertThat(store(onboarding)).isEqualTo(onboarding);

        assertThat(reread(inProject)).contains(inProject.withVersion(0));
        assertThat(reread(onboarding)).contains(onboarding);
        assertThat(taskLists().findOnboarding(workspace.tenantId(), workspace.id())).contains(onboarding);
    }

    @Test
    void aTakenIdIsAlreadyExists() {
        TaskList first = storedList(storedWorkspace());

        assertConflict(ALREADY_EXISTS, () -> store(first.withName("Other", data.instant())));

        assertThat(reread(first)).contains(first);
    }

    @Test
    void renamingIncrementsTheVersionAndAStaleRenameChangesNothing() {
        TaskList stored = storedList(storedWorkspace());
        TaskList renamed = stored.withName("Entwurf „2“", data.instant());

        assertThat(update(renamed)).isEqualTo(renamed.withVersion(1));
        assertConflict(STALE_VERSION, () -> update(stored.withName("Lost", data.instant())));
        assertConflict(STALE_VERSION, () -> update(projectData.list(storedWorkspace(), Optional.empty(),
                Visibility.CLIENT)));

        assertThat(reread(stored)).contains(renamed.withVersion(1));
    }

    @Test
    void aSecondOnboardingListInTheSameWorkspaceIsRefusedButAnotherWorkspaceMayHaveOne() {
        Workspace workspace = storedWorkspace();
        TaskList first = store(projectData.onboardingList(workspace));

        assertConflict(ALREADY_EXISTS, () -> store(projectData.onboardingList(workspace)));

        assertThat(taskLists().findOnboarding(workspace.tenantId(), workspace.id())).contains(first);
        Workspace sibling = storedWorkspace(tenantOf(workspace));
        assertThat(store(projectData.onboardingList(sibling))).isNotNull();
    }

    @Test
    void ofConcurrentFirstOnboardingListsExactlyOneIsStored() {
        Workspace workspace = storedWorkspace();

        Concurrently.Outcomes<TaskList> outcomes = Concurrently.run(i -> store(projectData.onboardingList(workspace)));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(ALREADY_EXISTS, failure));
        assertThat(taskLists().findOnboarding(workspace.tenantId(), workspace.id())).contains(outcomes.successes().get(0));
    }

    @Test
    void aListIsInvisibleFromAnotherWorkspaceOrTenant() {
        Workspace workspace = storedWorkspace();
        Workspace sibling = storedWorkspace(tenantOf(workspace));
        Workspace foreign = storedWorkspace();
        TaskList list = storedList(workspace);
        store(projectData.onboardingList(workspace));

        assertThat(taskLists().find(workspace.tenantId(), sibling.id(), list.id())).isEmpty();
        assertThat(taskLists().find(foreign.tenantId(), workspace.id(), list.id())).isEmpty();
        assertThat(taskLists().findOnboarding(workspace.tenantId(), sibling.id())).isEmpty();
        assertThat(taskLists().findOnboarding(foreign.tenantId(), workspace.id())).isEmpty();
        assertThat(taskLists().list(foreign.tenantId(), workspace.id(), Optional.empty(), true, 10)).isEmpty();
        assertThat(taskLists().list(workspace.tenantId(), sibling.id(), Optional.empty(), true, 10)).isEmpty();
    }

    @Test
    void listsComePerProjectOrWorkspaceLevelInCreationOrderAndInternalOnlyWhenAsked() {
        Workspace workspace = storedWorkspace();
        Project project = storedProject(workspace, Visibility.CLIENT);
        Project other = storedProject(workspace, Visibility.CLIENT);
        TaskList a = storedList(workspace, Optional.of(project.id()), Visibility.CLIENT);
        TaskList hidden = storedList(workspace, Optional.of(project.id()), Visibility.TEAM);
        TaskList b = storedList(workspace, Optional.of(project.id()), Visibility.CLIENT);
        storedList(workspace, Optional.of(other.id()), Visibility.CLIENT);
        TaskList top = storedList(workspace);
        TaskList onboarding = store(projectData.onboardingList(workspace));
        TaskList topHidden = storedList(workspace, Optional.empty(), Visibility.TEAM);

        assertThat(taskLists().list(workspace.tenantId(), workspace.id(), Optional.of(project.id()), true, 10))
                .extracting(TaskList::id).containsExactly(a.id(), hidden.id(), b.id());
        assertThat(taskLists().list(workspace.tenantId(), workspace.id(), Optional.of(project.id()), false, 10))
                .extracting(TaskList::id).containsExactly(a.id(), b.id());
        assertThat(taskLists().list(workspace.tenantId(), workspace.id(), Optional.of(project.id()), true, 2))
                .extracting(TaskList::id).containsExactly(a.id(), hidden.id());
        assertThat(taskLists().list(workspace.tenantId(), workspace.id(), Optional.empty(), true, 10))
                .extracting(TaskList::id).containsExactly(top.id(), onboarding.id(), topHidden.id());
        assertThat(taskLists().list(workspace.tenantId(), workspace.id(), Optional.empty(), false, 10))
                .extracting(TaskList::id).containsExactly(top.id(), onboarding.id());
    }
}
