package io.clientworkspace.tck;

import io.clientworkspace.ApprovalId;
import io.clientworkspace.MilestoneId;
import io.clientworkspace.ProjectId;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.project.Acknowledgement;
import io.clientworkspace.project.Completion;
import io.clientworkspace.project.Delivery;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskListKind;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.workspace.Workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Test data for the projects feature's store contracts: projects, milestones, task lists, tasks, status updates and
 * acknowledgements with every optional part present or absent; ids (made later sort later), users and instants come
 * from a {@link TestData}.
 */
public final class ProjectTestData {

    /** A date every contract uses as "the start": far enough in the future that nothing is overdue by accident. */
    public static final LocalDate START = LocalDate.of(2030, 3, 1);

    private final TestData data;

    public ProjectTestData(TestData data) {
        this.data = requireNonNull(data, "data must not be null");
    }

    /** A new project id. */
    public ProjectId projectId() {
        return ProjectId.of(data.unique("pr"));
    }

    /** A new milestone id. */
    public MilestoneId milestoneId() {
        return MilestoneId.of(data.unique("ms"));
    }

    /** A new task list id. */
    public TaskListId taskListId() {
        return TaskListId.of(data.unique("tl"));
    }

    /** A new task id. */
    public TaskId taskId() {
        return TaskId.of(data.unique("tk"));
    }

    /** A new status update id. */
    public StatusUpdateId statusUpdateId() {
        return StatusUpdateId.of(data.unique("su"));
    }

    /** A client-visible project of the workspace without dates, ON_TRACK, at version 0. */
    public Project project(Workspace workspace) {
        return project(workspace, Visibility.CLIENT);
    }

    /** A project of the workspace with the given visibility, without dates, ON_TRACK, at version 0. */
    public Project project(Workspace workspace, Visibility visibility) {
        Instant at = data.instant();
        return new Project(projectId(), workspace.tenantId(), workspace.id(), "Brand refresh", "", visibility,
                Optional.empty(), Optional.empty(), ProjectHealth.ON_TRACK, data.userId(), data.userId(), at, at, 0);
    }

    /** A project with every optional part present and text outside ASCII. */
    public Project fullProject(Workspace workspace) {
        Instant at = data.instant();
        return new Project(projectId(), workspace.tenantId(), workspace.id(), "Relaunch „Marke“ – Q3",
                "Zwei Zeilen\nmit Umlauten: äöü\tund Tab", Visibility.TEAM, Optional.of(START),
                Optional.of(START.plusDays(90)), ProjectHealth.AT_RISK, data.userId(), data.userId(), at,
                data.instant(), 0);
    }

    /** An undelivered milestone of the project without approval, due on {@code due} (or undated). */
    public Milestone milestone(Project project, Optional<LocalDate> due) {
        Instant at = data.instant();
        return new Milestone(milestoneId(), project.tenantId(), project.workspaceId(), project.id(), "Concepts", due,
                false, Optional.empty(), Optional.empty(), at, at, 0);
    }

    /** A delivered milestone requiring approval, with a linked approval id. */
    public Milestone fullMilestone(Project project) {
        Instant at = data.instant();
        return new Milestone(milestoneId(), project.tenantId(), project.workspaceId(), project.id(),
                "Entwürfe „final“", Optional.of(START.plusDays(14)), true,
                Optional.of(ApprovalId.of(data.unique("ap"))), Optional.of(new Delivery(data.instant(), data.userId())),
                at, data.instant(), 0);
    }

    /** An ordinary list of the project (or at workspace level) with the given visibility. */
    public TaskList list(Workspace workspace, Optional<ProjectId> project, Visibility visibility) {
        Instant at = data.instant();
        return new TaskList(taskListId(), workspace.tenantId(), workspace.id(), project, TaskListKind.PROJECT,
                "Design", visibility, at, at, 0);
    }

    /** The workspace's onboarding checklist (no project, client-visible). */
    public TaskList onboardingList(Workspace workspace) {
        Instant at = data.instant();
        return new TaskList(taskListId(), workspace.tenantId(), workspace.id(), Optional.empty(),
                TaskListKind.ONBOARDING, "Onboarding checklist", Visibility.CLIENT, at, at, 0);
    }

    /** A client-visible, team-side task of the list, open, unassigned, undated. */
    public Task task(TaskList list) {
        return task(list, Visibility.CLIENT);
    }

    /** A team-side task of the list with the given visibility, open, unassigned, undated. */
    public Task task(TaskList list, Visibility visibility) {
        Instant at = data.instant();
        return new Task(taskId(), list.tenantId(), list.workspaceId(), list.id(), "Upload your logo", "",
                TaskSide.TEAM, Optional.empty(), Optional.empty(), Optional.empty(), visibility, data.userId(), at, at,
                0);
    }

    /** An open task of the list due on {@code due}. */
    public Task taskDue(TaskList list, LocalDate due) {
        Task t = task(list);
        return new Task(t.id(), t.tenantId(), t.workspaceId(), t.listId(), t.title(), t.notes(), t.side(),
                t.assignee(), Optional.of(due), t.completed(), t.visibility(), t.createdBy(), t.createdAt(),
                t.updatedAt(), 0);
    }

    /** A done, client-side task with every optional part present. */
    public Task fullTask(TaskList list) {
        Instant at = data.instant();
        return new Task(taskId(), list.tenantId(), list.workspaceId(), list.id(), "Logo „hochladen“ ✓",
                "Bitte als SVG.\nDanke!\tTab", TaskSide.CLIENT, Optional.of(data.userId()),
                Optional.of(START.plusDays(3)), Optional.of(new Completion(data.instant(), data.userId())),
                Visibility.CLIENT, data.userId(), at, data.instant(), 0);
    }

    /** {@code task} done now by a new user (same version). */
    public Task done(Task task) {
        return task.withCompleted(Optional.of(new Completion(data.instant(), data.userId())), data.instant());
    }

    /** A status update of the project with the given visibility and health. */
    public StatusUpdate statusUpdate(Project project, Visibility visibility, ProjectHealth health) {
        return new StatusUpdate(statusUpdateId(), project.tenantId(), project.workspaceId(), project.id(), health,
                "Week 12: on plan", "Concepts „final“", "Reviews\nnext week", "", visibility, data.userId(),
                data.instant(), 0);
    }

    /** An acknowledgement of the update by {@code user}, now. */
    public Acknowledgement acknowledgement(StatusUpdate update, UserId user) {
        return new Acknowledgement(update.id(), user, data.instant());
    }
}
