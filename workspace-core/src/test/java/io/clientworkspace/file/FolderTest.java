package io.clientworkspace.file;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FolderId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileEvent.FolderChanged;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Folders: create, rename, move (never into themselves), delete only when empty; client-visible or internal. */
class FolderTest {

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

    private Folder create(String name, Optional<FolderId> parent, Visibility visibility) {
        return folders.create(w.f.bob, w.acme(), name, parent, visibility);
    }

    private Folder top(String name) {
        return create(name, Optional.empty(), Visibility.CLIENT);
    }

    private java.util.List<String> names(Optional<FolderId> parent, io.clientworkspace.Actor actor) {
        return folders.list(actor, w.acme(), parent, PageRequest.first()).items().stream().map(Folder::name).toList();
    }

    @Nested
    class Creating {

        @Test
        void aFolderIsCreatedAtTheTopLevelWithVersionZero() {
            Folder folder = top("Contracts");

            assertThat(folder.name()).isEqualTo("Contracts");
            assertThat(folder.parentId()).isEmpty();
            assertThat(folder.visibility()).isEqualTo(Visibility.CLIENT);
            assertThat(folder.createdBy()).isEqualTo(w.f.bob.userId());
            assertThat(folder.version()).isZero();
            assertThat(names(Optional.empty(), w.f.carol)).containsExactly("Contracts");
        }

        @Test
        void foldersNestAndAreListedByName() {
            Folder parent = top("Projects");
            create("Website", Optional.of(parent.id()), Visibility.CLIENT);
            create("Branding", Optional.of(parent.id()), Visibility.CLIENT);

            assertThat(names(Optional.of(parent.id()), w.f.bob)).containsExactly("Branding", "Website");
            assertThat(names(Optional.empty(), w.f.bob)).containsExactly("Projects");
        }

        @Test
        void theNameIsSanitizedLikeAFileName() {
            assertThat(top("../../Invoices\u202E").name()).isEqualTo("Invoices");
        }

        @Test
        void aSiblingWithTheSameNameIsAConflict() {
            top("Contracts");

            ConflictException e = w.rejects(ConflictException.class, () -> top("Contracts"));

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
        }

        @Test
        void theSameNameIsFineUnderAnotherParent() {
            Folder a = top("A");

            assertThat(create("A", Optional.of(a.id()), Visibility.CLIENT).parentId()).contains(a.id());
        }

        @Test
        void creatingIsRecordedAndAnnouncedWithTheFoldersVisibility() {
            Folder folder = create("Team notes", Optional.empty(), Visibility.TEAM);

            assertThat(w.f.head(w.acme()).action()).isEqualTo("folder.created");
            assertThat(w.f.head(w.acme()).visibility()).isEqualTo(Visibility.TEAM);
            assertThat(w.f.events.ofType(FolderChanged.class)).singleElement().satisfies(e -> {
                assertThat(e.folderId()).isEqualTo(folder.id());
                assertThat(e.change()).isEqualTo("created");
                assertThat(e.visibility()).isEqualTo(Visibility.TEAM);
            });
        }

        @Test
        void aClientContributorMayCreateClientFolders() {
            Folder folder = folders.create(w.f.erin, w.acme(), "From Acme", Optional.empty(), Visibility.CLIENT);

            assertThat(folder.createdBy()).isEqualTo(w.f.erin.userId());
        }

        @Test
        void aClientMayNotCreateAnInternalFolder() {
            AccessDeniedException e = w.rejects(AccessDeniedException.class,
                    () -> folders.create(w.f.carol, w.acme(), "Secret", Optional.empty(), Visibility.TEAM));

            assertThat(e.required()).isEqualTo("VIEW_INTERNAL");
        }

        @Test
        void aClientViewerMayNotCreateFolders() {
            w.rejects(AccessDeniedException.class,
                    () -> folders.create(w.f.dave, w.acme(), "Mine", Optional.empty(), Visibility.CLIENT));
        }

        @Test
        void aClientFolderInsideAnInternalFolderIsRefused() {
            Folder internal = create("Internal", Optional.empty(), Visibility.TEAM);

            ValidationException e = w.rejects(ValidationException.class,
                    () -> create("Shared", Optional.of(internal.id()), Visibility.CLIENT));

            assertThat(fieldsOf(e)).containsExactly("visibility");
        }

        @Test
        void anInternalFolderInsideAClientFolderIsFine() {
            Folder shared = top("Shared");

            assertThat(create("Drafts", Optional.of(shared.id()), Visibility.TEAM).visibility()).isEqualTo(Visibility.TEAM);
        }

        @Test
        void aClientCannotCreateInsideAnInternalFolderItCannotSee() {
            Folder internal = create("Internal", Optional.empty(), Visibility.TEAM);

            w.rejects(NotFoundException.class,
                    () -> folders.create(w.f.carol, w.acme(), "Sneaky", Optional.of(internal.id()), Visibility.CLIENT));
        }

