package io.clientworkspace.tck;

import io.clientworkspace.ProjectId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.spi.MilestoneStore;
import io.clientworkspace.spi.OnboardingStore;
import io.clientworkspace.spi.ProjectStore;
import io.clientworkspace.spi.StatusUpdateStore;
import io.clientworkspace.spi.TaskListStore;
import io.clientworkspace.spi.TaskStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceStatus;

import java.util.Optional;

/**
 * What the projects feature's store contracts share: the stores, {@link ProjectTestData}, and helpers that store
 * parents before children (tenant, workspace, project, list, task), so implementations with foreign keys pass too.
 * Plugin authors extend the contract of each SPI ({@link ProjectStoreContract}, {@link TaskStoreContract}, ...).
 */
public abstract class ProjectStoreContractSupport extends StoreContractSupport {

    /** Projects, milestones, lists, tasks and status updates built from {@link #data}. */
    protected final ProjectTestData projectData = new ProjectTestData(data);

    /** The project store under test. */
    protected final ProjectStore projects() {
        return stores().require(ProjectStore.class);
    }

    /** The milestone store under test. */
    protected final MilestoneStore milestones() {
        return stores().require(MilestoneStore.class);
    }

    /** The task list store under test. */
    protected final TaskListStore taskLists() {
        return stores().require(TaskListStore.class);
    }

    /** The task store under test. */
    protected final TaskStore tasks() {
        return stores().require(TaskStore.class);
    }

    /** The status update store under test. */
    protected final StatusUpdateStore statusUpdates() {
        return stores().require(StatusUpdateStore.class);
    }

    /** The onboarding store under test. */
    protected final OnboardingStore onboarding() {
        return stores().require(OnboardingStore.class);
    }

    /** A new archived workspace of {@code tenant}, stored. */
    protected final Workspace storedArchivedWorkspace(Tenant tenant) {
        return inUnitOfWork(() -> stores().workspaces().insert(data.aWorkspace(tenant.id())
                .status(WorkspaceStatus.ARCHIVED).build()));
    }

    /** The tenant of a stored workspace. */
    protected final Tenant tenantOf(Workspace workspace) {
        return stores().tenants().find(workspace.tenantId()).orElseThrow();
    }

    /** {@code project}, stored. */
    protected final Project store(Project project) {
        return inUnitOfWork(() -> projects().insert(project));
    }

    /** A new project of the workspace with the visibility, stored. */
    protected final Project storedProject(Workspace workspace, Visibility visibility) {
        return store(projectData.project(workspace, visibility));
    }

    /** {@code milestone}, stored. */
    protected final Milestone store(Milestone milestone) {
        return inUnitOfWork(() -> milestones().insert(milestone));
    }

    /** {@code list}, stored. */
    protected final TaskList store(TaskList list) {
        return inUnitOfWork(() -> taskLists().insert(list));
    }

    /** A new list of the project (or of the workspace level) with the visibility, stored. */
    protected final TaskList storedList(Workspace workspace, Optional<ProjectId> project, Visibility visibility) {
        return store(projectData.list(workspace, project, visibility));
    }

    /** A new client-visible workspace-level list, stored. */
    protected final TaskList storedList(Workspace workspace) {
        return storedList(workspace, Optional.empty(), Visibility.CLIENT);
    }

    /** {@code task}, stored (last in its list). */
    protected final Task store(Task task) {
        return inUnitOfWork(() -> tasks().insert(task));
    }

    /** {@code update}, stored. */
    protected final StatusUpdate store(StatusUpdate update) {
        return inUnitOfWork(() -> statusUpdates().insert(update));
    }
}
