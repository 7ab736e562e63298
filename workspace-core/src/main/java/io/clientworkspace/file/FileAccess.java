package io.clientworkspace.file;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FileStore.FileCursor;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.workspace.WorkspaceAccess;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The access checks the file services share: who may read or write a workspace's files, which folders
 * and files an actor may see (clients never see internal items or the trash), and where an item of a
 * visibility may live. Immutable; built once by {@link FileFeature}.
 */
final class FileAccess {

    private final WorkspaceAccess access;
    private final FolderStore folderStore;
    private final FileStore fileStore;

    FileAccess(WorkspaceAccess access, FolderStore folderStore, FileStore fileStore) {
        this.access = requireNonNull(access, "access must not be null");
        this.folderStore = requireNonNull(folderStore, "folderStore must not be null");
        this.fileStore = requireNonNull(fileStore, "fileStore must not be null");
    }

    /** The workspace access the checks are made with. */
    WorkspaceAccess workspaces() {
        return access;
    }

    /** The actor's grant in a workspace it may see (a {@link NotFoundException} otherwise). */
    AccessGrant readable(Actor actor, WorkspaceId workspaceId) {
        access.visible(actor, workspaceId);
        return access.grant(actor, workspaceId);
    }

    /** The actor's grant in a writable workspace where it holds {@code permission}. */
    AccessGrant writable(Actor actor, WorkspaceId workspaceId, Permission permission, String action) {
        access.requireWritable(actor, workspaceId, permission, action);
        return access.grant(actor, workspaceId);
    }

    /** The folder, or {@link NotFoundException} if it is absent or invisible under {@code grant}. */
    Folder folder(Actor actor, WorkspaceId workspaceId, AccessGrant grant, FolderId id) {
        return folderStore.find(actor.tenantId(), workspaceId, requireNonNull(id, "folderId must not be null"))
                .filter(f -> visible(grant, f.visibility()))
                .orElseThrow(() -> new NotFoundException("folder", id.value()));
    }

    /** The file if the actor may see it (internal and trashed files are invisible to clients). */
    Optional<FileAsset> findFile(Actor actor, WorkspaceId workspaceId, FileId fileId) {
        AccessGrant grant = readable(actor, workspaceId);
        return fileStore.find(actor.tenantId(), workspaceId, requireNonNull(fileId, "fileId must not be null"))
                .filter(f -> visibleFile(grant, f));
    }

    /** The file, or {@link NotFoundException}. */
    FileAsset file(Actor actor, WorkspaceId workspaceId, FileId fileId) {
        return findFile(actor, workspaceId, fileId).orElseThrow(() -> new NotFoundException("file", fileId.value()));
    }

    /** The file if it is visible under {@code grant} and not in the trash ({@link ConflictException} if it is). */
    FileAsset activeFile(Actor actor, WorkspaceId workspaceId, AccessGrant grant, FileId id) {
        FileAsset file = fileStore.find(actor.tenantId(), workspaceId, requireNonNull(id, "fileId must not be null"))
                .filter(f -> visibleFile(grant, f))
                .orElseThrow(() -> new NotFoundException("file", id.value()));
        if (file.status() != FileStatus.ACTIVE) {
            throw new ConflictException(ConflictException.Reason.INVALID_STATE, "File '" + file.name()
                    + "' is in the trash; restore it first");
        }
        return file;
    }

    /** Clients see client-visible files that are not in the trash; the team sees every file. */
    static boolean visibleFile(AccessGrant grant, FileAsset file) {
        return grant.allows(Permission.VIEW_INTERNAL)
                || (file.visibility() == Visibility.CLIENT && file.status() == FileStatus.ACTIVE);
    }

    /** Client-visible items are seen by everyone; internal ones by those who may view internal items. */
    static boolean visible(AccessGrant grant, Visibility visibility) {
        return visibility == Visibility.CLIENT || grant.allows(Permission.VIEW_INTERNAL);
    }

    /** Refuses an internal item to an actor who may not see internal items. */
    static void requireVisibilityAllowed(Actor actor, AccessGrant grant, Visibility visibility) {
        if (visibility == Visibility.TEAM && !grant.allows(Permission.VIEW_INTERNAL)) {
            throw new AccessDeniedException(actor, Permission.VIEW_INTERNAL.name(), "create internal items");
        }
    }

    /** Refuses a client-visible item inside an internal folder. */
    static void requireFitsIn(Folder parent, Visibility visibility) {
        if (parent.visibility() == Visibility.TEAM && visibility == Visibility.CLIENT) {
            throw new ValidationException(FieldError.of("visibility",
                    "must be TEAM inside the internal folder '" + parent.name() + "'"));
        }
    }

    /** The name and id in a list cursor's key ({@code id/name}). */
    static FileCursor parseCursor(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0) {
            throw new ValidationException(FieldError.of("cursor", "is not a cursor returned by this list"));
        }
        return new FileCursor(key.substring(slash + 1), FileId.of(key.substring(0, slash)));
    }
}
