package io.clientworkspace.file;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.support.Fixture;
import io.clientworkspace.tck.FaultInjection;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input, wrong actors and wrong places: a clear error, and nothing changed, stored or announced. */
class FileBadInputTest {

    @TempDir
    Path blobDir;

    private FileWorld w;
    private FileService files;
    private FolderService folders;
    private DownloadService downloads;

    @BeforeEach
    void setUp() {
        w = FileWorld.create(blobDir);
        files = w.files;
        folders = w.folders;
        downloads = w.downloads;
    }

    @Nested
    class Names {

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\t", "..", "/", "\u202E"})
        void aBlankOrUnusableNameIsRefused(String name) {
            ValidationException e = w.rejects(ValidationException.class, () -> w.upload(name, SampleFiles.pdf()));

            assertThat(fieldsOf(e)).containsExactly("name");
        }

        @Test
        void aHugeNameIsRefused() {
            ValidationException e = w.rejects(ValidationException.class,
                    () -> w.upload("a".repeat(100_000) + ".pdf", SampleFiles.pdf()));

            assertThat(fieldsOf(e)).containsExactly("name");
        }

        @Test
        void aHugeNameForANewVersionIsRefused() {
            FileAsset file = w.upload("a.pdf", SampleFiles.pdf());

            ValidationException e = w.rejects(ValidationException.class,
                    () -> w.uploadVersion(w.f.bob, file.id(), "a".repeat(5000), SampleFiles.pdf()));

            assertThat(fieldsOf(e)).containsExactly("name");
        }

        @Test
        void aNullNameForANewVersionIsAValidationError() {
            FileAsset file = w.upload("a.pdf", SampleFiles.pdf());

            ValidationException e = w.rejects(ValidationException.class,
                    () -> files.uploadVersion(w.f.bob, w.acme(), file.id(), null, "application/pdf", FileWorld.in(SampleFiles.pdf())));

            assertThat(fieldsOf(e)).containsExactly("name");
        }

        @Test
        void aDeclaredTypeThatIsTooLongOrHasControlCharactersIsRefused() {
            ValidationException tooLong = w.rejects(ValidationException.class, () -> w.upload(w.f.bob,
                    NewUpload.of("a.pdf", "application/" + "x".repeat(300)), SampleFiles.pdf()));
            ValidationException control = w.rejects(ValidationException.class, () -> w.upload(w.f.bob,
                    NewUpload.of("a.pdf", "application/pdf\r\nX-Injected: 1"), SampleFiles.pdf()));

            assertThat(fieldsOf(tooLong)).containsExactly("declaredType");
            assertThat(fieldsOf(control)).containsExactly("declaredType");
        }
    }

    @Nested
    class Streams {

        @Test
        void aNullStreamIsRefusedBeforeAnythingHappens() {
            FileAsset file = w.upload("a.pdf", SampleFiles.pdf());

            w.rejects(NullPointerException.class,
                    () -> files.upload(w.f.bob, w.acme(), NewUpload.of("b.pdf", "application/pdf"), null));
            w.rejects(NullPointerException.class,
                    () -> files.uploadVersion(w.f.bob, w.acme(), file.id(), "a.pdf", "application/pdf", null));
        }

        @Test
        void aNullRequestIsRefused() {
            w.rejects(NullPointerException.class, () -> files.upload(w.f.bob, w.acme(), null, FileWorld.in(SampleFiles.pdf())));
        }

        @Test
        void aStreamThatFailsAtOnceStoresNothing() {
            InputStream broken = SampleFiles.failingAfter(FileWorld.in(SampleFiles.pdf()), 0);

            UncheckedIOException e = w.rejects(UncheckedIOException.class,
                    () -> files.upload(w.f.bob, w.acme(), NewUpload.of("a.pdf", "application/pdf"), broken));

            assertThat(e).hasMessageContaining("before anything was stored");
            assertThat(w.blobFiles()).isEmpty();
        }

        @Test
        void aStreamThatFailsHalfWayStoresNothing() {
            InputStream content = SampleFiles.failingAfter(
                    SampleFiles.generated(SampleFiles.ascii("%PDF-1.7\n"), 7, 1 << 20), 300_000);

            UncheckedIOException e = w.rejects(UncheckedIOException.class,
                    () -> files.upload(w.f.bob, w.acme(), NewUpload.of("a.pdf", "application/pdf"), content));

            assertThat(e).hasMessageContaining("nothing was kept").hasRootCauseMessage("connection reset after 300000 bytes");
            assertThat(w.blobFiles()).isEmpty();
        }
    }

    @Nested
    class WrongPlaces {

