package io.clientworkspace.project;

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
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.Permission;

import io.clientworkspace.ActorKind;
import io.clientworkspace.FieldError;
import io.clientworkspace.TenantId;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalService;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.internal.Changes;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.DateBounds;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.MilestoneStore;
import io.clientworkspace.spi.OnboardingStore;
import io.clientworkspace.spi.ProjectStore;
import io.clientworkspace.spi.StatusUpdateStore;
import io.clientworkspace.spi.TaskListStore;
import io.clientworkspace.spi.TaskStore;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.WorkspaceAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.clientworkspace.project.ProjectRules.effective;
import static io.clientworkspace.project.ProjectRules.system;
import static io.clientworkspace.project.ProjectRules.text;
import static io.clientworkspace.project.ProjectRules.throwIfAny;
import static io.clientworkspace.project.ProjectRules.MAX_SUMMARY;
import static io.clientworkspace.project.ProjectRules.MAX_TEXT;
import static io.clientworkspace.project.ProjectRules.MAX_TITLE;
import static java.util.Objects.requireNonNull;

/**
 * Projects, milestones, status updates, onboarding facts and the overdue sweep ({@code kit.projects()}).
 *
 * <p>Who may do what: reading needs {@link Permission#VIEW_WORKSPACE}, plus {@link Permission#VIEW_INTERNAL} for
 * anything whose effective visibility is TEAM (an internal project, its milestones and status updates, internal
 * status updates); every change needs {@link Permission#MANAGE_PROJECTS} (the team), except acknowledging a status
 * update (anyone who sees it). An item the actor may not see answers exactly like an id that does not exist
 * ({@link NotFoundException} with the same type and id). In an archived workspace reads work and every change throws
 * {@link ArchivedException}.
 *
 * <p>Guarantees: every change names the version it expects (stale: {@code STALE_VERSION} conflict); bad input is a
 * {@link ValidationException} naming every invalid field at once; every failed call changes nothing. Non-interference:
 * a client's answers are the same whether or not internal items exist: changes of milestones and status updates
 * never touch the project's version or {@code updatedAt}; an internal status update never changes the project's
 * health; a milestone's linked approval is shown only to actors who may see that approval.
 *
 * <p>Dates are calendar days; "past due" means {@code dueDate < today}, today being the UTC date of the kit's clock.
 */
public final class ProjectService {

    /** The user id of {@link #SYSTEM_USER}, as text. */
    public static final String SYSTEM_USER_ID = "workspace";
    /**
     * The system actor's user id ({@code Actor(tenant, SYSTEM_USER, TEAM)}), used for the overdue sweep's events and
     * the onboarding checklist's creation, like the General conversation's creator.
     */
    public static final UserId SYSTEM_USER = UserId.of(SYSTEM_USER_ID);
    /** The most milestones a project holds. */
    public static final int MAX_MILESTONES = 200;
    /** The most acknowledgements {@link #acknowledgements} returns. */
    public static final int MAX_ACKNOWLEDGEMENTS = 1000;
    /** The most items a due-date range query returns. */
    public static final int MAX_DUE_ITEMS = 1000;

