package io.clientworkspace.examples.portal.web;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.MilestoneId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ProjectId;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.examples.portal.web.ProjectViews.FactView;
import io.clientworkspace.examples.portal.web.ProjectViews.MilestoneView;
import io.clientworkspace.examples.portal.web.ProjectViews.ProjectRow;
import io.clientworkspace.examples.portal.web.ProjectViews.StatusView;
import io.clientworkspace.examples.portal.web.ProjectViews.TaskListView;
import io.clientworkspace.examples.portal.web.ProjectViews.TaskView;
import io.clientworkspace.examples.portal.web.Views.Option;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.project.Acknowledgement;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.NewProject;
import io.clientworkspace.project.NewStatusUpdate;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.OnboardingFacts;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskListKind;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.workspace.Workspace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Projects tab of a workspace (its projects with health badges), one project (health, dates and owner; the
 * milestone timeline; the task lists with a check box per task for whoever may tick it; the status updates feed
 * with "Acknowledge" and who saw each one; the team's forms to add milestones, lists and tasks, move tasks, set the
 * health and post a status update) and the client's onboarding checklist on the workspace home. Every decision is
 * the kit's: the pages only hide controls the kit would refuse, and everything shown comes from the kit's answers
 * for the signed-in user, so internal items never reach a client's page.
 *
 * <p>The pages are server-side forms (one POST per check box), usable without JavaScript.
 */
@Controller
public class ProjectsController {

    /** Tasks shown per list on a page (the kit pages them; "More tasks" follows the cursor). */
    static final int TASK_PAGE = 100;
    private static final int STATUS_PAGE = 20;

    private final WorkspaceKit kit;
    private final WorkspaceController workspaces;
    private final Clock clock = Clock.systemUTC();

    public ProjectsController(WorkspaceKit kit, WorkspaceController workspaces) {
        this.kit = kit;
        this.workspaces = workspaces;
    }

    /** Whether the kit's projects feature is available (its stores are provided). */
    static boolean available(WorkspaceKit kit) {
        return kit.features().stream().anyMatch(f -> f.name().equals("projects") && f.available());
    }

    // ------------------------------------------------------------------------------------------ the tab