        private Fixture.OtherTenant globex;
        private FileAsset acmeFile;
        private FileAsset globexFile;

        @BeforeEach
        void twoTenants() {
            globex = w.f.otherTenant();
            acmeFile = w.upload("acme.pdf", SampleFiles.pdf("acme"));
            globexFile = files.upload(globex.admin(), globex.workspace().id(), NewUpload.of("globex.pdf", "application/pdf"),
                    FileWorld.in(SampleFiles.pdf("globex")));
        }

        @Test
        void anotherTenantsAdminCannotUploadIntoAcme() {
            w.rejects(NotFoundException.class, () -> files.upload(globex.admin(), w.acme(),
                    NewUpload.of("x.pdf", "application/pdf"), FileWorld.in(SampleFiles.pdf())));
        }

        @Test
        void anotherTenantsAdminCannotReachAcmesFileEvenThroughItsOwnWorkspaceId() {
            w.rejects(NotFoundException.class, () -> files.get(globex.admin(), w.acme(), acmeFile.id()));
            w.rejects(NotFoundException.class, () -> files.get(globex.admin(), globex.workspace().id(), acmeFile.id()));
            w.rejects(NotFoundException.class, () -> downloads.download(globex.admin(), globex.workspace().id(), acmeFile.id(),
                    OptionalInt.empty()));
            w.rejects(NotFoundException.class, () -> files.trash(globex.admin(), globex.workspace().id(), acmeFile.id()));
            w.rejects(NotFoundException.class, () -> files.uploadVersion(globex.admin(), globex.workspace().id(), acmeFile.id(),
                    "x.pdf", "application/pdf", FileWorld.in(SampleFiles.pdf())));
            w.rejects(NotFoundException.class, () -> files.restoreVersion(globex.admin(), globex.workspace().id(),
                    acmeFile.id(), 1));
        }

        @Test
        void acmesTeamCannotReachGlobexsWorkspaceOrFiles() {
            w.rejects(NotFoundException.class, () -> files.list(w.f.alice, globex.workspace().id(), Optional.empty(),
                    PageRequest.first()));
            w.rejects(NotFoundException.class, () -> files.get(w.f.alice, w.acme(), globexFile.id()));
            w.rejects(NotFoundException.class, () -> downloads.download(w.f.bob, w.acme(), globexFile.id(), OptionalInt.empty()));
            w.rejects(NotFoundException.class, () -> files.versions(w.f.bob, w.acme(), globexFile.id()));
            w.rejects(NotFoundException.class, () -> downloads.log(w.f.bob, w.acme(), globexFile.id(), PageRequest.first()));
            w.rejects(NotFoundException.class, () -> files.upload(w.f.alice, globex.workspace().id(),
                    NewUpload.of("x.pdf", "application/pdf"), FileWorld.in(SampleFiles.pdf())));
            w.rejects(NotFoundException.class, () -> folders.create(w.f.alice, globex.workspace().id(), "x",
                    Optional.empty(), Visibility.CLIENT));
        }

        @Test
        void aFolderOfAnotherTenantCannotBeUsedAsAParent() {
            Folder globexFolder = folders.create(globex.admin(), globex.workspace().id(), "G", Optional.empty(),
                    Visibility.CLIENT);

            w.rejects(NotFoundException.class, () -> w.upload(w.f.bob,
                    NewUpload.of("x.pdf", "application/pdf").in(globexFolder.id()), SampleFiles.pdf()));
            w.rejects(NotFoundException.class, () -> folders.create(w.f.bob, w.acme(), "x",
                    Optional.of(globexFolder.id()), Visibility.CLIENT));
        }

        @Test
        void outsidersGetNotFound() {
            for (Actor outsider : new Actor[] {w.f.zach, w.f.mallory, w.f.tina}) {
                w.rejects(NotFoundException.class, () -> w.upload(outsider, NewUpload.of("x.pdf", "application/pdf"),
                        SampleFiles.pdf()));
                w.rejects(NotFoundException.class, () -> files.get(outsider, w.acme(), acmeFile.id()));
                w.rejects(NotFoundException.class, () -> files.count(outsider, w.acme()));
            }
        }

        @Test
        void anUnknownFileIdIsNotFoundBeforeAnyBytesAreStored() {
            w.rejects(NotFoundException.class, () -> w.uploadVersion(w.f.bob, FileId.of("no-such-file"), "x.pdf", SampleFiles.pdf()));
        }

        @Test
        void anUnknownFolderIsNotFound() {
            w.rejects(NotFoundException.class, () -> w.upload(w.f.bob,
                    NewUpload.of("x.pdf", "application/pdf").in(FolderId.of("no-such-folder")), SampleFiles.pdf()));
        }
    }

