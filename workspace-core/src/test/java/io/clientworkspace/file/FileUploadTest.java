package io.clientworkspace.file;

import io.clientworkspace.ConflictException;
import io.clientworkspace.FileId;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileEvent.FileTrashedOrRestored;
import io.clientworkspace.file.FileEvent.FileVersionAdded;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploading files: what is measured and recorded on the way through, listing, counting, the trash. */
class FileUploadTest {

    @TempDir
    Path blobDir;

    private FileWorld w;
    private FileService files;
    private FolderService folders;
    private FileMaintenance maintenance;

    @BeforeEach
    void setUp() {
        w = FileWorld.create(blobDir);
        files = w.files;
        folders = w.folders;
        maintenance = w.maintenance;
    }

    @Nested
    class Uploading {

        @Test
        void theFirstVersionRecordsSizeHashDetectedAndDeclaredTypeAndTheSanitizedName() {
            byte[] pdf = SampleFiles.pdf();

            FileAsset file = files.upload(w.f.bob, w.acme(), NewUpload.of("../Proposal\u202E 2025.pdf", "application/x-whatever"),
                    FileWorld.in(pdf));

            FileVersion v1 = files.versions(w.f.bob, w.acme(), file.id()).get(0);
            assertThat(file.name()).isEqualTo("Proposal 2025.pdf");
            assertThat(file.latestVersion()).isEqualTo(1);
            assertThat(file.status()).isEqualTo(FileStatus.ACTIVE);
            assertThat(file.createdBy()).isEqualTo(w.f.bob.userId());
            assertThat(file.createdAt()).isEqualTo(w.f.clock.instant());
            assertThat(v1.number()).isEqualTo(1);
            assertThat(v1.name()).isEqualTo("Proposal 2025.pdf");
            assertThat(v1.size()).isEqualTo(pdf.length);
            assertThat(v1.sha256()).isEqualTo(HexFormat.of().formatHex(SampleFiles.digest().digest(pdf)));
            assertThat(v1.detectedType()).isEqualTo("application/pdf");
            assertThat(v1.declaredType()).isEqualTo("application/x-whatever");
            assertThat(v1.uploadedBy()).isEqualTo(w.f.bob.userId());
        }

        @Test
        void theDetectedTypeComesFromTheBytesNotTheDeclaredType() {
            FileAsset file = files.upload(w.f.bob, w.acme(), NewUpload.of("logo.png", "application/pdf"),
                    FileWorld.in(SampleFiles.png()));

            FileVersion v1 = files.versions(w.f.bob, w.acme(), file.id()).get(0);
            assertThat(v1.detectedType()).isEqualTo("image/png");
            assertThat(v1.declaredType()).isEqualTo("application/pdf");
        }

        @Test
        void aBlankDeclaredTypeIsRecordedAsOctetStream() {
            FileAsset file = files.upload(w.f.bob, w.acme(), NewUpload.of("logo.png", " "), FileWorld.in(SampleFiles.png()));

            assertThat(files.versions(w.f.bob, w.acme(), file.id()).get(0).declaredType()).isEqualTo("application/octet-stream");
        }

        @Test
        void theBytesAreStoredUnderAGeneratedKeyAndReadBackIntact() throws IOException {
            byte[] png = SampleFiles.png();

            FileAsset file = w.upload("logo.png", png);

            FileVersion v1 = files.versions(w.f.bob, w.acme(), file.id()).get(0);
            assertThat(v1.blobKey()).matches("[0-9a-f]{32}");
            assertThat(w.blobFiles()).allSatisfy(p -> assertThat(p).doesNotContain("logo"));
            assertThat(w.blobKeys()).containsExactly(v1.blobKey());
            try (InputStream in = w.f.kit.blobStore().open(v1.blobKey(), v1.sha256())) {
                assertThat(in.readAllBytes()).isEqualTo(png);
            }
        }

        @Test
        void aStreamLargerThanTheInspectedPrefixIsMeasuredWhole() throws IOException {
            long size = 3 * ContentInspector.PREFIX_BYTES + 12_345;
            MessageDigest sha = SampleFiles.digest();
            InputStream content = new DigestInputStream(SampleFiles.generated(SampleFiles.ascii("%PDF-1.7\n"), 42, size), sha);

            FileAsset file = files.upload(w.f.bob, w.acme(), NewUpload.of("scan.pdf", "application/pdf"), content);

            FileVersion v1 = files.versions(w.f.bob, w.acme(), file.id()).get(0);
            assertThat(v1.size()).isEqualTo(size);
            assertThat(v1.sha256()).isEqualTo(HexFormat.of().formatHex(sha.digest()));
            assertThat(Files.size(blobDir.resolve(w.blobFiles().stream().filter(p -> p.endsWith(v1.blobKey())).findFirst()
                    .orElseThrow()))).isEqualTo(size);
        }

        @Test
        void theStreamIsReadToTheEndButNotClosed() throws IOException {
            boolean[] closed = {false};
            byte[] pdf = SampleFiles.pdf();
            InputStream content = new java.io.ByteArrayInputStream(pdf) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };

