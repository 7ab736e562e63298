package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.ProjectId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.jpa.entity.ProjectEntity;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.spi.ProjectStore;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link ProjectStore} on JPA. A project is one row keyed by (tenant, workspace, id); the list is a keyset page on the
 * id (time-ordered) with the visibility filter in the query (index {@code ix_cwk_project_client} for clients), so a
 * client's page is full whenever more client-visible projects follow. Updates are optimistic on the version.
 */
public final class JpaProjectStore extends JpaStoreSupport implements ProjectStore {

    public JpaProjectStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public Project insert(Project project) {
        requireNonNull(project, "project must not be null");
        return tx(() -> {
            if (em().find(ProjectEntity.class, key(project.tenantId(), project.workspaceId(), project.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Project '" + project.id() + "' already exists");
            }
            ProjectEntity e = new ProjectEntity(project.tenantId().value(), project.workspaceId().value(),
                    project.id().value());
            e.createdBy = project.createdBy().value();
            e.createdAt = project.createdAt();
            e.version = 0;
            copy(project, e);
            return toDomain(insert(e, "project", project.id().value()));
        });
    }

    @Override
    public Project update(Project project) {
        requireNonNull(project, "project must not be null");
        return tx(() -> {
            ProjectEntity e = em().find(ProjectEntity.class, key(project.tenantId(), project.workspaceId(), project.id()));
            if (e == null || e.version != project.version()) {
                throw ConflictException.staleVersion("project", project.id().value(), project.version());
            }
            copy(project, e);
            return toDomain(saveVersioned(e, project.version(), entity -> entity.version, "project",
                    project.id().value()));
        });
    }

    @Override
    public Optional<Project> find(TenantId tenantId, WorkspaceId workspaceId, ProjectId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(ProjectEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaProjectStore::toDomain)));
    }

    @Override
    public List<Project> list(TenantId tenantId, WorkspaceId workspaceId, boolean includeInternal,
                              Optional<ProjectId> afterId, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(afterId, "afterId must not be null");
        return tx(() -> {
            TypedQuery<ProjectEntity> query = em().createQuery("select p from CwkProject p"
                            + " where p.tenantId = :tenant and p.workspaceId = :workspace"
                            // 'CLIENT' as a literal, so the clients' index (visibility, id) serves it.
                            + (includeInternal ? "" : " and p.visibility = 'CLIENT'")
                            + (afterId.isPresent() ? " and p.id > :after" : "")
                            + " order by p.id", ProjectEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value());
            afterId.ifPresent(after -> query.setParameter("after", after.value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaProjectStore::toDomain);
        });
    }

    @Override
    public long count(TenantId tenantId, WorkspaceId workspaceId, boolean includeInternal) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return tx(() -> em().createQuery("select count(p) from CwkProject p"
                        + " where p.tenantId = :tenant and p.workspaceId = :workspace"
                        + (includeInternal ? "" : " and p.visibility = 'CLIENT'"), Long.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .getSingleResult());
    }

    /** Copies what may change over a project's life; who created it when never does. */
    private static void copy(Project p, ProjectEntity e) {
        e.name = p.name();
        e.description = p.description();
        e.visibility = p.visibility().name();
        e.startDate = p.startDate().orElse(null);
        e.targetDate = p.targetDate().orElse(null);
        e.health = p.health().name();
        e.ownerId = p.owner().value();
        e.updatedAt = p.updatedAt();
    }

    private static ProjectEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, ProjectId id) {
        return new ProjectEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static Project toDomain(ProjectEntity e) {
        return new Project(ProjectId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), e.name,
                e.description, Visibility.valueOf(e.visibility), Optional.ofNullable(e.startDate),
                Optional.ofNullable(e.targetDate), ProjectHealth.valueOf(e.health), UserId.of(e.ownerId),
                UserId.of(e.createdBy), e.createdAt, e.updatedAt, e.version);
    }

    /**
     * One statement: the distinct healths of the workspace's projects that are not COMPLETED (at most four rows), the
     * most severe picked here.
     */
    @Override
    public io.clientworkspace.project.ProjectHealth worstHealth(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return tx(() -> em().createQuery("select distinct p.health from CwkProject p where p.tenantId = :tenant"
                        + " and p.workspaceId = :workspace and p.health <> 'COMPLETED'", String.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .getResultList().stream()
                .map(io.clientworkspace.project.ProjectHealth::valueOf)
                .reduce(io.clientworkspace.project.ProjectHealth.ON_TRACK,
                        (a, b) -> b.severity() > a.severity() ? b : a));
    }
}
