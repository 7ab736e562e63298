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

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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

    ProjectService() {
    }

    // ---------------------------------------------------------------- projects

    /**
     * Creates a project (health ON_TRACK). Needs {@link Permission#MANAGE_PROJECTS}.
     *
     * @throws ValidationException {@code name}, {@code description}, {@code targetDate} (before the start),
     *                             {@code owner} ("is not a team member of this workspace")
     */
    public Project create(Actor actor, WorkspaceId workspaceId, NewProject project) {
        throw new UnsupportedOperationException("not implemented yet");
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
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Sets the project's health explicitly (for example after an internal status update). Needs
     * {@link Permission#MANAGE_PROJECTS}. Setting the current health changes nothing.
     *
     * @throws ConflictException {@code STALE_VERSION} if it is not at {@code expectedVersion}
     */
    public Project setHealth(Actor actor, WorkspaceId workspaceId, ProjectId projectId, ProjectHealth health,
                             long expectedVersion) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The project, if the actor may see it. */
    public Optional<Project> find(Actor actor, WorkspaceId workspaceId, ProjectId projectId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The project, or {@link NotFoundException} ("project"). */
    public Project get(Actor actor, WorkspaceId workspaceId, ProjectId projectId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The projects the actor may see, in creation order, keyset-paged (cursor: the last project's id). */
    public Page<Project> list(Actor actor, WorkspaceId workspaceId, PageRequest page) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** How many projects the actor may see in the workspace (counted in the store). */
    public long count(Actor actor, WorkspaceId workspaceId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    // ---------------------------------------------------------------- milestones

    /**
     * Adds a milestone to a project (at most {@value #MAX_MILESTONES}). Needs {@link Permission#MANAGE_PROJECTS}.
     *
     * @throws ValidationException {@code title}
     * @throws ConflictException   {@code INVALID_STATE} when the project has {@value #MAX_MILESTONES} milestones
     */
    public Milestone addMilestone(Actor actor, WorkspaceId workspaceId, ProjectId projectId, NewMilestone milestone) {
        throw new UnsupportedOperationException("not implemented yet");
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
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Links the approval that signs the milestone off (or unlinks it, with empty). Needs
     * {@link Permission#MANAGE_PROJECTS}.
     *
     * @throws ValidationException {@code approval} "no such approval" unless it is an approval of this workspace the
     *                             actor sees (also when the approvals feature is unavailable)
     * @throws ConflictException   {@code STALE_VERSION} if it is not at {@code expectedVersion}
     */
    public Milestone linkApproval(Actor actor, WorkspaceId workspaceId, MilestoneId milestoneId,
                                  Optional<ApprovalId> approval, long expectedVersion) {
        throw new UnsupportedOperationException("not implemented yet");
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
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Undoes a delivery. Needs {@link Permission#MANAGE_PROJECTS}. The onboarding fact stays.
     *
     * @throws ConflictException {@code INVALID_STATE} if it is not delivered; {@code STALE_VERSION} if it is not at
     *                           {@code expectedVersion}
     */
    public Milestone undeliver(Actor actor, WorkspaceId workspaceId, MilestoneId milestoneId, long expectedVersion) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The milestone, if the actor may see its project. */
    public Optional<Milestone> findMilestone(Actor actor, WorkspaceId workspaceId, MilestoneId milestoneId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The milestone, or {@link NotFoundException} ("milestone"). */
    public Milestone getMilestone(Actor actor, WorkspaceId workspaceId, MilestoneId milestoneId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The project's milestones by due date (undated last), at most {@value #MAX_MILESTONES}. */
    public List<Milestone> milestones(Actor actor, WorkspaceId workspaceId, ProjectId projectId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The milestones of the workspace due on {@code from} to {@code to} (inclusive) that the actor may see, by due
     * date, at most {@code limit} (1 to {@value #MAX_DUE_ITEMS}); for the calendar.
     */
    public List<Milestone> milestonesDueBetween(Actor actor, WorkspaceId workspaceId, LocalDate from, LocalDate to,
                                                int limit) {
        throw new UnsupportedOperationException("not implemented yet");
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
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The status update, if the actor may see it. */
    public Optional<StatusUpdate> findStatusUpdate(Actor actor, WorkspaceId workspaceId, StatusUpdateId id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The status update, or {@link NotFoundException} ("status update"). */
    public StatusUpdate getStatusUpdate(Actor actor, WorkspaceId workspaceId, StatusUpdateId id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The project's status updates the actor may see, newest first, keyset-paged. */
    public Page<StatusUpdate> statusUpdates(Actor actor, WorkspaceId workspaceId, ProjectId projectId,
                                            PageRequest page) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Records that the actor saw the status update; anyone who sees it may (no write permission needed). Idempotent:
     * the first acknowledgement is kept and returned, and only the first publishes an event.
     *
     * @throws ArchivedException if the workspace is archived
     */
    public Acknowledgement acknowledge(Actor actor, WorkspaceId workspaceId, StatusUpdateId id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Who acknowledged the status update, oldest first, at most {@value #MAX_ACKNOWLEDGEMENTS}. */
    public List<Acknowledgement> acknowledgements(Actor actor, WorkspaceId workspaceId, StatusUpdateId id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The effective visibility of the status update (TEAM if it or its project is), if the actor may see it; for
     * features that attach to status updates (their conversations).
     */
    public Optional<Visibility> effectiveVisibility(Actor actor, WorkspaceId workspaceId, StatusUpdateId id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    // ---------------------------------------------------------------- onboarding

    /**
     * Records (or corrects) when the workspace's contract was signed. The workspace's lead or a tenant admin
     * (templates call it while they create a workspace).
     *
     * @throws AccessDeniedException for anyone else who sees the workspace
     */
    public OnboardingFacts recordContractSigned(Actor actor, WorkspaceId workspaceId, Instant signedAt) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The workspace's onboarding facts (empty facts when none was recorded). Team members of the workspace
     * ({@link Permission#VIEW_INTERNAL}).
     */
    public OnboardingFacts onboarding(Actor actor, WorkspaceId workspaceId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    // ---------------------------------------------------------------- overdue sweep

    /**
     * The overdue sweep, for the host's scheduler (no actor; every tenant; archived workspaces skipped): raises
     * {@link TaskEvent.TaskOverdue} for tasks not done and {@link ProjectEvent.MilestoneOverdue} for milestones not
     * delivered whose due date is before the UTC date of {@code now}, at most {@code limit} of each per call, each
     * in its own unit of work, with the system actor ({@code Actor(tenant, }{@value #SYSTEM_USER_ID}{@code , TEAM)}).
     * Idempotent, also across nodes: an item's overdue mark is set to its due date by a conditional update and only
     * the caller that set it publishes; an item whose due date is moved later and passes again is raised again.
     *
     * @param limit how many tasks and how many milestones at most, 1 to 10,000
     * @return how many events were raised
     */
    public int sweepOverdue(Instant now, int limit) {
        throw new UnsupportedOperationException("not implemented yet");
    }

}
