package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.Folder;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.FolderStore;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/** {@link FolderStore} in memory. */
final class InMemoryFolderStore implements FolderStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, FolderId id) {
    }

    private final InMemoryTransactions tx;
    private final InMemoryFileStore files;
    private final Map<Key, Folder> folders = new HashMap<>();

    public InMemoryFolderStore(InMemoryTransactions tx, InMemoryFileStore files) {
        this.tx = requireNonNull(tx, "tx must not be null");
        this.files = requireNonNull(files, "files must not be null");
    }

    @Override
    public Folder insert(Folder folder) {
        requireNonNull(folder, "folder must not be null");
        return tx.write(() -> {
            Key key = key(folder);
            if (folders.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Folder '" + folder.id() + "' already exists");
            }
            requireUniqueName(folder);
            Folder stored = withVersion(folder, 0);
            folders.put(key, stored);
            return new Undoable<>(stored, () -> folders.remove(key));
        });
    }

    @Override
    public Folder update(Folder folder) {
        requireNonNull(folder, "folder must not be null");
        return tx.write(() -> {
            Key key = key(folder);
            Folder current = folders.get(key);
            if (current == null || current.version() != folder.version()) {
                throw ConflictException.staleVersion("folder", folder.id().value(), folder.version());
            }
            requireUniqueName(folder);
            Folder stored = withVersion(folder, current.version() + 1);
            folders.put(key, stored);
            return new Undoable<>(stored, () -> folders.put(key, current));
        });
    }

    @Override
    public void delete(TenantId tenantId, WorkspaceId workspaceId, FolderId id, long expectedVersion) {
        tx.write(() -> {
            Key key = new Key(tenantId, workspaceId, id);
            Folder current = folders.get(key);
            if (current == null || current.version() != expectedVersion) {
                throw ConflictException.staleVersion("folder", id.value(), expectedVersion);
            }
            folders.remove(key);
            return new Undoable<>(null, () -> folders.put(key, current));
        });
    }

    @Override
    public Optional<Folder> find(TenantId tenantId, WorkspaceId workspaceId, FolderId id) {
        return tx.read(() -> Optional.ofNullable(folders.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public List<Folder> listChildren(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> parent,
                                     boolean clientVisibleOnly, Optional<String> afterName, int limit) {
        return tx.read(() -> folders.values().stream()
                .filter(inParent(tenantId, workspaceId, parent))
                .filter(f -> !clientVisibleOnly || f.visibility() == Visibility.CLIENT)
                .filter(f -> afterName.isEmpty() || f.name().compareTo(afterName.get()) > 0)
                .sorted(Comparator.comparing(Folder::name))
                .limit(limit).toList());
    }

    @Override
    public List<Folder> listChildrenAfter(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> parent,
                                          boolean clientVisibleOnly, Optional<FolderCursor> after, int limit) {
        requireNonNull(after, "after must not be null");
        Comparator<Folder> order = Comparator.comparing(Folder::name).thenComparing(f -> f.id().value());
        return tx.read(() -> folders.values().stream()
                .filter(inParent(tenantId, workspaceId, parent))
                .filter(f -> !clientVisibleOnly || f.visibility() == Visibility.CLIENT)
                .filter(f -> after.isEmpty() || f.name().compareTo(after.get().name()) > 0
                        || f.name().equals(after.get().name()) && f.id().value().compareTo(after.get().id().value()) > 0)
                .sorted(order)
                .limit(limit).toList());
    }

    @Override
    public boolean hasChildren(TenantId tenantId, WorkspaceId workspaceId, FolderId id) {
        return tx.read(() -> folders.values().stream().anyMatch(inParent(tenantId, workspaceId, Optional.of(id)))
                || files.anyInFolder(tenantId, workspaceId, id));
    }

    private void requireUniqueName(Folder folder) {
        boolean clash = folders.values().stream()
                .filter(inParent(folder.tenantId(), folder.workspaceId(), folder.parentId()))
                .anyMatch(f -> !f.id().equals(folder.id()) && f.name().equals(folder.name())
                        && f.visibility() == folder.visibility());
        if (clash) {
            throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                    "A folder named '" + folder.name() + "' already exists here");
        }
    }

    private static Predicate<Folder> inParent(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> parent) {
        return f -> f.tenantId().equals(tenantId) && f.workspaceId().equals(workspaceId) && f.parentId().equals(parent);
    }

    private static Key key(Folder f) {
        return new Key(f.tenantId(), f.workspaceId(), f.id());
    }

    private static Folder withVersion(Folder f, long version) {
        return new Folder(f.id(), f.tenantId(), f.workspaceId(), f.parentId(), f.name(), f.visibility(), f.createdBy(),
                f.createdAt(), version);
    }
}
