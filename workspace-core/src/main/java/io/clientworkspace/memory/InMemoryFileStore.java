package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.FileStore;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** {@link FileStore} in memory. */
final class InMemoryFileStore implements FileStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, FileId id) {
    }

    private static final Comparator<FileAsset> ORDER = Comparator.comparing(FileAsset::name).thenComparing(FileAsset::id);

    private final InMemoryTransactions tx;
    private final Map<Key, FileAsset> files = new HashMap<>();
    private final Map<Key, TreeMap<Integer, FileVersion>> versions = new HashMap<>();

    public InMemoryFileStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public FileAsset insert(FileAsset file, FileVersion first) {
        requireNonNull(file, "file must not be null");
        requireNonNull(first, "first must not be null");
        return tx.write(() -> {
            Key key = new Key(file.tenantId(), file.workspaceId(), file.id());
            if (files.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "File '" + file.id() + "' already exists");
            }
            FileAsset stored = withVersion(file, 0);
            files.put(key, stored);
            TreeMap<Integer, FileVersion> history = new TreeMap<>();
            history.put(first.number(), first);
            versions.put(key, history);
            return new Undoable<>(stored, () -> {
                files.remove(key);
                versions.remove(key);
            });
        });
    }

    @Override
    public FileAsset update(FileAsset file) {
        requireNonNull(file, "file must not be null");
        return tx.write(() -> {
            Key key = new Key(file.tenantId(), file.workspaceId(), file.id());
            FileAsset current = files.get(key);
            if (current == null || current.version() != file.version()) {
                throw ConflictException.staleVersion("file", file.id().value(), file.version());
            }
            FileAsset stored = withVersion(file, current.version() + 1);
            files.put(key, stored);
            return new Undoable<>(stored, () -> files.put(key, current));
        });
    }

    @Override
    public FileVersion appendVersion(FileVersion version) {
        requireNonNull(version, "version must not be null");
        return tx.write(() -> {
            Key key = new Key(version.tenantId(), version.workspaceId(), version.fileId());
            TreeMap<Integer, FileVersion> history = versions.get(key);
            int expected = history == null || history.isEmpty() ? 1 : history.lastKey() + 1;
            if (history == null || version.number() != expected) {
                throw ConflictException.staleVersion("file version", version.fileId().value(), version.number());
            }
            history.put(version.number(), version);
            return new Undoable<>(version, () -> history.remove(version.number()));
        });
    }

    @Override
    public Optional<FileAsset> find(TenantId tenantId, WorkspaceId workspaceId, FileId id) {
        return tx.read(() -> Optional.ofNullable(files.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public Optional<FileVersion> findVersion(TenantId tenantId, WorkspaceId workspaceId, FileId id, int number) {
        return tx.read(() -> Optional.ofNullable(versions.get(new Key(tenantId, workspaceId, id))).map(h -> h.get(number)));
    }

    @Override
    public List<FileVersion> listVersions(TenantId tenantId, WorkspaceId workspaceId, FileId id, int limit) {
        return tx.read(() -> Optional.ofNullable(versions.get(new Key(tenantId, workspaceId, id)))
                .map(h -> h.descendingMap().values().stream().limit(limit).toList()).orElse(List.of()));
    }

    @Override
    public List<FileAsset> list(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> folder, FileStatus status,
                                boolean clientVisibleOnly, Optional<FileCursor> after, int limit) {
        return tx.read(() -> files.values().stream()
                .filter(f -> f.tenantId().equals(tenantId) && f.workspaceId().equals(workspaceId))
                .filter(f -> f.folderId().equals(folder) && f.status() == status)
                .filter(f -> !clientVisibleOnly || f.visibility() == Visibility.CLIENT)
                .filter(f -> after.isEmpty() || f.name().compareTo(after.get().name()) > 0
                        || (f.name().equals(after.get().name()) && f.id().compareTo(after.get().id()) > 0))
                .sorted(ORDER).limit(limit).toList());
    }

    @Override
    public long count(TenantId tenantId, WorkspaceId workspaceId, FileStatus status, boolean clientVisibleOnly) {
        return tx.read(() -> files.values().stream()
                .filter(f -> f.tenantId().equals(tenantId) && f.workspaceId().equals(workspaceId) && f.status() == status)
                .filter(f -> !clientVisibleOnly || f.visibility() == Visibility.CLIENT).count());
    }

    @Override
    public Set<String> referencedBlobKeys(Collection<String> blobKeys) {
        Set<String> wanted = new HashSet<>(blobKeys);
        return tx.read(() -> versions.values().stream().flatMap(h -> h.values().stream())
                .map(FileVersion::blobKey).filter(wanted::contains).collect(Collectors.toSet()));
    }

    @Override
    public void delete(TenantId tenantId, WorkspaceId workspaceId, FileId id, long expectedVersion) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        tx.write(() -> {
            Key key = new Key(tenantId, workspaceId, id);
            FileAsset current = files.get(key);
            if (current == null || current.version() != expectedVersion) {
                throw ConflictException.staleVersion("file", id.value(), expectedVersion);
            }
            TreeMap<Integer, FileVersion> history = versions.remove(key);
            files.remove(key);
            return new Undoable<>(null, () -> {
                files.put(key, current);
                if (history != null) {
                    versions.put(key, history);
                }
            });
        });
    }

    @Override
    public long usedBytes(TenantId tenantId, WorkspaceId workspaceId) {
        return sumBytes(tenantId, workspaceId, false);
    }

    @Override
    public long clientVisibleBytes(TenantId tenantId, WorkspaceId workspaceId) {
        return sumBytes(tenantId, workspaceId, true);
    }

    private long sumBytes(TenantId tenantId, WorkspaceId workspaceId, boolean clientVisibleOnly) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return tx.read(() -> versions.entrySet().stream()
                .filter(e -> e.getKey().tenantId().equals(tenantId) && e.getKey().workspaceId().equals(workspaceId))
                .filter(e -> !clientVisibleOnly || Optional.ofNullable(files.get(e.getKey()))
                        .map(f -> f.visibility() == io.clientworkspace.activity.Visibility.CLIENT
                                && f.status() == FileStatus.ACTIVE).orElse(false))
                .mapToLong(e -> e.getValue().values().stream()
                        .collect(Collectors.toMap(FileVersion::blobKey, FileVersion::size, (a, b) -> a))
                        .values().stream().mapToLong(Long::longValue).sum())
                .sum());
    }

    boolean anyInFolder(TenantId tenantId, WorkspaceId workspaceId, FolderId folder) {
        return files.values().stream().anyMatch(f -> f.tenantId().equals(tenantId) && f.workspaceId().equals(workspaceId)
                && f.folderId().equals(Optional.of(folder)));
    }

    private static FileAsset withVersion(FileAsset f, long version) {
        return new FileAsset(f.id(), f.tenantId(), f.workspaceId(), f.folderId(), f.name(), f.visibility(),
                f.latestVersion(), f.status(), f.createdBy(), f.createdAt(), f.updatedAt(), version);
    }
}
