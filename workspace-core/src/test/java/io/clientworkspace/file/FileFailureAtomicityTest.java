package io.clientworkspace.file;

import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.tck.FaultInjection.InjectedFailure;
import io.clientworkspace.tck.FaultInjection;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A blob store or a metadata store that fails at any step of a file operation (a full disk, a lost
 * connection) leaves everything as it was: files, versions, folders, approvals, downloads, the activity
 * log's head and the blob directory read the same, no event is delivered, and the operation succeeds
 * when tried again.
 */
class FileFailureAtomicityTest {

    @TempDir
    Path blobDir;

    private final FaultInjection faults = new FaultInjection();
    private FileWorld w;
    private FileService files;
    private FolderService folders;
    private DownloadService downloads;
    private FileMaintenance maintenance;

    @BeforeEach
    void setUp() {
        w = FileWorld.create(blobDir, faults::wrap, faults.wrap(InMemoryStores.create()));
        files = w.files;
        folders = w.folders;
        downloads = w.downloads;
        maintenance = w.maintenance;
    }

    private static Class<? extends Throwable> failureOf(String step) {
        return step.startsWith("BlobStore.") ? UncheckedIOException.class : InjectedFailure.class;
    }

    private void failsAndChangesNothing(String step, Runnable operation) {
        faults.failOn(step);

        Throwable failure = w.rejects(failureOf(step), operation::run);

        assertThat(faults.pending()).as("the planned failure happened").isFalse();
        assertThat(failure).hasMessageContaining(step.startsWith("BlobStore.") ? "" : step);
        assertThat(w.f.kit.activity().verify(w.f.bob, w.acme()).isIntact()).isTrue();
    }

    @Nested
    class Uploading {

        @ParameterizedTest
        @ValueSource(strings = {"BlobStore.put", "FileStore.insert", "ActivityStore.append:file.uploaded"})
        void aFailureAtAnyStepLeavesNoFileNoBlobAndNoActivity(String step) {
            failsAndChangesNothing(step, () -> w.upload("proposal.pdf", SampleFiles.pdf()));

            assertThat(w.blobFiles()).isEmpty();
            FileAsset retried = w.upload("proposal.pdf", SampleFiles.pdf());
            assertThat(w.download(w.f.carol, retried.id(), OptionalInt.empty())).isEqualTo(SampleFiles.pdf());
        }

