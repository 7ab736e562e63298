package io.clientworkspace.calendar;

import io.clientworkspace.Actor;
import io.clientworkspace.ProjectId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectService;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The due dates of milestones and tasks, through {@link ProjectService#milestonesDueBetween} and
 * {@link TaskService#dueBetween} (which answer only what the actor may see, filtered in the store query). For an
 * actor who sees internal items the effective visibility of each entry is looked up once per project and task
 * list on the page (a bounded number of reads); for anyone else every entry is client-visible by construction.
 */
final class ProjectDueDates implements DueDates {

    private final ProjectService projects;
    private final TaskService tasks;
    private final Authorizer authorizer;

    ProjectDueDates(ProjectService projects, TaskService tasks, Authorizer authorizer) {
        this.projects = requireNonNull(projects, "projects must not be null");
        this.tasks = requireNonNull(tasks, "tasks must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
    }

    @Override
    public List<DueItem> due(Actor actor, WorkspaceId workspaceId, LocalDate from, LocalDate to, int limit) {
        LocalDate last = to.minusDays(1);
        int bounded = Math.min(limit, ProjectService.MAX_DUE_ITEMS);
        boolean team = authorizer.can(actor, workspaceId, Permission.VIEW_INTERNAL);
        Map<ProjectId, Visibility> projectVisibility = new HashMap<>();
        Map<TaskListId, Visibility> listVisibility = new HashMap<>();
        List<DueItem> due = new ArrayList<>();
        for (Milestone m : projects.milestonesDueBetween(actor, workspaceId, from, last, bounded)) {
            Visibility visibility = team ? projectVisibility(actor, workspaceId, m.projectId(), projectVisibility)
                    : Visibility.CLIENT;
            due.add(new DueItem(AgendaEntry.Type.MILESTONE, m.id().value(), m.title(), m.dueDate().orElseThrow(),
                    visibility, m.isDelivered(), m.updatedAt(), m.version()));
        }
        for (Task t : tasks.dueBetween(actor, workspaceId, from, last, bounded)) {
            Visibility visibility = Visibility.CLIENT;
            if (team) {
                visibility = t.visibility() == Visibility.TEAM ? Visibility.TEAM
                        : listVisibility.computeIfAbsent(t.listId(), id -> tasks.findList(actor, workspaceId, id)
                        .map(l -> listEffective(actor, workspaceId, l, projectVisibility)).orElse(Visibility.TEAM));
            }
            due.add(new DueItem(AgendaEntry.Type.TASK, t.id().value(), t.title(), t.dueDate().orElseThrow(), visibility,
                    t.isDone(), t.updatedAt(), t.version()));
        }
        due.sort(Comparator.comparing(DueItem::date).thenComparing(DueItem::type).thenComparing(DueItem::id));
        return due.size() > limit ? List.copyOf(due.subList(0, limit)) : due;
    }

    private Visibility listEffective(Actor actor, WorkspaceId workspaceId, TaskList list,
                                     Map<ProjectId, Visibility> projectVisibility) {
        if (list.visibility() == Visibility.TEAM) {
            return Visibility.TEAM;
        }
        Optional<ProjectId> project = list.projectId();
        return project.map(p -> projectVisibility(actor, workspaceId, p, projectVisibility)).orElse(Visibility.CLIENT);
    }

    private Visibility projectVisibility(Actor actor, WorkspaceId workspaceId, ProjectId id,
                                         Map<ProjectId, Visibility> cache) {
        return cache.computeIfAbsent(id, p -> projects.find(actor, workspaceId, p).map(Project::visibility)
                .orElse(Visibility.TEAM));
    }
}
