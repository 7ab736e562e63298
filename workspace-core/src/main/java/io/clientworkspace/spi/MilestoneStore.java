package io.clientworkspace.spi;

import io.clientworkspace.MilestoneId;
import io.clientworkspace.ProjectId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.project.Milestone;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Stores project milestones, scoped by tenant and workspace. A milestone has its project's visibility; queries that
 * serve clients filter by the project's visibility ({@code includeInternal}). The store also keeps, per milestone,
 * the due date for which the overdue event was raised (the "overdue mark"); it is not part of the record.
 */
public interface MilestoneStore {

    /**
     * Stores a new milestone at version 0, without an overdue mark.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken
     */
    Milestone insert(Milestone milestone);

    /**
     * Replaces a milestone whose stored version equals {@code milestone.version()}; the stored copy has version + 1.
     * The overdue mark is kept.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise (also when it does not exist)
     */
    Milestone update(Milestone milestone);

    /** The milestone with this id in this workspace. */
    Optional<Milestone> find(TenantId tenantId, WorkspaceId workspaceId, MilestoneId id);

    /**
     * Up to {@code limit} milestones of the project, by due date (undated last), then by id.
     */
    List<Milestone> listForProject(TenantId tenantId, WorkspaceId workspaceId, ProjectId projectId, int limit);

    /** How many milestones the project has. */
    long countForProject(TenantId tenantId, WorkspaceId workspaceId, ProjectId projectId);

    /**
     * Up to {@code limit} milestones of the workspace due on {@code from} to {@code to} (both inclusive), by due date
     * then id; milestones of internal projects only when {@code includeInternal}.
     */
    List<Milestone> dueBetween(TenantId tenantId, WorkspaceId workspaceId, LocalDate from, LocalDate to,
                               boolean includeInternal, int limit);

    /**
     * For the overdue sweep, across every tenant (the one store call without a tenant scope; hosts run it as a job):
     * up to {@code limit} milestones not delivered, due before {@code today}, whose overdue mark is not their due
     * date, in any workspace (archived ones too: the sweep marks those without raising them), oldest due date first
     * (then by id). A store should answer this from an index holding only milestones that are undelivered and not
     * marked for their current due date.
     */
    List<Milestone> overdueCandidates(LocalDate today, int limit);

    /**
     * Sets the overdue mark of the milestone to {@code dueDate} if, at this moment, it is not delivered, its due date
     * is {@code dueDate} and its mark is not {@code dueDate} already (one conditional update). Does not change the
     * version. Of concurrent callers (threads or nodes) exactly one gets {@code true}.
     *
     * @return whether this call set the mark
     */
    boolean markOverdue(TenantId tenantId, WorkspaceId workspaceId, MilestoneId id, LocalDate dueDate);

    /**
     * How many milestones of the workspace are overdue on {@code today}, for the operator dashboard, in one aggregate
     * call: milestones not delivered ({@link Milestone#delivered()} empty) whose due date is before {@code today},
     * internal projects' too (the overdue mark plays no part). Stores should override it with one statement, e.g.
     * {@code select count(*) from ... where tenant_id = ? and workspace_id = ? and delivered_at is null and due_date <
     * ?}. The default reads {@link #dueBetween} from {@link io.clientworkspace.internal.DateBounds#MIN_DATE} to the
     * day before {@code today}.
     */
    default int overdueCount(TenantId tenantId, WorkspaceId workspaceId, LocalDate today) {
        if (!today.isAfter(io.clientworkspace.internal.DateBounds.MIN_DATE)) {
            return 0;
        }
        return (int) dueBetween(tenantId, workspaceId, io.clientworkspace.internal.DateBounds.MIN_DATE,
                today.minusDays(1), true, Integer.MAX_VALUE).stream()
                .filter(m -> m.delivered().isEmpty()).count();
    }
}
