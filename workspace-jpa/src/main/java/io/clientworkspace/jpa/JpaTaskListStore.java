package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.ProjectId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.jpa.entity.TaskListEntity;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskListKind;
import io.clientworkspace.spi.TaskListStore;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link TaskListStore} on JPA. A list is one row keyed by (tenant, workspace, id); the onboarding checklist carries
 * {@code singleton_key = 'ONBOARDING'} under the unique constraint {@code uq_cwk_task_list_onboarding}, so that of
 * two concurrent creators one fails with a conflict ({@code ALREADY_EXISTS}) when its unit of work flushes.
 */
public final class JpaTaskListStore extends JpaStoreSupport implements TaskListStore {

    static final String ONBOARDING_KEY = "ONBOARDING";

    public JpaTaskListStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public TaskList insert(TaskList list) {
        requireNonNull(list, "list must not be null");
        return tx(() -> {
            if (em().find(TaskListEntity.class, key(list.tenantId(), list.workspaceId(), list.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Task list '" + list.id() + "' already exists");
            }
            if (list.kind() == TaskListKind.ONBOARDING && findOnboarding(list.tenantId(), list.workspaceId()).isPresent()) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "This workspace already has an onboarding checklist");
            }
            TaskListEntity e = new TaskListEntity(list.tenantId().value(), list.workspaceId().value(), list.id().value());
            e.projectId = list.projectId().map(ProjectId::value).orElse(null);
            e.kind = list.kind().name();
            e.singletonKey = list.kind() == TaskListKind.ONBOARDING ? ONBOARDING_KEY : null;
            e.createdAt = list.createdAt();
            e.lastRank = 0;
            e.version = 0;
            copy(list, e);
            return toDomain(insert(e, "task list", list.id().value()));
        });
    }

    @Override
    public TaskList update(TaskList list) {
        requireNonNull(list, "list must not be null");
        return tx(() -> {
            TaskListEntity e = em().find(TaskListEntity.class, key(list.tenantId(), list.workspaceId(), list.id()));
            if (e == null || e.version != list.version()) {
                throw ConflictException.staleVersion("task list", list.id().value(), list.version());
            }
            copy(list, e);
            return toDomain(saveVersioned(e, list.version(), entity -> entity.version, "task list", list.id().value()));
        });
    }

    @Override
    public Optional<TaskList> find(TenantId tenantId, WorkspaceId workspaceId, TaskListId id) {
        requireScope(tenantId, workspaceId);
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(TaskListEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaTaskListStore::toDomain)));
    }

    @Override
    public Optional<TaskList> findOnboarding(TenantId tenantId, WorkspaceId workspaceId) {
        requireScope(tenantId, workspaceId);
        return tx(() -> em().createQuery("select l from CwkTaskList l where l.tenantId = :tenant"
                        + " and l.workspaceId = :workspace and l.singletonKey = :key", TaskListEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("key", ONBOARDING_KEY)
                .getResultList().stream().findFirst()
                .map(e -> mapDetached(e, JpaTaskListStore::toDomain)));
    }

    @Override
    public List<TaskList> list(TenantId tenantId, WorkspaceId workspaceId, Optional<ProjectId> projectId,
                               boolean includeInternal, int limit) {
        requireScope(tenantId, workspaceId);
        requireNonNull(projectId, "projectId must not be null");
        return tx(() -> {
            TypedQuery<TaskListEntity> query = em().createQuery("select l from CwkTaskList l"
                            + " where l.tenantId = :tenant and l.workspaceId = :workspace"
                            + (projectId.isPresent() ? " and l.projectId = :project" : " and l.projectId is null")
                            + (includeInternal ? "" : " and l.visibility = 'CLIENT'")
                            + " order by l.id", TaskListEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value());
            projectId.ifPresent(project -> query.setParameter("project", project.value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaTaskListStore::toDomain);
        });
    }

    private static void requireScope(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
    }

    /** Copies what may change over a list's life; its project, kind and creation time never do. */
    private static void copy(TaskList l, TaskListEntity e) {
        e.name = l.name();
        e.visibility = l.visibility().name();
        e.updatedAt = l.updatedAt();
    }

    private static TaskListEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, TaskListId id) {
        return new TaskListEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static TaskList toDomain(TaskListEntity e) {
        return new TaskList(TaskListId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId),
                Optional.ofNullable(e.projectId).map(ProjectId::of), TaskListKind.valueOf(e.kind), e.name,
                Visibility.valueOf(e.visibility), e.createdAt, e.updatedAt, e.version);
    }
}