            files.upload(w.f.bob, w.acme(), NewUpload.of("a.pdf", "application/pdf"), content);

            assertThat(content.read()).isEqualTo(-1);
            assertThat(closed[0]).isFalse();
        }

        @Test
        void theUploadIsRecordedInTheActivityLogWithItsHash() {
            byte[] pdf = SampleFiles.pdf();

            FileAsset file = w.upload("proposal.pdf", pdf);

            ActivityEntry head = w.f.head(w.acme());
            assertThat(head.action()).isEqualTo("file.uploaded");
            assertThat(head.targetType()).isEqualTo("file");
            assertThat(head.targetId()).isEqualTo(file.id().value());
            assertThat(head.visibility()).isEqualTo(Visibility.CLIENT);
            assertThat(head.details()).containsEntry("name", "proposal.pdf").containsEntry("version", "1")
                    .containsEntry("sha256", SampleFiles.sha256(pdf)).containsEntry("size", Integer.toString(pdf.length))
                    .containsEntry("type", "application/pdf");
        }

        @Test
        void theUploadIsAnnouncedAfterCommit() {
            byte[] pdf = SampleFiles.pdf();

            FileAsset file = w.upload("proposal.pdf", pdf);

            assertThat(w.f.events.ofType(FileVersionAdded.class)).singleElement().satisfies(e -> {
                assertThat(e.fileId()).isEqualTo(file.id());
                assertThat(e.versionNumber()).isEqualTo(1);
                assertThat(e.sha256()).isEqualTo(SampleFiles.sha256(pdf));
                assertThat(e.size()).isEqualTo(pdf.length);
                assertThat(e.visibility()).isEqualTo(Visibility.CLIENT);
                assertThat(e.actor()).isEqualTo(w.f.bob);
                assertThat(e.workspaceId()).contains(w.acme());
            });
        }

        @Test
        void aClientContributorMayUpload() {
            FileAsset file = w.upload(w.f.erin, NewUpload.of("brief.pdf", "application/pdf"), SampleFiles.pdf());

            assertThat(file.createdBy()).isEqualTo(w.f.erin.userId());
            assertThat(w.f.head(w.acme()).actorKind()).isEqualTo(io.clientworkspace.ActorKind.CLIENT);
        }

        @Test
        void aFileGoesIntoTheFolderGiven() {
            Folder folder = folders.create(w.f.bob, w.acme(), "Contracts", Optional.empty(), Visibility.CLIENT);

            FileAsset file = w.upload(w.f.bob, NewUpload.of("msa.pdf", "application/pdf").in(folder.id()), SampleFiles.pdf());

            assertThat(file.folderId()).contains(folder.id());
            assertThat(names(files.list(w.f.bob, w.acme(), Optional.of(folder.id()), PageRequest.first()))).containsExactly("msa.pdf");
            assertThat(files.list(w.f.bob, w.acme(), Optional.empty(), PageRequest.first()).items()).isEmpty();
        }

