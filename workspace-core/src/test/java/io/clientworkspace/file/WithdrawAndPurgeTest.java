package io.clientworkspace.file;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.tck.SampleFiles;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file shared by mistake can be taken back (issue 10, finding 2): trashed files are gone for clients
 * everywhere, the team can withdraw a file from clients (and share it again), and a tenant admin or the
 * workspace's lead can purge a trashed file for good, leaving a tombstone in the activity record.
 */
class WithdrawAndPurgeTest {

    @TempDir
    Path blobDir;

    private FileWorld w;
    private FileService files;
    private FolderService folders;
    private DownloadService downloads;
    private FileAsset file;

    @BeforeEach
    void setUp() {
        w = FileWorld.create(blobDir);
        files = w.files;
        folders = w.folders;
        downloads = w.downloads;
        file = w.upload(w.f.bob, NewUpload.of("proposal.pdf", "application/pdf"), SampleFiles.pdf("v1"));
        w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", SampleFiles.pdf("v2"));
        file = files.get(w.f.bob, w.acme(), file.id());
    }

    private List<Actor> clients() {
        return List.of(w.f.carol, w.f.erin, w.f.dave);
    }

    private ApprovalRequest askCarol(int version) {
        return w.f.kit.approvals().requestForFile(w.f.bob, w.acme(), file.id(), version,
                NewApproval.of("Sign off", Set.of(UserId.of("carol"))));
    }

    private void assertGoneFor(Actor client) {
        assertThat(files.find(client, w.acme(), file.id())).as(client.toString()).isEmpty();
        assertThatThrownBy(() -> files.versions(client, w.acme(), file.id())).isInstanceOf(NotFoundException.class);
        for (int v = 1; v <= 2; v++) {
            OptionalInt version = OptionalInt.of(v);
            assertThatThrownBy(() -> downloads.download(client, w.acme(), file.id(), version))
                    .as("version " + v).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> downloads.download(client, w.acme(), file.id(), OptionalInt.empty()))
                .isInstanceOf(NotFoundException.class);
        assertThat(files.list(client, w.acme(), Optional.empty(), PageRequest.first()).items()).isEmpty();
        assertThat(files.trash(client, w.acme(), Optional.empty(), PageRequest.first()).items()).isEmpty();
        assertThat(files.count(client, w.acme())).isZero();
    }

    @Nested
    class TrashedFiles {

        @Test
        void areGoneForClientsInListsTheTrashLookupsVersionsAndDownloadsOfEveryVersion() {
            files.trash(w.f.bob, w.acme(), file.id());

            clients().forEach(WithdrawAndPurgeTest.this::assertGoneFor);
        }

        @Test
        void stayInTheTeamsTrashWithEveryVersion() {
            files.trash(w.f.bob, w.acme(), file.id());

            assertThat(files.trash(w.f.tom, w.acme(), Optional.empty(), PageRequest.first()).items())
                    .extracting(FileAsset::id).containsExactly(file.id());
            assertThat(w.download(w.f.tom, file.id(), OptionalInt.of(1))).isEqualTo(SampleFiles.pdf("v1"));
        }

