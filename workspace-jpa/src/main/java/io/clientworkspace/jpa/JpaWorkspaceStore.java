package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.jpa.entity.WorkspaceEntity;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.WorkspaceStore;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceStatus;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * {@link WorkspaceStore} on JPA. Lists are keyset-paginated by slug, each page one index range scan in
 * slug order: {@link #list} on the unique (tenant, slug) index of the workspaces; {@link #listForMember}
 * on the member's memberships, which keep a copy of their workspace's immutable slug, indexed
 * (tenant, user, slug, role, workspace), joined to the workspace rows in the same single query. A page
 * therefore costs the same whether the member belongs to ten workspaces or ten thousand.
 */
public final class JpaWorkspaceStore extends JpaStoreSupport implements WorkspaceStore {

    public JpaWorkspaceStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public Workspace insert(Workspace workspace) {
        requireNonNull(workspace, "workspace must not be null");
        return tx(() -> {
            String tenant = workspace.tenantId().value();
            if (em().find(WorkspaceEntity.class, key(workspace.tenantId(), workspace.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Workspace '" + workspace.id() + "' already exists");
            }
            if (existsBy("slug", tenant, workspace.slug())) {
                throw duplicateSlug(workspace.slug());
            }
            if (workspace.externalRef().isPresent() && existsBy("externalRef", tenant, workspace.externalRef().get())) {
                throw duplicateRef(workspace.externalRef().get());
            }
            WorkspaceEntity e = new WorkspaceEntity(tenant, workspace.id().value());
            e.slug = workspace.slug();
            e.createdAt = workspace.createdAt();
            e.version = 0;
            copy(workspace, e);
            return toDomain(insert(e, "workspace", workspace.id().value()));
        });
    }

    @Override
    public Workspace update(Workspace workspace) {
        requireNonNull(workspace, "workspace must not be null");
        return tx(() -> {
            WorkspaceEntity e = em().find(WorkspaceEntity.class, key(workspace.tenantId(), workspace.id()));
            if (e == null || e.version != workspace.version()) {
                throw ConflictException.staleVersion("workspace", workspace.id().value(), workspace.version());
            }
            if (workspace.externalRef().isPresent() && !workspace.externalRef().get().equals(e.externalRef)
                    && existsBy("externalRef", e.tenantId, workspace.externalRef().get())) {
                throw duplicateRef(workspace.externalRef().get());
            }
            copy(workspace, e);
            return toDomain(saveManaged(e, "workspace", workspace.id().value()));
        });
    }

    @Override
    public Workspace setExternalRef(TenantId tenantId, WorkspaceId id, Optional<String> externalRef) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(id, "id must not be null");
        requireNonNull(externalRef, "externalRef must not be null");
        return tx(() -> {
            WorkspaceEntity e = em().find(WorkspaceEntity.class, key(tenantId, id));
            if (e == null) {
                throw ConflictException.staleVersion("workspace", id.value(), 0);
            }
            if (externalRef.isPresent() && !externalRef.get().equals(e.externalRef)
                    && existsBy("externalRef", e.tenantId, externalRef.get())) {
                throw duplicateRef(externalRef.get());
            }
            // A bulk update, which leaves the @Version column alone: neither the version nor updatedAt changes
            // (see WorkspaceStore#setExternalRef).
            try {
                em().createQuery("update CwkWorkspace w set w.externalRef = :ref where w.tenantId = :tenant and w.id = :id")
                        .setParameter("ref", externalRef.orElse(null))
                        .setParameter("tenant", tenantId.value())
                        .setParameter("id", id.value())
                        .executeUpdate();
            } catch (RuntimeException failure) {
                throw JpaErrors.translate(failure, "workspace", id.value());
            }
            em().refresh(e);
            return mapDetached(e, JpaWorkspaceStore::toDomain);
        });
    }

    @Override
    public Optional<Workspace> find(TenantId tenantId, WorkspaceId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(WorkspaceEntity.class, key(tenantId, id)))
                .map(e -> mapDetached(e, JpaWorkspaceStore::toDomain)));
    }

    @Override
    public Optional<Workspace> findForUpdate(TenantId tenantId, WorkspaceId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(WorkspaceEntity.class, key(tenantId, id), LockModeType.PESSIMISTIC_WRITE))
                .map(e -> mapDetached(e, JpaWorkspaceStore::toDomain)));
    }

    @Override
    public Optional<Workspace> findBySlug(TenantId tenantId, String slug) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(slug, "slug must not be null");
        return findBy("slug", tenantId.value(), slug);
    }

    @Override
    public Optional<Workspace> findByExternalRef(TenantId tenantId, String externalRef) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(externalRef, "externalRef must not be null");
        return findBy("externalRef", tenantId.value(), externalRef);
    }

    @Override
    public List<Workspace> list(TenantId tenantId, Optional<String> afterSlug, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(afterSlug, "afterSlug must not be null");
        return tx(() -> mapDetached(em().createQuery("select w from CwkWorkspace w"
                        + " where w.tenantId = :tenant and w.slug > :after order by w.slug", WorkspaceEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("after", afterSlug.orElse(""))
                .setMaxResults(limit)
                .getResultList(), JpaWorkspaceStore::toDomain));
    }

    @Override
    public List<Workspace> listForMember(TenantId tenantId, UserId userId, Set<WorkspaceRole> roles,
                                         Optional<String> afterSlug, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(roles, "roles must not be null");
        requireNonNull(afterSlug, "afterSlug must not be null");
        if (roles.isEmpty()) {
            return List.of();
        }
        // Driven from the memberships, in the order of their copy of the slug, so that a page is one range
        // of ix_cwk_membership_user_slug read up to the limit, however many workspaces the member belongs to.
        return tx(() -> mapDetached(em().createQuery("select w from CwkMembership m"
                        + " join CwkWorkspace w on w.tenantId = m.tenantId and w.id = m.workspaceId"
                        + " where m.tenantId = :tenant and m.userId = :user and m.workspaceSlug > :after"
                        + " and m.role in :roles"
                        + " order by m.workspaceSlug", WorkspaceEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("user", userId.value())
                .setParameter("roles", roles.stream().map(Enum::name).toList())
                .setParameter("after", afterSlug.orElse(""))
                .setMaxResults(limit)
                .getResultList(), JpaWorkspaceStore::toDomain));
    }

    @Override
    public long count(TenantId tenantId) {
        requireNonNull(tenantId, "tenantId must not be null");
        return tx(() -> em().createQuery("select count(w) from CwkWorkspace w where w.tenantId = :tenant", Long.class)
                .setParameter("tenant", tenantId.value())
                .getSingleResult());
    }

    private Optional<Workspace> findBy(String field, String tenant, String value) {
        return tx(() -> em().createQuery("select w from CwkWorkspace w where w.tenantId = :tenant and w." + field
                        + " = :value", WorkspaceEntity.class)
                .setParameter("tenant", tenant)
                .setParameter("value", value)
                .getResultStream().findFirst()
                .map(e -> mapDetached(e, JpaWorkspaceStore::toDomain)));
    }

    private boolean existsBy(String field, String tenant, String value) {
        return !em().createQuery("select w.id from CwkWorkspace w where w.tenantId = :tenant and w." + field
                        + " = :value", String.class)
                .setParameter("tenant", tenant)
                .setParameter("value", value)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    private static void copy(Workspace w, WorkspaceEntity e) {
        e.name = w.name();
        e.externalRef = w.externalRef().orElse(null);
        e.displayName = w.branding().displayName().orElse(null);
        e.accentColor = w.branding().accentColor().orElse(null);
        e.logoRef = w.branding().logoRef().orElse(null);
        e.status = w.status().name();
        e.updatedAt = w.updatedAt();
    }

    private static WorkspaceEntity.Key key(TenantId tenantId, WorkspaceId id) {
        return new WorkspaceEntity.Key(tenantId.value(), id.value());
    }

    static Workspace toDomain(WorkspaceEntity e) {
        return new Workspace(WorkspaceId.of(e.id), TenantId.of(e.tenantId), e.slug, e.name,
                Optional.ofNullable(e.externalRef),
                new Branding(Optional.ofNullable(e.displayName), Optional.ofNullable(e.accentColor),
                        Optional.ofNullable(e.logoRef)),
                WorkspaceStatus.valueOf(e.status), e.createdAt, e.updatedAt, e.version);
    }

    private static ConflictException duplicateSlug(String slug) {
        return new ConflictException(ConflictException.Reason.DUPLICATE_SLUG,
                "Slug '" + slug + "' is already used by another workspace of this tenant; choose another");
    }

    private static ConflictException duplicateRef(String ref) {
        return new ConflictException(ConflictException.Reason.DUPLICATE_EXTERNAL_REF,
                "External reference '" + ref + "' is already linked to another workspace of this tenant");
    }
}
