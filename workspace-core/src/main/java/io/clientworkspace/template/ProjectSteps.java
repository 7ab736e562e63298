package io.clientworkspace.template;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectService;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskService;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.workspace.Workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The steps that go through the projects feature: projects, milestones, lists, tasks, checklist, contract date. */
final class ProjectSteps {

    private ProjectSteps() {
    }

    /** Projects in order, each with its milestones, then its task lists with their tasks in order. */
    static void makeProjects(Actor actor, Workspace workspace, List<ProjectSpec> specs, LocalDate start, UserId owner,
                             Optional<ProjectService> projects, Optional<TaskService> tasks) {
        for (ProjectSpec spec : specs) {
            Project project = projects.orElseThrow().create(actor, workspace.id(), new NewProject(spec.name(),
                    spec.description(), spec.visibility(), Optional.of(start.plusDays(spec.startOffsetDays())),
                    spec.targetOffsetDays().map(start::plusDays), owner));
            for (MilestoneSpec milestone : spec.milestones()) {
                projects.orElseThrow().addMilestone(actor, workspace.id(), project.id(), new NewMilestone(
                        milestone.title(), Optional.of(start.plusDays(milestone.dueOffsetDays())),
                        milestone.requiresApproval()));
            }
            for (TaskListSpec listSpec : spec.taskLists()) {
                TaskList list = tasks.orElseThrow().createList(actor, workspace.id(),
                        new NewTaskList(Optional.of(project.id()), listSpec.name(), listSpec.visibility()));
                for (TaskSpec task : listSpec.tasks()) {
                    tasks.orElseThrow().addTask(actor, workspace.id(), list.id(), new NewTask(task.title(),
                            task.notes(), task.side(), Optional.empty(), task.dueOffsetDays().map(start::plusDays),
                            task.visibility()));
                }
            }
        }
    }

    /** The onboarding checklist: client-side, client-visible, unassigned tasks of the ONBOARDING list. */
    static void makeChecklist(Actor actor, Workspace workspace, List<ChecklistItemSpec> items, LocalDate start,
                              Optional<TaskService> tasks) {
        if (items.isEmpty()) {
            return;
        }
        TaskList checklist = tasks.orElseThrow().onboardingChecklist(actor, workspace.id());
        for (ChecklistItemSpec item : items) {
            tasks.orElseThrow().addTask(actor, workspace.id(), checklist.id(), new NewTask(item.title(), item.notes(),
                    TaskSide.CLIENT, Optional.empty(), item.dueOffsetDays().map(start::plusDays), Visibility.CLIENT));
        }
    }

    static void recordContractSigned(Actor actor, Workspace workspace, Instant at, Optional<ProjectService> projects) {
        projects.orElseThrow().recordContractSigned(actor, workspace.id(), at);
    }
}