        @Test
        void twoFilesMayHaveTheSameName() {
            FileAsset a = w.upload("report.pdf", SampleFiles.pdf("a"));
            FileAsset b = w.upload("report.pdf", SampleFiles.pdf("b"));

            assertThat(a.id()).isNotEqualTo(b.id());
            assertThat(files.count(w.f.bob, w.acme())).isEqualTo(2);
        }
    }

    @Nested
    class Listing {

        @Test
        void filesAreListedByNameInPagesWithoutGapsOrRepeats() {
            for (String name : new String[] {"c.pdf", "a.pdf", "b.pdf", "a.pdf", "d.pdf"}) {
                w.upload(name, SampleFiles.pdf(name));
            }

            Page<FileAsset> first = files.list(w.f.carol, w.acme(), Optional.empty(), PageRequest.first(2));
            Page<FileAsset> second = files.list(w.f.carol, w.acme(), Optional.empty(),
                    PageRequest.after(first.nextCursor().orElseThrow(), 2));
            Page<FileAsset> third = files.list(w.f.carol, w.acme(), Optional.empty(),
                    PageRequest.after(second.nextCursor().orElseThrow(), 2));

            assertThat(names(first)).containsExactly("a.pdf", "a.pdf");
            assertThat(names(second)).containsExactly("b.pdf", "c.pdf");
            assertThat(names(third)).containsExactly("d.pdf");
            assertThat(third.hasNext()).isFalse();
        }

        @Test
        void aCursorOfAnotherListIsRefused() {
            folders.create(w.f.bob, w.acme(), "a", Optional.empty(), Visibility.CLIENT);
            folders.create(w.f.bob, w.acme(), "b", Optional.empty(), Visibility.CLIENT);
            String folderCursor = folders.list(w.f.bob, w.acme(), Optional.empty(), PageRequest.first(1))
                    .nextCursor().orElseThrow();

            w.rejects(io.clientworkspace.ValidationException.class,
                    () -> files.list(w.f.bob, w.acme(), Optional.empty(), PageRequest.after(folderCursor, 10)));
        }

        @Test
        void theCountIsOfActiveFiles() {
            FileAsset a = w.upload("a.pdf", SampleFiles.pdf("a"));
            w.upload("b.pdf", SampleFiles.pdf("b"));
            files.trash(w.f.bob, w.acme(), a.id());

            assertThat(files.count(w.f.bob, w.acme())).isEqualTo(1);
        }
    }

    @Nested
    class Trash {

        private FileAsset file;

        @BeforeEach
        void upload() {
            file = w.upload("proposal.pdf", SampleFiles.pdf());
        }

        @Test
        void aTrashedFileLeavesTheListAndAppearsInTheTrash() {
            FileAsset trashed = files.trash(w.f.bob, w.acme(), file.id());

            assertThat(trashed.status()).isEqualTo(FileStatus.TRASHED);
            assertThat(files.list(w.f.bob, w.acme(), Optional.empty(), PageRequest.first()).items()).isEmpty();
            assertThat(files.trash(w.f.bob, w.acme(), Optional.empty(), PageRequest.first()).items())
                    .extracting(FileAsset::id).containsExactly(file.id());
            assertThat(w.f.head(w.acme()).action()).isEqualTo("file.trashed");
            assertThat(w.f.events.ofType(FileTrashedOrRestored.class)).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(FileStatus.TRASHED));
        }

        @Test
        void aRestoredFileIsBackWithItsVersions() {
            files.trash(w.f.bob, w.acme(), file.id());

            FileAsset restored = files.restore(w.f.bob, w.acme(), file.id());

            assertThat(restored.status()).isEqualTo(FileStatus.ACTIVE);
            assertThat(files.list(w.f.carol, w.acme(), Optional.empty(), PageRequest.first()).items())
                    .extracting(FileAsset::id).containsExactly(file.id());
            assertThat(files.versions(w.f.bob, w.acme(), file.id())).hasSize(1);
            assertThat(w.f.head(w.acme()).action()).isEqualTo("file.restored");
            assertThat(w.download(w.f.carol, file.id(), OptionalInt.empty())).isEqualTo(SampleFiles.pdf());
        }

        @Test
        void trashingATrashedFileChangesNothing() {
            FileAsset trashed = files.trash(w.f.bob, w.acme(), file.id());
            FileWorld.State before = w.state();
            int events = w.f.events.all().size();

            assertThat(files.trash(w.f.bob, w.acme(), file.id())).isEqualTo(trashed);
            assertThat(w.state()).isEqualTo(before);
            assertThat(w.f.events.all()).hasSize(events);
        }

        @Test
        void theBytesStayWhileTheFileIsInTheTrash() {
            String key = files.versions(w.f.bob, w.acme(), file.id()).get(0).blobKey();

            files.trash(w.f.bob, w.acme(), file.id());
            w.clockAfterRealTime(java.time.Duration.ofMinutes(1));
            maintenance.sweepOrphanBlobs(java.time.Duration.ZERO);

            assertThat(w.blobKeys()).containsExactly(key);
        }

        @Test
        void aTrashedFileTakesNoNewVersionUntilRestored() {
            files.trash(w.f.bob, w.acme(), file.id());

            ConflictException e = w.rejects(ConflictException.class,
                    () -> w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", SampleFiles.pdf("v2")));

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
            assertThat(e.getMessage()).contains("trash");
        }

        @Test
        void aTrashedFileCannotHaveAVersionRestored() {
            w.uploadVersion(w.f.bob, file.id(), "proposal.pdf", SampleFiles.pdf("v2"));
            files.trash(w.f.bob, w.acme(), file.id());

            w.rejects(ConflictException.class, () -> files.restoreVersion(w.f.bob, w.acme(), file.id(), 1));
        }

        @Test
        void aClientAdminMayTrashButTheTrashIsTheTeamsToRestoreFrom() {
            assertThat(files.trash(w.f.carol, w.acme(), file.id()).status()).isEqualTo(FileStatus.TRASHED);
            // Clients have no trash (issue 10, finding 2): what was trashed is gone for them.
            w.rejects(io.clientworkspace.NotFoundException.class, () -> files.restore(w.f.carol, w.acme(), file.id()));
            assertThat(files.restore(w.f.bob, w.acme(), file.id()).status()).isEqualTo(FileStatus.ACTIVE);
        }

        @Test
        void aClientContributorMayNotTrash() {
            w.rejects(io.clientworkspace.AccessDeniedException.class, () -> files.trash(w.f.erin, w.acme(), file.id()));
        }

        @Test
        void anUnknownFileIsNotFound() {
            w.rejects(io.clientworkspace.NotFoundException.class, () -> files.trash(w.f.bob, w.acme(), FileId.of("nope")));
        }
    }

    private static java.util.List<String> names(Page<FileAsset> page) {
        return page.items().stream().map(FileAsset::name).toList();
    }
}