        @Test
        void anUnknownParentIsNotFound() {
            w.rejects(NotFoundException.class, () -> create("Orphan", Optional.of(FolderId.of("no-such-folder")),
                    Visibility.CLIENT));
        }
    }

    @Nested
    class Renaming {

        @Test
        void aFolderIsRenamedAndItsVersionGoesUp() {
            Folder folder = top("Contracts");

            Folder renamed = folders.rename(w.f.bob, w.acme(), folder.id(), "Signed contracts", folder.version());

            assertThat(renamed.name()).isEqualTo("Signed contracts");
            assertThat(renamed.version()).isEqualTo(folder.version() + 1);
            assertThat(w.f.head(w.acme()).action()).isEqualTo("folder.renamed");
            assertThat(w.f.events.ofType(FolderChanged.class)).extracting(FolderChanged::change).containsExactly("created", "renamed");
        }

        @Test
        void aStaleVersionIsAConflictAndChangesNothing() {
            Folder folder = top("Contracts");
            folders.rename(w.f.bob, w.acme(), folder.id(), "Deals", folder.version());

            ConflictException e = w.rejects(ConflictException.class,
                    () -> folders.rename(w.f.tom, w.acme(), folder.id(), "Agreements", folder.version()));

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
        }

        @Test
        void renamingOntoASiblingsNameIsAConflict() {
            top("A");
            Folder b = top("B");

            ConflictException e = w.rejects(ConflictException.class,
                    () -> folders.rename(w.f.bob, w.acme(), b.id(), "A", b.version()));

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
        }

        @Test
        void aBlankNameIsRefused() {
            Folder folder = top("Contracts");

            ValidationException e = w.rejects(ValidationException.class,
                    () -> folders.rename(w.f.bob, w.acme(), folder.id(), "  ", folder.version()));

            assertThat(fieldsOf(e)).containsExactly("name");
        }

        @Test
        void aClientCannotRenameAnInternalFolder() {
            Folder internal = create("Internal", Optional.empty(), Visibility.TEAM);

            w.rejects(NotFoundException.class,
                    () -> folders.rename(w.f.carol, w.acme(), internal.id(), "Mine now", internal.version()));
        }
    }

    @Nested
    class Moving {

        @Test
        void aFolderMovesUnderAnotherParentAndBackToTheTop() {
            Folder a = top("A");
            Folder b = top("B");

            Folder moved = folders.move(w.f.bob, w.acme(), b.id(), Optional.of(a.id()), b.version());

            assertThat(moved.parentId()).contains(a.id());
            assertThat(names(Optional.of(a.id()), w.f.bob)).containsExactly("B");
            assertThat(names(Optional.empty(), w.f.bob)).containsExactly("A");
            Folder back = folders.move(w.f.bob, w.acme(), b.id(), Optional.empty(), moved.version());
            assertThat(back.parentId()).isEmpty();
            assertThat(w.f.events.ofType(FolderChanged.class)).extracting(FolderChanged::change).endsWith("moved", "moved");
        }

        @Test
        void aFolderCannotMoveIntoItself() {
            Folder a = top("A");

            ValidationException e = w.rejects(ValidationException.class,
                    () -> folders.move(w.f.bob, w.acme(), a.id(), Optional.of(a.id()), a.version()));

            assertThat(fieldsOf(e)).containsExactly("parent");
            assertThat(e.getMessage()).contains("into itself or below itself");
        }

        @Test
        void aFolderCannotMoveBelowItself() {
            Folder a = top("A");
            Folder b = create("B", Optional.of(a.id()), Visibility.CLIENT);
            Folder c = create("C", Optional.of(b.id()), Visibility.CLIENT);

            ValidationException e = w.rejects(ValidationException.class,
                    () -> folders.move(w.f.bob, w.acme(), a.id(), Optional.of(c.id()), a.version()));

            assertThat(fieldsOf(e)).containsExactly("parent");
        }

        @Test
        void aClientFolderCannotMoveIntoAnInternalFolder() {
            Folder shared = top("Shared");
            Folder internal = create("Internal", Optional.empty(), Visibility.TEAM);

            ValidationException e = w.rejects(ValidationException.class,
                    () -> folders.move(w.f.bob, w.acme(), shared.id(), Optional.of(internal.id()), shared.version()));

            assertThat(fieldsOf(e)).containsExactly("visibility");
        }

        @Test
        void movingNextToASiblingOfTheSameNameIsAConflict() {
            Folder a = top("A");
            create("Docs", Optional.of(a.id()), Visibility.CLIENT);
            Folder docs = top("Docs");

            ConflictException e = w.rejects(ConflictException.class,
                    () -> folders.move(w.f.bob, w.acme(), docs.id(), Optional.of(a.id()), docs.version()));

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
        }

