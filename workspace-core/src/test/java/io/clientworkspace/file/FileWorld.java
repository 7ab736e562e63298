package io.clientworkspace.file;

import io.clientworkspace.Actor;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.Decision;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.BlobStore;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.support.Fixture;
import io.clientworkspace.tck.SampleFiles;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The standard {@link Fixture} with its file contents in a {@link FileSystemBlobStore} under a test
 * directory, and what the file tests read back: every file, version, folder, approval and download of
 * every workspace, and every file in the blob directory.
 */
final class FileWorld {

    private static final int ALL = 500;

    final Path blobDir;
    final FileSystemBlobStore diskBlobs;
    final Fixture f;
    final FileService files;
    final FolderService folders;
    final DownloadService downloads;
    final FileMaintenance maintenance;

    private FileWorld(Path blobDir, UnaryOperator<BlobStore> blobDecorator, Stores stores,
                      Consumer<WorkspaceKit.Builder> customizer) {
        this.blobDir = blobDir;
        this.diskBlobs = new FileSystemBlobStore(blobDir);
        this.f = Fixture.create(stores, b -> {
            b.blobStore(blobDecorator.apply(diskBlobs));
            customizer.accept(b);
        });
        this.files = f.kit.files();
        this.folders = f.kit.folders();
        this.downloads = f.kit.downloads();
        this.maintenance = f.kit.fileMaintenance();
    }

    static FileWorld create(Path blobDir) {
        return new FileWorld(blobDir, b -> b, InMemoryStores.create(), b -> { });
    }

    static FileWorld create(Path blobDir, Consumer<WorkspaceKit.Builder> customizer) {
        return new FileWorld(blobDir, b -> b, InMemoryStores.create(), customizer);
    }

    static FileWorld create(Path blobDir, UnaryOperator<BlobStore> blobDecorator, Stores stores) {
        return new FileWorld(blobDir, blobDecorator, stores, b -> { });
    }

    WorkspaceId acme() {
        return f.acme.id();
    }

    // ------------------------------------------------------------------------------------- actions

    static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** bob uploads a client-visible file at the top level of acme. */
    FileAsset upload(String name, byte[] bytes) {
        return upload(f.bob, NewUpload.of(name, "application/octet-stream"), bytes);
    }

    FileAsset upload(Actor actor, NewUpload upload, byte[] bytes) {
        return files.upload(actor, acme(), upload, in(bytes));
    }

    FileVersion uploadVersion(Actor actor, FileId file, String name, byte[] bytes) {
        return files.uploadVersion(actor, acme(), file, name, "application/octet-stream", in(bytes));
    }