        @Test
        void cannotBeRestoredTrashedAgainOrGivenVersionsByAClientWhoAnswersNotFound() {
            files.trash(w.f.bob, w.acme(), file.id());

            assertThatThrownBy(() -> files.restore(w.f.carol, w.acme(), file.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> files.trash(w.f.carol, w.acme(), file.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> w.uploadVersion(w.f.carol, file.id(), "proposal.pdf", SampleFiles.pdf("v3")))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void takeTheirApprovalsOutOfTheClientsSight() {
            ApprovalRequest pending = askCarol(2);

            files.trash(w.f.bob, w.acme(), file.id());

            assertThat(w.f.kit.approvals().find(w.f.carol, w.acme(), pending.id())).isEmpty();
            assertThat(w.f.kit.approvals().list(w.f.carol, w.acme(), Optional.empty(), PageRequest.first()).items()).isEmpty();
            assertThatThrownBy(() -> w.f.kit.approvals().decide(w.f.carol, w.acme(), pending.id(), DecisionKind.APPROVE,
                    Optional.empty())).isInstanceOf(NotFoundException.class);
            assertThat(w.f.kit.approvals().get(w.f.bob, w.acme(), pending.id()).status()).isEqualTo(ApprovalStatus.OPEN);
        }

        @Test
        void comeBackForClientsWhenRestored() {
            files.trash(w.f.bob, w.acme(), file.id());
            files.restore(w.f.bob, w.acme(), file.id());

            assertThat(w.download(w.f.dave, file.id(), OptionalInt.of(1))).isEqualTo(SampleFiles.pdf("v1"));
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void makesTheFileAndEveryVersionGoneForClients() {
            files.changeVisibility(w.f.bob, w.acme(), file.id(), Visibility.TEAM, file.version());

            clients().forEach(WithdrawAndPurgeTest.this::assertGoneFor);
            assertThat(files.get(w.f.tom, w.acme(), file.id()).visibility()).isEqualTo(Visibility.TEAM);
        }

        @Test
        void cancelsOpenApprovalsAClientWasAskedToDecideWithTheReasonInTheTeamsRecord() {
            ApprovalRequest pending = askCarol(2);

            files.changeVisibility(w.f.bob, w.acme(), file.id(), Visibility.TEAM, file.version());

            assertThat(w.f.kit.approvals().get(w.f.bob, w.acme(), pending.id()).status()).isEqualTo(ApprovalStatus.CANCELLED);
            assertThat(w.f.kit.approvals().find(w.f.carol, w.acme(), pending.id())).isEmpty();
            ActivityEntry cancelled = w.f.log(w.acme()).stream().filter(e -> e.action().equals("approval.cancelled"))
                    .findFirst().orElseThrow();
            assertThat(cancelled.details()).containsEntry("reason", "file withdrawn");
            assertThat(cancelled.visibility()).isEqualTo(Visibility.TEAM);
        }

        @Test
        void leavesOpenApprovalsAskedOfTheTeamOnly() {
            ApprovalRequest teamOnly = w.f.kit.approvals().requestForFile(w.f.bob, w.acme(), file.id(), 2,
                    NewApproval.of("Check", Set.of(UserId.of("tom"))));

            files.changeVisibility(w.f.bob, w.acme(), file.id(), Visibility.TEAM, file.version());

            assertThat(w.f.kit.approvals().get(w.f.bob, w.acme(), teamOnly.id()).status()).isEqualTo(ApprovalStatus.OPEN);
        }

        @Test
        void isRecordedForTheTeamOnlyAndPublishedAsATeamEvent() {
            files.changeVisibility(w.f.bob, w.acme(), file.id(), Visibility.TEAM, file.version());

            ActivityEntry entry = w.f.head(w.acme());
            assertThat(entry.action()).isEqualTo("file.withdrawn");
            assertThat(entry.visibility()).isEqualTo(Visibility.TEAM);
            assertThat(entry.details()).containsEntry("name", "proposal.pdf");
            assertThat(w.f.events.ofType(FileEvent.FileVisibilityChanged.class)).singleElement()
                    .satisfies(e -> assertThat(e.visibility()).isEqualTo(Visibility.TEAM));
            assertThat(w.f.kit.activity().feed(w.f.carol, w.acme(), PageRequest.first()).items())
                    .extracting(ActivityEntry::action).doesNotContain("file.withdrawn");
        }

        @Test
        void sharingAgainMakesTheFileVisibleToClientsAndTellsThem() {
            FileAsset withdrawn = files.changeVisibility(w.f.bob, w.acme(), file.id(), Visibility.TEAM, file.version());

            FileAsset shared = files.changeVisibility(w.f.tom, w.acme(), file.id(), Visibility.CLIENT, withdrawn.version());

            assertThat(shared.visibility()).isEqualTo(Visibility.CLIENT);
            assertThat(w.f.head(w.acme()).action()).isEqualTo("file.shared");
            assertThat(w.f.head(w.acme()).visibility()).isEqualTo(Visibility.CLIENT);
            assertThat(w.download(w.f.dave, file.id(), OptionalInt.of(1))).isEqualTo(SampleFiles.pdf("v1"));
        }

        @Test
        void aStaleExpectedVersionIsAConflictAndChangesNothing() {
            w.rejects(ConflictException.class, () ->
                    files.changeVisibility(w.f.bob, w.acme(), file.id(), Visibility.TEAM, file.version() + 1));
        }

        @Test
        void clientsMayNotChangeVisibility() {
            w.rejects(AccessDeniedException.class, () ->
                    files.changeVisibility(w.f.carol, w.acme(), file.id(), Visibility.TEAM, file.version()));
        }

        @Test
        void aFileInAnInternalFolderCannotBeShared() {
            Folder internal = folders.create(w.f.bob, w.acme(), "Internal", Optional.empty(), Visibility.TEAM);
            FileAsset notes = w.upload(w.f.bob, NewUpload.of("notes.txt", "text/plain").in(internal.id()).internal(),
                    SampleFiles.text("team only"));

            w.rejects(ValidationException.class, () ->
                    files.changeVisibility(w.f.bob, w.acme(), notes.id(), Visibility.CLIENT, notes.version()));
        }

        @Test
        void toTheVisibilityItAlreadyHasChangesNothing() {
            FileAsset same = files.changeVisibility(w.f.bob, w.acme(), file.id(), Visibility.CLIENT, file.version());

            assertThat(same).isEqualTo(file);
        }
    }

    @Nested
    class Purging {

        private FileAsset trashed;

        @BeforeEach
        void trash() {
            w.download(w.f.carol, file.id(), OptionalInt.empty());
            trashed = files.trash(w.f.bob, w.acme(), file.id());
        }

        @Test
        void removesTheFileItsVersionsItsDownloadsAndItsBlobs() {
            files.purge(w.f.bob, w.acme(), file.id(), trashed.version());

            assertThat(w.f.stores.require(FileStore.class).find(w.f.tenant.id(), w.acme(), file.id())).isEmpty();
            assertThat(w.f.stores.require(FileStore.class).listVersions(w.f.tenant.id(), w.acme(), file.id(), 10)).isEmpty();
            assertThat(w.f.stores.require(DownloadLogStore.class).list(w.f.tenant.id(), w.acme(), file.id(), Optional.empty(), 10)).isEmpty();
            assertThat(w.blobFiles()).isEmpty();
            assertThat(files.trash(w.f.bob, w.acme(), Optional.empty(), PageRequest.first()).items()).isEmpty();
        }

        @Test
        void leavesATeamOnlyTombstoneWithTheNameAndEveryVersionsHashAndAChainThatVerifies() {
            List<FileVersion> versions = files.versions(w.f.bob, w.acme(), file.id());

            files.purge(w.f.bob, w.acme(), file.id(), trashed.version());

            ActivityEntry tombstone = w.f.head(w.acme());
            assertThat(tombstone.action()).isEqualTo("file.purged");
            assertThat(tombstone.visibility()).isEqualTo(Visibility.TEAM);
            assertThat(tombstone.targetId()).isEqualTo(file.id().value());
            assertThat(tombstone.details()).containsEntry("name", "proposal.pdf").containsEntry("versions", "2")
                    .containsEntry("sha256.v1", versions.get(1).sha256())
                    .containsEntry("sha256.v2", versions.get(0).sha256());
            assertThat(w.f.kit.activity().verify(w.f.bob, w.acme()).isIntact()).isTrue();
            assertThat(w.f.events.ofType(FileEvent.FilePurged.class)).singleElement()
                    .satisfies(e -> assertThat(e.sha256ByVersion()).containsEntry(1, versions.get(1).sha256()));
        }

        @Test
        void aFileWithManyVersionsGetsATombstoneInSeveralParts() {
            FileAsset big = w.upload("many.txt", SampleFiles.text("0"));
            for (int i = 1; i < 30; i++) {
                w.uploadVersion(w.f.bob, big.id(), "many.txt", SampleFiles.text(Integer.toString(i)));
            }
            FileAsset inTrash = files.trash(w.f.bob, w.acme(), big.id());

            files.purge(w.f.bob, w.acme(), big.id(), inTrash.version());

            List<ActivityEntry> tombstones = w.f.log(w.acme()).stream()
                    .filter(e -> e.action().equals("file.purged")).toList();
            assertThat(tombstones).hasSize(2);
            assertThat(tombstones).extracting(e -> e.details().get("part")).containsExactlyInAnyOrder("1/2", "2/2");
            assertThat(tombstones.stream().mapToLong(e -> e.details().keySet().stream()
                    .filter(k -> k.startsWith("sha256.v")).count()).sum()).isEqualTo(30);
        }

        @Test
        void keepsApprovalRecordsWithTheirHashAndCancelsOpenOnesWithAReason() {
            files.restore(w.f.bob, w.acme(), file.id());
            ApprovalRequest decided = askCarol(1);
            w.f.kit.approvals().decide(w.f.carol, w.acme(), decided.id(), DecisionKind.APPROVE, Optional.empty());
            ApprovalRequest open = askCarol(2);
            FileAsset inTrash = files.trash(w.f.bob, w.acme(), file.id());

            files.purge(w.f.bob, w.acme(), file.id(), inTrash.version());

            assertThat(w.f.kit.approvals().record(w.f.bob, w.acme(), decided.id()).decisions()).singleElement()
                    .satisfies(d -> assertThat(d.sha256()).isPresent());
            assertThat(w.f.kit.approvals().get(w.f.bob, w.acme(), decided.id()).status()).isEqualTo(ApprovalStatus.APPROVED);
            assertThat(w.f.kit.approvals().get(w.f.bob, w.acme(), open.id()).status()).isEqualTo(ApprovalStatus.CANCELLED);
            assertThat(w.f.log(w.acme()).stream().filter(e -> e.action().equals("approval.cancelled")))
                    .singleElement().satisfies(e -> assertThat(e.details()).containsEntry("reason", "file purged"));
            assertThat(w.f.kit.approvals().find(w.f.carol, w.acme(), decided.id())).isEmpty();
        }

        @Test
        void isAllowedToATenantAdmin() {
            files.purge(w.f.alice, w.acme(), file.id(), trashed.version());

            assertThat(files.find(w.f.alice, w.acme(), file.id())).isEmpty();
        }

        @Test
        void isRefusedToTeamMembersWhoAreNotLeadAndToClients() {
            w.rejects(AccessDeniedException.class, () -> files.purge(w.f.tom, w.acme(), file.id(), trashed.version()));
            w.rejects(AccessDeniedException.class, () -> files.purge(w.f.carol, w.acme(), file.id(), trashed.version()));
        }

        @Test
        void anActiveFileCannotBePurged() {
            FileAsset active = files.restore(w.f.bob, w.acme(), file.id());

            ConflictException e = w.rejects(ConflictException.class, () ->
                    files.purge(w.f.bob, w.acme(), file.id(), active.version()));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
        }

        @Test
        void aStaleExpectedVersionIsAConflictAndChangesNothing() {
            ConflictException e = w.rejects(ConflictException.class, () ->
                    files.purge(w.f.bob, w.acme(), file.id(), trashed.version() - 1));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
        }

        @Test
        void anUnknownFileIsNotFound() {
            w.rejects(NotFoundException.class, () -> files.purge(w.f.bob, w.acme(), io.clientworkspace.FileId.of("nope"), 0));
        }
    }
}
