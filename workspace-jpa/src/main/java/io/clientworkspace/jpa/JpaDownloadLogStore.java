package io.clientworkspace.jpa;

import io.clientworkspace.ActorKind;
import io.clientworkspace.FileId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.file.DownloadRecord;
import io.clientworkspace.jpa.entity.DownloadEntity;
import io.clientworkspace.spi.DownloadLogStore;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link DownloadLogStore} on JPA: append-only rows keyed by (tenant, workspace, file, id), so that a
 * file's downloads, newest first, are one range of the primary key.
 */
public final class JpaDownloadLogStore extends JpaStoreSupport implements DownloadLogStore {

    public JpaDownloadLogStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public void append(DownloadRecord record) {
        requireNonNull(record, "record must not be null");
        tx(() -> {
            DownloadEntity e = new DownloadEntity(record.tenantId().value(), record.workspaceId().value(),
                    record.fileId().value(), record.id());
            e.versionNumber = record.versionNumber();
            e.userId = record.userId().value();
            e.actorKind = record.actorKind().name();
            e.downloadedAt = record.at();
            insert(e, "download", record.id());
            return null;
        });
    }

    @Override
    public List<DownloadRecord> list(TenantId tenantId, WorkspaceId workspaceId, FileId fileId, Optional<String> beforeId,
                                     int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(fileId, "fileId must not be null");
        requireNonNull(beforeId, "beforeId must not be null");
        return tx(() -> {
            TypedQuery<DownloadEntity> query = em().createQuery("select d from CwkDownload d where d.tenantId = :tenant"
                            + " and d.workspaceId = :workspace and d.fileId = :file"
                            + (beforeId.isPresent() ? " and d.id < :before" : "")
                            + " order by d.id desc", DownloadEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .setParameter("file", fileId.value());
            beforeId.ifPresent(before -> query.setParameter("before", before));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaDownloadLogStore::toDomain);
        });
    }

    @Override
    public int deleteForFile(TenantId tenantId, WorkspaceId workspaceId, FileId fileId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(fileId, "fileId must not be null");
        return tx(() -> em().createQuery("delete from CwkDownload d where d.tenantId = :tenant"
                        + " and d.workspaceId = :workspace and d.fileId = :file")
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("file", fileId.value())
                .executeUpdate());
    }

    static DownloadRecord toDomain(DownloadEntity e) {
        return new DownloadRecord(e.id, TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), FileId.of(e.fileId),
                e.versionNumber, UserId.of(e.userId), ActorKind.valueOf(e.actorKind), e.downloadedAt);
    }
}
