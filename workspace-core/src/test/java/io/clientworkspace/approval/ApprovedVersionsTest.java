package io.clientworkspace.approval;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileDownload;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.clientworkspace.approval.ApprovalWorld.ask;
import static org.assertj.core.api.Assertions.assertThat;

/** "Is this version approved?" and the {@link ApprovedVersionsOnly} download policy built on it. */
class ApprovedVersionsTest {

    @TempDir
    Path blobs;

    private ApprovalWorld w;

    @BeforeEach
    void createWorld() {
        w = ApprovalWorld.create(blobs);
    }

    private boolean isApproved(Actor actor, FileAsset file, int version) {
        return w.approvals.isApproved(actor, w.acme, file.id(), version);
    }

    private FileAsset approvedFile() {
        FileAsset file = w.upload(w.f.bob, "proposal.pdf");
        w.approve(w.f.carol, w.requestFor(file, 1, w.f.carol));
        return file;
    }

    @Nested
    class IsApproved {

        @Test
        void isTrueForTheExactApprovedVersion() {
            FileAsset file = approvedFile();

            assertThat(isApproved(w.f.bob, file, 1)).isTrue();
            assertThat(isApproved(w.f.carol, file, 1)).isTrue();
        }

        @Test
        void isFalseForTheOtherVersionsOfTheFile() {
            FileAsset file = w.upload(w.f.bob, "proposal.pdf");
            w.newVersion(w.f.bob, file);
            w.approve(w.f.carol, w.requestFor(file, 2, w.f.carol));
            w.newVersion(w.f.bob, file);

            assertThat(isApproved(w.f.bob, file, 1)).isFalse();
            assertThat(isApproved(w.f.bob, file, 2)).isTrue();
            assertThat(isApproved(w.f.bob, file, 3)).isFalse();
            assertThat(isApproved(w.f.bob, file, 9)).as("a version that does not exist").isFalse();
        }

        @Test
        void isFalseForANewVersionWithTheApprovedBytes() {
            FileAsset file = approvedFile();
            w.newVersion(w.f.bob, file);

            FileVersion copyOfV1 = w.files.restoreVersion(w.f.bob, w.acme, file.id(), 1);

            assertThat(copyOfV1.sha256()).isEqualTo(w.version(file, 1).sha256());
            assertThat(isApproved(w.f.bob, file, copyOfV1.number())).isFalse();
            assertThat(isApproved(w.f.bob, file, 1)).isTrue();
        }

        @Test
        void isFalseUntilARequestIsApproved() {
            FileAsset file = w.upload(w.f.bob, "proposal.pdf");
            ApprovalRequest open = w.approvals.requestForFile(w.f.bob, w.acme, file.id(), 1,
                    ask("All of you", w.f.carol, w.f.erin).withPolicy(ApprovalPolicy.all()));
            w.approve(w.f.carol, open);
            assertThat(isApproved(w.f.bob, file, 1)).as("open").isFalse();

            w.reject(w.f.erin, open);
            assertThat(isApproved(w.f.bob, file, 1)).as("rejected").isFalse();

            w.requestChanges(w.f.carol, w.requestFor(file, 1, w.f.carol));
            assertThat(isApproved(w.f.bob, file, 1)).as("changes requested").isFalse();

            ApprovalRequest cancelled = w.requestFor(file, 1, w.f.carol);
            w.approvals.cancel(w.f.bob, w.acme, cancelled.id());
            assertThat(isApproved(w.f.bob, file, 1)).as("cancelled").isFalse();

            w.approvals.requestForFile(w.f.bob, w.acme, file.id(), 1, ask("Soon", w.f.carol)
                    .due(w.f.clock.instant().plus(Duration.ofDays(1))));
            w.f.clock.advance(Duration.ofDays(2));
            w.approvals.expireOverdue(10);
            assertThat(isApproved(w.f.bob, file, 1)).as("expired").isFalse();
        }

        @Test
        void isFalseOnceTheStoredVersionNoLongerMatchesTheApprovedHash(@TempDir Path otherBlobs) {
            TamperableFileStore tamperable = new TamperableFileStore(InMemoryStores.create());
            ApprovalWorld tw = ApprovalWorld.create(otherBlobs, tamperable.stores);
            FileAsset file = tw.upload(tw.f.bob, "proposal.pdf");
            tw.approve(tw.f.carol, tw.requestFor(file, 1, tw.f.carol));
            assertThat(tw.approvals.isApproved(tw.f.bob, tw.acme, file.id(), 1)).isTrue();

            tamperable.tampered.set(true);

            assertThat(tw.approvals.isApproved(tw.f.bob, tw.acme, file.id(), 1)).isFalse();
        }

        @Test
        void aClientAskingAboutAnInternalFileFindsNoFile() {
            FileAsset internal = w.uploadInternal(w.f.bob, "costing.pdf");
            w.approve(w.f.tom, w.requestFor(internal, 1, w.f.tom));

            assertThat(isApproved(w.f.bob, internal, 1)).isTrue();
            w.rejects(NotFoundException.class, () -> isApproved(w.f.carol, internal, 1));
        }
    }

