package io.clientworkspace.file;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.tck.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
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
 * Internal ({@link Visibility#TEAM}) folders and files do not exist for clients: not in any list, count,
 * lookup, activity feed or client-visible event, and every operation on them answers "not found".
 */
class FileVisibilityTest {

    @TempDir
    Path blobDir;

    private FileWorld w;
    private FileService files;
    private FolderService folders;
    private DownloadService downloads;
    private Folder shared;
    private Folder internalFolder;
    private FileAsset sharedTop;
    private FileAsset internalTop;
    private FileAsset sharedInFolder;
    private FileAsset internalInSharedFolder;
    private FileAsset internalInInternalFolder;
    private Set<String> internalIds;

    @BeforeEach
    void setUp() {
        w = FileWorld.create(blobDir);
        files = w.files;
        folders = w.folders;
        downloads = w.downloads;
        shared = folders.create(w.f.bob, w.acme(), "Shared", Optional.empty(), Visibility.CLIENT);
        internalFolder = folders.create(w.f.bob, w.acme(), "Internal", Optional.empty(), Visibility.TEAM);
        sharedTop = w.upload(w.f.bob, NewUpload.of("brief.pdf", "application/pdf"), SampleFiles.pdf("brief"));
        internalTop = w.upload(w.f.bob, NewUpload.of("margins.csv", "text/csv").internal(), SampleFiles.csv());
        sharedInFolder = w.upload(w.f.bob, NewUpload.of("logo.png", "image/png").in(shared.id()), SampleFiles.png());
        internalInSharedFolder = w.upload(w.f.tom, NewUpload.of("draft.pdf", "application/pdf").in(shared.id()).internal(),
                SampleFiles.pdf("draft"));
        internalInInternalFolder = w.upload(w.f.tom, NewUpload.of("notes.txt", "text/plain").in(internalFolder.id()).internal(),
                SampleFiles.text("do not show the client"));
        w.uploadVersion(w.f.bob, internalTop.id(), "margins.csv", SampleFiles.text("a,b\n"));
        files.trash(w.f.bob, w.acme(), internalInSharedFolder.id());
        files.restore(w.f.bob, w.acme(), internalInSharedFolder.id());
        Folder sub = folders.create(w.f.bob, w.acme(), "Sub", Optional.of(internalFolder.id()), Visibility.TEAM);
        w.download(w.f.tom, internalTop.id(), OptionalInt.empty());
        w.download(w.f.carol, sharedTop.id(), OptionalInt.empty());
        internalIds = Set.of(internalFolder.id().value(), sub.id().value(), internalTop.id().value(),
                internalInSharedFolder.id().value(), internalInInternalFolder.id().value());
    }

    private List<Actor> clients() {
        return List.of(w.f.carol, w.f.erin, w.f.dave);
    }

    private static List<FileId> ids(List<FileAsset> list) {
        return list.stream().map(FileAsset::id).toList();
    }

    @Test
    void clientsListOnlyClientFilesAndFolders() {
        for (Actor client : clients()) {
            assertThat(ids(files.list(client, w.acme(), Optional.empty(), PageRequest.first()).items()))
                    .as(client.toString()).containsExactly(sharedTop.id());
            assertThat(ids(files.list(client, w.acme(), Optional.of(shared.id()), PageRequest.first()).items()))
                    .as(client.toString()).containsExactly(sharedInFolder.id());
            assertThat(folders.list(client, w.acme(), Optional.empty(), PageRequest.first()).items())
                    .extracting(Folder::id).containsExactly(shared.id());
        }
    }

    @Test
    void theTeamListsEverything() {
        assertThat(ids(files.list(w.f.tom, w.acme(), Optional.empty(), PageRequest.first()).items()))
                .containsExactlyInAnyOrder(sharedTop.id(), internalTop.id());
        assertThat(ids(files.list(w.f.tom, w.acme(), Optional.of(shared.id()), PageRequest.first()).items()))
                .containsExactlyInAnyOrder(sharedInFolder.id(), internalInSharedFolder.id());
        assertThat(folders.list(w.f.tom, w.acme(), Optional.empty(), PageRequest.first()).items())
                .extracting(Folder::id).containsExactlyInAnyOrder(shared.id(), internalFolder.id());
    }

    @Test
    void clientsCountOnlyClientFiles() {
        for (Actor client : clients()) {
            assertThat(files.count(client, w.acme())).as(client.toString()).isEqualTo(2);
        }
        assertThat(files.count(w.f.bob, w.acme())).isEqualTo(5);
    }

    @Test
    void clientsSeeNoTrashAtAllAndTheTeamSeesEveryTrashedFile() {
        files.trash(w.f.bob, w.acme(), internalTop.id());
        files.trash(w.f.bob, w.acme(), sharedTop.id());

        assertThat(ids(files.trash(w.f.carol, w.acme(), Optional.empty(), PageRequest.first()).items())).isEmpty();
        assertThat(ids(files.trash(w.f.bob, w.acme(), Optional.empty(), PageRequest.first()).items()))
                .containsExactlyInAnyOrder(sharedTop.id(), internalTop.id());
    }

    @Test
    void aPageOfClientFilesIsFullEvenWithInternalFilesBetween() {
        for (int i = 0; i < 4; i++) {
            w.upload(w.f.bob, NewUpload.of("a" + i + ".pdf", "application/pdf"), SampleFiles.pdf("a" + i));
            w.upload(w.f.bob, NewUpload.of("a" + i + "x.pdf", "application/pdf").internal(), SampleFiles.pdf("x" + i));
        }

        var first = files.list(w.f.carol, w.acme(), Optional.empty(), PageRequest.first(3));
        var second = files.list(w.f.carol, w.acme(), Optional.empty(), PageRequest.after(first.nextCursor().orElseThrow(), 3));

        assertThat(first.items()).extracting(FileAsset::name).containsExactly("a0.pdf", "a1.pdf", "a2.pdf");
        assertThat(second.items()).extracting(FileAsset::name).containsExactly("a3.pdf", "brief.pdf");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void anInternalFileDoesNotExistForAClient() {
        for (Actor client : clients()) {
            for (FileAsset internal : List.of(internalTop, internalInSharedFolder, internalInInternalFolder)) {
                FileId id = internal.id();
                assertThat(files.find(client, w.acme(), id)).isEmpty();
                assertThatThrownBy(() -> files.get(client, w.acme(), id)).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> files.versions(client, w.acme(), id)).isInstanceOf(NotFoundException.class);
                w.rejects(NotFoundException.class, () -> downloads.download(client, w.acme(), id, OptionalInt.empty()));
                w.rejects(NotFoundException.class, () -> downloads.download(client, w.acme(), id, OptionalInt.of(1)));
            }
        }
    }

    @Test
    void aClientCannotChangeAnInternalFileItCannotSee() {
        FileId id = internalTop.id();

        w.rejects(NotFoundException.class, () -> w.uploadVersion(w.f.carol, id, "margins.csv", SampleFiles.csv()));
        w.rejects(NotFoundException.class, () -> files.restoreVersion(w.f.carol, w.acme(), id, 1));
        w.rejects(NotFoundException.class, () -> files.trash(w.f.carol, w.acme(), id));
        w.rejects(NotFoundException.class, () -> files.restore(w.f.carol, w.acme(), id));
    }

    @Test
    void theNotFoundForAnInternalFileReadsLikeTheOneForAMissingFile() {
        NotFoundException hidden = w.rejects(NotFoundException.class, () -> files.get(w.f.carol, w.acme(), internalTop.id()));
        NotFoundException missing = w.rejects(NotFoundException.class,
                () -> files.get(w.f.carol, w.acme(), FileId.of("no-such-file")));

        assertThat(hidden.resourceType()).isEqualTo(missing.resourceType());
        assertThat(hidden.getMessage().replace(internalTop.id().value(), "ID"))
                .isEqualTo(missing.getMessage().replace("no-such-file", "ID"));
    }

    @Test
    void aClientCannotLookIntoOrUploadIntoAnInternalFolder() {
        FolderId id = internalFolder.id();

        w.rejects(NotFoundException.class, () -> files.list(w.f.carol, w.acme(), Optional.of(id), PageRequest.first()));
        w.rejects(NotFoundException.class, () -> folders.list(w.f.carol, w.acme(), Optional.of(id), PageRequest.first()));
        w.rejects(NotFoundException.class, () -> w.upload(w.f.carol, NewUpload.of("x.pdf", "application/pdf").in(id),
                SampleFiles.pdf()));
    }

    @Test
    void aClientsActivityFeedHoldsNothingAboutInternalItemsOrDownloads() {
        for (Actor client : clients()) {
            List<ActivityEntry> feed = w.f.kit.activity().feed(client, w.acme(), PageRequest.first(500)).items();

            assertThat(feed).as(client.toString()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.visibility()).isEqualTo(Visibility.CLIENT);
                assertThat(internalIds).doesNotContain(e.targetId());
                assertThat(e.action()).isNotEqualTo("file.downloaded");
                assertThat(e.details().values()).doesNotContain("margins.csv", "draft.pdf", "notes.txt", "Internal", "Sub");
            });
            assertThat(feed).extracting(ActivityEntry::targetId)
                    .contains(shared.id().value(), sharedTop.id().value(), sharedInFolder.id().value());
        }
    }

    @Test
    void theTeamsActivityFeedHoldsEverything() {
        List<ActivityEntry> feed = w.f.kit.activity().feed(w.f.tom, w.acme(), PageRequest.first(500)).items();

        assertThat(feed).extracting(ActivityEntry::targetId).containsAll(internalIds);
        assertThat(feed).extracting(ActivityEntry::action).contains("file.downloaded", "file.trashed", "file.restored",
                "file.version-added", "folder.created");
    }

    @Test
    void everyEventAboutAnInternalItemOrADownloadIsMarkedInternalAndEveryOtherClientVisible() {
        List<FileEvent> events = w.f.events.ofType(FileEvent.class);

        assertThat(events).hasSizeGreaterThan(10).allSatisfy(e -> {
            boolean internal = internalIds.contains(subject(e)) || e instanceof FileEvent.FileDownloaded;
            assertThat(e.visibility()).as(e.toString()).isEqualTo(internal ? Visibility.TEAM : Visibility.CLIENT);
        });
        assertThat(events).filteredOn(e -> e.visibility() == Visibility.TEAM).extracting(e -> e.getClass().getSimpleName())
                .contains("FolderChanged", "FileVersionAdded", "FileTrashedOrRestored", "FileDownloaded");
    }

    @Test
    void whatAClientWouldBeToldLeavesNoTraceOfInternalItems() {
        List<String> toClients = w.f.events.all().stream().filter(e -> e.visibility() == Visibility.CLIENT)
                .map(Object::toString).toList();

        assertThat(toClients).isNotEmpty().noneMatch(text -> internalIds.stream().anyMatch(text::contains)
                || text.contains("margins.csv") || text.contains("draft.pdf") || text.contains("notes.txt"));
    }

    @Test
    void aClientAdminWithDeleteRightsStillCannotTrashAnInternalFile() {
        w.rejects(NotFoundException.class, () -> files.trash(w.f.carol, w.acme(), internalInSharedFolder.id()));
    }

    @Test
    void aClientMayNotUploadAnInternalFile() {
        AccessDeniedException e = w.rejects(AccessDeniedException.class,
                () -> w.upload(w.f.carol, NewUpload.of("x.pdf", "application/pdf").internal(), SampleFiles.pdf()));

        assertThat(e.required()).isEqualTo("VIEW_INTERNAL");
    }

    private static String subject(FileEvent e) {
        if (e instanceof FileEvent.FileVersionAdded v) {
            return v.fileId().value();
        }
        if (e instanceof FileEvent.FileTrashedOrRestored t) {
            return t.fileId().value();
        }
        if (e instanceof FileEvent.FolderChanged c) {
            return c.folderId().value();
        }
        if (e instanceof FileEvent.FileDownloaded d) {
            return d.fileId().value();
        }
        return "";
    }
}
