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
import io.clientworkspace.workspace.WorkspaceAccess;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static io.clientworkspace.file.FileAccess.requireFitsIn;
import static io.clientworkspace.file.FileAccess.requireVisibilityAllowed;
import static io.clientworkspace.file.FileAccess.visibleFile;
import static java.util.Objects.requireNonNull;

/**
 * The files of a workspace and their versions: upload, new versions, trash and restore, sharing and
 * withdrawing, purge, and the storage quota. Folders are {@link FolderService}'s, downloads
 * {@link DownloadService}'s, the orphan sweep {@link FileMaintenance}'s.
 *
 * <p>An upload is checked before and while it is stored: permission and names first, then the first
 * 64 KiB are inspected (real type from the bytes, the {@link ContentPolicy}) before anything is
 * written, then the rest streams into the {@link BlobStore} in constant memory with the size capped,
 * then archives are checked entry by entry, and only then is the metadata committed. If anything fails
 * after the blob was written, the blob is deleted; if the process dies in between,
 * {@link FileMaintenance#sweepOrphanBlobs} removes it later. Clients never see internal ({@link Visibility#TEAM})
 * files, in any list or count. Immutable after construction; built by the kit ({@code kit.files()}).
 */
public final class FileService {

    private static final int MAX_DECLARED_TYPE = 255;
    private static final String FILE_CURSOR = "file";

    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final FileAccess checks;
    private final FileBlobs blobs;
    private final Function<io.clientworkspace.TenantId, ContentPolicy> policies;
    private final ContentInspector inspector = new ContentInspector();
    private final List<FileVersionHook> versionHooks;
    private final List<FileLifecycleHook> lifecycleHooks;
    private final java.util.OptionalLong workspaceQuota;

    private final FolderStore folderStore;
    private final FileStore fileStore;
    private final DownloadLogStore downloadStore;

