package io.clientworkspace.memory;

import io.clientworkspace.FileId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.file.DownloadRecord;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.DownloadLogStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link DownloadLogStore} in memory. */
final class InMemoryDownloadLogStore implements DownloadLogStore {

    private final InMemoryTransactions tx;
    private final List<DownloadRecord> records = new ArrayList<>();

    public InMemoryDownloadLogStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public void append(DownloadRecord record) {
        requireNonNull(record, "record must not be null");
        tx.write(() -> {
            records.add(record);
            return new Undoable<>(null, () -> records.remove(record));
        });
    }

    @Override
    public List<DownloadRecord> list(TenantId tenantId, WorkspaceId workspaceId, FileId fileId, Optional<String> beforeId,
                                     int limit) {
        return tx.read(() -> records.stream()
                .filter(r -> r.tenantId().equals(tenantId) && r.workspaceId().equals(workspaceId) && r.fileId().equals(fileId))
                .filter(r -> beforeId.isEmpty() || r.id().compareTo(beforeId.get()) < 0)
                .sorted(Comparator.comparing(DownloadRecord::id).reversed())
                .limit(limit).toList());
    }

    @Override
    public int deleteForFile(TenantId tenantId, WorkspaceId workspaceId, FileId fileId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(fileId, "fileId must not be null");
        return tx.write(() -> {
            List<DownloadRecord> removed = records.stream().filter(r -> r.tenantId().equals(tenantId)
                    && r.workspaceId().equals(workspaceId) && r.fileId().equals(fileId)).toList();
            records.removeAll(removed);
            return new Undoable<>(removed.size(), () -> records.addAll(removed));
        });
    }
}
