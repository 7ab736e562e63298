package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.Folder;
import io.clientworkspace.jpa.entity.FolderEntity;
import io.clientworkspace.spi.FolderStore;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link FolderStore} on JPA. Sibling names are unique per audience by the constraint
 * {@code uq_cwk_folder_name_vis} on (tenant, workspace, parent, visibility, name), where the top level is
 * the parent {@code ''} (migration V4; before it, names were unique among all siblings, which told clients
 * about internal folders). {@link #listChildrenAfter} is keyset-paginated by (name, id) on the index
 * {@code ix_cwk_folder_list}.
 */
public final class JpaFolderStore extends JpaStoreSupport implements FolderStore {

    public JpaFolderStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public Folder insert(Folder folder) {
        requireNonNull(folder, "folder must not be null");
        return tx(() -> {
            if (em().find(FolderEntity.class, key(folder.tenantId(), folder.workspaceId(), folder.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Folder '" + folder.id() + "' already exists");
            }
            requireUniqueName(folder);
            FolderEntity e = new FolderEntity(folder.tenantId().value(), folder.workspaceId().value(), folder.id().value());
            e.createdBy = folder.createdBy().value();
            e.createdAt = folder.createdAt();
            e.version = 0;
            copy(folder, e);
            return toDomain(insert(e, "folder", folder.id().value()));
        });
    }

    @Override
    public Folder update(Folder folder) {
        requireNonNull(folder, "folder must not be null");
        return tx(() -> {
            FolderEntity e = em().find(FolderEntity.class, key(folder.tenantId(), folder.workspaceId(), folder.id()));
            if (e == null || e.version != folder.version()) {
                throw ConflictException.staleVersion("folder", folder.id().value(), folder.version());
            }
            if (!e.name.equals(folder.name()) || !e.parentId.equals(parentKey(folder.parentId()))
                    || !e.visibility.equals(folder.visibility().name())) {
                requireUniqueName(folder);
            }
            copy(folder, e);
            return toDomain(saveVersioned(e, folder.version(), entity -> entity.version, "folder", folder.id().value()));
        });
    }

    @Override
    public void delete(TenantId tenantId, WorkspaceId workspaceId, FolderId id, long expectedVersion) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        tx(() -> {
            FolderEntity e = em().find(FolderEntity.class, key(tenantId, workspaceId, id));
            if (e == null || e.version != expectedVersion) {
                throw ConflictException.staleVersion("folder", id.value(), expectedVersion);
            }
            em().remove(e);
            flush("folder", id.value());
            return null;
        });
    }

    @Override
    public Optional<Folder> find(TenantId tenantId, WorkspaceId workspaceId, FolderId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(FolderEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaFolderStore::toDomain)));
    }

    @Override
    public List<Folder> listChildren(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> parent,
                                     boolean clientVisibleOnly, Optional<String> afterName, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(parent, "parent must not be null");
        requireNonNull(afterName, "afterName must not be null");
        return tx(() -> {
            TypedQuery<FolderEntity> query = em().createQuery("select f from CwkFolder f where f.tenantId = :tenant"
                            + " and f.workspaceId = :workspace and f.parentId = :parent"
                            + (clientVisibleOnly ? " and f.visibility = :visibility" : "")
                            + (afterName.isPresent() ? " and f.name > :after" : "")
                            + " order by f.name", FolderEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .setParameter("parent", parentKey(parent));
            if (clientVisibleOnly) {
                query.setParameter("visibility", Visibility.CLIENT.name());
            }
            afterName.ifPresent(after -> query.setParameter("after", after));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaFolderStore::toDomain);
        });
    }

    @Override
    public List<Folder> listChildrenAfter(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> parent,
                                          boolean clientVisibleOnly, Optional<FolderCursor> after, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(parent, "parent must not be null");
        requireNonNull(after, "after must not be null");
        return tx(() -> {
            TypedQuery<FolderEntity> query = em().createQuery("select f from CwkFolder f where f.tenantId = :tenant"
                            + " and f.workspaceId = :workspace and f.parentId = :parent"
                            + (clientVisibleOnly ? " and f.visibility = :visibility" : "")
                            + (after.isPresent() ? " and (f.name > :name or (f.name = :name and f.id > :id))" : "")
                            + " order by f.name, f.id", FolderEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .setParameter("parent", parentKey(parent));
            if (clientVisibleOnly) {
                query.setParameter("visibility", Visibility.CLIENT.name());
            }
            after.ifPresent(a -> query.setParameter("name", a.name()).setParameter("id", a.id().value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaFolderStore::toDomain);
        });
    }

    @Override
    public boolean hasChildren(TenantId tenantId, WorkspaceId workspaceId, FolderId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx(() -> !em().createQuery("select f.id from CwkFolder f where f.tenantId = :tenant"
                                + " and f.workspaceId = :workspace and f.parentId = :parent", String.class)
                        .setParameter("tenant", tenantId.value())
                        .setParameter("workspace", workspaceId.value())
                        .setParameter("parent", id.value())
                        .setMaxResults(1).getResultList().isEmpty()
                || !em().createQuery("select f.id from CwkFile f where f.tenantId = :tenant"
                                + " and f.workspaceId = :workspace and f.folderId = :folder", String.class)
                        .setParameter("tenant", tenantId.value())
                        .setParameter("workspace", workspaceId.value())
                        .setParameter("folder", id.value())
                        .setMaxResults(1).getResultList().isEmpty());
    }

    private void requireUniqueName(Folder folder) {
        boolean clash = !em().createQuery("select f.id from CwkFolder f where f.tenantId = :tenant"
                        + " and f.workspaceId = :workspace and f.parentId = :parent and f.name = :name"
                        + " and f.visibility = :visibility and f.id <> :id", String.class)
                .setParameter("visibility", folder.visibility().name())
                .setParameter("tenant", folder.tenantId().value())
                .setParameter("workspace", folder.workspaceId().value())
                .setParameter("parent", parentKey(folder.parentId()))
                .setParameter("name", folder.name())
                .setParameter("id", folder.id().value())
                .setMaxResults(1).getResultList().isEmpty();
        if (clash) {
            throw JpaErrors.duplicateFolderName(folder.name());
        }
    }

    private static void copy(Folder f, FolderEntity e) {
        e.parentId = parentKey(f.parentId());
        e.name = f.name();
        e.visibility = f.visibility().name();
    }

    /** The stored parent: the id, or {@link FolderEntity#TOP_LEVEL}. */
    static String parentKey(Optional<FolderId> parent) {
        return parent.map(FolderId::value).orElse(FolderEntity.TOP_LEVEL);
    }

    private static FolderEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, FolderId id) {
        return new FolderEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static Folder toDomain(FolderEntity e) {
        return new Folder(FolderId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId),
                FolderEntity.TOP_LEVEL.equals(e.parentId) ? Optional.empty() : Optional.of(FolderId.of(e.parentId)),
                e.name, Visibility.valueOf(e.visibility), UserId.of(e.createdBy), e.createdAt, e.version);
    }
}
