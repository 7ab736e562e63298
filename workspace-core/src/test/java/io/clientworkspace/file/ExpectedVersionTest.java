package io.clientworkspace.file;

import io.clientworkspace.ConflictException;
import io.clientworkspace.FolderId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.activity.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file operations that take the version the caller last read (what the REST API's If-Match names):
 * a stale version is a conflict that changes nothing, the right one does the operation, and a client
 * asking about an internal item gets the "not found" of an unknown id, as without a version.
 */
class ExpectedVersionTest {

    @TempDir
    Path blobDir;

    private FileWorld w;
    private FileService files;
    private FolderService folders;

    @BeforeEach
    void setUp() {
        w = FileWorld.create(blobDir);
        files = w.files;
        folders = w.folders;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private FileAsset internalFile() {
        return w.upload(w.f.bob, NewUpload.of("notes.txt", "text/plain").internal(), text("team only"));
    }

    private static void isStale(ConflictException e) {
        assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
    }

    @Nested
    class DeletingAFolder {

        @Test
        void withAStaleVersionIsAConflictAndChangesNothing() {
            Folder folder = folders.create(w.f.bob, w.acme(), "Drafts", Optional.empty(), Visibility.CLIENT);
            folders.rename(w.f.bob, w.acme(), folder.id(), "Old drafts", folder.version());

            isStale(w.rejects(ConflictException.class,
                    () -> folders.delete(w.f.bob, w.acme(), folder.id(), folder.version())));
        }

        @Test
        void withTheCurrentVersionDeletesIt() {
            Folder folder = folders.create(w.f.bob, w.acme(), "Drafts", Optional.empty(), Visibility.CLIENT);

            folders.delete(w.f.bob, w.acme(), folder.id(), folder.version());

            assertThat(folders.find(w.f.bob, w.acme(), folder.id())).isEmpty();
            assertThat(w.f.head(w.acme()).action()).isEqualTo("folder.deleted");
        }

        @Test
        void anInternalFolderIsNotFoundForAClientWhateverTheVersion() {
            Folder folder = folders.create(w.f.bob, w.acme(), "Team", Optional.empty(), Visibility.TEAM);

            w.rejects(NotFoundException.class, () -> folders.delete(w.f.carol, w.acme(), folder.id(), folder.version()));
            w.rejects(NotFoundException.class, () -> folders.delete(w.f.carol, w.acme(), folder.id(), folder.version() + 1));
        }
    }

    @Nested
    class Trashing {

        @Test
        void withAStaleVersionIsAConflictAndChangesNothing() {
            FileAsset file = w.upload("brief.txt", text("v1"));
            w.uploadVersion(w.f.bob, file.id(), "brief.txt", text("v2"));

            isStale(w.rejects(ConflictException.class, () -> files.trash(w.f.bob, w.acme(), file.id(), file.version())));
        }

        @Test
        void withTheCurrentVersionTrashesIt() {
            FileAsset file = w.upload("brief.txt", text("v1"));

            FileAsset trashed = files.trash(w.f.bob, w.acme(), file.id(), file.version());

            assertThat(trashed.status()).isEqualTo(FileStatus.TRASHED);
            assertThat(trashed.version()).isGreaterThan(file.version());
        }

        @Test
        void anInternalFileIsNotFoundForAClientWhateverTheVersion() {
            FileAsset file = internalFile();

            w.rejects(NotFoundException.class, () -> files.trash(w.f.carol, w.acme(), file.id(), file.version()));
            w.rejects(NotFoundException.class, () -> files.trash(w.f.carol, w.acme(), file.id(), file.version() + 7));
        }
    }

    @Nested
    class Restoring {

        @Test
        void withAStaleVersionIsAConflictAndChangesNothing() {
            FileAsset file = w.upload("brief.txt", text("v1"));
            files.trash(w.f.bob, w.acme(), file.id());

            isStale(w.rejects(ConflictException.class, () -> files.restore(w.f.bob, w.acme(), file.id(), file.version())));
        }

        @Test
        void withTheCurrentVersionRestoresIt() {
            FileAsset file = w.upload("brief.txt", text("v1"));
            FileAsset trashed = files.trash(w.f.bob, w.acme(), file.id());

            FileAsset restored = files.restore(w.f.bob, w.acme(), file.id(), trashed.version());

            assertThat(restored.status()).isEqualTo(FileStatus.ACTIVE);
        }

        @Test
        void aTrashedFileIsNotFoundForAClientWhateverTheVersion() {
            FileAsset file = w.upload("brief.txt", text("v1"));
            FileAsset trashed = files.trash(w.f.bob, w.acme(), file.id());

            w.rejects(NotFoundException.class, () -> files.restore(w.f.carol, w.acme(), file.id(), trashed.version()));
        }
    }

    @Nested
    class RestoringAVersion {

        @Test
        void withAStaleVersionIsAConflictAndChangesNothing() {
            FileAsset file = w.upload("brief.txt", text("v1"));
            w.uploadVersion(w.f.bob, file.id(), "brief.txt", text("v2"));

            isStale(w.rejects(ConflictException.class,
                    () -> files.restoreVersion(w.f.bob, w.acme(), file.id(), 1, file.version())));
        }

        @Test
        void withTheCurrentVersionAddsTheOldBytesAsANewVersion() {
            FileAsset file = w.upload("brief.txt", text("v1"));
            w.uploadVersion(w.f.bob, file.id(), "brief.txt", text("v2"));
            FileAsset current = files.get(w.f.bob, w.acme(), file.id());

            FileVersion added = files.restoreVersion(w.f.bob, w.acme(), file.id(), 1, current.version());

            assertThat(added.number()).isEqualTo(3);
            assertThat(w.download(w.f.bob, file.id(), java.util.OptionalInt.empty())).isEqualTo(text("v1"));
        }

        @Test
        void anInternalFileIsNotFoundForAClientWhateverTheVersion() {
            FileAsset file = internalFile();

            w.rejects(NotFoundException.class, () -> files.restoreVersion(w.f.carol, w.acme(), file.id(), 1, file.version()));
        }
    }

    @Nested
    class UploadingAVersion {

        @Test
        void withAStaleVersionIsAConflictAndStoresNothing() {
            FileAsset file = w.upload("brief.txt", text("v1"));
            w.uploadVersion(w.f.bob, file.id(), "brief.txt", text("v2"));

            isStale(w.rejects(ConflictException.class, () -> files.uploadVersion(w.f.bob, w.acme(), file.id(), "brief.txt",
                    "text/plain", FileWorld.in(text("v3")), file.version())));
        }

        @Test
        void withTheCurrentVersionAddsTheVersion() {
            FileAsset file = w.upload("brief.txt", text("v1"));

            FileVersion added = files.uploadVersion(w.f.bob, w.acme(), file.id(), "brief.txt", "text/plain",
                    FileWorld.in(text("v2")), file.version());

            assertThat(added.number()).isEqualTo(2);
        }

        @Test
        void anInternalFileIsNotFoundForAClientWhateverTheVersion() {
            FileAsset file = internalFile();

            w.rejects(NotFoundException.class, () -> files.uploadVersion(w.f.carol, w.acme(), file.id(), "notes.txt",
                    "text/plain", FileWorld.in(text("mine")), file.version()));
        }
    }

    @Nested
    class FindingAFolder {

        @Test
        void theTeamFindsAnInternalFolderAndAClientDoesNot() {
            Folder folder = folders.create(w.f.bob, w.acme(), "Team", Optional.empty(), Visibility.TEAM);

            assertThat(folders.find(w.f.tom, w.acme(), folder.id())).contains(folder);
            assertThat(folders.find(w.f.carol, w.acme(), folder.id())).isEmpty();
            w.rejects(NotFoundException.class, () -> folders.get(w.f.carol, w.acme(), folder.id()));
        }

        @Test
        void anUnknownIdIsNotFound() {
            w.rejects(NotFoundException.class, () -> folders.get(w.f.bob, w.acme(), FolderId.of("no-such-folder")));
        }

        @Test
        void aFolderOfAnotherTenantIsNotFound() {
            var globex = w.f.otherTenant();
            Folder theirs = folders.create(globex.admin(), globex.workspace().id(), "Theirs", Optional.empty(),
                    Visibility.CLIENT);

            assertThat(folders.find(w.f.alice, w.acme(), theirs.id())).isEmpty();
        }
    }
}
