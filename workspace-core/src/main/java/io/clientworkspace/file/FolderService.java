package io.clientworkspace.file;

import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.FolderId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.internal.Changes;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FileStore.FileCursor;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.spi.FolderStore.FolderCursor;

import java.util.List;
import java.util.Optional;

import static io.clientworkspace.file.FileAccess.requireFitsIn;
import static io.clientworkspace.file.FileAccess.requireVisibilityAllowed;
import static io.clientworkspace.file.FileAccess.visible;
import static java.util.Objects.requireNonNull;

/**
 * The folders of a workspace: create, rename, move, delete, list and look up. Clients never see internal
 * ({@link Visibility#TEAM}) folders, in any list or lookup, and a client's deletion never depends on
 * internal items. Immutable after construction; built by the kit ({@code kit.folders()}).
 */
public final class FolderService {

    private static final String FOLDER_CURSOR = "folder";

    private final Kernel kernel;
    private final FileAccess checks;
    private final FolderStore folderStore;
    private final FileStore fileStore;

    FolderService(Kernel kernel, FileAccess checks) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.checks = requireNonNull(checks, "checks must not be null");
        this.folderStore = kernel.stores().require(FolderStore.class);
        this.fileStore = kernel.stores().require(FileStore.class);
    }

    /** Creates a folder; needs {@link Permission#UPLOAD_FILES} (and {@link Permission#VIEW_INTERNAL} for an internal one). */
    public Folder create(Actor actor, WorkspaceId workspaceId, String name, Optional<FolderId> parent,
                         Visibility visibility) {
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(parent, "parent must not be null");
        String clean = FileNames.sanitize("name", name);
        return kernel.write(changes -> {
            AccessGrant grant = checks.writable(actor, workspaceId, Permission.UPLOAD_FILES, "create folders");
            requireVisibilityAllowed(actor, grant, visibility);
            parent.ifPresent(p -> requireFitsIn(checks.folder(actor, workspaceId, grant, p), visibility));
            Folder folder = folderStore.insert(new Folder(FolderId.of(kernel.newId()), actor.tenantId(),
                    workspaceId, parent, clean, visibility, actor.userId(), changes.now(), 0));
            recordFolder(actor, changes, folder, "created");
            return folder;
        });
    }

    /** Renames a folder; needs {@link Permission#UPLOAD_FILES}. */
    public Folder rename(Actor actor, WorkspaceId workspaceId, FolderId folderId, String newName, long expectedVersion) {
        String clean = FileNames.sanitize("name", newName);
        return kernel.write(changes -> {
            AccessGrant grant = checks.writable(actor, workspaceId, Permission.UPLOAD_FILES, "rename folders");
            Folder current = checkVersion(checks.folder(actor, workspaceId, grant, folderId), expectedVersion);
            Folder renamed = folderStore.update(current.withName(clean));
            recordFolder(actor, changes, renamed, "renamed");
            return renamed;
        });
    }

    /** Moves a folder under another parent (the top level when empty); never into itself or below itself. */
    public Folder move(Actor actor, WorkspaceId workspaceId, FolderId folderId, Optional<FolderId> newParent,
                       long expectedVersion) {
        requireNonNull(newParent, "newParent must not be null");
        return kernel.write(changes -> {
            AccessGrant grant = checks.writable(actor, workspaceId, Permission.UPLOAD_FILES, "move folders");
            Folder current = checkVersion(checks.folder(actor, workspaceId, grant, folderId), expectedVersion);
            if (newParent.isPresent()) {
                Folder target = checks.folder(actor, workspaceId, grant, newParent.get());
                requireFitsIn(target, current.visibility());
                for (Optional<FolderId> at = Optional.of(target.id()); at.isPresent(); ) {
                    if (at.get().equals(folderId)) {
                        throw new ValidationException(FieldError.of("parent", "cannot move a folder into itself or below itself"));
                    }
                    at = folderStore.find(actor.tenantId(), workspaceId, at.get()).flatMap(Folder::parentId);
                }
            }
            Folder moved = folderStore.update(current.withParent(newParent));
            recordFolder(actor, changes, moved, "moved");
            return moved;
        });
    }

    /**
     * Deletes a folder that is empty as far as the actor can see; needs {@link Permission#DELETE_FILES}.
     *
     * <p>Emptiness is judged by what the actor sees, so that a client's answer never depends on internal
     * items: a folder holding a child folder or a file (trashed ones included) that the actor can see is
     * "not empty" (a {@link ConflictException}); otherwise the deletion succeeds. When the actor cannot see
     * internal items (a client) and the folder still holds some, the folder is not removed but kept for the
     * team as an internal folder, with its internal contents in place: the client sees exactly what it would
     * see after deleting an empty folder (the folder gone, a client-visible {@code folder.deleted} entry), and
     * the team sees a {@code folder.made-internal} entry. If an internal sibling already has the folder's name,
     * the kept folder is named "<i>name</i> (deleted by a client)" (with a number when that is taken too).
     */
    public void delete(Actor actor, WorkspaceId workspaceId, FolderId folderId) {
        delete(actor, workspaceId, folderId, java.util.OptionalLong.empty());
    }

    /**
     * Like {@link #delete(Actor, WorkspaceId, FolderId)}, only if the folder is still at
     * {@code expectedVersion}, checked in the same unit of work.
     *
     * @throws ConflictException ({@code STALE_VERSION}) if the folder's version is not {@code expectedVersion};
     *                           nothing is deleted then
     */
    public void delete(Actor actor, WorkspaceId workspaceId, FolderId folderId, long expectedVersion) {
        delete(actor, workspaceId, folderId, java.util.OptionalLong.of(expectedVersion));
    }

    private void delete(Actor actor, WorkspaceId workspaceId, FolderId folderId, java.util.OptionalLong expectedVersion) {
        kernel.write(changes -> {
            AccessGrant grant = checks.writable(actor, workspaceId, Permission.DELETE_FILES, "delete folders");
            Folder current = checks.folder(actor, workspaceId, grant, folderId);
            if (expectedVersion.isPresent()) {
                checkVersion(current, expectedVersion.getAsLong());
            }
            boolean seesAll = grant.allows(Permission.VIEW_INTERNAL);
            boolean anything = folderStore.hasChildren(actor.tenantId(), workspaceId, folderId);
            if (anything && (seesAll || holdsClientVisible(actor, workspaceId, folderId))) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE,
                        "Folder '" + current.name() + "' is not empty (trashed files count); empty it first");
            }
            if (anything) {
                Folder hidden = folderStore.update(current.withVisibility(Visibility.TEAM,
                        freeInternalName(actor, workspaceId, current)));
                recordFolder(actor, changes, current, "deleted");
                changes.publish(new FileEvent.FolderChanged(actor.tenantId(), workspaceId, folderId,
                        FileEvent.FolderChanged.MADE_INTERNAL, hidden.name(), Visibility.TEAM, actor, changes.now()));
                return null;
            }
            folderStore.delete(actor.tenantId(), workspaceId, folderId, current.version());
            recordFolder(actor, changes, current, "deleted");
            return null;
        });
    }

    /**
     * Whether the folder holds a child folder or an active file that a client can see. Trashed files do
     * not count: clients never see the trash, so a folder holding only trashed files looks empty to them.
     */
    private boolean holdsClientVisible(Actor actor, WorkspaceId workspaceId, FolderId folderId) {
        Optional<FolderId> in = Optional.of(folderId);
        return !folderStore.listChildren(actor.tenantId(), workspaceId, in, true, Optional.empty(), 1).isEmpty()
                || !fileStore.list(actor.tenantId(), workspaceId, in, FileStatus.ACTIVE, true,
                        Optional.empty(), 1).isEmpty();
    }

    /** The folder's name, or a variant of it, that no internal sibling has. */
    private String freeInternalName(Actor actor, WorkspaceId workspaceId, Folder folder) {
        List<String> taken = new java.util.ArrayList<>();
        Optional<FolderCursor> after = Optional.empty();
        while (true) {
            List<Folder> page = folderStore.listChildrenAfter(actor.tenantId(), workspaceId,
                    folder.parentId(), false, after, 500);
            page.stream().filter(f -> f.visibility() == Visibility.TEAM).map(Folder::name).forEach(taken::add);
            if (page.size() < 500) {
                break;
            }
            Folder last = page.get(page.size() - 1);
            after = Optional.of(new FolderCursor(last.name(), last.id()));
        }
        String name = folder.name();
        for (int n = 1; taken.contains(name); n++) {
            name = FileNames.sanitize("name", folder.name() + " (deleted by a client" + (n == 1 ? "" : " " + n) + ")");
        }
        return name;
    }

    /** The folder, if the actor may see it (internal folders are invisible to clients, like unknown ids). */
    public Optional<Folder> find(Actor actor, WorkspaceId workspaceId, FolderId folderId) {
        requireNonNull(folderId, "folderId must not be null");
        AccessGrant grant = checks.readable(actor, workspaceId);
        return folderStore.find(actor.tenantId(), workspaceId, folderId)
                .filter(f -> visible(grant, f.visibility()));
    }

    /** The folder, or {@link NotFoundException} if it is absent or invisible to the actor. */
    public Folder get(Actor actor, WorkspaceId workspaceId, FolderId folderId) {
        return find(actor, workspaceId, folderId).orElseThrow(() -> new NotFoundException("folder", folderId.value()));
    }

    /** The folders directly inside {@code parent} (the top level when empty) that the actor may see, by name. */
    public Page<Folder> list(Actor actor, WorkspaceId workspaceId, Optional<FolderId> parent, PageRequest page) {
        requireNonNull(page, "page must not be null");
        AccessGrant grant = checks.readable(actor, workspaceId);
        parent.ifPresent(p -> checks.folder(actor, workspaceId, grant, p));
        Optional<FolderCursor> after = Cursors.decode(FOLDER_CURSOR, page.cursor()).map(FolderService::parseFolderCursor);
        List<Folder> rows = folderStore.listChildrenAfter(actor.tenantId(), workspaceId, parent,
                !grant.allows(Permission.VIEW_INTERNAL), after, page.limit() + 1);
        // Name then id: a client-visible and an internal sibling may share a name.
        return Cursors.page(rows, page.limit(), f -> Cursors.encode(FOLDER_CURSOR, f.id().value() + "/" + f.name()));
    }

    private static FolderCursor parseFolderCursor(String key) {
        FileCursor parsed = FileAccess.parseCursor(key);
        return new FolderCursor(parsed.name(), FolderId.of(parsed.id().value()));
    }

    private void recordFolder(Actor actor, Changes changes, Folder folder, String change) {
        changes.publish(new FileEvent.FolderChanged(actor.tenantId(), folder.workspaceId(), folder.id(), change,
                folder.name(), folder.visibility(), actor, changes.now()));
    }

    private static <T extends Folder> T checkVersion(T folder, long expected) {
        if (folder.version() != expected) {
            throw ConflictException.staleVersion("folder", folder.id().value(), expected);
        }
        return folder;
    }
}