    /**
     * A service over the kit's file stores, with the shared access checks and stored blobs, the settings'
     * content policies and quota, and the hooks other features contributed (used by approvals). Immutable.
     */
    FileService(Kernel kernel, FileAccess checks, FileBlobs blobs, KitSettings settings,
                List<FileVersionHook> versionHooks, List<FileLifecycleHook> lifecycleHooks) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.checks = requireNonNull(checks, "checks must not be null");
        this.access = checks.workspaces();
        this.blobs = requireNonNull(blobs, "blobs must not be null");
        requireNonNull(settings, "settings must not be null");
        this.policies = settings.contentPolicies();
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
        request.folder().ifPresent(f -> requireFitsIn(checks.folder(actor, workspaceId, grant, f), request.visibility()));
        Stored stored = storeWithinQuota(actor, workspaceId, name, content);
        return commitOrDeleteBlob(stored, () -> kernel.write(changes -> {
            AccessGrant locked = checks.writable(actor, workspaceId, Permission.UPLOAD_FILES, "upload files");
            requireQuota(actor, workspaceId, stored.blob().size());
            // Again under the workspace lock: the folder may have been deleted while the bytes streamed.
            request.folder().ifPresent(f -> requireFitsIn(checks.folder(actor, workspaceId, locked, f), request.visibility()));
            FileId id = FileId.of(kernel.newId());
            FileVersion first = version(actor, workspaceId, id, 1, name, declared, stored, changes);
            FileAsset file = fileStore.insert(new FileAsset(id, actor.tenantId(), workspaceId,
                    request.folder(), name, request.visibility(), 1, FileStatus.ACTIVE, actor.userId(), changes.now(),
                    changes.now(), 0), first);
            recordVersion(actor, changes, file, first);
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
        checks.activeFile(actor, workspaceId, grant, fileId);
        Stored stored = storeWithinQuota(actor, workspaceId, name, content);
        return commitOrDeleteBlob(stored, () -> kernel.write(changes -> {
            checks.writable(actor, workspaceId, Permission.UPLOAD_FILES, "upload files");
            requireQuota(actor, workspaceId, stored.blob().size());
            return addVersion(actor, workspaceId, fileId, name, declared, stored, changes);
        }));
    }

    /**
     * Like {@link #uploadVersion(Actor, WorkspaceId, FileId, String, String, InputStream)}, only if the file is at
     * {@code expectedVersion} when the upload starts. The version is checked before a byte is stored (an upload is
     * never held inside a unit of work); a version someone else adds while the bytes stream is kept as well, since
     * versions are only ever appended.
     *
     * @throws ConflictException ({@code STALE_VERSION}) if the file's version is not {@code expectedVersion};
     *                           nothing is read or stored then
     */
    public FileVersion uploadVersion(Actor actor, WorkspaceId workspaceId, FileId fileId, String fileName,
                                     String declaredType, InputStream content, long expectedVersion) {
        FileAsset current = get(actor, workspaceId, fileId);
        checkVersion(current, expectedVersion);
        return uploadVersion(actor, workspaceId, fileId, fileName, declaredType, content);
    }

    /** Makes an old version the newest again, as a new version pointing at the same bytes. */
    public FileVersion restoreVersion(Actor actor, WorkspaceId workspaceId, FileId fileId, int number) {
        return restoreVersion(actor, workspaceId, fileId, number, java.util.OptionalLong.empty());
    }

    /**
     * Like {@link #restoreVersion(Actor, WorkspaceId, FileId, int)}, only if the file is still at
     * {@code expectedVersion}, checked in the same unit of work.
     *
     * @throws ConflictException ({@code STALE_VERSION}) if the file's version is not {@code expectedVersion};
     *                           nothing is added then
     */
    public FileVersion restoreVersion(Actor actor, WorkspaceId workspaceId, FileId fileId, int number,
                                      long expectedVersion) {
        return restoreVersion(actor, workspaceId, fileId, number, java.util.OptionalLong.of(expectedVersion));
    }

    private FileVersion restoreVersion(Actor actor, WorkspaceId workspaceId, FileId fileId, int number,
                                       java.util.OptionalLong expectedVersion) {
        return kernel.write(changes -> {
            AccessGrant grant = checks.writable(actor, workspaceId, Permission.UPLOAD_FILES, "restore versions");
            FileAsset file = checks.activeFile(actor, workspaceId, grant, fileId);
            expectedVersion.ifPresent(expected -> checkVersion(file, expected));
            FileVersion old = fileStore.findVersion(actor.tenantId(), workspaceId, fileId, number)
                    .orElseThrow(() -> new NotFoundException("file version", fileId + "@" + number));
            Stored same = new Stored(new StoredBlob(old.blobKey(), old.size(), old.sha256()), old.detectedType());
            return addVersion(actor, workspaceId, fileId, old.name(), old.declaredType(), same, changes);
        });
    }

    /** Moves a file to the trash; needs {@link Permission#DELETE_FILES}. */
    public FileAsset trash(Actor actor, WorkspaceId workspaceId, FileId fileId) {
        return setStatus(actor, workspaceId, fileId, FileStatus.TRASHED, java.util.OptionalLong.empty());
    }

    /**
     * Like {@link #trash(Actor, WorkspaceId, FileId)}, only if the file is still at {@code expectedVersion},
     * checked in the same unit of work.
     *
     * @throws ConflictException ({@code STALE_VERSION}) if the file's version is not {@code expectedVersion};
     *                           nothing changes then
     */
    public FileAsset trash(Actor actor, WorkspaceId workspaceId, FileId fileId, long expectedVersion) {
        return setStatus(actor, workspaceId, fileId, FileStatus.TRASHED,
                java.util.OptionalLong.of(expectedVersion));
    }

    /**
     * Takes a file out of the trash; needs {@link Permission#DELETE_FILES}. A client-visible file whose folder became internal meanwhile (a client
     * deleted the folder while it held internal items) comes back internal: share it again once it is moved.
     */
    public FileAsset restore(Actor actor, WorkspaceId workspaceId, FileId fileId) {
        return setStatus(actor, workspaceId, fileId, FileStatus.ACTIVE, java.util.OptionalLong.empty());
    }

    /**
     * Like {@link #restore(Actor, WorkspaceId, FileId)}, only if the file is still at {@code expectedVersion},
     * checked in the same unit of work.
     *
     * @throws ConflictException ({@code STALE_VERSION}) if the file's version is not {@code expectedVersion};
     *                           nothing changes then
     */
    public FileAsset restore(Actor actor, WorkspaceId workspaceId, FileId fileId, long expectedVersion) {
        return setStatus(actor, workspaceId, fileId, FileStatus.ACTIVE,
                java.util.OptionalLong.of(expectedVersion));
    }

    /** The file if the actor may see it (internal files are invisible to clients). */
    public Optional<FileAsset> find(Actor actor, WorkspaceId workspaceId, FileId fileId) {
        return checks.findFile(actor, workspaceId, fileId);
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
        AccessGrant grant = checks.readable(actor, workspaceId);
        return fileStore.count(actor.tenantId(), workspaceId, FileStatus.ACTIVE,
                !grant.allows(Permission.VIEW_INTERNAL));
    }

    /** The file's versions, newest first (at most 500). */
    public List<FileVersion> versions(Actor actor, WorkspaceId workspaceId, FileId fileId) {
        get(actor, workspaceId, fileId);
        return fileStore.listVersions(actor.tenantId(), workspaceId, fileId, 500);
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
            AccessGrant grant = checks.writable(actor, workspaceId, Permission.UPLOAD_FILES, "change who sees files");
            if (!grant.allows(Permission.VIEW_INTERNAL)) {
                throw new AccessDeniedException(actor, Permission.VIEW_INTERNAL.name(), "change who sees files");
            }
            FileAsset current = fileStore.findForUpdate(actor.tenantId(), workspaceId, fileId)
                    .orElseThrow(() -> new NotFoundException("file", fileId.value()));
            checkVersion(current, expectedVersion);
            if (current.visibility() == visibility) {
                return current;
            }
            if (visibility == Visibility.CLIENT) {
                current.folderId().ifPresent(f -> requireFitsIn(checks.folder(actor, workspaceId, grant, f), Visibility.CLIENT));
            }
            FileAsset changed = fileStore.update(current.withVisibility(visibility, changes.now()));
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
            AccessGrant grant = checks.writable(actor, workspaceId, Permission.DELETE_FILES, "purge files");
            boolean admin = grant.tenantRole().filter(r -> r == io.clientworkspace.tenant.TenantRole.TENANT_ADMIN).isPresent();
            boolean lead = grant.workspaceRole().filter(r -> r == io.clientworkspace.member.WorkspaceRole.LEAD).isPresent();
            if (!admin && !lead) {
                throw new AccessDeniedException(actor, "TENANT_ADMIN or LEAD", "purge files");
            }
            FileAsset current = fileStore.findForUpdate(actor.tenantId(), workspaceId, fileId)
                    .orElseThrow(() -> new NotFoundException("file", fileId.value()));
            checkVersion(current, expectedVersion);
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
            changes.publish(new FileEvent.FilePurged(actor.tenantId(), workspaceId, fileId, current.name(), hashes, actor,
                    changes.now()));
            List<String> keys = all.stream().map(FileVersion::blobKey).distinct().toList();
            kernel.stores().unitOfWork().afterCommit(() -> blobs.deletePurged(fileId, keys));
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
            blob = blobs.store().put(limited);
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
                blobs.deleteQuietly(blob.key(), e);
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
            blobs.deleteQuietly(stored.blob().key(), e);
            throw e;
        }
    }

    private FileVersion addVersion(Actor actor, WorkspaceId workspaceId, FileId fileId, String name, String declared,
                                   Stored stored, Changes changes) {
        AccessGrant grant = checks.writable(actor, workspaceId, Permission.UPLOAD_FILES, "upload files");
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
        recordVersion(actor, changes, updated, added);
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

    private FileAsset setStatus(Actor actor, WorkspaceId workspaceId, FileId fileId, FileStatus status,
                                java.util.OptionalLong expectedVersion) {
        return kernel.write(changes -> {
            AccessGrant grant = checks.writable(actor, workspaceId, Permission.DELETE_FILES, "trash or restore files");
            FileAsset current = fileStore.findForUpdate(actor.tenantId(), workspaceId, fileId)
                    .filter(f -> visibleFile(grant, f))
                    .orElseThrow(() -> new NotFoundException("file", fileId.value()));
            expectedVersion.ifPresent(expected -> checkVersion(current, expected));
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
            changes.publish(new FileEvent.FileTrashedOrRestored(actor.tenantId(), workspaceId, fileId, status,
                    current.name(), changed.visibility(), actor, changes.now()));
            return changed;
        });
    }

    private Page<FileAsset> list(Actor actor, WorkspaceId workspaceId, Optional<FolderId> folder, FileStatus status,
                                 PageRequest page) {
        requireNonNull(folder, "folder must not be null");
        requireNonNull(page, "page must not be null");
        AccessGrant grant = checks.readable(actor, workspaceId);
        folder.ifPresent(f -> checks.folder(actor, workspaceId, grant, f));
        Optional<FileCursor> after = Cursors.decode(FILE_CURSOR, page.cursor()).map(FileAccess::parseCursor);
        if (status == FileStatus.TRASHED && !grant.allows(Permission.VIEW_INTERNAL)) {
            // Clients have no trash: what was trashed is gone for them, as if it never existed.
            return new Page<>(List.of(), Optional.empty());
        }
        List<FileAsset> rows = fileStore.list(actor.tenantId(), workspaceId, folder, status,
                !grant.allows(Permission.VIEW_INTERNAL), after, page.limit() + 1);
        return Cursors.page(rows, page.limit(), f -> Cursors.encode(FILE_CURSOR, f.id().value() + "/" + f.name()));
    }

    private void recordVersion(Actor actor, Changes changes, FileAsset file, FileVersion version) {
        changes.publish(new FileEvent.FileVersionAdded(actor.tenantId(), file.workspaceId(), file.id(), version.number(),
                version.name(), version.sha256(), version.size(), version.detectedType(), file.visibility(), actor,
                changes.now()));
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

    // ------------------------------------------------------------------------------------------ quota internals

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


    /** Refuses a change made against another version of the file than the one it is at. */
    private static void checkVersion(FileAsset file, long expected) {
        if (file.version() != expected) {
            throw ConflictException.staleVersion("file", file.id().value(), expected);
        }
    }
}
