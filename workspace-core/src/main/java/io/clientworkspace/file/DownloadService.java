package io.clientworkspace.file;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.FileId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * Downloads of file versions and the log of who downloaded what. Every download is checked against the
 * kit's {@link DownloadPolicy}, recorded in the download log and in the activity log, and streamed with
 * its SHA-256 verified as it is read. Clients can download only what they can see. Immutable after
 * construction; built by the kit ({@code kit.downloads()}).
 */
public final class DownloadService {

    private final Kernel kernel;
    private final FileAccess checks;
    private final FileBlobs blobs;
    private final DownloadPolicy downloadPolicy;
    private final FileStore fileStore;
    private final DownloadLogStore downloadStore;

    DownloadService(Kernel kernel, FileAccess checks, FileBlobs blobs, DownloadPolicy downloadPolicy) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.checks = requireNonNull(checks, "checks must not be null");
        this.blobs = requireNonNull(blobs, "blobs must not be null");
        this.downloadPolicy = requireNonNull(downloadPolicy, "downloadPolicy must not be null");
        this.fileStore = kernel.stores().require(FileStore.class);
        this.downloadStore = kernel.stores().require(DownloadLogStore.class);
    }

    /**
     * Opens a version for download (the latest when {@code number} is empty) and records who
     * downloaded it. The stream verifies the bytes' SHA-256 as it is read.
     *
     * @throws AccessDeniedException if the {@link DownloadPolicy} refuses
     */
    public FileDownload download(Actor actor, WorkspaceId workspaceId, FileId fileId, OptionalInt number) {
        requireNonNull(number, "number must not be null");
        FileAsset file = checks.file(actor, workspaceId, fileId);
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
                if (kernel.stores().workspaces().findForUpdate(actor.tenantId(), workspaceId).isEmpty()) {
                    throw new NotFoundException("workspace", workspaceId.value());
                }
                downloadStore.append(new DownloadRecord(kernel.newId(), actor.tenantId(), workspaceId, fileId,
                        wanted, actor.userId(), actor.kind(), changes.now()));
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
    public Page<DownloadRecord> log(Actor actor, WorkspaceId workspaceId, FileId fileId, PageRequest page) {
        checks.workspaces().require(actor, workspaceId, Permission.VIEW_INTERNAL, "see who downloaded files");
        checks.file(actor, workspaceId, fileId);
        Optional<String> before = Cursors.decode("dl", page.cursor());
        List<DownloadRecord> rows = downloadStore.list(actor.tenantId(), workspaceId, fileId, before,
                page.limit() + 1);
        return Cursors.page(rows, page.limit(), r -> Cursors.encode("dl", r.id()));
    }
}