    @GetMapping("/workspaces/{slug}/projects")
    public String list(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "") String after,
                       Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        PageRequest page = after.isBlank() ? PageRequest.first(PageRequest.DEFAULT_LIMIT)
                : PageRequest.after(after, PageRequest.DEFAULT_LIMIT);
        Page<Project> projects = kit.projects().list(actor, workspace.id(), page);
        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("projects", projects.items().stream().map(this::row).toList());
        model.addAttribute("nextCursor", projects.nextCursor().orElse(null));
        boolean manage = !workspace.isArchived() && grant.allows(Permission.MANAGE_PROJECTS);
        model.addAttribute("canManage", manage);
        model.addAttribute("owners", manage ? teamMembers(actor, workspace) : List.of());
        return "projects";
    }

    @PostMapping("/workspaces/{slug}/projects")
    public String create(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "") String name,
                         @RequestParam(defaultValue = "") String description,
                         @RequestParam(defaultValue = "CLIENT") String visibility,
                         @RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String target,
                         @RequestParam(defaultValue = "") String owner, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            Project created = kit.projects().create(actor, workspace.id(), new NewProject(name, description,
                    visibility(visibility), date(start), date(target),
                    owner.isBlank() ? actor.userId() : userId(owner)));
            redirect.addFlashAttribute("notice", "Project “" + created.name() + "” created.");
            return "redirect:/workspaces/" + workspace.slug() + "/projects/" + created.id().value();
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The project was not created: " + FilesController.reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/workspaces/" + workspace.slug() + "/projects";
    }

    // ------------------------------------------------------------------------------------------ one project

    @GetMapping("/workspaces/{slug}/projects/{projectId}")
    public String project(Actor actor, @PathVariable String slug, @PathVariable String projectId,
                          @RequestParam(defaultValue = "") String list, @RequestParam(defaultValue = "") String after,
                          Model model) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        Project project = kit.projects().get(actor, workspace.id(), projectId(projectId));
        boolean manage = !workspace.isArchived() && grant.allows(Permission.MANAGE_PROJECTS);
        LocalDate today = today();

        WorkspaceTabs.header(kit, actor, workspace, grant, model);
        model.addAttribute("project", project);
        model.addAttribute("row", row(project));
        model.addAttribute("milestones", kit.projects().milestones(actor, workspace.id(), project.id()).stream()
                .map(m -> milestone(actor, workspace, m, today)).toList());
        List<TaskListView> lists = new ArrayList<>();
        for (TaskList l : kit.tasks().lists(actor, workspace.id(), Optional.of(project.id()))) {
            String cursor = l.id().value().equals(list) && !after.isBlank() ? after : "";
            lists.add(listView(actor, grant, workspace, l, cursor, today));
        }
        model.addAttribute("lists", lists);
        Page<StatusUpdate> updates = kit.projects().statusUpdates(actor, workspace.id(), project.id(),
                PageRequest.first(STATUS_PAGE));
        boolean writable = !workspace.isArchived();
        model.addAttribute("updates", updates.items().stream().map(u -> status(actor, workspace, u, writable)).toList());
        model.addAttribute("canManage", manage);
        model.addAttribute("assignees", manage ? assignees(actor, workspace) : List.of());
        model.addAttribute("healths", Arrays.stream(ProjectHealth.values())
                .map(h -> new Option(h.name(), ProjectViews.health(h))).toList());
        model.addAttribute("today", today.toString());
        return "project";
    }

    @PostMapping("/workspaces/{slug}/projects/{projectId}/health")
    public String health(Actor actor, @PathVariable String slug, @PathVariable String projectId,
                         @RequestParam(defaultValue = "") String health, @RequestParam(defaultValue = "-1") long version,
                         RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            Project after = kit.projects().setHealth(actor, workspace.id(), projectId(projectId), health(health), version);
            redirect.addFlashAttribute("notice", "“" + after.name() + "” is now " + ProjectViews.health(after.health()) + ".");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The health did not change: " + FilesController.reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return projectPage(workspace, projectId);
    }

    @PostMapping("/workspaces/{slug}/projects/{projectId}/milestones")
    public String addMilestone(Actor actor, @PathVariable String slug, @PathVariable String projectId,
                               @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String due,
                               @RequestParam(defaultValue = "false") boolean requiresApproval,
                               RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            Milestone m = kit.projects().addMilestone(actor, workspace.id(), projectId(projectId),
                    new NewMilestone(title, date(due), requiresApproval));
            redirect.addFlashAttribute("notice", "Milestone “" + m.title() + "” added.");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The milestone was not added: " + FilesController.reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return projectPage(workspace, projectId) + "#milestones";
    }

    /** Delivers ({@code action=deliver}) or undelivers ({@code action=undeliver}) a milestone; the team. */
    @PostMapping("/workspaces/{slug}/milestones/{milestoneId}/delivery")
    public String delivery(Actor actor, @PathVariable String slug, @PathVariable String milestoneId,
                           @RequestParam(defaultValue = "deliver") String action,
                           @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        MilestoneId id = milestoneId(milestoneId);
        Milestone before = kit.projects().getMilestone(actor, workspace.id(), id);
        try {
            Milestone after = "undeliver".equals(action)
                    ? kit.projects().undeliver(actor, workspace.id(), id, version)
                    : kit.projects().deliver(actor, workspace.id(), id, version);
            redirect.addFlashAttribute("notice", "“" + after.title() + "” is "
                    + (after.delivered().isPresent() ? "delivered." : "no longer delivered."));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return projectPage(workspace, before.projectId().value()) + "#milestones";
    }

    @PostMapping("/workspaces/{slug}/projects/{projectId}/lists")
    public String addList(Actor actor, @PathVariable String slug, @PathVariable String projectId,
                          @RequestParam(defaultValue = "") String name,
                          @RequestParam(defaultValue = "CLIENT") String visibility, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            TaskList created = kit.tasks().createList(actor, workspace.id(), new NewTaskList(
                    Optional.of(projectId(projectId)), name, visibility(visibility)));
            redirect.addFlashAttribute("notice", "List “" + created.name() + "” added.");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The list was not added: " + FilesController.reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return projectPage(workspace, projectId) + "#tasks";
    }

    /** Adds a task to a list (a project's, or the onboarding checklist); the team. */
    @PostMapping("/workspaces/{slug}/lists/{listId}/tasks")
    public String addTask(Actor actor, @PathVariable String slug, @PathVariable String listId,
                          @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String notes,
                          @RequestParam(defaultValue = "CLIENT") String side,
                          @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "") String due,
                          @RequestParam(defaultValue = "CLIENT") String visibility, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        TaskList list = kit.tasks().getList(actor, workspace.id(), listId(listId));
        try {
            Task task = kit.tasks().addTask(actor, workspace.id(), list.id(), new NewTask(title, notes, side(side),
                    assignee.isBlank() ? Optional.empty() : Optional.of(userId(assignee)), date(due),
                    visibility(visibility)));
            redirect.addFlashAttribute("notice", "Task “" + task.title() + "” added.");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The task was not added: " + FilesController.reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return listPage(workspace, list);
    }

    /** Adds an item to the workspace's onboarding checklist (created on first use); the team. */
    @PostMapping("/workspaces/{slug}/onboarding/tasks")
    public String addChecklistItem(Actor actor, @PathVariable String slug, @RequestParam(defaultValue = "") String title,
                                   @RequestParam(defaultValue = "") String due, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        if (!grant.allows(Permission.MANAGE_PROJECTS)) {
            throw new AccessDeniedException(actor, Permission.MANAGE_PROJECTS.name(), "add checklist items");
        }
        TaskList checklist = kit.tasks().onboardingChecklist(actor, workspace.id());
        return addTask(actor, slug, checklist.id().value(), title, "", TaskSide.CLIENT.name(), "", due,
                Visibility.CLIENT.name(), redirect);
    }

    /** Ticks ({@code done=true}) or unticks a task; whoever may (the kit decides: 403, or 404 for a hidden task). */
    @PostMapping("/workspaces/{slug}/tasks/{taskId}/completion")
    public String tick(Actor actor, @PathVariable String slug, @PathVariable String taskId,
                       @RequestParam(defaultValue = "true") boolean done, @RequestParam(defaultValue = "-1") long version,
                       RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        TaskId id = taskId(taskId);
        Task before = kit.tasks().get(actor, workspace.id(), id);
        try {
            Task after = done ? kit.tasks().complete(actor, workspace.id(), id, version)
                    : kit.tasks().uncomplete(actor, workspace.id(), id, version);
            redirect.addFlashAttribute("notice", "“" + after.title() + "” is " + (after.completed().isPresent()
                    ? "done." : "open again."));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return listPage(workspace, kit.tasks().getList(actor, workspace.id(), before.listId()));
    }

    /** Moves a task one place up ({@code direction=up}) or down in its list; the team. */
    @PostMapping("/workspaces/{slug}/tasks/{taskId}/move")
    public String move(Actor actor, @PathVariable String slug, @PathVariable String taskId,
                       @RequestParam(defaultValue = "down") String direction,
                       @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        TaskId id = taskId(taskId);
        Task task = kit.tasks().get(actor, workspace.id(), id);
        TaskList list = kit.tasks().getList(actor, workspace.id(), task.listId());
        try {
            List<Task> neighbours = neighbours(actor, workspace, list, id);
            int at = indexOf(neighbours, id);
            Optional<Optional<TaskId>> after = "up".equals(direction)
                    ? (at == 0 ? Optional.empty() : Optional.of(at == 1 ? Optional.<TaskId>empty()
                            : Optional.of(neighbours.get(at - 2).id())))
                    : (at == neighbours.size() - 1 ? Optional.empty() : Optional.of(Optional.of(neighbours.get(at + 1).id())));
            if (after.isPresent()) {
                kit.tasks().move(actor, workspace.id(), id, after.get(), version);
                redirect.addFlashAttribute("notice", "“" + task.title() + "” moved " + ("up".equals(direction) ? "up." : "down."));
            }
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The task did not move: " + FilesController.reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return listPage(workspace, list);
    }

    @PostMapping("/workspaces/{slug}/projects/{projectId}/status-updates")
    public String postStatus(Actor actor, @PathVariable String slug, @PathVariable String projectId,
                             @RequestParam(defaultValue = "") String health, @RequestParam(defaultValue = "") String summary,
                             @RequestParam(defaultValue = "") String done, @RequestParam(defaultValue = "") String next,
                             @RequestParam(defaultValue = "") String risks,
                             @RequestParam(defaultValue = "CLIENT") String visibility, RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        try {
            kit.projects().postStatus(actor, workspace.id(), projectId(projectId), new NewStatusUpdate(health(health),
                    summary, done, next, risks, visibility(visibility)));
            redirect.addFlashAttribute("notice", "Status update posted.");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "The status update was not posted: " + FilesController.reasons(e));
        } catch (ConflictException | ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return projectPage(workspace, projectId) + "#status-updates";
    }

    @PostMapping("/workspaces/{slug}/status-updates/{updateId}/acknowledgement")
    public String acknowledge(Actor actor, @PathVariable String slug, @PathVariable String updateId,
                              RedirectAttributes redirect) {
        Workspace workspace = workspaces.visible(actor, slug);
        StatusUpdateId id = statusUpdateId(updateId);
        StatusUpdate update = kit.projects().getStatusUpdate(actor, workspace.id(), id);
        try {
            kit.projects().acknowledge(actor, workspace.id(), id);
            redirect.addFlashAttribute("notice", "Thanks: the team sees that you read this update.");
        } catch (ArchivedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return projectPage(workspace, update.projectId().value()) + "#status-updates";
    }

    // ------------------------------------------------------------------------------------------ the home

    /**
     * The onboarding card of the workspace home: the checklist (if it has items, or for the team who may add them)
     * with its progress, and for the team the onboarding facts. Nothing when the projects feature is unavailable.
     */
    static void populateHome(WorkspaceKit kit, Actor actor, Workspace workspace, Model model,
                             java.util.function.Function<UserId, String> names) {
        model.addAttribute("checklist", null);
        model.addAttribute("onboardingFacts", List.of());
        if (!available(kit)) {
            return;
        }
        AccessGrant grant = kit.authorizer().grant(actor, workspace.id());
        boolean manage = !workspace.isArchived() && grant.allows(Permission.MANAGE_PROJECTS);
        Optional<TaskList> checklist = kit.tasks().lists(actor, workspace.id(), Optional.empty()).stream()
                .filter(l -> l.kind() == TaskListKind.ONBOARDING).findFirst();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (checklist.isPresent()) {
            ChecklistProgress progress = kit.tasks().progress(actor, workspace.id(), checklist.get().id());
            List<TaskView> tasks = kit.tasks().tasks(actor, workspace.id(), checklist.get().id(),
                            PageRequest.first(TASK_PAGE)).items().stream()
                    .map(t -> task(actor, grant, workspace, t, today, names, false, false, false)).toList();
            if (progress.total() > 0 || manage) {
                model.addAttribute("checklist", new TaskListView(checklist.get().id().value(), checklist.get().name(),
                        false, true, progress.done(), progress.total(), tasks, null));
            }
        } else if (manage) {
            model.addAttribute("checklist", new TaskListView("", "Onboarding checklist", false, true, 0, 0, List.of(), null));
        }
        model.addAttribute("canManageChecklist", manage);
        if (grant.allows(Permission.VIEW_INTERNAL)) {
            OnboardingFacts facts = kit.projects().onboarding(actor, workspace.id());
            List<FactView> rows = new ArrayList<>();
            rows.add(new FactView("fact-contract", "Contract signed",
                    facts.contractSignedAt().map(ProjectViews::day).orElse("not recorded")));
            rows.add(new FactView("fact-checklist", "Checklist complete",
                    facts.checklistCompletedAt().map(ProjectViews::day).orElse("not yet")));
            rows.add(new FactView("fact-first-milestone", "First milestone delivered",
                    facts.firstMilestoneDeliveredAt().map(ProjectViews::day).orElse("not yet")));
            rows.add(new FactView("fact-time-to-onboard", "Time to onboard",
                    facts.timeToFirstDelivery().map(ProjectViews::duration).orElse("—")));
            model.addAttribute("onboardingFacts", rows);
        }
    }

    // ------------------------------------------------------------------------------------------ shared

    private ProjectRow row(Project p) {
        return new ProjectRow(p.id().value(), p.name(), p.health().name(), ProjectViews.health(p.health()),
                ProjectViews.healthSymbol(p.health()), ProjectViews.dates(p.startDate(), p.targetDate()),
                workspaces.nameOf(p.owner()), p.visibility() == Visibility.TEAM);
    }

    private MilestoneView milestone(Actor actor, Workspace workspace, Milestone m, LocalDate today) {
        String approvalTitle = m.approval().flatMap(a -> kit.approvals().find(actor, workspace.id(), a))
                .map(a -> a.title()).orElse(null);
        return new MilestoneView(m.id().value(), m.title(), m.dueDate().map(ProjectViews::day).orElse(""),
                ProjectViews.overdue(m.dueDate(), m.delivered().isPresent(), today), m.delivered().isPresent(),
                m.delivered().map(d -> "delivered by " + workspaces.nameOf(d.by()) + " on " + ProjectViews.day(d.at()))
                        .orElse(""),
                m.requiresApproval(), approvalTitle == null ? null : m.approval().map(ApprovalId::value).orElse(null),
                approvalTitle, m.version());
    }

    private TaskListView listView(Actor actor, AccessGrant grant, Workspace workspace, TaskList list, String after,
                                  LocalDate today) {
        PageRequest page = after.isBlank() ? PageRequest.first(TASK_PAGE) : PageRequest.after(after, TASK_PAGE);
        Page<Task> tasks = kit.tasks().tasks(actor, workspace.id(), list.id(), page);
        ChecklistProgress progress = kit.tasks().progress(actor, workspace.id(), list.id());
        boolean manage = !workspace.isArchived() && grant.allows(Permission.MANAGE_PROJECTS);
        List<Task> items = tasks.items();
        List<TaskView> views = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            views.add(task(actor, grant, workspace, items.get(i), today, workspaces::nameOf, manage,
                    i == 0 && after.isBlank(), i == items.size() - 1 && tasks.nextCursor().isEmpty()));
        }
        return new TaskListView(list.id().value(), list.name(), list.visibility() == Visibility.TEAM,
                list.kind() == TaskListKind.ONBOARDING, progress.done(), progress.total(), views,
                tasks.nextCursor().orElse(null));
    }

    private static TaskView task(Actor actor, AccessGrant grant, Workspace workspace, Task t, LocalDate today,
                                 java.util.function.Function<UserId, String> names, boolean manage, boolean first,
                                 boolean last) {
        return new TaskView(t.id().value(), t.title(), t.notes(), ProjectViews.side(t.side()),
                t.assignee().map(names).orElse(""), t.dueDate().map(ProjectViews::day).orElse(""),
                ProjectViews.overdue(t.dueDate(), t.completed().isPresent(), today), t.completed().isPresent(),
                t.completed().map(c -> "done by " + names.apply(c.by()) + " on " + ProjectViews.day(c.at())).orElse(""),
                t.visibility() == Visibility.TEAM, ProjectViews.canTick(actor, grant, workspace.isArchived(), t),
                manage, t.version(), first, last);
    }

    private StatusView status(Actor actor, Workspace workspace, StatusUpdate u, boolean writable) {
        List<Acknowledgement> acks = kit.projects().acknowledgements(actor, workspace.id(), u.id());
        boolean mine = acks.stream().anyMatch(a -> a.user().equals(actor.userId()));
        return new StatusView(u.id().value(), u.health().name(), ProjectViews.health(u.health()),
                ProjectViews.healthSymbol(u.health()), u.summary(), u.done(), u.next(), u.risks(),
                u.visibility() == Visibility.TEAM, workspaces.nameOf(u.author()), Labels.exact(u.postedAt()),
                acks.stream().map(a -> ProjectViews.seenBy(workspaces.nameOf(a.user()), a.at())).toList(),
                writable && !actor.isTeam() && !mine, mine);
    }

    /** The list's tasks from the first up to the one after {@code id} (the kit's pages, followed from the start). */
    private List<Task> neighbours(Actor actor, Workspace workspace, TaskList list, TaskId id) {
        List<Task> seen = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Task> found = kit.tasks().tasks(actor, workspace.id(), list.id(), page);
            seen.addAll(found.items());
            int at = indexOf(seen, id);
            if (found.nextCursor().isEmpty() || at >= 0 && at < seen.size() - 1) {
                return seen;
            }
            page = PageRequest.after(found.nextCursor().get(), PageRequest.MAX_LIMIT);
        }
    }

    private static int indexOf(List<Task> tasks, TaskId id) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private List<Option> teamMembers(Actor actor, Workspace workspace) {
        return members(actor, workspace).stream().filter(m -> !m.role().isClientRole())
                .map(m -> new Option(m.userId().value(), workspaces.nameOf(m.userId()))).toList();
    }

    /** Team members and the client members who may tick tasks, for the assignee select. */
    private List<Option> assignees(Actor actor, Workspace workspace) {
        return members(actor, workspace).stream()
                .filter(m -> !m.role().isClientRole() || kit.authorizer().grant(new Actor(actor.tenantId(), m.userId(),
                        m.role().kind()), workspace.id()).allows(Permission.COMPLETE_TASKS))
                .map(m -> new Option(m.userId().value(), workspaces.nameOf(m.userId())
                        + (m.role().isClientRole() ? " (client)" : " (team)"))).toList();
    }

    private List<Membership> members(Actor actor, Workspace workspace) {
        return kit.members().list(actor, workspace.id(), PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    private String listPage(Workspace workspace, TaskList list) {
        return list.projectId().map(p -> projectPage(workspace, p.value()) + "#list-" + list.id().value())
                .orElse("redirect:/workspaces/" + workspace.slug() + "#onboarding");
    }

    private static String projectPage(Workspace workspace, String projectId) {
        return "redirect:/workspaces/" + workspace.slug() + "/projects/" + projectId(projectId).value();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    static Optional<LocalDate> date(String value) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new ValidationException(io.clientworkspace.FieldError.of("date", "must be a date (YYYY-MM-DD)"));
        }
    }

    static Visibility visibility(String value) {
        return "TEAM".equals(value) ? Visibility.TEAM : Visibility.CLIENT;
    }

    private static TaskSide side(String value) {
        return "TEAM".equals(value) ? TaskSide.TEAM : TaskSide.CLIENT;
    }

    private static ProjectHealth health(String value) {
        try {
            return ProjectHealth.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(io.clientworkspace.FieldError.of("health", "choose one of the healths offered"));
        }
    }

    private static UserId userId(String value) {
        try {
            return UserId.of(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(io.clientworkspace.FieldError.of("assignee", "is not a member of this workspace"));
        }
    }

    static ProjectId projectId(String value) {
        try {
            return ProjectId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("project", "?");
        }
    }

    private static MilestoneId milestoneId(String value) {
        try {
            return MilestoneId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("milestone", "?");
        }
    }

    private static TaskListId listId(String value) {
        try {
            return TaskListId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("task list", "?");
        }
    }

    private static TaskId taskId(String value) {
        try {
            return TaskId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("task", "?");
        }
    }

    private static StatusUpdateId statusUpdateId(String value) {
        try {
            return StatusUpdateId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("status update", "?");
        }
    }
}
