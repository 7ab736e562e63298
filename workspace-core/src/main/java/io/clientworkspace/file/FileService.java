package io.clientworkspace.file;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
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
import io.clientworkspace.internal.KitSettings;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spi.BlobStore;
import io.clientworkspace.spi.BlobStore.StoredBlob;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.spi.FileStore.FileCursor;
import io.clientworkspace.spi.FolderStore.FolderCursor;
import io.clientworkspace.workspace.WorkspaceAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Folders, files and versions of a workspace.
 *
 * <p>An upload is checked before and while it is stored: permission and names first, then the first
 * 64 KiB are inspected (real type from the bytes, the {@link ContentPolicy}) before anything is
 * written, then the rest streams into the {@link BlobStore} in constant memory with the size capped,
 * then archives are checked entry by entry, and only then is the metadata committed. If anything fails
 * after the blob was written, the blob is deleted; if the process dies in between,
 * {@link #sweepOrphanBlobs} removes it later. Clients never see internal ({@link Visibility#TEAM}) folders
 * or files, in any list, count or download.
 */
public final class FileService {

    private static final Logger log = LoggerFactory.getLogger(FileService.class);
    private static final int MAX_DECLARED_TYPE = 255;
    private static final String FILE_CURSOR = "file";
    private static final String FOLDER_CURSOR = "folder";

    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final BlobStore blobs;
    private final Function<io.clientworkspace.TenantId, ContentPolicy> policies;
    private final ContentInspector inspector = new ContentInspector();
    private final List<FileVersionHook> versionHooks;
    private final List<FileLifecycleHook> lifecycleHooks;
    private final java.util.OptionalLong workspaceQuota;
    private final DownloadPolicy downloadPolicy;

    private final FolderStore folderStore;
    private final FileStore fileStore;
    private final DownloadLogStore downloadStore;

    /**
     * A service over the kit's file stores, with the settings' blob store, content policies, download
     * policy and quota, and the hooks other features contributed (used by approvals). Immutable.
     */
    FileService(Kernel kernel, WorkspaceAccess access, KitSettings settings,
                List<FileVersionHook> versionHooks, List<FileLifecycleHook> lifecycleHooks) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        requireNonNull(settings, "settings must not be null");
        this.blobs = settings.blobs();
        this.policies = settings.contentPolicies();
        this.downloadPolicy = settings.downloadPolicy();
        this.workspaceQuota = settings.workspaceQuota();
        this.versionHooks = List.copyOf(requireNonNull(versionHooks, "versionHooks must not be null"));
        this.lifecycleHooks = List.copyOf(requireNonNull(lifecycleHooks, "lifecycleHooks must not be null"));
        this.folderStore = kernel.stores().require(FolderStore.class);
        this.fileStore = kernel.stores().require(FileStore.class);
        this.downloadStore = kernel.stores().require(DownloadLogStore.class);
    }

    /** The storage quota of every workspace in bytes, if any (set with {@code WorkspaceKit.Builder.workspaceQuota}). */
    public java.util.OptionalLong workspaceQuota() {
        return workspaceQuota;
    }

    // ------------------------------------------------------------------------------------------ folders

    /** Creates a folder; needs {@link Permission#UPLOAD_FILES} (and {@link Permission#VIEW_INTERNAL} for an internal one). */
    public Folder createFolder(Actor actor, WorkspaceId workspaceId, String name, Optional<FolderId> parent,
                               Visibility visibility) {
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(parent, "parent must not be null");
        String clean = FileNames.sanitize("name", name);
        return kernel.write(changes -> {
            AccessGrant grant = writable(actor, workspaceId, Permission.UPLOAD_FILES, "create folders");
            requireVisibilityAllowed(actor, grant, visibility);
            parent.ifPresent(p -> requireFitsIn(folder(actor, workspaceId, grant, p), visibility));
            Folder folder = folderStore.insert(new Folder(FolderId.of(kernel.newId()), actor.tenantId(),
                    workspaceId, parent, clean, visibility, actor.userId(), changes.now(), 0));
            recordFolder(actor, changes, folder, "created");
            return folder;
        });
    }

    /** Renames a folder; needs {@link Permission#UPLOAD_FILES}. */
    public Folder renameFolder(Actor actor, WorkspaceId workspaceId, FolderId folderId, String newName, long expectedVersion) {
        String clean = FileNames.sanitize("name", newName);
        return kernel.write(changes -> {
            AccessGrant grant = writable(actor, workspaceId, Permission.UPLOAD_FILES, "rename folders");
            Folder current = checkVersion(folder(actor, workspaceId, grant, folderId), expectedVersion);
            Folder renamed = folderStore.update(current.withName(clean));
            recordFolder(actor, changes, renamed, "renamed");
            return renamed;
        });
    }

    /** Moves a folder under another parent (the top level when empty); never into itself or below itself. */
    public Folder moveFolder(Actor actor, WorkspaceId workspaceId, FolderId folderId, Optional<FolderId> newParent,
                             long expectedVersion) {
        requireNonNull(newParent, "newParent must not be null");
        return kernel.write(changes -> {
            AccessGrant grant = writable(actor, workspaceId, Permission.UPLOAD_FILES, "move folders");
            Folder current = checkVersion(folder(actor, workspaceId, grant, folderId), expectedVersion);
            if (newParent.isPresent()) {
                Folder target = folder(actor, workspaceId, grant, newParent.get());
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
    public void deleteFolder(Actor actor, WorkspaceId workspaceId, FolderId folderId) {
        kernel.write(changes -> {
            AccessGrant grant = writable(actor, workspaceId, Permission.DELETE_FILES, "delete folders");
            Folder current = folder(actor, workspaceId, grant, folderId);
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
                changes.record(actor, actor.tenantId(), workspaceId, "folder.made-internal", "folder",
                        folderId.value(), Visibility.TEAM, Map.of("name", hidden.name(),
                                "reason", "deleted by a client while it held internal items"));
                changes.publish(new FileEvent.FolderChanged(actor.tenantId(), workspaceId, folderId, "made-internal",
                        Visibility.TEAM, actor, changes.now()));
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

    /** The folders directly inside {@code parent} (the top level when empty) that the actor may see, by name. */
    public Page<Folder> folders(Actor actor, WorkspaceId workspaceId, Optional<FolderId> parent, PageRequest page) {
        requireNonNull(page, "page must not be null");
        AccessGrant grant = readable(actor, workspaceId);
        parent.ifPresent(p -> folder(actor, workspaceId, grant, p));
        Optional<FolderCursor> after = Cursors.decode(FOLDER_CURSOR, page.cursor()).map(FileService::parseFolderCursor);
        List<Folder> rows = folderStore.listChildrenAfter(actor.tenantId(), workspaceId, parent,
                !grant.allows(Permission.VIEW_INTERNAL), after, page.limit() + 1);
        // Name then id: a client-visible and an internal sibling may share a name.
        return Cursors.page(rows, page.limit(), f -> Cursors.encode(FOLDER_CURSOR, f.id().value() + "/" + f.name()));
    }

    // ------------------------------------------------------------------------------------------ files

    /**
     * Uploads a new file from a stream (read to the end; the caller closes it). Needs
     * {@link Permission#UPLOAD_FILES}; an internal file also needs {@link Permission#VIEW_INTERNAL}.
     *
     * @throws ValidationException with field {@code name}, {@code content} or {@code declaredType} when the
     *                             upload is refused; nothing is stored then
     */
    public FileAsset upload(Actor actor, WorkspaceId workspaceId, NewUpload request, InputStream content) {
        requireNonNull(request, "request must not be null");
        requireNonNull(content, "content must not be null");
        String name = FileNames.sanitize("name", request.name());
        String declared = declaredType(request.declaredType());
        AccessGrant grant = access.grant(actor, workspaceId);
        access.require(actor, workspaceId, Permission.UPLOAD_FILES, "upload files");
        requireVisibilityAllowed(actor, grant, request.visibility());
        request.folder().ifPresent(f -> requireFitsIn(folder(actor, workspaceId, grant, f), request.visibility()));
        Stored stored = storeWithinQuota(actor, workspaceId, name, content);
        return commitOrDeleteBlob(stored, () -> kernel.write(changes -> {
            AccessGrant locked = writable(actor, workspaceId, Permission.UPLOAD_FILES, "upload files");
            requireQuota(actor, workspaceId, stored.blob().size());
            // Again under the workspace lock: the folder may have been deleted while the bytes streamed.
            request.folder().ifPresent(f -> requireFitsIn(folder(actor, workspaceId, locked, f), request.visibility()));
            FileId id = FileId.of(kernel.newId());
            FileVersion first = version(actor, workspaceId, id, 1, name, declared, stored, changes);
            FileAsset file = fileStore.insert(new FileAsset(id, actor.tenantId(), workspaceId,
                    request.folder(), name, request.visibility(), 1, FileStatus.ACTIVE, actor.userId(), changes.now(),
                    changes.now(), 0), first);
            recordVersion(actor, changes, file, first, "file.uploaded");
            return file;
        }));
    }

    /** Uploads a new version of a file. Open approvals on older versions become SUPERSEDED. */
    public FileVersion uploadVersion(Actor actor, WorkspaceId workspaceId, FileId fileId, String fileName,
                                     String declaredType, InputStream content) {
        requireNonNull(content, "content must not be null");
        String name = FileNames.sanitize("name", fileName);
        String declared = declaredType(declaredType);
        AccessGrant grant = access.grant(actor, workspaceId);
        access.require(actor, workspaceId, Permission.UPLOAD_FILES, "upload files");
        activeFile(actor, workspaceId, grant, fileId);
        Stored stored = storeWithinQuota(actor, workspaceId, name, content);
        return commitOrDeleteBlob(stored, () -> kernel.write(changes -> {
            writable(actor, workspaceId, Permission.UPLOAD_FILES, "upload files");
            requireQuota(actor, workspaceId, stored.blob().size());
            return addVersion(actor, workspaceId, fileId, name, declared, stored, changes);
        }));
    }

    /** Makes an old version the newest again, as a new version pointing at the same bytes. */
    public FileVersion restoreVersion(Actor actor, WorkspaceId workspaceId, FileId fileId, int number) {
        return kernel.write(changes -> {
            AccessGrant grant = writable(actor, workspaceId, Permission.UPLOAD_FILES, "restore versions");
            activeFile(actor, workspaceId, grant, fileId);
            FileVersion old = fileStore.findVersion(actor.tenantId(), workspaceId, fileId, number)
                    .orElseThrow(() -> new NotFoundException("file version", fileId + "@" + number));
            Stored same = new Stored(new StoredBlob(old.blobKey(), old.size(), old.sha256()), old.detectedType());
            return addVersion(actor, workspaceId, fileId, old.name(), old.declaredType(), same, changes);
        });
    }

    /** Moves a file to the trash; needs {@link Permission#DELETE_FILES}. */
    public FileAsset trash(Actor actor, WorkspaceId workspaceId, FileId fileId) {
        return setStatus(actor, workspaceId, fileId, FileStatus.TRASHED, "file.trashed");
    }

    /**
     * Takes a file out of the trash; needs {@link Permission#DELETE_FILES}. A client-visible file whose folder became internal meanwhile (a client
     * deleted the folder while it held internal items) comes back internal: share it again once it is moved.
     */
    public FileAsset restore(Actor actor, WorkspaceId workspaceId, FileId fileId) {
        return setStatus(actor, workspaceId, fileId, FileStatus.ACTIVE, "file.restored");
    }

    /** The file if the actor may see it (internal files are invisible to clients). */
    public Optional<FileAsset> find(Actor actor, WorkspaceId workspaceId, FileId fileId) {
        AccessGrant grant = readable(actor, workspaceId);
        return fileStore.find(actor.tenantId(), workspaceId, requireNonNull(fileId, "fileId must not be null"))
                .filter(f -> visibleFile(grant, f));
    }

    /** The file, or {@link NotFoundException}. */
    public FileAsset get(Actor actor, WorkspaceId workspaceId, FileId fileId) {
        return find(actor, workspaceId, fileId).orElseThrow(() -> new NotFoundException("file", fileId.value()));
    }

    /** Active files directly in {@code folder} (the top level when empty) that the actor may see, by name. */
    public Page<FileAsset> list(Actor actor, WorkspaceId workspaceId, Optional<FolderId> folder, PageRequest page) {
        return list(actor, workspaceId, folder, FileStatus.ACTIVE, page);
    }

    /** Trashed files directly in {@code folder} that the actor may see. */
    public Page<FileAsset> trash(Actor actor, WorkspaceId workspaceId, Optional<FolderId> folder, PageRequest page) {
        return list(actor, workspaceId, folder, FileStatus.TRASHED, page);
    }

    /** How many active files the actor may see in the workspace. */
    public long count(Actor actor, WorkspaceId workspaceId) {
        AccessGrant grant = readable(actor, workspaceId);
        return fileStore.count(actor.tenantId(), workspaceId, FileStatus.ACTIVE,
                !grant.allows(Permission.VIEW_INTERNAL));
    }

    /** The file's versions, newest first (at most 500). */
    public List<FileVersion> versions(Actor actor, WorkspaceId workspaceId, FileId fileId) {
        get(actor, workspaceId, fileId);
        return fileStore.listVersions(actor.tenantId(), workspaceId, fileId, 500);
    }

    /**
     * Opens a version for download (the latest when {@code number} is empty) and records who
     * downloaded it. The stream verifies the bytes' SHA-256 as it is read.
     *
     * @throws AccessDeniedException if the {@link DownloadPolicy} refuses
     */
    public FileDownload download(Actor actor, WorkspaceId workspaceId, FileId fileId, OptionalInt number) {
        requireNonNull(number, "number must not be null");
        FileAsset file = get(actor, workspaceId, fileId);
        int wanted = number.orElse(file.latestVersion());
        FileVersion version = fileStore.findVersion(actor.tenantId(), workspaceId, fileId, wanted)
                .orElseThrow(() -> new NotFoundException("file version", fileId + "@" + wanted));
        Optional<String> refusal = downloadPolicy.refusal(actor, file, version);
        if (refusal.isPresent()) {
            throw new AccessDeniedException(actor, refusal.get(), "download version " + wanted + " of '" + file.name() + "'");
        }
        InputStream stream;
        try {
            stream = blobs.open(version.blobKey(), version.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("The bytes of version " + wanted + " of file " + fileId + " cannot be read", e);
        }
        try {
            kernel.write(changes -> {
                // Lock the workspace as every writer does before it appends to the workspace's activity chain, so
                // that concurrent downloads (and other writes) append one after another instead of colliding.
                kernel.stores().workspaces().findForUpdate(actor.tenantId(), workspaceId)
                        .orElseThrow(() -> new NotFoundException("workspace", workspaceId.value()));
                downloadStore.append(new DownloadRecord(kernel.newId(), actor.tenantId(), workspaceId, fileId,
                        wanted, actor.userId(), actor.kind(), changes.now()));
                changes.record(actor, actor.tenantId(), workspaceId, "file.downloaded", "file", fileId.value(),
                        Visibility.TEAM, Map.of("version", Integer.toString(wanted)));
                changes.publish(new FileEvent.FileDownloaded(actor.tenantId(), workspaceId, fileId, wanted, actor, changes.now()));
                return null;
            });
        } catch (RuntimeException | Error e) {
            try {
                stream.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        return new FileDownload(file, version, stream);
    }

    /** Who downloaded the file, newest first; needs {@link Permission#VIEW_INTERNAL}. */
    public Page<DownloadRecord> downloads(Actor actor, WorkspaceId workspaceId, FileId fileId, PageRequest page) {
        access.require(actor, workspaceId, Permission.VIEW_INTERNAL, "see who downloaded files");
        get(actor, workspaceId, fileId);
        Optional<String> before = Cursors.decode("dl", page.cursor());
        List<DownloadRecord> rows = downloadStore.list(actor.tenantId(), workspaceId, fileId, before,
                page.limit() + 1);
        return Cursors.page(rows, page.limit(), r -> Cursors.encode("dl", r.id()));
    }

    /**
     * Maintenance for the host (no actor): deletes blobs older than {@code olderThan} that no file version
     * references (left by a crash between storing bytes and committing metadata), and abandoned partial
     * writes. Run it from a scheduler with an age well above the longest upload.
     *
     * @return how many blobs and partial writes were removed
     */
    public int sweepOrphanBlobs(Duration olderThan) {
        requireNonNull(olderThan, "olderThan must not be null");
        java.time.Instant before = kernel.clock().instant().minus(olderThan);
        try {
            int removed = blobs.deleteAbandonedWrites(before);
            List<String> candidates = blobs.keysOlderThan(before, 10_000);
            java.util.Set<String> used = fileStore.referencedBlobKeys(candidates);
            for (String key : candidates) {
                if (!used.contains(key)) {
                    blobs.delete(key);
                    removed++;
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("The orphan sweep could not read the blob store", e);
        }
    }

    // ------------------------------------------------------------------------------------------ withdraw, purge, quota

    /**
     * Shares a file with clients ({@link Visibility#CLIENT}) or withdraws it from them ({@link Visibility#TEAM}).
     * Needs {@link Permission#UPLOAD_FILES} and {@link Permission#VIEW_INTERNAL}. A withdrawn file is gone
     * for clients at once, with every version, download and approval of it; open approvals that a client
     * was asked to decide are cancelled with the reason "file withdrawn", in the same unit of work. The
     * change is recorded in the activity log (a withdrawal for the team only) and published as a
     * {@link FileEvent.FileVisibilityChanged}. Changing to the visibility the file already has changes nothing.
     *
     * @throws ConflictException   ({@code STALE_VERSION}) if the file's version is not {@code expectedVersion}
     * @throws ValidationException (field {@code visibility}) when sharing a file that lies in an internal folder
     */
    public FileAsset changeVisibility(Actor actor, WorkspaceId workspaceId, FileId fileId, Visibility visibility,
                                      long expectedVersion) {
        requireNonNull(fileId, "fileId must not be null");
        requireNonNull(visibility, "visibility must not be null");
        return kernel.write(changes -> {
            AccessGrant grant = writable(actor, workspaceId, Permission.UPLOAD_FILES, "change who sees files");
            if (!grant.allows(Permission.VIEW_INTERNAL)) {
                throw new AccessDeniedException(actor, Permission.VIEW_INTERNAL.name(), "change who sees files");
            }
            FileAsset current = fileStore.findForUpdate(actor.tenantId(), workspaceId, fileId)
                    .orElseThrow(() -> new NotFoundException("file", fileId.value()));
            if (current.version() != expectedVersion) {
                throw ConflictException.staleVersion("file", fileId.value(), expectedVersion);
            }
            if (current.visibility() == visibility) {
                return current;
            }
            if (visibility == Visibility.CLIENT) {
                current.folderId().ifPresent(f -> requireFitsIn(folder(actor, workspaceId, grant, f), Visibility.CLIENT));
            }
            FileAsset changed = fileStore.update(current.withVisibility(visibility, changes.now()));
            changes.record(actor, actor.tenantId(), workspaceId,
                    visibility == Visibility.TEAM ? "file.withdrawn" : "file.shared", "file", fileId.value(), visibility,
                    Map.of("name", current.name(), "visibility", visibility.name()));
            changes.publish(new FileEvent.FileVisibilityChanged(actor.tenantId(), workspaceId, fileId, current.name(),
                    visibility, actor, changes.now()));
            for (FileLifecycleHook hook : lifecycleHooks) {
                hook.visibilityChanged(actor, current, changed, changes);
            }
            return changed;
        });
    }

    /**
     * Permanently deletes a trashed file: the file, every version and every download record are gone, and
     * the bytes of every version are deleted once the deletion has committed (never before, so a failure
     * keeps everything). Open approvals of the file are cancelled with the reason "file purged"; approval
     * records themselves stay, append-only, with the version and SHA-256 they were about. The activity
     * log keeps a team-only tombstone ({@code file.purged}) with the file's name and each version's
     * SHA-256, so the record still verifies and still says what existed. Only a tenant admin or the
     * workspace's lead may purge.
     *
     * @throws AccessDeniedException unless the actor is a tenant admin or the workspace's lead
     * @throws ConflictException     ({@code INVALID_STATE}) unless the file is in the trash; ({@code STALE_VERSION})
     *                               if its version is not {@code expectedVersion}
     */
    public void purge(Actor actor, WorkspaceId workspaceId, FileId fileId, long expectedVersion) {
        requireNonNull(fileId, "fileId must not be null");
        kernel.write(changes -> {
            AccessGrant grant = writable(actor, workspaceId, Permission.DELETE_FILES, "purge files");
            boolean admin = grant.tenantRole().filter(r -> r == io.clientworkspace.tenant.TenantRole.TENANT_ADMIN).isPresent();
            boolean lead = grant.workspaceRole().filter(r -> r == io.clientworkspace.member.WorkspaceRole.LEAD).isPresent();
            if (!admin && !lead) {
                throw new AccessDeniedException(actor, "TENANT_ADMIN or LEAD", "purge files");
            }
            FileAsset current = fileStore.findForUpdate(actor.tenantId(), workspaceId, fileId)
                    .orElseThrow(() -> new NotFoundException("file", fileId.value()));
            if (current.version() != expectedVersion) {
                throw ConflictException.staleVersion("file", fileId.value(), expectedVersion);
            }
            if (current.status() != FileStatus.TRASHED) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE, "File '" + current.name()
                        + "' is not in the trash; move it to the trash before purging it");
            }
            List<FileVersion> all = fileStore.listVersions(actor.tenantId(), workspaceId, fileId,
                    Integer.MAX_VALUE);
            for (FileLifecycleHook hook : lifecycleHooks) {
                hook.purging(actor, current, changes);
            }
            downloadStore.deleteForFile(actor.tenantId(), workspaceId, fileId);
            fileStore.delete(actor.tenantId(), workspaceId, fileId, current.version());
            java.util.SortedMap<Integer, String> hashes = new java.util.TreeMap<>();
            all.forEach(v -> hashes.put(v.number(), v.sha256()));
            recordTombstone(actor, changes, current, hashes);
            changes.publish(new FileEvent.FilePurged(actor.tenantId(), workspaceId, fileId, current.name(), hashes, actor,
                    changes.now()));
            List<String> keys = all.stream().map(FileVersion::blobKey).distinct().toList();
            kernel.stores().unitOfWork().afterCommit(() -> deletePurgedBlobs(fileId, keys));
            return null;
        });
    }

    /**
     * The bytes the workspace's stored versions take (every version of every file, trashed ones included,
     * each blob counted once), as the quota counts them. Needs {@link Permission#VIEW_INTERNAL}.
     */
    public long usedBytes(Actor actor, WorkspaceId workspaceId) {
        access.require(actor, workspaceId, Permission.VIEW_INTERNAL, "see the workspace's storage use");
        return fileStore.usedBytes(actor.tenantId(), workspaceId);
    }

    // ------------------------------------------------------------------------------------------ internals

    private record Stored(StoredBlob blob, String detectedType) {
    }

    private Stored store(Actor actor, String name, InputStream content) {
        ContentPolicy policy = policies.apply(actor.tenantId());
        byte[] prefix;
        try {
            prefix = content.readNBytes(ContentInspector.PREFIX_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload stream failed before anything was stored", e);
        }
        ContentInspector.Inspection inspection = inspector.inspect(prefix, name, policy);
        StoredBlob blob;
        // SequenceInputStream closes each stream it finishes; the caller's stream is the caller's to close.
        InputStream notClosed = new FilterInputStream(content) {
            @Override
            public void close() {
            }
        };
        ByteLimit limited = new ByteLimit(new SequenceInputStream(new ByteArrayInputStream(prefix), notClosed), policy.maxSize(),
                policy.maxSize() + " bytes");
        try {
            blob = blobs.put(limited);
        } catch (IOException e) {
            if (limited.exceeded) {
                throw new ValidationException(FieldError.of("content", "is larger than the limit of "
                        + policy.maxSize() + " bytes"));
            }
            throw new UncheckedIOException("The upload could not be stored; nothing was kept", e);
        }
        if (inspection.readsWhole()) {
            try (InputStream archive = blobs.open(blob.key(), blob.sha256())) {
                inspector.checkWhole(archive, inspection, policy, name);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(blob.key(), e);
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new UncheckedIOException("The stored archive could not be read back", (IOException) e);
            }
        }
        return new Stored(blob, inspection.detectedType());
    }

    private <T> T commitOrDeleteBlob(Stored stored, java.util.function.Supplier<T> commit) {
        try {
            return commit.get();
        } catch (RuntimeException | Error e) {
            deleteQuietly(stored.blob().key(), e);
            throw e;
        }
    }

    private void deleteQuietly(String key, Throwable failure) {
        try {
            blobs.delete(key);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
            log.warn("Could not delete blob {} of a failed upload; the orphan sweep will remove it", key, e);
        }
    }

    private FileVersion addVersion(Actor actor, WorkspaceId workspaceId, FileId fileId, String name, String declared,
                                   Stored stored, Changes changes) {
        AccessGrant grant = writable(actor, workspaceId, Permission.UPLOAD_FILES, "upload files");
        FileAsset current = fileStore.findForUpdate(actor.tenantId(), workspaceId, fileId)
                .filter(f -> visibleFile(grant, f))
                .orElseThrow(() -> new NotFoundException("file", fileId.value()));
        if (current.status() != FileStatus.ACTIVE) {
            throw new ConflictException(ConflictException.Reason.INVALID_STATE, "File '" + current.name()
                    + "' is in the trash; restore it before adding versions");
        }
        FileVersion added = fileStore.appendVersion(version(actor, workspaceId, fileId,
                current.latestVersion() + 1, name, declared, stored, changes));
        FileAsset updated = fileStore.update(current.withLatest(added.number(), name, changes.now()));
        recordVersion(actor, changes, updated, added, "file.version-added");
        for (FileVersionHook hook : versionHooks) {
            hook.versionAdded(actor, updated, added, changes);
        }
        return added;
    }

    private FileVersion version(Actor actor, WorkspaceId workspaceId, FileId id, int number, String name, String declared,
                                Stored stored, Changes changes) {
        return new FileVersion(actor.tenantId(), workspaceId, id, number, name, stored.blob().key(), stored.blob().size(),
                stored.blob().sha256(), stored.detectedType(), declared, actor.userId(), changes.now());
    }

    private FileAsset setStatus(Actor actor, WorkspaceId workspaceId, FileId fileId, FileStatus status, String action) {
        return kernel.write(changes -> {
            AccessGrant grant = writable(actor, workspaceId, Permission.DELETE_FILES, "trash or restore files");
            FileAsset current = fileStore.findForUpdate(actor.tenantId(), workspaceId, fileId)
                    .filter(f -> visibleFile(grant, f))
                    .orElseThrow(() -> new NotFoundException("file", fileId.value()));
            if (current.status() == status) {
                return current;
            }
            FileAsset next = current.withStatus(status, changes.now());
            if (status == FileStatus.ACTIVE && current.visibility() == Visibility.CLIENT && current.folderId()
                    .flatMap(f -> folderStore.find(actor.tenantId(), workspaceId, f))
                    .filter(f -> f.visibility() == Visibility.TEAM).isPresent()) {
                // Its folder became internal while it was in the trash (a client deleted the folder): a client file
                // in an internal folder could be reached by id but listed nowhere, so it comes back internal.
                next = next.withVisibility(Visibility.TEAM, changes.now());
            }
            FileAsset changed = fileStore.update(next);
            changes.record(actor, actor.tenantId(), workspaceId, action, "file", fileId.value(), changed.visibility(),
                    Map.of("name", current.name()));
            changes.publish(new FileEvent.FileTrashedOrRestored(actor.tenantId(), workspaceId, fileId, status,
                    changed.visibility(), actor, changes.now()));
            return changed;
        });
    }

    private Page<FileAsset> list(Actor actor, WorkspaceId workspaceId, Optional<FolderId> folder, FileStatus status,
                                 PageRequest page) {
        requireNonNull(folder, "folder must not be null");
        requireNonNull(page, "page must not be null");
        AccessGrant grant = readable(actor, workspaceId);
        folder.ifPresent(f -> folder(actor, workspaceId, grant, f));
        Optional<FileCursor> after = Cursors.decode(FILE_CURSOR, page.cursor()).map(FileService::parseCursor);
        if (status == FileStatus.TRASHED && !grant.allows(Permission.VIEW_INTERNAL)) {
            // Clients have no trash: what was trashed is gone for them, as if it never existed.
            return new Page<>(List.of(), Optional.empty());
        }
        List<FileAsset> rows = fileStore.list(actor.tenantId(), workspaceId, folder, status,
                !grant.allows(Permission.VIEW_INTERNAL), after, page.limit() + 1);
        return Cursors.page(rows, page.limit(), f -> Cursors.encode(FILE_CURSOR, f.id().value() + "/" + f.name()));
    }

    private static FolderCursor parseFolderCursor(String key) {
        FileCursor parsed = parseCursor(key);
        return new FolderCursor(parsed.name(), FolderId.of(parsed.id().value()));
    }

    private static FileCursor parseCursor(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0) {
            throw new ValidationException(FieldError.of("cursor", "is not a cursor returned by this list"));
        }
        return new FileCursor(key.substring(slash + 1), FileId.of(key.substring(0, slash)));
    }

    private void recordVersion(Actor actor, Changes changes, FileAsset file, FileVersion version, String action) {
        changes.record(actor, actor.tenantId(), file.workspaceId(), action, "file", file.id().value(), file.visibility(),
                Map.of("name", version.name(), "version", Integer.toString(version.number()), "sha256", version.sha256(),
                        "size", Long.toString(version.size()), "type", version.detectedType()));
        changes.publish(new FileEvent.FileVersionAdded(actor.tenantId(), file.workspaceId(), file.id(), version.number(),
                version.name(), version.sha256(), version.size(), file.visibility(), actor, changes.now()));
    }

    private void recordFolder(Actor actor, Changes changes, Folder folder, String change) {
        changes.record(actor, actor.tenantId(), folder.workspaceId(), "folder." + change, "folder", folder.id().value(),
                folder.visibility(), Map.of("name", folder.name()));
        changes.publish(new FileEvent.FolderChanged(actor.tenantId(), folder.workspaceId(), folder.id(), change,
                folder.visibility(), actor, changes.now()));
    }

    private AccessGrant readable(Actor actor, WorkspaceId workspaceId) {
        access.visible(actor, workspaceId);
        return access.grant(actor, workspaceId);
    }

    private AccessGrant writable(Actor actor, WorkspaceId workspaceId, Permission permission, String action) {
        access.requireWritable(actor, workspaceId, permission, action);
        return access.grant(actor, workspaceId);
    }

    private Folder folder(Actor actor, WorkspaceId workspaceId, AccessGrant grant, FolderId id) {
        return folderStore.find(actor.tenantId(), workspaceId, requireNonNull(id, "folderId must not be null"))
                .filter(f -> visible(grant, f.visibility()))
                .orElseThrow(() -> new NotFoundException("folder", id.value()));
    }

    private FileAsset activeFile(Actor actor, WorkspaceId workspaceId, AccessGrant grant, FileId id) {
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
    private static boolean visibleFile(AccessGrant grant, FileAsset file) {
        return grant.allows(Permission.VIEW_INTERNAL)
                || (file.visibility() == Visibility.CLIENT && file.status() == FileStatus.ACTIVE);
    }

    private static boolean visible(AccessGrant grant, Visibility visibility) {
        return visibility == Visibility.CLIENT || grant.allows(Permission.VIEW_INTERNAL);
    }

    private static void requireVisibilityAllowed(Actor actor, AccessGrant grant, Visibility visibility) {
        if (visibility == Visibility.TEAM && !grant.allows(Permission.VIEW_INTERNAL)) {
            throw new AccessDeniedException(actor, Permission.VIEW_INTERNAL.name(), "create internal items");
        }
    }

    private static void requireFitsIn(Folder parent, Visibility visibility) {
        if (parent.visibility() == Visibility.TEAM && visibility == Visibility.CLIENT) {
            throw new ValidationException(FieldError.of("visibility",
                    "must be TEAM inside the internal folder '" + parent.name() + "'"));
        }
    }

    private static <T extends Folder> T checkVersion(T folder, long expected) {
        if (folder.version() != expected) {
            throw ConflictException.staleVersion("folder", folder.id().value(), expected);
        }
        return folder;
    }

    private static String declaredType(String declared) {
        if (declared == null || declared.isBlank()) {
            return "application/octet-stream";
        }
        if (declared.length() > MAX_DECLARED_TYPE || declared.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(FieldError.of("declaredType", "is not a media type"));
        }
        return declared.strip();
    }

    /**
     * Fails the read (and so the blob write) once more than {@code max} bytes arrive, and remembers that it
     * did; {@code what} names the limit in the failure. Never closes the stream it reads: that is the caller's.
     */
    private static final class ByteLimit extends FilterInputStream {
        private final long max;
        private final String what;
        private long count;
        volatile boolean exceeded;

        ByteLimit(InputStream in, long max, String what) {
            super(in);
            this.max = max;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skipping is not supported while counting an upload");
        }

        @Override
        public void close() {
            // The caller's stream is the caller's to close.
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > max) {
                exceeded = true;
                throw new IOException("upload exceeds " + what);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ withdraw, purge, quota internals

    /** Versions named per tombstone entry, well under the activity log's 32 details per entry. */
    private static final int TOMBSTONE_VERSIONS_PER_ENTRY = 25;

    private void recordTombstone(Actor actor, Changes changes, FileAsset file, java.util.SortedMap<Integer, String> hashes) {
        List<Map.Entry<Integer, String>> entries = List.copyOf(hashes.entrySet());
        int parts = Math.max(1, (entries.size() + TOMBSTONE_VERSIONS_PER_ENTRY - 1) / TOMBSTONE_VERSIONS_PER_ENTRY);
        for (int part = 0; part < parts; part++) {
            Map<String, String> details = new java.util.TreeMap<>();
            details.put("name", file.name());
            details.put("versions", Integer.toString(entries.size()));
            details.put("part", (part + 1) + "/" + parts);
            entries.subList(part * TOMBSTONE_VERSIONS_PER_ENTRY,
                            Math.min(entries.size(), (part + 1) * TOMBSTONE_VERSIONS_PER_ENTRY))
                    .forEach(e -> details.put("sha256.v" + e.getKey(), e.getValue()));
            changes.record(actor, actor.tenantId(), file.workspaceId(), "file.purged", "file", file.id().value(),
                    Visibility.TEAM, details);
        }
    }

    private void deletePurgedBlobs(FileId fileId, List<String> keys) {
        // Another file never shares a blob today; checking costs one query and keeps a future sharer safe.
        java.util.Set<String> stillUsed = fileStore.referencedBlobKeys(keys);
        for (String key : keys) {
            if (stillUsed.contains(key)) {
                continue;
            }
            try {
                blobs.delete(key);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not delete blob {} of purged file {}; the orphan sweep will remove it", key, fileId, e);
            }
        }
    }

    /**
     * Stores the upload, cutting the stream off as soon as it would not fit in what is left of the
     * workspace's quota (read without the lock: a hint that saves streaming bytes that cannot be kept;
     * {@link #requireQuota} decides under the lock).
     */
    private Stored storeWithinQuota(Actor actor, WorkspaceId workspaceId, String name, InputStream content) {
        java.util.OptionalLong quota = workspaceQuota;
        if (quota.isEmpty()) {
            return store(actor, name, content);
        }
        long used = usedFor(actor, workspaceId);
        long remaining = quota.getAsLong() - used;
        if (remaining <= 0) {
            throw quotaExceeded(actor, workspaceId, quota.getAsLong(), used);
        }
        ByteLimit limited = new ByteLimit(content, remaining, "the " + remaining + " bytes left in the workspace's quota");
        try {
            return store(actor, name, limited);
        } catch (RuntimeException e) {
            if (limited.exceeded) {
                io.clientworkspace.QuotaExceededException refused = quotaExceeded(actor, workspaceId, quota.getAsLong(), used);
                refused.addSuppressed(e);
                throw refused;
            }
            throw e;
        }
    }

    /** Inside the unit of work, after the workspace was locked: refuses {@code size} more bytes past the quota. */
    private void requireQuota(Actor actor, WorkspaceId workspaceId, long size) {
        java.util.OptionalLong quota = workspaceQuota;
        if (quota.isEmpty()) {
            return;
        }
        long used = usedFor(actor, workspaceId);
        if (used + size > quota.getAsLong()) {
            throw quotaExceeded(actor, workspaceId, quota.getAsLong(), used);
        }
    }

    /**
     * The bytes the quota is judged on for this actor: every file, trashed ones included, for those who see
     * internal items; only the active client-visible files, which is what they see, for the others, so that
     * whether a client's upload fits never depends on internal or trashed files (non-interference). The price:
     * client uploads next to internal or trashed files can take a workspace's total past its quota, which the
     * team sees in {@link #usedBytes} and its own refused uploads.
     */
    private long usedFor(Actor actor, WorkspaceId workspaceId) {
        return access.grant(actor, workspaceId).allows(Permission.VIEW_INTERNAL)
                ? fileStore.usedBytes(actor.tenantId(), workspaceId)
                : fileStore.clientVisibleBytes(actor.tenantId(), workspaceId);
    }

    /** The refusal; only the team learns the bytes used, which count internal files too. */
    private io.clientworkspace.QuotaExceededException quotaExceeded(Actor actor, WorkspaceId workspaceId, long quota,
                                                                    long used) {
        boolean team = access.grant(actor, workspaceId).allows(Permission.VIEW_INTERNAL);
        return new io.clientworkspace.QuotaExceededException(workspaceId, quota,
                team ? java.util.OptionalLong.of(used) : java.util.OptionalLong.empty());
    }

}