    private static final int MAX_SWEEP = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ProjectService.class);
    private static final String PROJECTS = "prj";
    private static final String STATUS_UPDATES = "stu";

    private final List<ProjectLifecycleHook> hooks;
    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final Optional<ApprovalService> approvals;
    private final ProjectStore projects;
    private final MilestoneStore milestones;
    private final StatusUpdateStore statusUpdates;
    private final OnboardingStore onboarding;
    private final TaskListStore lists;
    private final TaskStore tasks;

    ProjectService(Kernel kernel, WorkspaceAccess access, Optional<ApprovalService> approvals,
                   List<ProjectLifecycleHook> hooks) {
        this.hooks = List.copyOf(requireNonNull(hooks, "hooks must not be null"));
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.approvals = requireNonNull(approvals, "approvals must not be null");
        this.projects = kernel.stores().require(ProjectStore.class);
        this.milestones = kernel.stores().require(MilestoneStore.class);
        this.statusUpdates = kernel.stores().require(StatusUpdateStore.class);
        this.onboarding = kernel.stores().require(OnboardingStore.class);
        this.lists = kernel.stores().require(TaskListStore.class);
        this.tasks = kernel.stores().require(TaskStore.class);
    }

    // ---------------------------------------------------------------- projects

    /**
     * Creates a project (health ON_TRACK). Needs {@link Permission#MANAGE_PROJECTS}.
     *
     * @throws ValidationException {@code name}, {@code description}, {@code targetDate} (before the start),
     *                             {@code owner} ("is not a team member of this workspace")
     */
    public Project create(Actor actor, WorkspaceId workspaceId, NewProject project) {
        requireNonNull(project, "project must not be null");
        return kernel.write(changes -> {
            writable(actor, workspaceId, "create projects");
            List<FieldError> errors = new ArrayList<>();
            checkDetails(actor, workspaceId, project, Optional.empty(), errors);
            throwIfAny(errors);
            Instant now = changes.now();
            Project stored = projects.insert(new Project(ProjectId.of(kernel.newId()), actor.tenantId(), workspaceId,
                    project.name(), project.description(), project.visibility(), project.startDate(),
                    project.targetDate(), ProjectHealth.ON_TRACK, project.owner(), actor.userId(), now, now, 0));
            changes.publish(new ProjectEvent.ProjectCreated(actor.tenantId(), workspaceId, stored.id(), stored.name(),
                    stored.visibility(), actor, now));
            return stored;
        });
    }

    /**
     * Replaces every detail of the project (name, description, visibility, dates, owner); health is changed with
     * {@link #setHealth}. Its milestones, lists, tasks and status updates follow its visibility (their effective
     * visibility). Needs {@link Permission#MANAGE_PROJECTS}. No event and no new version when nothing changes.
     *
     * @throws ConflictException   {@code STALE_VERSION} if it is not at {@code expectedVersion}
     * @throws ValidationException as {@link #create}
     */
    public Project update(Actor actor, WorkspaceId workspaceId, ProjectId projectId, NewProject details,
                          long expectedVersion) {
        requireNonNull(details, "details must not be null");
        return kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "change projects");
            Project current = visibleProject(actor, workspaceId, projectId, internal);
            checkVersion("project", projectId.value(), current.version(), expectedVersion);
            List<FieldError> errors = new ArrayList<>();
            checkDetails(actor, workspaceId, details, Optional.of(current), errors);
            throwIfAny(errors);
            Set<String> changed = new TreeSet<>();
            if (!current.name().equals(details.name())) {
                changed.add("name");
            }
            if (!current.description().equals(details.description())) {
                changed.add("description");
            }
            if (current.visibility() != details.visibility()) {
                changed.add("visibility");
            }
            if (!current.startDate().equals(details.startDate())) {
                changed.add("startDate");
            }
            if (!current.targetDate().equals(details.targetDate())) {
                changed.add("targetDate");
            }
            if (!current.owner().equals(details.owner())) {
                changed.add("owner");
            }
            if (changed.isEmpty()) {
                return current;
            }
            Project stored = projects.update(current.withDetails(details, changes.now()));
            if (changed.contains("visibility")) {
                hooks.forEach(h -> h.projectVisibilityChanged(actor, current, stored, changes));
            }
            changes.publish(new ProjectEvent.ProjectUpdated(actor.tenantId(), workspaceId, projectId, stored.name(),
                    changed, stored.visibility(), actor, changes.now()));
            return stored;
        });
    }

    /**
     * Sets the project's health explicitly (for example after an internal status update). Needs
     * {@link Permission#MANAGE_PROJECTS}. Setting the current health changes nothing.
     *
     * @throws ConflictException {@code STALE_VERSION} if it is not at {@code expectedVersion}
     */
    public Project setHealth(Actor actor, WorkspaceId workspaceId, ProjectId projectId, ProjectHealth health,
                             long expectedVersion) {
        requireNonNull(health, "health must not be null");
        return kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "change the health of projects");
            Project current = visibleProject(actor, workspaceId, projectId, internal);
            checkVersion("project", projectId.value(), current.version(), expectedVersion);
            if (current.health() == health) {
                return current;
            }
            return changeHealth(actor, current, health, Optional.empty(), changes);
        });
    }

    /** The project, if the actor may see it. */
    public Optional<Project> find(Actor actor, WorkspaceId workspaceId, ProjectId projectId) {
        requireNonNull(projectId, "projectId must not be null");
        Optional<Boolean> internal = readableOptional(actor, workspaceId);
        if (internal.isEmpty()) {
            return Optional.empty();
        }
        return projects.find(actor.tenantId(), workspaceId, projectId)
                .filter(p -> internal.get() || p.visibility() == Visibility.CLIENT);
    }

    /** The project, or {@link NotFoundException} ("project"). */
    public Project get(Actor actor, WorkspaceId workspaceId, ProjectId projectId) {
        return find(actor, workspaceId, projectId).orElseThrow(() -> notFound("project", projectId.value()));
    }

    /** The projects the actor may see, in creation order, keyset-paged (cursor: the last project's id). */
    public Page<Project> list(Actor actor, WorkspaceId workspaceId, PageRequest page) {
        requireNonNull(page, "page must not be null");
        boolean internal = readable(actor, workspaceId);
        Optional<ProjectId> after = Cursors.decode(PROJECTS, page.cursor()).map(ProjectId::of);
        List<Project> rows = projects.list(actor.tenantId(), workspaceId, internal, after, page.limit() + 1);
        return Cursors.page(rows, page.limit(), p -> Cursors.encode(PROJECTS, p.id().value()));
    }

    /** How many projects the actor may see in the workspace (counted in the store). */
    public long count(Actor actor, WorkspaceId workspaceId) {
        boolean internal = readable(actor, workspaceId);
        return projects.count(actor.tenantId(), workspaceId, internal);
    }

    // ---------------------------------------------------------------- milestones

    /**
     * Adds a milestone to a project (at most {@value #MAX_MILESTONES}). Needs {@link Permission#MANAGE_PROJECTS}.
     *
     * @throws ValidationException {@code title}
     * @throws ConflictException   {@code INVALID_STATE} when the project has {@value #MAX_MILESTONES} milestones
     */
    public Milestone addMilestone(Actor actor, WorkspaceId workspaceId, ProjectId projectId, NewMilestone milestone) {
        requireNonNull(milestone, "milestone must not be null");
        return kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "add milestones");
            Project project = visibleProject(actor, workspaceId, projectId, internal);
            List<FieldError> errors = new ArrayList<>();
            text(errors, "title", milestone.title(), 1, MAX_TITLE, false);
            DateBounds.check(errors, "dueDate", milestone.dueDate());
            throwIfAny(errors);
            if (milestones.countForProject(actor.tenantId(), workspaceId, projectId) >= MAX_MILESTONES) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE, "Project '" + project.name()
                        + "' already has " + MAX_MILESTONES + " milestones, the most a project holds");
            }
            Instant now = changes.now();
            Milestone stored = milestones.insert(new Milestone(MilestoneId.of(kernel.newId()), actor.tenantId(),
                    workspaceId, projectId, milestone.title(), milestone.dueDate(), milestone.requiresApproval(),
                    Optional.empty(), Optional.empty(), now, now, 0));
            changes.publish(new ProjectEvent.MilestoneAdded(actor.tenantId(), workspaceId, projectId, stored.id(),
                    stored.title(), stored.dueDate(), project.visibility(), actor, now));
            return stored;
        });
    }

    /**
     * Replaces the milestone's title, due date and whether it requires approval. Needs
     * {@link Permission#MANAGE_PROJECTS}. A due date moved makes it eligible for the overdue sweep again.
     *
     * @throws ConflictException   {@code STALE_VERSION} if it is not at {@code expectedVersion}
     * @throws ValidationException {@code title}
     */
    public Milestone updateMilestone(Actor actor, WorkspaceId workspaceId, MilestoneId milestoneId,
                                     NewMilestone details, long expectedVersion) {
        requireNonNull(details, "details must not be null");
        return kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "change milestones");
            Milestone current = visibleMilestone(actor, workspaceId, milestoneId, internal);
            checkVersion("milestone", milestoneId.value(), current.version(), expectedVersion);
            List<FieldError> errors = new ArrayList<>();
            text(errors, "title", details.title(), 1, MAX_TITLE, false);
            DateBounds.check(errors, "dueDate", details.dueDate());
            throwIfAny(errors);
            Set<String> changed = new TreeSet<>();
            if (!current.title().equals(details.title())) {
                changed.add("title");
            }
            if (!current.dueDate().equals(details.dueDate())) {
                changed.add("dueDate");
            }
            if (current.requiresApproval() != details.requiresApproval()) {
                changed.add("requiresApproval");
            }
            if (changed.isEmpty()) {
                return shown(actor, workspaceId, current, internal);
            }
            Milestone stored = milestones.update(current.withDetails(details, changes.now()));
            changes.publish(new ProjectEvent.MilestoneUpdated(actor.tenantId(), workspaceId, stored.projectId(),
                    stored.id(), stored.title(), stored.dueDate(), changed, projectVisibility(stored), actor,
                    changes.now()));
            return shown(actor, workspaceId, stored, internal);
        });
    }

    /**
     * Links the approval that signs the milestone off (or unlinks it, with empty). Needs
     * {@link Permission#MANAGE_PROJECTS}.
     *
     * <p>An approval the workspace's clients may not see (one about an internal file) cannot be linked to a milestone
     * of a client-visible project: the link would change the milestone clients see (version, updated at, activity).
     * If a linked approval becomes internal later (its file is made internal), clients see the milestone without the
     * link, at the same version; unlinking it then is the team's activity only.
     *
     * @throws ValidationException {@code approval} "no such approval" unless it is an approval of this workspace the
     *                             actor sees (also when the approvals feature is unavailable); {@code approval} "is
     *                             internal and cannot be linked to a client-visible milestone"
     * @throws ConflictException   {@code STALE_VERSION} if it is not at {@code expectedVersion}
     */
    public Milestone linkApproval(Actor actor, WorkspaceId workspaceId, MilestoneId milestoneId,
                                  Optional<ApprovalId> approval, long expectedVersion) {
        requireNonNull(approval, "approval must not be null");
        return kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "link approvals to milestones");
            Milestone current = visibleMilestone(actor, workspaceId, milestoneId, internal);
            checkVersion("milestone", milestoneId.value(), current.version(), expectedVersion);
            Visibility milestoneVisibility = projectVisibility(current);
            if (approval.isPresent()) {
                Optional<Visibility> linked = approvals.flatMap(a -> a.visibilityOf(actor, workspaceId, approval.get()));
                if (linked.isEmpty()) {
                    throw new ValidationException(FieldError.of("approval", "no such approval"));
                }
                if (milestoneVisibility == Visibility.CLIENT && linked.get() == Visibility.TEAM
                        && !current.approval().equals(approval)) {
                    throw new ValidationException(FieldError.of("approval",
                            "is internal and cannot be linked to a client-visible milestone"));
                }
            }
            if (current.approval().equals(approval)) {
                return shown(actor, workspaceId, current, internal);
            }
            Milestone stored = milestones.update(current.withApproval(approval, changes.now()));
            // Clients see the change only if they could see the old or the new link (an approval linked while
            // client-visible may have become internal since: then the client saw no link before, nor after).
            Visibility eventVisibility = milestoneVisibility == Visibility.CLIENT
                    && (clientSees(actor, workspaceId, current.approval()) || clientSees(actor, workspaceId, approval))
                    ? Visibility.CLIENT : Visibility.TEAM;
            changes.publish(new ProjectEvent.MilestoneUpdated(actor.tenantId(), workspaceId, stored.projectId(),
                    stored.id(), stored.title(), stored.dueDate(), Set.of("approval"), eventVisibility, actor,
                    changes.now()));
            return shown(actor, workspaceId, stored, internal);
        });
    }

    /**
     * Marks the milestone delivered (now, by the actor). Needs {@link Permission#MANAGE_PROJECTS}. The first delivery
     * of any milestone of the workspace records {@link OnboardingFacts#firstMilestoneDeliveredAt()}.
     *
     * @throws ConflictException {@code INVALID_STATE} if it is delivered already, or requires approval and its linked
     *                           approval is not APPROVED (or none is linked); {@code STALE_VERSION} if it is not at
     *                           {@code expectedVersion}
     */
    public Milestone deliver(Actor actor, WorkspaceId workspaceId, MilestoneId milestoneId, long expectedVersion) {
        return kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "deliver milestones");
            Milestone current = visibleMilestone(actor, workspaceId, milestoneId, internal);
            checkVersion("milestone", milestoneId.value(), current.version(), expectedVersion);
            if (current.isDelivered()) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE,
                        "Milestone '" + current.title() + "' is delivered already");
            }
            if (current.requiresApproval()) {
                Optional<ApprovalStatus> status = current.approval()
                        .flatMap(id -> approvals.flatMap(a -> a.find(actor, workspaceId, id)))
                        .map(ApprovalRequest::status);
                if (status.filter(s -> s == ApprovalStatus.APPROVED).isEmpty()) {
                    throw new ConflictException(ConflictException.Reason.INVALID_STATE, "Milestone '"
                            + current.title() + "' requires an approved approval before it is delivered, and "
                            + status.map(s -> "its linked approval is " + s).orElse("no approval is linked"));
                }
            }
            Instant now = changes.now();
            Milestone stored = milestones.update(current.withDelivered(Optional.of(new Delivery(now, actor.userId())),
                    now));
            changes.publish(new ProjectEvent.MilestoneDelivered(actor.tenantId(), workspaceId, stored.projectId(),
                    stored.id(), stored.title(), projectVisibility(stored), actor, now));
            if (onboarding.markFirstMilestoneDelivered(actor.tenantId(), workspaceId, now)) {
                changes.publish(new ProjectEvent.FirstMilestoneDelivered(actor.tenantId(), workspaceId,
                        stored.projectId(), stored.id(), stored.title(), actor, now));
            }
            return shown(actor, workspaceId, stored, internal);
        });
    }

    /**
     * Undoes a delivery. Needs {@link Permission#MANAGE_PROJECTS}. The onboarding fact stays.
     *
     * @throws ConflictException {@code INVALID_STATE} if it is not delivered; {@code STALE_VERSION} if it is not at
     *                           {@code expectedVersion}
     */
    public Milestone undeliver(Actor actor, WorkspaceId workspaceId, MilestoneId milestoneId, long expectedVersion) {
        return kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "undo deliveries of milestones");
            Milestone current = visibleMilestone(actor, workspaceId, milestoneId, internal);
            checkVersion("milestone", milestoneId.value(), current.version(), expectedVersion);
            if (!current.isDelivered()) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE,
                        "Milestone '" + current.title() + "' is not delivered");
            }
            Milestone stored = milestones.update(current.withDelivered(Optional.empty(), changes.now()));
            changes.publish(new ProjectEvent.MilestoneUndelivered(actor.tenantId(), workspaceId, stored.projectId(),
                    stored.id(), stored.title(), projectVisibility(stored), actor, changes.now()));
            return shown(actor, workspaceId, stored, internal);
        });
    }

    /** The milestone, if the actor may see its project. */
    public Optional<Milestone> findMilestone(Actor actor, WorkspaceId workspaceId, MilestoneId milestoneId) {
        requireNonNull(milestoneId, "milestoneId must not be null");
        Optional<Boolean> internal = readableOptional(actor, workspaceId);
        if (internal.isEmpty()) {
            return Optional.empty();
        }
        return milestones.find(actor.tenantId(), workspaceId, milestoneId)
                .filter(m -> internal.get() || projectVisibility(m) == Visibility.CLIENT)
                .map(m -> shown(actor, workspaceId, m, internal.get()));
    }

    /** The milestone, or {@link NotFoundException} ("milestone"). */
    public Milestone getMilestone(Actor actor, WorkspaceId workspaceId, MilestoneId milestoneId) {
        return findMilestone(actor, workspaceId, milestoneId)
                .orElseThrow(() -> notFound("milestone", milestoneId.value()));
    }

    /** The project's milestones by due date (undated last), at most {@value #MAX_MILESTONES}. */
    public List<Milestone> milestones(Actor actor, WorkspaceId workspaceId, ProjectId projectId) {
        boolean internal = readable(actor, workspaceId);
        visibleProject(actor, workspaceId, projectId, internal);
        return shown(actor, workspaceId, milestones.listForProject(actor.tenantId(), workspaceId, projectId,
                MAX_MILESTONES), internal);
    }

    /**
     * The milestones of the workspace due on {@code from} to {@code to} (inclusive) that the actor may see, by due
     * date, at most {@code limit} (1 to {@value #MAX_DUE_ITEMS}); for the calendar.
     */
    public List<Milestone> milestonesDueBetween(Actor actor, WorkspaceId workspaceId, LocalDate from, LocalDate to,
                                                int limit) {
        checkRange(from, to, limit);
        boolean internal = readable(actor, workspaceId);
        return shown(actor, workspaceId, milestones.dueBetween(actor.tenantId(), workspaceId, from, to, internal,
                limit), internal);
    }

    // ---------------------------------------------------------------- status updates

    /**
     * Posts a status update. Needs {@link Permission#MANAGE_PROJECTS}. A client-visible update (of a client-visible
     * project) sets the project's health to the update's (a {@link ProjectEvent.ProjectHealthChanged} when it
     * differs); an internal one leaves it as it is. The project's version changes only with its health.
     *
     * @throws ValidationException {@code summary}, {@code done}, {@code next}, {@code risks}
     */
    public StatusUpdate postStatus(Actor actor, WorkspaceId workspaceId, ProjectId projectId, NewStatusUpdate update) {
        requireNonNull(update, "update must not be null");
        return kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "post status updates");
            Project project = visibleProject(actor, workspaceId, projectId, internal);
            List<FieldError> errors = new ArrayList<>();
            text(errors, "summary", update.summary(), 1, MAX_SUMMARY, true);
            text(errors, "done", update.done(), 0, MAX_TEXT, true);
            text(errors, "next", update.next(), 0, MAX_TEXT, true);
            text(errors, "risks", update.risks(), 0, MAX_TEXT, true);
            throwIfAny(errors);
            Instant now = changes.now();
            StatusUpdate stored = statusUpdates.insert(new StatusUpdate(StatusUpdateId.of(kernel.newId()),
                    actor.tenantId(), workspaceId, projectId, update.health(), update.summary(), update.done(),
                    update.next(), update.risks(), update.visibility(), actor.userId(), now, 0));
            changes.publish(new ProjectEvent.StatusUpdatePosted(actor.tenantId(), workspaceId, projectId, stored.id(),
                    stored.health(), effective(stored.visibility(), project.visibility()), actor, now));
            // only a client-visible update moves the health: an internal one must leave no trace clients could see
            if (stored.visibility() == Visibility.CLIENT && project.health() != stored.health()) {
                changeHealth(actor, project, stored.health(), Optional.of(stored.id()), changes);
            }
            return stored;
        });
    }

    /** The status update, if the actor may see it. */
    public Optional<StatusUpdate> findStatusUpdate(Actor actor, WorkspaceId workspaceId, StatusUpdateId id) {
        requireNonNull(id, "id must not be null");
        Optional<Boolean> internal = readableOptional(actor, workspaceId);
        if (internal.isEmpty()) {
            return Optional.empty();
        }
        return statusUpdates.find(actor.tenantId(), workspaceId, id)
                .filter(u -> internal.get() || effectiveVisibility(u) == Visibility.CLIENT);
    }

    /** The status update, or {@link NotFoundException} ("status update"). */
    public StatusUpdate getStatusUpdate(Actor actor, WorkspaceId workspaceId, StatusUpdateId id) {
        return findStatusUpdate(actor, workspaceId, id).orElseThrow(() -> notFound("status update", id.value()));
    }

    /** The project's status updates the actor may see, newest first, keyset-paged. */
    public Page<StatusUpdate> statusUpdates(Actor actor, WorkspaceId workspaceId, ProjectId projectId,
                                            PageRequest page) {
        requireNonNull(page, "page must not be null");
        boolean internal = readable(actor, workspaceId);
        visibleProject(actor, workspaceId, projectId, internal);
        Optional<StatusUpdateId> before = Cursors.decode(STATUS_UPDATES, page.cursor()).map(StatusUpdateId::of);
        List<StatusUpdate> rows = statusUpdates.list(actor.tenantId(), workspaceId, projectId, internal, before,
                page.limit() + 1);
        return Cursors.page(rows, page.limit(), u -> Cursors.encode(STATUS_UPDATES, u.id().value()));
    }

    /**
     * Records that the actor saw the status update; anyone who sees it may (no write permission needed). Idempotent:
     * the first acknowledgement is kept and returned, and only the first publishes an event.
     *
     * @throws ArchivedException if the workspace is archived
     */
    public Acknowledgement acknowledge(Actor actor, WorkspaceId workspaceId, StatusUpdateId id) {
        requireNonNull(id, "id must not be null");
        try {
            return kernel.write(changes -> {
                access.requireWritable(actor, workspaceId, Permission.VIEW_WORKSPACE, "acknowledge status updates");
                boolean internal = access.grant(actor, workspaceId).allows(Permission.VIEW_INTERNAL);
                StatusUpdate update = statusUpdates.find(actor.tenantId(), workspaceId, id)
                        .filter(u -> internal || effectiveVisibility(u) == Visibility.CLIENT)
                        .orElseThrow(() -> notFound("status update", id.value()));
                Optional<Acknowledgement> existing = statusUpdates.findAcknowledgement(actor.tenantId(), workspaceId,
                        id, actor.userId());
                if (existing.isPresent()) {
                    return existing.get();
                }
                Acknowledgement ack = new Acknowledgement(id, actor.userId(), changes.now());
                if (!statusUpdates.acknowledge(actor.tenantId(), workspaceId, ack)) {
                    return statusUpdates.findAcknowledgement(actor.tenantId(), workspaceId, id, actor.userId())
                            .orElseThrow(() -> new IllegalStateException("an acknowledgement vanished"));
                }
                changes.publish(new ProjectEvent.StatusUpdateAcknowledged(actor.tenantId(), workspaceId,
                        update.projectId(), id, effectiveVisibility(update), actor, changes.now()));
                return ack;
            });
        } catch (ConflictException e) {
            // a concurrent first acknowledgement by the same user won (the JPA store's unique key): keep the first
            if (e.reason() != ConflictException.Reason.ALREADY_EXISTS) {
                throw e;
            }
            return statusUpdates.findAcknowledgement(actor.tenantId(), workspaceId, id, actor.userId())
                    .orElseThrow(() -> e);
        }
    }

    /** Who acknowledged the status update, oldest first, at most {@value #MAX_ACKNOWLEDGEMENTS}. */
    public List<Acknowledgement> acknowledgements(Actor actor, WorkspaceId workspaceId, StatusUpdateId id) {
        getStatusUpdate(actor, workspaceId, id);
        return statusUpdates.acknowledgements(actor.tenantId(), workspaceId, id, MAX_ACKNOWLEDGEMENTS);
    }

    /**
     * The effective visibility of the status update (TEAM if it or its project is), if the actor may see it; for
     * features that attach to status updates (their conversations).
     */
    public Optional<Visibility> effectiveVisibility(Actor actor, WorkspaceId workspaceId, StatusUpdateId id) {
        return findStatusUpdate(actor, workspaceId, id).map(this::effectiveVisibility);
    }

    // ---------------------------------------------------------------- onboarding

    /**
     * Records (or corrects) when the workspace's contract was signed. The workspace's lead or a tenant admin
     * (templates call it while they create a workspace). The instant must be within
     * {@link io.clientworkspace.internal.DateBounds} (years 1900 to 9999, UTC); a date in the future within them is
     * accepted (hosts import contract dates from their own systems and clocks).
     *
     * @throws ValidationException   {@code signedAt} outside years 1900 to 9999 (UTC)
     * @throws AccessDeniedException for anyone else who sees the workspace
     */
    public OnboardingFacts recordContractSigned(Actor actor, WorkspaceId workspaceId, Instant signedAt) {
        requireNonNull(signedAt, "signedAt must not be null");
        return kernel.write(changes -> {
            List<FieldError> errors = new ArrayList<>();
            DateBounds.check(errors, "signedAt", signedAt);
            throwIfAny(errors);
            access.requireWritable(actor, workspaceId, Permission.VIEW_WORKSPACE, "record when the contract was signed");
            AccessGrant grant = access.grant(actor, workspaceId);
            boolean lead = grant.workspaceRole().filter(r -> r == WorkspaceRole.LEAD).isPresent()
                    || grant.tenantRole().filter(r -> r == TenantRole.TENANT_ADMIN).isPresent();
            if (!lead) {
                throw new AccessDeniedException(actor, "the workspace's lead or a tenant admin",
                        "record when the contract was signed");
            }
            Optional<OnboardingFacts> current = onboarding.find(actor.tenantId(), workspaceId);
            if (current.flatMap(OnboardingFacts::contractSignedAt).filter(signedAt::equals).isPresent()) {
                return current.get();
            }
            OnboardingFacts stored = onboarding.recordContractSigned(actor.tenantId(), workspaceId, signedAt);
            changes.publish(new ProjectEvent.ContractSignedRecorded(actor.tenantId(), workspaceId, signedAt, actor,
                    changes.now()));
            return stored;
        });
    }

    /**
     * The workspace's onboarding facts (empty facts when none was recorded). Team members of the workspace
     * ({@link Permission#VIEW_INTERNAL}).
     */
    public OnboardingFacts onboarding(Actor actor, WorkspaceId workspaceId) {
        access.require(actor, workspaceId, Permission.VIEW_INTERNAL, "see onboarding facts");
        return onboarding.find(actor.tenantId(), workspaceId)
                .orElseGet(() -> OnboardingFacts.none(actor.tenantId(), workspaceId));
    }

    // ---------------------------------------------------------------- overdue sweep

    /**
     * The overdue sweep, for the host's scheduler (no actor; every tenant; archived workspaces skipped): raises
     * {@link TaskEvent.TaskOverdue} for tasks not done and {@link ProjectEvent.MilestoneOverdue} for milestones not
     * delivered whose due date is before the UTC date of {@code now}, at most {@code limit} of each per call, each
     * in its own unit of work, with the system actor ({@code Actor(tenant, }{@value #SYSTEM_USER_ID}{@code , TEAM)}).
     * Idempotent, also across nodes: an item's overdue mark is set to its due date by a conditional update and only
     * the caller that set it publishes; an item whose due date is moved later and passes again is raised again.
     * An item of an archived workspace is marked without an event (it is not raised later if the workspace is
     * restored), so that it is not a candidate again. An item whose unit of work fails is logged (WARN, ids only)
     * and skipped: its unit of work changed nothing, the sweep goes on with the next item, and the next sweep tries
     * it again.
     *
     * @param limit how many tasks and how many milestones at most, 1 to 10,000
     * @return how many events were raised
     */
    public int sweepOverdue(Instant now, int limit) {
        requireNonNull(now, "now must not be null");
        if (limit < 1 || limit > MAX_SWEEP) {
            throw new ValidationException(FieldError.of("limit", "must be between 1 and " + MAX_SWEEP));
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int raised = 0;
        for (Task task : tasks.overdueCandidates(today, limit)) {
            try {
                raised += kernel.write(changes -> raiseOverdue(task, changes)) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("overdue sweep: task {} of workspace {} of tenant {} failed, skipped ({})", task.id().value(),
                        task.workspaceId().value(), task.tenantId().value(), e.getClass().getName());
            }
        }
        for (Milestone milestone : milestones.overdueCandidates(today, limit)) {
            try {
                raised += kernel.write(changes -> raiseOverdue(milestone, changes)) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("overdue sweep: milestone {} of workspace {} of tenant {} failed, skipped ({})",
                        milestone.id().value(), milestone.workspaceId().value(), milestone.tenantId().value(),
                        e.getClass().getName());
            }
        }
        return raised;
    }


    // ---------------------------------------------------------------- helpers

    /** For changes, inside the unit of work: MANAGE_PROJECTS, workspace locked and not archived; whether internal. */
    private boolean writable(Actor actor, WorkspaceId workspaceId, String action) {
        access.requireWritable(actor, workspaceId, Permission.MANAGE_PROJECTS, action);
        return access.grant(actor, workspaceId).allows(Permission.VIEW_INTERNAL);
    }

    /** For reads: the workspace must be visible (else not found); whether the actor sees internal items. */
    private boolean readable(Actor actor, WorkspaceId workspaceId) {
        access.visible(actor, workspaceId);
        return access.grant(actor, workspaceId).allows(Permission.VIEW_INTERNAL);
    }

    /** For finds: empty when the workspace is not visible, else whether the actor sees internal items. */
    private Optional<Boolean> readableOptional(Actor actor, WorkspaceId workspaceId) {
        if (access.findVisible(actor, workspaceId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(access.grant(actor, workspaceId).allows(Permission.VIEW_INTERNAL));
    }

    private Project visibleProject(Actor actor, WorkspaceId workspaceId, ProjectId projectId, boolean internal) {
        requireNonNull(projectId, "projectId must not be null");
        return projects.find(actor.tenantId(), workspaceId, projectId)
                .filter(p -> internal || p.visibility() == Visibility.CLIENT)
                .orElseThrow(() -> notFound("project", projectId.value()));
    }

    private Milestone visibleMilestone(Actor actor, WorkspaceId workspaceId, MilestoneId milestoneId,
                                       boolean internal) {
        requireNonNull(milestoneId, "milestoneId must not be null");
        return milestones.find(actor.tenantId(), workspaceId, milestoneId)
                .filter(m -> internal || projectVisibility(m) == Visibility.CLIENT)
                .orElseThrow(() -> notFound("milestone", milestoneId.value()));
    }

    /** The milestone's visibility: its project's (TEAM if the project is gone, which never happens). */
    private Visibility projectVisibility(Milestone milestone) {
        return projects.find(milestone.tenantId(), milestone.workspaceId(), milestone.projectId())
                .map(Project::visibility).orElse(Visibility.TEAM);
    }

    private Visibility effectiveVisibility(StatusUpdate update) {
        return effective(update.visibility(), projects.find(update.tenantId(), update.workspaceId(),
                update.projectId()).map(Project::visibility).orElse(Visibility.TEAM));
    }

    /** Whether the workspace's clients see the approval (false for none, or one the actor does not see). */
    private boolean clientSees(Actor actor, WorkspaceId workspaceId, Optional<ApprovalId> approval) {
        return approval.flatMap(id -> approvals.flatMap(a -> a.visibilityOf(actor, workspaceId, id)))
                .filter(v -> v == Visibility.CLIENT).isPresent();
    }

    /** The milestone as the actor may see it: its linked approval only if the actor may see that approval. */
    private Milestone shown(Actor actor, WorkspaceId workspaceId, Milestone milestone, boolean internal) {
        if (milestone.approval().isEmpty() || internal) {
            return milestone;
        }
        boolean seen = approvals.flatMap(a -> a.find(actor, workspaceId, milestone.approval().get())).isPresent();
        return seen ? milestone : milestone.withApproval(Optional.empty(), milestone.updatedAt());
    }

    /**
     * {@link #shown(Actor, WorkspaceId, Milestone, boolean)} for a whole list, asking the approvals feature once for
     * all linked approvals (not once per milestone).
     */
    private List<Milestone> shown(Actor actor, WorkspaceId workspaceId, List<Milestone> rows, boolean internal) {
        List<ApprovalId> linked = rows.stream().flatMap(m -> m.approval().stream()).toList();
        if (internal || linked.isEmpty()) {
            return List.copyOf(rows);
        }
        Set<ApprovalId> seen = approvals.map(a -> a.visibleAmong(actor, workspaceId, linked)).orElse(Set.of());
        return rows.stream().map(m -> m.approval().isEmpty() || seen.contains(m.approval().get()) ? m
                : m.withApproval(Optional.empty(), m.updatedAt())).toList();
    }

    private void checkDetails(Actor actor, WorkspaceId workspaceId, NewProject details, Optional<Project> current,
                              List<FieldError> errors) {
        text(errors, "name", details.name(), 1, MAX_TITLE, false);
        text(errors, "description", details.description(), 0, MAX_TEXT, true);
        DateBounds.check(errors, "startDate", details.startDate());
        DateBounds.check(errors, "targetDate", details.targetDate());
        if (details.startDate().isPresent() && details.targetDate().isPresent()
                && details.targetDate().get().isBefore(details.startDate().get())) {
            errors.add(FieldError.of("targetDate", "must not be before the start date"));
        }
        boolean ownerChanged = current.map(p -> !p.owner().equals(details.owner())).orElse(true);
        if (ownerChanged && kernel.stores().memberships().find(actor.tenantId(), workspaceId, details.owner())
                .filter(m -> m.role().kind() == ActorKind.TEAM).isEmpty()) {
            errors.add(FieldError.of("owner", "is not a team member of this workspace"));
        }
    }

    private Project changeHealth(Actor actor, Project current, ProjectHealth health,
                                 Optional<StatusUpdateId> statusUpdate, Changes changes) {
        Project stored = projects.update(current.withHealth(health, changes.now()));
        changes.publish(new ProjectEvent.ProjectHealthChanged(actor.tenantId(), current.workspaceId(), current.id(),
                current.name(), current.health(), health, statusUpdate, current.visibility(), actor, changes.now()));
        return stored;
    }

    private boolean raiseOverdue(Task task, Changes changes) {
        boolean active = activeWorkspace(task.tenantId(), task.workspaceId());
        if (!tasks.markOverdue(task.tenantId(), task.workspaceId(), task.id(), task.dueDate().orElseThrow())
                || !active) {
            return false;
        }
        Optional<TaskList> list = lists.find(task.tenantId(), task.workspaceId(), task.listId());
        Visibility listVisibility = list.map(TaskList::visibility).orElse(Visibility.TEAM);
        Visibility projectVisibility = list.flatMap(TaskList::projectId)
                .map(p -> projects.find(task.tenantId(), task.workspaceId(), p).map(Project::visibility)
                        .orElse(Visibility.TEAM))
                .orElse(Visibility.CLIENT);
        changes.publish(new TaskEvent.TaskOverdue(task.tenantId(), task.workspaceId(), task.listId(), task.id(),
                task.title(), task.dueDate().orElseThrow(), task.side(), task.assignee(),
                effective(task.visibility(), listVisibility, projectVisibility), system(task.tenantId()),
                changes.now()));
        return true;
    }

    private boolean raiseOverdue(Milestone milestone, Changes changes) {
        boolean active = activeWorkspace(milestone.tenantId(), milestone.workspaceId());
        if (!milestones.markOverdue(milestone.tenantId(), milestone.workspaceId(), milestone.id(),
                milestone.dueDate().orElseThrow()) || !active) {
            return false;
        }
        changes.publish(new ProjectEvent.MilestoneOverdue(milestone.tenantId(), milestone.workspaceId(),
                milestone.projectId(), milestone.id(), milestone.title(), milestone.dueDate().orElseThrow(),
                projectVisibility(milestone), system(milestone.tenantId()), changes.now()));
        return true;
    }

    private boolean activeWorkspace(TenantId tenantId, WorkspaceId workspaceId) {
        return kernel.stores().workspaces().find(tenantId, workspaceId).filter(w -> !w.isArchived()).isPresent();
    }

    static void checkRange(LocalDate from, LocalDate to, int limit) {
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        List<FieldError> errors = new ArrayList<>();
        boolean bounded = DateBounds.check(errors, "from", from) & DateBounds.check(errors, "to", to);
        if (bounded && to.isBefore(from)) {
            errors.add(FieldError.of("to", "must not be before from"));
        }
        if (limit < 1 || limit > MAX_DUE_ITEMS) {
            errors.add(FieldError.of("limit", "must be between 1 and " + MAX_DUE_ITEMS));
        }
        throwIfAny(errors);
    }

    static void checkVersion(String type, String id, long actual, long expected) {
        if (actual != expected) {
            throw ConflictException.staleVersion(type, id, expected);
        }
    }

    static NotFoundException notFound(String type, String id) {
        return new NotFoundException(type, id);
    }
}
