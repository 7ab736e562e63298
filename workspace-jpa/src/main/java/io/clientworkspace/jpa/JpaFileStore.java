package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.jpa.entity.FileEntity;
import io.clientworkspace.jpa.entity.FileVersionEntity;
import io.clientworkspace.spi.FileStore;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * {@link FileStore} on JPA. Versions are rows of their own keyed by (tenant, workspace, file, number), so
 * two versions can never claim one number. Folder listings are keyset-paginated by (name, id) on the index
 * {@code ix_cwk_file_list}; a file at the top level has the folder {@code ''}.
 */
public final class JpaFileStore extends JpaStoreSupport implements FileStore {

    /** Blob keys asked about per statement by {@link #referencedBlobKeys}, well under every database's limit. */
    private static final int KEYS_PER_QUERY = 500;

    public JpaFileStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public FileAsset insert(FileAsset file, FileVersion first) {
        requireNonNull(file, "file must not be null");
        requireNonNull(first, "first must not be null");
        return tx(() -> {
            if (em().find(FileEntity.class, key(file.tenantId(), file.workspaceId(), file.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "File '" + file.id() + "' already exists");
            }
            FileEntity e = new FileEntity(file.tenantId().value(), file.workspaceId().value(), file.id().value());
            e.createdBy = file.createdBy().value();
            e.createdAt = file.createdAt();
            e.version = 0;
            copy(file, e);
            FileVersionEntity v = toEntity(first);
            try {
                em().persist(e);
                em().persist(v);
            } catch (RuntimeException failure) {
                throw JpaErrors.translate(failure, "file", file.id().value());
            }
            flush("file", file.id().value());
            em().detach(v);
            em().detach(e);
            return toDomain(e);
        });
    }

    @Override
    public FileAsset update(FileAsset file) {
        requireNonNull(file, "file must not be null");
        return tx(() -> {
            FileEntity e = em().find(FileEntity.class, key(file.tenantId(), file.workspaceId(), file.id()));
            if (e == null || e.version != file.version()) {
                throw ConflictException.staleVersion("file", file.id().value(), file.version());
            }
            copy(file, e);
            return toDomain(saveVersioned(e, file.version(), entity -> entity.version, "file", file.id().value()));
        });
    }

    @Override
    public FileVersion appendVersion(FileVersion version) {
        requireNonNull(version, "version must not be null");
        return tx(() -> {
            Integer latest = em().createQuery("select max(v.number) from CwkFileVersion v where v.tenantId = :tenant"
                            + " and v.workspaceId = :workspace and v.fileId = :file", Integer.class)
                    .setParameter("tenant", version.tenantId().value())
                    .setParameter("workspace", version.workspaceId().value())
                    .setParameter("file", version.fileId().value())
                    .getSingleResult();
            if (latest == null || version.number() != latest + 1) {
                throw ConflictException.staleVersion("file version", version.fileId().value(), version.number());
            }
            try {
                insert(toEntity(version), "file version", version.fileId().value());
            } catch (ConflictException conflict) {
                throw new ConflictException(ConflictException.Reason.STALE_VERSION, "Version " + version.number()
                        + " of file '" + version.fileId() + "' was added concurrently by someone else");
            }
            return version;
        });
    }

    @Override
    public Optional<FileAsset> find(TenantId tenantId, WorkspaceId workspaceId, FileId id) {
        requireScope(tenantId, workspaceId, id);
        return tx(() -> Optional.ofNullable(em().find(FileEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaFileStore::toDomain)));
    }

    @Override
    public Optional<FileAsset> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, FileId id) {
        requireScope(tenantId, workspaceId, id);
        return tx(() -> Optional.ofNullable(em().find(FileEntity.class, key(tenantId, workspaceId, id),
                        LockModeType.PESSIMISTIC_WRITE))
                .map(e -> mapDetached(e, JpaFileStore::toDomain)));
    }

    @Override
    public Optional<FileVersion> findVersion(TenantId tenantId, WorkspaceId workspaceId, FileId id, int number) {
        requireScope(tenantId, workspaceId, id);
        return tx(() -> Optional.ofNullable(em().find(FileVersionEntity.class,
                        new FileVersionEntity.Key(tenantId.value(), workspaceId.value(), id.value(), number)))
                .map(e -> mapDetached(e, JpaFileStore::versionToDomain)));
    }