        @Test
        void aStaleVersionIsAConflict() {
            Folder a = top("A");
            Folder b = top("B");
            folders.rename(w.f.bob, w.acme(), b.id(), "Bee", b.version());

            ConflictException e = w.rejects(ConflictException.class,
                    () -> folders.move(w.f.bob, w.acme(), b.id(), Optional.of(a.id()), b.version()));

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
        }
    }

    @Nested
    class Deleting {

        @Test
        void anEmptyFolderIsDeleted() {
            Folder folder = top("Old");

            folders.delete(w.f.bob, w.acme(), folder.id());

            assertThat(names(Optional.empty(), w.f.bob)).isEmpty();
            assertThat(w.f.head(w.acme()).action()).isEqualTo("folder.deleted");
            assertThat(w.f.events.ofType(FolderChanged.class)).extracting(FolderChanged::change).endsWith("deleted");
        }

        @Test
        void aFolderWithASubfolderIsNotDeleted() {
            Folder parent = top("Parent");
            create("Child", Optional.of(parent.id()), Visibility.CLIENT);

            ConflictException e = w.rejects(ConflictException.class, () -> folders.delete(w.f.bob, w.acme(), parent.id()));

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
            assertThat(e.getMessage()).contains("not empty");
        }

        @Test
        void aFolderWithAFileIsNotDeleted() {
            Folder folder = top("Docs");
            w.upload(w.f.bob, NewUpload.of("a.pdf", "application/pdf").in(folder.id()), SampleFiles.pdf());

            w.rejects(ConflictException.class, () -> folders.delete(w.f.bob, w.acme(), folder.id()));
        }

        @Test
        void aFolderWhoseOnlyFileIsTrashedIsNotDeleted() {
            Folder folder = top("Docs");
            FileAsset file = w.upload(w.f.bob, NewUpload.of("a.pdf", "application/pdf").in(folder.id()), SampleFiles.pdf());
            files.trash(w.f.bob, w.acme(), file.id());

            ConflictException e = w.rejects(ConflictException.class, () -> folders.delete(w.f.bob, w.acme(), folder.id()));

            assertThat(e.getMessage()).contains("trashed files count");
        }

        @Test
        void aClientContributorMayNotDeleteFolders() {
            Folder folder = top("Docs");

            w.rejects(AccessDeniedException.class, () -> folders.delete(w.f.erin, w.acme(), folder.id()));
        }

        @Test
        void aClientCannotDeleteAnInternalFolderItCannotSee() {
            Folder internal = create("Internal", Optional.empty(), Visibility.TEAM);

            w.rejects(NotFoundException.class, () -> folders.delete(w.f.carol, w.acme(), internal.id()));
        }
    }

    @Nested
    class Listing {

        @Test
        void clientsNeverSeeInternalFolders() {
            top("Shared");
            create("Internal", Optional.empty(), Visibility.TEAM);

            assertThat(names(Optional.empty(), w.f.carol)).containsExactly("Shared");
            assertThat(names(Optional.empty(), w.f.dave)).containsExactly("Shared");
            assertThat(names(Optional.empty(), w.f.tom)).containsExactly("Internal", "Shared");
        }

        @Test
        void listingInsideAnInternalFolderIsNotFoundForAClient() {
            Folder internal = create("Internal", Optional.empty(), Visibility.TEAM);

            w.rejects(NotFoundException.class,
                    () -> folders.list(w.f.carol, w.acme(), Optional.of(internal.id()), PageRequest.first()));
        }

        @Test
        void pagesFollowEachOtherWithoutGapsOrRepeats() {
            for (String name : new String[] {"e", "a", "d", "c", "b"}) {
                top(name);
            }
            create("internal", Optional.empty(), Visibility.TEAM);

            var first = folders.list(w.f.carol, w.acme(), Optional.empty(), PageRequest.first(2));
            var second = folders.list(w.f.carol, w.acme(), Optional.empty(), PageRequest.after(first.nextCursor().orElseThrow(), 2));
            var third = folders.list(w.f.carol, w.acme(), Optional.empty(), PageRequest.after(second.nextCursor().orElseThrow(), 2));

            assertThat(first.items()).extracting(Folder::name).containsExactly("a", "b");
            assertThat(second.items()).extracting(Folder::name).containsExactly("c", "d");
            assertThat(third.items()).extracting(Folder::name).containsExactly("e");
            assertThat(third.hasNext()).isFalse();
        }

        @Test
        void someoneOutsideTheWorkspaceSeesNoFolders() {
            top("Shared");

            w.rejects(NotFoundException.class, () -> folders.list(w.f.zach, w.acme(), Optional.empty(), PageRequest.first()));
            w.rejects(NotFoundException.class, () -> folders.list(w.f.tina, w.acme(), Optional.empty(), PageRequest.first()));
        }
    }
}