    /** Downloads a version (the latest when empty) and reads it to the end. */
    byte[] download(Actor actor, FileId file, OptionalInt version) {
        try (FileDownload download = downloads.download(actor, acme(), file, version)) {
            return download.content().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the kit's clock past the blob files' modification times, for the orphan sweep. */
    void clockAfterRealTime(Duration margin) {
        Instant target = Instant.now().plus(margin);
        if (f.clock.instant().isBefore(target)) {
            f.clock.advance(Duration.between(f.clock.instant(), target));
        }
    }

    // ------------------------------------------------------------------------------------- reading back

    /** Every regular file under the blob directory, relative and sorted. */
    List<String> blobFiles() {
        try (Stream<Path> walk = Files.walk(blobDir)) {
            return walk.filter(Files::isRegularFile).map(p -> blobDir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the blob directory with the SHA-256 of its bytes. */
    Map<String, String> blobContents() {
        Map<String, String> contents = new TreeMap<>();
        for (String file : blobFiles()) {
            try {
                contents.put(file, SampleFiles.sha256(Files.readAllBytes(blobDir.resolve(file))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return contents;
    }

    /** The keys of the blobs in the blob directory (their hash files and partial writes left out). */
    List<String> blobKeys() {
        return blobFiles().stream().map(p -> Path.of(p).getFileName().toString())
                .filter(n -> n.matches("[0-9a-f]{32}")).sorted().toList();
    }

    /** Every file of a workspace in any folder, with any status, by id. */
    Map<FileId, FileAsset> allFiles(TenantId tenant, WorkspaceId workspace) {
        Map<FileId, FileAsset> all = new TreeMap<>();
        List<Optional<FolderId>> places = new ArrayList<>();
        places.add(Optional.empty());
        allFolders(tenant, workspace).forEach(folder -> places.add(Optional.of(folder.id())));
        for (Optional<FolderId> place : places) {
            for (FileStatus status : FileStatus.values()) {
                f.stores.require(FileStore.class).list(tenant, workspace, place, status, false, Optional.empty(), ALL)
                        .forEach(file -> all.put(file.id(), file));
            }
        }
        return all;
    }

    /** Every folder of a workspace, depth first from the top, each level by name. */
    List<Folder> allFolders(TenantId tenant, WorkspaceId workspace) {
        List<Folder> all = new ArrayList<>();
        collectFolders(tenant, workspace, Optional.empty(), all);
        return all;
    }

    private void collectFolders(TenantId tenant, WorkspaceId workspace, Optional<FolderId> parent, List<Folder> into) {
        for (Folder folder : f.stores.require(FolderStore.class).listChildren(tenant, workspace, parent, false, Optional.empty(), ALL)) {
            into.add(folder);
            collectFolders(tenant, workspace, Optional.of(folder.id()), into);
        }
    }

    /** What the file feature holds in one workspace. */
    record WorkspaceFiles(Map<FileId, FileAsset> files, Map<FileId, List<FileVersion>> versions, List<Folder> folders,
                          Map<FileId, List<DownloadRecord>> downloads, List<ApprovalRequest> approvals,
                          List<List<Decision>> decisions, Optional<ActivityEntry> activityHead) {
    }

    /** Everything the file feature holds, in every workspace of every tenant, and the blob directory. */
    record State(Fixture.Snapshot stores, Map<WorkspaceId, WorkspaceFiles> workspaces, Map<String, String> blobs) {
    }

    State state() {
        Map<WorkspaceId, WorkspaceFiles> workspaces = new LinkedHashMap<>();
        for (Tenant tenant : f.stores.tenants().list(Optional.empty(), ALL)) {
            for (Workspace w : f.stores.workspaces().list(tenant.id(), Optional.empty(), ALL)) {
                Map<FileId, FileAsset> all = allFiles(tenant.id(), w.id());
                Map<FileId, List<FileVersion>> versions = new TreeMap<>();
                Map<FileId, List<DownloadRecord>> downloads = new TreeMap<>();
                all.keySet().forEach(id -> {
                    versions.put(id, f.stores.require(FileStore.class).listVersions(tenant.id(), w.id(), id, ALL));
                    downloads.put(id, f.stores.require(DownloadLogStore.class).list(tenant.id(), w.id(), id, Optional.empty(), ALL));
                });
                List<ApprovalRequest> approvals = f.stores.require(ApprovalStore.class).list(tenant.id(), w.id(), Optional.empty(),
                        Optional.empty(), ALL);
                List<List<Decision>> decisions = approvals.stream()
                        .map(a -> f.stores.require(ApprovalStore.class).decisions(tenant.id(), w.id(), a.id())).toList();
                workspaces.put(w.id(), new WorkspaceFiles(all, versions, allFolders(tenant.id(), w.id()), downloads,
                        approvals, decisions, f.stores.activity().latest(tenant.id(), w.id())));
            }
        }
        return new State(f.snapshot(), workspaces, blobContents());
    }

    /**
     * Runs an operation that must fail with {@code type} and checks it left nothing behind: the stores
     * and the blob directory read the same afterwards, and no event was delivered.
     */
    <T extends Throwable> T rejects(Class<T> type, ThrowingCallable operation) {
        State before = state();
        List<DomainEvent> eventsBefore = f.events.all();
        Throwable thrown = catchThrowable(operation);
        assertThat(thrown).as("the operation's failure").isInstanceOf(type);
        assertThat(state()).as("the stores and blobs after the failed operation").isEqualTo(before);
        assertThat(f.events.all()).as("the events after the failed operation").isEqualTo(eventsBefore);
        return type.cast(thrown);
    }
}