    @Nested
    class ApprovedVersionsOnlyPolicy {

        @BeforeEach
        void installThePolicy() {
            w = ApprovalWorld.create(blobs, b -> b.downloadPolicyFrom(kit -> new ApprovedVersionsOnly(kit.approvals())));
        }

        private byte[] download(Actor actor, FileAsset file, OptionalInt version) throws IOException {
            try (FileDownload download = w.downloads.download(actor, w.acme, file.id(), version);
                 InputStream in = download.content()) {
                return in.readAllBytes();
            }
        }

        @Test
        void aClientMayDownloadAnApprovedVersion() throws IOException {
            FileAsset file = approvedFile();

            assertThat(download(w.f.dave, file, OptionalInt.of(1))).startsWith("%PDF-".getBytes());
            assertThat(download(w.f.carol, file, OptionalInt.empty())).startsWith("%PDF-".getBytes());
        }

        @Test
        void aClientMayNotDownloadAVersionThatIsNotApproved() {
            FileAsset file = w.upload(w.f.bob, "proposal.pdf");
            w.requestFor(file, 1, w.f.carol);

            AccessDeniedException e = w.rejects(AccessDeniedException.class,
                    () -> download(w.f.carol, file, OptionalInt.of(1)));

            assertThat(e.getMessage()).contains("approved version");
            assertThat(w.f.stores.require(DownloadLogStore.class).list(w.f.tenant.id(), w.acme, file.id(), Optional.empty(), 10))
                    .as("a refused download is not logged").isEmpty();
        }

        @Test
        void aClientGetsTheApprovedVersionButNotTheNewerUnapprovedLatest() throws IOException {
            FileAsset file = approvedFile();
            w.newVersion(w.f.bob, file);

            w.rejects(AccessDeniedException.class, () -> download(w.f.carol, file, OptionalInt.empty()));
            w.rejects(AccessDeniedException.class, () -> download(w.f.carol, file, OptionalInt.of(2)));
            assertThat(download(w.f.carol, file, OptionalInt.of(1))).isNotEmpty();
        }

        @Test
        void theTeamMayDownloadEveryVersion() throws IOException {
            FileAsset file = w.upload(w.f.bob, "proposal.pdf");
            w.newVersion(w.f.bob, file);

            assertThat(download(w.f.tom, file, OptionalInt.of(1))).isNotEmpty();
            assertThat(download(w.f.bob, file, OptionalInt.empty())).isNotEmpty();
            assertThat(w.f.stores.require(DownloadLogStore.class).list(w.f.tenant.id(), w.acme, file.id(), Optional.empty(), 10))
                    .hasSize(2);
        }
    }

    /** The in-memory file store, able to report every version with a different hash from a moment on. */
    private static final class TamperableFileStore implements FileStore {
        final AtomicBoolean tampered = new AtomicBoolean();
        final Stores stores;
        private final FileStore delegate;

        TamperableFileStore(Stores original) {
            this.delegate = original.require(FileStore.class);
            this.stores = original.with(FileStore.class, this);
        }

        private FileVersion maybeTampered(FileVersion v) {
            if (!tampered.get()) {
                return v;
            }
            return new FileVersion(v.tenantId(), v.workspaceId(), v.fileId(), v.number(), v.name(), v.blobKey(), v.size(),
                    "f".repeat(64), v.detectedType(), v.declaredType(), v.uploadedBy(), v.uploadedAt());
        }

        @Override
        public FileAsset insert(FileAsset file, FileVersion first) {
            return delegate.insert(file, first);
        }

        @Override
        public FileAsset update(FileAsset file) {
            return delegate.update(file);
        }

        @Override
        public FileVersion appendVersion(FileVersion version) {
            return delegate.appendVersion(version);
        }

        @Override
        public Optional<FileAsset> find(TenantId tenantId, WorkspaceId workspaceId, FileId id) {
            return delegate.find(tenantId, workspaceId, id);
        }

        @Override
        public Optional<FileVersion> findVersion(TenantId tenantId, WorkspaceId workspaceId, FileId id, int number) {
            return delegate.findVersion(tenantId, workspaceId, id, number).map(this::maybeTampered);
        }

        @Override
        public List<FileVersion> listVersions(TenantId tenantId, WorkspaceId workspaceId, FileId id, int limit) {
            return delegate.listVersions(tenantId, workspaceId, id, limit).stream().map(this::maybeTampered).toList();
        }

        @Override
        public List<FileAsset> list(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> folder,
                                    FileStatus status, boolean clientVisibleOnly, Optional<FileCursor> after, int limit) {
            return delegate.list(tenantId, workspaceId, folder, status, clientVisibleOnly, after, limit);
        }

        @Override
        public long count(TenantId tenantId, WorkspaceId workspaceId, FileStatus status, boolean clientVisibleOnly) {
            return delegate.count(tenantId, workspaceId, status, clientVisibleOnly);
        }

        @Override
        public Set<String> referencedBlobKeys(Collection<String> blobKeys) {
            return delegate.referencedBlobKeys(blobKeys);
        }
    }
}