    @Nested
    class WrongActors {

        @Test
        void aClientViewerMayNotUpload() {
            AccessDeniedException e = w.rejects(AccessDeniedException.class,
                    () -> w.upload(w.f.dave, NewUpload.of("x.pdf", "application/pdf"), SampleFiles.pdf()));

            assertThat(e.required()).isEqualTo("UPLOAD_FILES");
        }

        @Test
        void aClientMayNotUploadAnInternalFile() {
            AccessDeniedException e = w.rejects(AccessDeniedException.class,
                    () -> w.upload(w.f.erin, NewUpload.of("x.pdf", "application/pdf").internal(), SampleFiles.pdf()));

            assertThat(e.required()).isEqualTo("VIEW_INTERNAL");
        }

        @Test
        void aClientVisibleFileInAnInternalFolderIsRefused() {
            Folder internal = folders.create(w.f.bob, w.acme(), "Internal", Optional.empty(), Visibility.TEAM);

            ValidationException e = w.rejects(ValidationException.class,
                    () -> w.upload(w.f.bob, NewUpload.of("x.pdf", "application/pdf").in(internal.id()), SampleFiles.pdf()));

            assertThat(fieldsOf(e)).containsExactly("visibility");
            assertThat(e.getMessage()).contains("must be TEAM inside the internal folder 'Internal'");
        }
    }

    @Nested
    class AnArchivedWorkspace {

        private FileAsset file;
        private Folder folder;

        @BeforeEach
        void archive() {
            file = w.upload("a.pdf", SampleFiles.pdf());
            w.uploadVersion(w.f.bob, file.id(), "a.pdf", SampleFiles.pdf("v2"));
            folder = folders.create(w.f.bob, w.acme(), "Docs", Optional.empty(), Visibility.CLIENT);
            w.f.kit.workspaces().archive(w.f.bob, w.acme(), w.f.acme().version());
        }

        @Test
        void refusesUploadsAndStoresNoBytes() {
            w.rejects(ArchivedException.class, () -> w.upload("b.pdf", SampleFiles.pdf("b")));
            w.rejects(ArchivedException.class, () -> w.uploadVersion(w.f.bob, file.id(), "a.pdf", SampleFiles.pdf("v3")));
        }

        @Test
        void refusesEveryOtherChange() {
            w.rejects(ArchivedException.class, () -> files.restoreVersion(w.f.bob, w.acme(), file.id(), 1));
            w.rejects(ArchivedException.class, () -> files.trash(w.f.bob, w.acme(), file.id()));
            w.rejects(ArchivedException.class, () -> folders.create(w.f.bob, w.acme(), "New", Optional.empty(),
                    Visibility.CLIENT));
            w.rejects(ArchivedException.class, () -> folders.rename(w.f.bob, w.acme(), folder.id(), "X", folder.version()));
            w.rejects(ArchivedException.class, () -> folders.move(w.f.bob, w.acme(), folder.id(), Optional.empty(),
                    folder.version()));
            w.rejects(ArchivedException.class, () -> folders.delete(w.f.bob, w.acme(), folder.id()));
        }

        @Test
        void stillListsAndServesFiles() {
            assertThat(files.list(w.f.carol, w.acme(), Optional.empty(), PageRequest.first()).items()).hasSize(1);
            assertThat(w.download(w.f.carol, file.id(), OptionalInt.of(1))).isEqualTo(SampleFiles.pdf());
        }
    }

    @Nested
    class Races {

        @Test
        void aFolderDeletedWhileTheBytesWereStreamingTakesNoFile() {
            FaultInjection races = new FaultInjection();
            FileWorld raced = FileWorld.create(blobDir.resolve("raced"), races::wrap,
                    io.clientworkspace.memory.InMemoryStores.create());
            Folder folder = raced.folders.create(raced.f.bob, raced.acme(), "Docs", Optional.empty(), Visibility.CLIENT);
            races.intercept("BlobStore.put", call -> {
                Object stored = call.proceed();
                raced.folders.delete(raced.f.tom, raced.acme(), folder.id());
                return stored;
            });

            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> raced.upload(raced.f.bob,
                    NewUpload.of("a.pdf", "application/pdf").in(folder.id()), SampleFiles.pdf()));

            assertThat(thrown).isInstanceOf(NotFoundException.class);
            assertThat(raced.allFiles(raced.f.tenant.id(), raced.acme())).isEmpty();
            assertThat(raced.blobFiles()).isEmpty();
        }
    }
}