    @Override
    public List<FileVersion> listVersions(TenantId tenantId, WorkspaceId workspaceId, FileId id, int limit) {
        requireScope(tenantId, workspaceId, id);
        return tx(() -> mapDetached(em().createQuery("select v from CwkFileVersion v where v.tenantId = :tenant"
                        + " and v.workspaceId = :workspace and v.fileId = :file order by v.number desc", FileVersionEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("file", id.value())
                .setMaxResults(limit)
                .getResultList(), JpaFileStore::versionToDomain));
    }

    @Override
    public List<FileAsset> list(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> folder, FileStatus status,
                                boolean clientVisibleOnly, Optional<FileCursor> after, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(folder, "folder must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(after, "after must not be null");
        return tx(() -> {
            TypedQuery<FileEntity> query = em().createQuery("select f from CwkFile f where f.tenantId = :tenant"
                            + " and f.workspaceId = :workspace and f.folderId = :folder and f.status = :status"
                            + (clientVisibleOnly ? " and f.visibility = :visibility" : "")
                            + (after.isPresent() ? " and (f.name > :afterName or (f.name = :afterName and f.id > :afterId))" : "")
                            + " order by f.name, f.id", FileEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .setParameter("folder", folder.map(FolderId::value).orElse(FileEntity.TOP_LEVEL))
                    .setParameter("status", status.name());
            if (clientVisibleOnly) {
                query.setParameter("visibility", Visibility.CLIENT.name());
            }
            after.ifPresent(cursor -> query.setParameter("afterName", cursor.name()).setParameter("afterId", cursor.id().value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaFileStore::toDomain);
        });
    }

    @Override
    public long count(TenantId tenantId, WorkspaceId workspaceId, FileStatus status, boolean clientVisibleOnly) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(status, "status must not be null");
        return tx(() -> {
            TypedQuery<Long> query = em().createQuery("select count(f) from CwkFile f where f.tenantId = :tenant"
                            + " and f.workspaceId = :workspace and f.status = :status"
                            + (clientVisibleOnly ? " and f.visibility = :visibility" : ""), Long.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .setParameter("status", status.name());
            if (clientVisibleOnly) {
                query.setParameter("visibility", Visibility.CLIENT.name());
            }
            return query.getSingleResult();
        });
    }

    @Override
    public Set<String> referencedBlobKeys(Collection<String> blobKeys) {
        requireNonNull(blobKeys, "blobKeys must not be null");
        List<String> wanted = blobKeys.stream().distinct().toList();
        if (wanted.isEmpty()) {
            return Set.of();
        }
        return tx(() -> {
            Set<String> used = new HashSet<>();
            for (int from = 0; from < wanted.size(); from += KEYS_PER_QUERY) {
                used.addAll(em().createQuery("select distinct v.blobKey from CwkFileVersion v where v.blobKey in :keys",
                                String.class)
                        .setParameter("keys", wanted.subList(from, Math.min(wanted.size(), from + KEYS_PER_QUERY)))
                        .getResultList());
            }
            return Set.copyOf(used);
        });
    }

    @Override
    public void delete(TenantId tenantId, WorkspaceId workspaceId, FileId id, long expectedVersion) {
        requireScope(tenantId, workspaceId, id);
        tx(() -> {
            int deleted = em().createQuery("delete from CwkFile f where f.tenantId = :tenant and f.workspaceId = :workspace"
                            + " and f.id = :id and f.version = :version")
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .setParameter("id", id.value())
                    .setParameter("version", expectedVersion)
                    .executeUpdate();
            if (deleted == 0) {
                throw ConflictException.staleVersion("file", id.value(), expectedVersion);
            }
            em().createQuery("delete from CwkFileVersion v where v.tenantId = :tenant and v.workspaceId = :workspace"
                            + " and v.fileId = :file")
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .setParameter("file", id.value())
                    .executeUpdate();
            return null;
        });
    }

    @Override
    public long usedBytes(TenantId tenantId, WorkspaceId workspaceId) {
        return sumBytes(tenantId, workspaceId, "");
    }

    @Override
    public long clientVisibleBytes(TenantId tenantId, WorkspaceId workspaceId) {
        return sumBytes(tenantId, workspaceId, " and exists (select 1 from CwkFile f where f.tenantId = v.tenantId"
                + " and f.workspaceId = v.workspaceId and f.id = v.fileId and f.visibility = 'CLIENT' and f.status = 'ACTIVE')");
    }

    private long sumBytes(TenantId tenantId, WorkspaceId workspaceId, String fileCondition) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        // A version restored from an older one shares its blob: count each blob of a file at its first version.
        return tx(() -> {
            Long sum = em().createQuery("select sum(v.size) from CwkFileVersion v where v.tenantId = :tenant"
                            + " and v.workspaceId = :workspace and v.number = (select min(w.number) from CwkFileVersion w"
                            + " where w.tenantId = v.tenantId and w.workspaceId = v.workspaceId and w.fileId = v.fileId"
                            + " and w.blobKey = v.blobKey)" + fileCondition, Long.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .getSingleResult();
            return sum == null ? 0L : sum;
        });
    }

    private static void requireScope(TenantId tenantId, WorkspaceId workspaceId, FileId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
    }

    private static void copy(FileAsset f, FileEntity e) {
        e.folderId = f.folderId().map(FolderId::value).orElse(FileEntity.TOP_LEVEL);
        e.name = f.name();
        e.visibility = f.visibility().name();
        e.latestVersion = f.latestVersion();
        e.status = f.status().name();
        e.updatedAt = f.updatedAt();
    }

    private static FileEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, FileId id) {
        return new FileEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static FileVersionEntity toEntity(FileVersion v) {
        FileVersionEntity e = new FileVersionEntity(v.tenantId().value(), v.workspaceId().value(), v.fileId().value(),
                v.number());
        e.name = v.name();
        e.blobKey = v.blobKey();
        e.size = v.size();
        e.sha256 = v.sha256();
        e.detectedType = v.detectedType();
        e.declaredType = v.declaredType();
        e.uploadedBy = v.uploadedBy().value();
        e.uploadedAt = v.uploadedAt();
        return e;
    }

    static FileAsset toDomain(FileEntity e) {
        return new FileAsset(FileId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId),
                FileEntity.TOP_LEVEL.equals(e.folderId) ? Optional.empty() : Optional.of(FolderId.of(e.folderId)),
                e.name, Visibility.valueOf(e.visibility), e.latestVersion, FileStatus.valueOf(e.status),
                UserId.of(e.createdBy), e.createdAt, e.updatedAt, e.version);
    }

    static FileVersion versionToDomain(FileVersionEntity e) {
        return new FileVersion(TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), FileId.of(e.fileId), e.number,
                e.name, e.blobKey, e.size, e.sha256, e.detectedType, e.declaredType, UserId.of(e.uploadedBy),
                e.uploadedAt);
    }
}
