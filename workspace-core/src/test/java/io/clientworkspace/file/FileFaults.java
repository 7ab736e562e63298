package io.clientworkspace.file;

import io.clientworkspace.ApprovalId;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.Decision;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.ActivityStore;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.BlobStore;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.spi.Stores;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory stores and a blob store that fail on a named step, as a database or a disk would. Steps are
 * named {@code "files.insert"}, {@code "folders.update"}, {@code "approvals.appendDecision"},
 * {@code "downloads.append"}, {@code "files.delete"},
 * {@code "downloads.deleteForFile"}, {@code "activity.append:<action>"}, {@code "blobs.put"} (fails half-way
 * through the bytes), {@code "blobs.open"}, {@code "blobs.delete"}.
 */
final class FileFaults {

    /** What a store throws when told to fail. */
    static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String step) {
            super("injected failure on " + step);
        }
    }

    /** What the blob store throws when told to fail (an I/O error, as a disk gives). */
    static final class InjectedIoFailure extends IOException {
        private static final long serialVersionUID = 1L;

        InjectedIoFailure(String step) {
            super("injected I/O failure on " + step);
        }
    }

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Stores stores;

    FileFaults() {
        Stores base = InMemoryStores.create();
        stores = base.with(ActivityStore.class, new Activity(base.activity()))
                .with(FolderStore.class, new Folders(base.require(FolderStore.class)))
                .with(FileStore.class, new Files(base.require(FileStore.class)))
                .with(DownloadLogStore.class, new Downloads(base.require(DownloadLogStore.class)))
                .with(ApprovalStore.class, new Approvals(base.require(ApprovalStore.class)));
    }

    /** The stores to build the kit with. */
    Stores stores() {
        return stores;
    }

    /** A blob store that fails on the {@code blobs.*} steps, around {@code delegate}. */
    BlobStore blobs(BlobStore delegate) {
        return new Blobs(delegate);
    }

    /** Makes the next call of each of {@code steps} fail (once each). */
    void failOn(String... steps) {
        failing.addAll(List.of(steps));
    }

    /** Whether a planned failure has not happened yet. */
    boolean pending() {
        return !failing.isEmpty();
    }

    /** Forgets the planned failures that did not happen. */
    void heal() {
        failing.clear();
    }

    private boolean due(String... steps) {
        for (String step : steps) {
            if (failing.remove(step)) {
                return true;
            }
        }
        return false;
    }

    private void check(String... steps) {
        if (due(steps)) {
            throw new InjectedFailure(String.join(" / ", steps));
        }
    }

    private final class Blobs implements BlobStore {
        private final BlobStore d;

        Blobs(BlobStore delegate) {
            this.d = delegate;
        }

        @Override
        public StoredBlob put(InputStream content) throws IOException {
            if (!due("blobs.put")) {
                return d.put(content);
            }
            // The disk fills half-way: the store has started writing when it fails.
            return d.put(new FilterInputStream(content) {
                private long read;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (read > 0) {
                        throw new InjectedIoFailure("blobs.put");
                    }
                    int n = super.read(b, off, Math.max(1, Math.min(len, 16)));
                    read += Math.max(n, 0);
                    return n;
                }
            });
        }

        @Override
        public InputStream open(String key, String expectedSha256) throws IOException {
            if (due("blobs.open")) {
                throw new InjectedIoFailure("blobs.open");
            }
            return d.open(key, expectedSha256);
        }

        @Override
        public void delete(String key) throws IOException {
            if (due("blobs.delete")) {
                throw new InjectedIoFailure("blobs.delete");
            }
            d.delete(key);
        }

        @Override
        public boolean exists(String key) throws IOException {
            return d.exists(key);
        }

        @Override
        public List<String> keysOlderThan(Instant before, int limit) throws IOException {
            return d.keysOlderThan(before, limit);
        }

        @Override
        public int deleteAbandonedWrites(Instant before) throws IOException {
            return d.deleteAbandonedWrites(before);
        }
    }

    private final class Files implements FileStore {
        private final FileStore d;

        Files(FileStore delegate) {
            this.d = delegate;
        }

        @Override
        public FileAsset insert(FileAsset file, FileVersion first) {
            check("files.insert");
            return d.insert(file, first);
        }

        @Override
        public FileAsset update(FileAsset file) {
            check("files.update");
            return d.update(file);
        }

        @Override
        public FileVersion appendVersion(FileVersion version) {
            check("files.appendVersion");
            return d.appendVersion(version);
        }

        @Override
        public Optional<FileAsset> find(TenantId tenantId, WorkspaceId workspaceId, FileId id) {
            return d.find(tenantId, workspaceId, id);
        }

        @Override
        public Optional<FileAsset> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, FileId id) {
            return d.findForUpdate(tenantId, workspaceId, id);
        }

        @Override
        public Optional<FileVersion> findVersion(TenantId tenantId, WorkspaceId workspaceId, FileId id, int number) {
            return d.findVersion(tenantId, workspaceId, id, number);
        }

        @Override
        public List<FileVersion> listVersions(TenantId tenantId, WorkspaceId workspaceId, FileId id, int limit) {
            return d.listVersions(tenantId, workspaceId, id, limit);
        }

        @Override
        public List<FileAsset> list(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> folder,
                                    FileStatus status, boolean clientVisibleOnly, Optional<FileCursor> after, int limit) {
            return d.list(tenantId, workspaceId, folder, status, clientVisibleOnly, after, limit);
        }

        @Override
        public long count(TenantId tenantId, WorkspaceId workspaceId, FileStatus status, boolean clientVisibleOnly) {
            return d.count(tenantId, workspaceId, status, clientVisibleOnly);
        }

        @Override
        public Set<String> referencedBlobKeys(Collection<String> blobKeys) {
            return d.referencedBlobKeys(blobKeys);
        }

        @Override
        public void delete(TenantId tenantId, WorkspaceId workspaceId, FileId id, long expectedVersion) {
            check("files.delete");
            d.delete(tenantId, workspaceId, id, expectedVersion);
        }

        @Override
        public long usedBytes(TenantId tenantId, WorkspaceId workspaceId) {
            return d.usedBytes(tenantId, workspaceId);
        }
    }

    private final class Folders implements FolderStore {
        private final FolderStore d;

        Folders(FolderStore delegate) {
            this.d = delegate;
        }

        @Override
        public Folder insert(Folder folder) {
            check("folders.insert");
            return d.insert(folder);
        }

        @Override
        public Folder update(Folder folder) {
            check("folders.update");
            return d.update(folder);
        }

        @Override
        public void delete(TenantId tenantId, WorkspaceId workspaceId, FolderId id, long expectedVersion) {
            check("folders.delete");
            d.delete(tenantId, workspaceId, id, expectedVersion);
        }

        @Override
        public Optional<Folder> find(TenantId tenantId, WorkspaceId workspaceId, FolderId id) {
            return d.find(tenantId, workspaceId, id);
        }

        @Override
        public List<Folder> listChildren(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> parent,
                                         boolean clientVisibleOnly, Optional<String> afterName, int limit) {
            return d.listChildren(tenantId, workspaceId, parent, clientVisibleOnly, afterName, limit);
        }

        @Override
        public boolean hasChildren(TenantId tenantId, WorkspaceId workspaceId, FolderId id) {
            return d.hasChildren(tenantId, workspaceId, id);
        }
    }

    private final class Downloads implements DownloadLogStore {
        private final DownloadLogStore d;

        Downloads(DownloadLogStore delegate) {
            this.d = delegate;
        }

        @Override
        public void append(DownloadRecord record) {
            check("downloads.append");
            d.append(record);
        }

        @Override
        public List<DownloadRecord> list(TenantId tenantId, WorkspaceId workspaceId, FileId fileId,
                                         Optional<String> beforeId, int limit) {
            return d.list(tenantId, workspaceId, fileId, beforeId, limit);
        }

        @Override
        public int deleteForFile(TenantId tenantId, WorkspaceId workspaceId, FileId fileId) {
            check("downloads.deleteForFile");
            return d.deleteForFile(tenantId, workspaceId, fileId);
        }
    }

    private final class Approvals implements ApprovalStore {
        private final ApprovalStore d;

        Approvals(ApprovalStore delegate) {
            this.d = delegate;
        }

        @Override
        public ApprovalRequest insert(ApprovalRequest request) {
            check("approvals.insert");
            return d.insert(request);
        }

        @Override
        public ApprovalRequest update(ApprovalRequest request) {
            check("approvals.update");
            return d.update(request);
        }

        @Override
        public Optional<ApprovalRequest> find(TenantId tenantId, WorkspaceId workspaceId, ApprovalId id) {
            return d.find(tenantId, workspaceId, id);
        }

        @Override
        public Optional<ApprovalRequest> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, ApprovalId id) {
            return d.findForUpdate(tenantId, workspaceId, id);
        }

        @Override
        public List<ApprovalRequest> list(TenantId tenantId, WorkspaceId workspaceId, Optional<ApprovalStatus> status,
                                          Optional<ApprovalId> beforeId, int limit) {
            return d.list(tenantId, workspaceId, status, beforeId, limit);
        }

        @Override
        public List<ApprovalRequest> listForFile(TenantId tenantId, WorkspaceId workspaceId, FileId fileId, int limit) {
            return d.listForFile(tenantId, workspaceId, fileId, limit);
        }

        @Override
        public List<ApprovalRequest> listOverdue(Instant now, int limit) {
            return d.listOverdue(now, limit);
        }

        @Override
        public void appendDecision(Decision decision) {
            check("approvals.appendDecision");
            d.appendDecision(decision);
        }

        @Override
        public List<Decision> decisions(TenantId tenantId, WorkspaceId workspaceId, ApprovalId requestId) {
            return d.decisions(tenantId, workspaceId, requestId);
        }
    }

    private final class Activity implements ActivityStore {
        private final ActivityStore d;

        Activity(ActivityStore delegate) {
            this.d = delegate;
        }

        @Override
        public void append(ActivityEntry entry) {
            check("activity.append", "activity.append:" + entry.action());
            d.append(entry);
        }

        @Override
        public Optional<ActivityEntry> latest(TenantId tenantId, WorkspaceId workspaceId) {
            return d.latest(tenantId, workspaceId);
        }

        @Override
        public List<ActivityEntry> listNewestFirst(TenantId tenantId, WorkspaceId workspaceId,
                                                   Set<Visibility> visibilities, OptionalLong beforeSequence, int limit) {
            return d.listNewestFirst(tenantId, workspaceId, visibilities, beforeSequence, limit);
        }

        @Override
        public List<ActivityEntry> listOldestFirst(TenantId tenantId, WorkspaceId workspaceId, long afterSequence,
                                                   int limit) {
            return d.listOldestFirst(tenantId, workspaceId, afterSequence, limit);
        }
    }
}