        @ParameterizedTest
        @ValueSource(strings = {"BlobStore.put", "BlobStore.open", "FileStore.insert", "ActivityStore.append:file.uploaded"})
        void aFailureAtAnyStepOfAnArchiveUploadLeavesNothing(String step) {
            failsAndChangesNothing(step, () -> w.upload("contract.docx", SampleFiles.docx()));

            assertThat(w.blobFiles()).isEmpty();
            assertThat(w.upload("contract.docx", SampleFiles.docx()).latestVersion()).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"BlobStore.put", "FileStore.insert", "ActivityStore.append:file.uploaded"})
        void aFailureUploadingIntoAFolderLeavesTheFolderEmpty(String step) {
            Folder folder = folders.create(w.f.bob, w.acme(), "Docs", Optional.empty(), Visibility.CLIENT);

            failsAndChangesNothing(step, () -> w.upload(w.f.bob, NewUpload.of("a.pdf", "application/pdf").in(folder.id()),
                    SampleFiles.pdf()));

            folders.delete(w.f.bob, w.acme(), folder.id());
        }
    }

    @Nested
    class AddingAVersion {

        private FileAsset file;
        private ApprovalRequest pending;

        @BeforeEach
        void upload() {
            file = w.upload("proposal.pdf", SampleFiles.pdf("v1"));
            pending = w.f.kit.approvals().requestForFile(w.f.bob, w.acme(), file.id(), 1,
                    NewApproval.of("Sign off", Set.of(UserId.of("carol"))));
        }

        @ParameterizedTest
        @ValueSource(strings = {"BlobStore.put", "FileStore.appendVersion", "FileStore.update", "ActivityStore.append:file.version-added",
                "ApprovalStore.update", "ActivityStore.append:approval.superseded"})
        void aFailureAtAnyStepLeavesTheFileItsVersionsAndItsOpenApprovalAsTheyWere(String step) {
            failsAndChangesNothing(step, () -> w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", SampleFiles.pdf("v2")));

            assertThat(files.get(w.f.bob, w.acme(), file.id()).latestVersion()).isEqualTo(1);
            assertThat(w.f.kit.approvals().get(w.f.bob, w.acme(), pending.id()).status()).isEqualTo(ApprovalStatus.OPEN);
            assertThat(w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", SampleFiles.pdf("v2")).number()).isEqualTo(2);
            assertThat(w.f.kit.approvals().get(w.f.bob, w.acme(), pending.id()).status()).isEqualTo(ApprovalStatus.SUPERSEDED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"FileStore.appendVersion", "FileStore.update", "ActivityStore.append:file.version-added"})
        void aFailureRestoringAnOldVersionLeavesTheHistoryAsItWas(String step) {
            w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", SampleFiles.pdf("v2"));

            failsAndChangesNothing(step, () -> files.restoreVersion(w.f.bob, w.acme(), file.id(), 1));

            assertThat(files.restoreVersion(w.f.bob, w.acme(), file.id(), 1).number()).isEqualTo(3);
        }
    }

    @Nested
    class TrashingAndRestoring {

        private FileAsset file;

        @BeforeEach
        void upload() {
            file = w.upload("proposal.pdf", SampleFiles.pdf());
        }

        @ParameterizedTest
        @ValueSource(strings = {"FileStore.update", "ActivityStore.append:file.trashed"})
        void aFailureTrashingLeavesTheFileActive(String step) {
            failsAndChangesNothing(step, () -> files.trash(w.f.bob, w.acme(), file.id()));

            assertThat(files.get(w.f.bob, w.acme(), file.id()).status()).isEqualTo(FileStatus.ACTIVE);
            assertThat(files.trash(w.f.bob, w.acme(), file.id()).status()).isEqualTo(FileStatus.TRASHED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"FileStore.update", "ActivityStore.append:file.restored"})
        void aFailureRestoringLeavesTheFileInTheTrash(String step) {
            files.trash(w.f.bob, w.acme(), file.id());

            failsAndChangesNothing(step, () -> files.restore(w.f.bob, w.acme(), file.id()));

            assertThat(files.get(w.f.bob, w.acme(), file.id()).status()).isEqualTo(FileStatus.TRASHED);
        }
    }

    @Nested
    class Withdrawing {

        private FileAsset file;
        private ApprovalRequest pending;

        @BeforeEach
        void upload() {
            file = w.upload("proposal.pdf", SampleFiles.pdf());
            pending = w.f.kit.approvals().requestForFile(w.f.bob, w.acme(), file.id(), 1,
                    NewApproval.of("Sign off", Set.of(UserId.of("carol"))));
            file = files.get(w.f.bob, w.acme(), file.id());
        }

        @ParameterizedTest
        @ValueSource(strings = {"FileStore.update", "ActivityStore.append:file.withdrawn", "ApprovalStore.update",
                "ActivityStore.append:approval.cancelled"})
        void aFailureAtAnyStepLeavesTheFileSharedAndItsApprovalOpen(String step) {
            failsAndChangesNothing(step, () -> files.changeVisibility(w.f.bob, w.acme(), file.id(), Visibility.TEAM,
                    file.version()));

            assertThat(w.download(w.f.carol, file.id(), OptionalInt.empty())).isEqualTo(SampleFiles.pdf());
            assertThat(w.f.kit.approvals().get(w.f.carol, w.acme(), pending.id()).status()).isEqualTo(ApprovalStatus.OPEN);
        }
    }

    @Nested
    class Purging {

        private FileAsset trashed;
        private ApprovalRequest pending;

        @BeforeEach
        void uploadAndTrash() {
            FileAsset file = w.upload("proposal.pdf", SampleFiles.pdf("v1"));
            w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", SampleFiles.pdf("v2"));
            w.download(w.f.carol, file.id(), OptionalInt.empty());
            pending = w.f.kit.approvals().requestForFile(w.f.bob, w.acme(), file.id(), 2,
                    NewApproval.of("Sign off", Set.of(UserId.of("carol"))));
            trashed = files.trash(w.f.bob, w.acme(), file.id());
        }

        @ParameterizedTest
        @ValueSource(strings = {"ApprovalStore.update", "ActivityStore.append:approval.cancelled", "DownloadLogStore.deleteForFile",
                "FileStore.delete", "ActivityStore.append:file.purged"})
        void aFailureAtAnyStepKeepsTheFileItsVersionsItsDownloadsItsApprovalAndItsBlobs(String step) {
            failsAndChangesNothing(step, () -> files.purge(w.f.bob, w.acme(), trashed.id(), trashed.version()));

            assertThat(w.download(w.f.bob, trashed.id(), OptionalInt.of(1))).isEqualTo(SampleFiles.pdf("v1"));
            assertThat(w.f.kit.approvals().get(w.f.bob, w.acme(), pending.id()).status()).isEqualTo(ApprovalStatus.OPEN);
            files.purge(w.f.bob, w.acme(), trashed.id(), trashed.version());
            assertThat(w.blobFiles()).isEmpty();
        }

        @org.junit.jupiter.api.Test
        void aBlobThatCannotBeDeletedAfterCommitIsLeftForTheOrphanSweep() {
            faults.failOn("BlobStore.delete");

            files.purge(w.f.bob, w.acme(), trashed.id(), trashed.version());

            assertThat(files.find(w.f.bob, w.acme(), trashed.id())).isEmpty();
            assertThat(w.blobKeys()).hasSize(1);
            w.clockAfterRealTime(java.time.Duration.ofMinutes(2));
            assertThat(maintenance.sweepOrphanBlobs(java.time.Duration.ofMinutes(1))).isEqualTo(1);
            assertThat(w.blobKeys()).isEmpty();
        }
    }

    @Nested
    class Deciding {

        private FileAsset file;
        private ApprovalRequest request;

        @BeforeEach
        void ask() {
            file = w.upload("proposal.pdf", SampleFiles.pdf());
            request = w.f.kit.approvals().requestForFile(w.f.bob, w.acme(), file.id(), 1,
                    NewApproval.of("Sign off", Set.of(UserId.of("carol"))));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ApprovalStore.appendDecision", "ActivityStore.append:approval.decided", "ApprovalStore.update",
                "ActivityStore.append:approval.approved"})
        void aFailureAtAnyStepRecordsNoDecisionAndLeavesTheRequestOpen(String step) {
            failsAndChangesNothing(step, () -> w.f.kit.approvals().decide(w.f.carol, w.acme(), request.id(),
                    DecisionKind.APPROVE, Optional.empty()));

            assertThat(w.f.kit.approvals().record(w.f.bob, w.acme(), request.id()).decisions()).isEmpty();
            assertThat(w.f.kit.approvals().isApproved(w.f.bob, w.acme(), file.id(), 1)).isFalse();
            assertThat(w.f.kit.approvals().decide(w.f.carol, w.acme(), request.id(), DecisionKind.APPROVE, Optional.empty())
                    .status()).isEqualTo(ApprovalStatus.APPROVED);
        }
    }

    @Nested
    class Folders {

        private Folder folder;
        private Folder other;

        @BeforeEach
        void create() {
            folder = folders.create(w.f.bob, w.acme(), "Docs", Optional.empty(), Visibility.CLIENT);
            other = folders.create(w.f.bob, w.acme(), "Other", Optional.empty(), Visibility.CLIENT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"FolderStore.insert", "ActivityStore.append:folder.created"})
        void aFailureCreatingLeavesNoFolder(String step) {
            failsAndChangesNothing(step,
                    () -> folders.create(w.f.bob, w.acme(), "New", Optional.of(folder.id()), Visibility.CLIENT));
        }

        @ParameterizedTest
        @ValueSource(strings = {"FolderStore.update", "ActivityStore.append:folder.renamed"})
        void aFailureRenamingKeepsTheOldName(String step) {
            failsAndChangesNothing(step, () -> folders.rename(w.f.bob, w.acme(), folder.id(), "Documents", 0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"FolderStore.update", "ActivityStore.append:folder.moved"})
        void aFailureMovingKeepsTheOldParent(String step) {
            failsAndChangesNothing(step, () -> folders.move(w.f.bob, w.acme(), folder.id(), Optional.of(other.id()), 0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"FolderStore.delete", "ActivityStore.append:folder.deleted"})
        void aFailureDeletingKeepsTheFolder(String step) {
            failsAndChangesNothing(step, () -> folders.delete(w.f.bob, w.acme(), folder.id()));
        }
    }

    @Nested
    class Downloading {

        @ParameterizedTest
        @ValueSource(strings = {"DownloadLogStore.append", "ActivityStore.append:file.downloaded"})
        void aDownloadThatCannotBeRecordedIsNotHandedOut(String step) {
            FileAsset file = w.upload("proposal.pdf", SampleFiles.pdf());

            failsAndChangesNothing(step, () -> downloads.download(w.f.carol, w.acme(), file.id(), OptionalInt.empty()));

            assertThat(w.download(w.f.carol, file.id(), OptionalInt.empty())).isEqualTo(SampleFiles.pdf());
        }

        @ParameterizedTest
        @ValueSource(strings = {"BlobStore.open"})
        void aDownloadWhoseBytesCannotBeOpenedIsNotRecorded(String step) {
            FileAsset file = w.upload("proposal.pdf", SampleFiles.pdf());

            failsAndChangesNothing(step, () -> downloads.download(w.f.carol, w.acme(), file.id(), OptionalInt.empty()));
        }
    }
}
