package io.clientworkspace.tck;

import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.Folder;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FileStore.FileCursor;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link FileStore}: files with versions, ids, tenant and workspace scope on every read
 * and write, append-only versions numbered 1, 2, 3... without gaps, files listed and paged by name then
 * id, counts with client-visible filtering, and {@code referencedBlobKeys} across tenants. Extend it and
 * implement {@link #createStores()}.
 */
public abstract class FileStoreContract extends StoreContractSupport {

    private static final Comparator<FileAsset> BY_NAME_THEN_ID =
            Comparator.comparing(FileAsset::name).thenComparing(FileAsset::id);

    private FileStore files() {
        return stores().require(FileStore.class);
    }

    /** Stores the file with its first version. */
    private FileAsset insert(FileAsset file) {
        return insert(file, data.firstVersion(file));
    }

    private FileAsset insert(FileAsset file, FileVersion first) {
        return inUnitOfWork(() -> files().insert(file, first));
    }

    private FileAsset update(FileAsset file) {
        return inUnitOfWork(() -> files().update(file));
    }

    private FileVersion append(FileVersion version) {
        return inUnitOfWork(() -> files().appendVersion(version));
    }

    private Folder storedFolder(Workspace workspace) {
        return inUnitOfWork(() -> stores().require(FolderStore.class).insert(data.folder(workspace.tenantId(), workspace.id())));
    }

    private FileVersion firstVersionOf(FileAsset file) {
        return files().findVersion(file.tenantId(), file.workspaceId(), file.id(), 1).orElseThrow();
    }

    private List<FileVersion> versions(FileAsset file) {
        return files().listVersions(file.tenantId(), file.workspaceId(), file.id(), 100);
    }

    private List<FileAsset> list(Workspace workspace, Optional<FolderId> folder) {
        return files().list(workspace.tenantId(), workspace.id(), folder, FileStatus.ACTIVE, false, Optional.empty(), 100);
    }

    private static FileCursor cursorOf(FileAsset file) {
        return new FileCursor(file.name(), file.id());
    }

    /** Inserts {@code count} active files at the top level in shuffled order; returns them by name, then id. */
    private List<FileAsset> insertShuffled(Workspace workspace, int count) {
        List<FileAsset> created = new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> data.file(workspace.tenantId(), workspace.id())).toList());
        Collections.shuffle(created);
        List<FileAsset> stored = new ArrayList<>(created.stream().map(this::insert).toList());
        stored.sort(BY_NAME_THEN_ID);
        return stored;
    }

    @Test
    void insertStoresVersionZeroAndTheFirstVersion() {
        Workspace workspace = storedWorkspace();
        FileAsset file = data.aFile(workspace.tenantId(), workspace.id()).version(3).build();
        FileVersion first = data.firstVersion(file);

        FileAsset stored = insert(file, first);

        assertThat(stored.version()).isZero();
        assertThat(files().find(workspace.tenantId(), workspace.id(), file.id())).get()
                .extracting(FileAsset::version).isEqualTo(0L);
        assertThat(files().findVersion(workspace.tenantId(), workspace.id(), file.id(), 1)).contains(first);
        assertThat(versions(stored)).containsExactly(first);
    }

    @Test
    void findReturnsTheInsertedFileWithEveryField() {
        Workspace workspace = storedWorkspace();
        Folder folder = storedFolder(workspace);
        FileAsset file = data.aFile(workspace.tenantId(), workspace.id()).in(folder.id()).internal()
                .name("Angebot für „Ærø“ – v1.pdf").build();

        FileAsset stored = insert(file);

        assertThat(stored).isEqualTo(file);
        assertThat(files().find(workspace.tenantId(), workspace.id(), file.id())).contains(file);
    }

    @Test
    void aTrashedFileAtTheTopLevelRoundTrips() {
        Workspace workspace = storedWorkspace();
        FileAsset file = data.aFile(workspace.tenantId(), workspace.id()).trashed().build();

        insert(file);

        assertThat(files().find(workspace.tenantId(), workspace.id(), file.id())).contains(file);
    }

    @Test
    void aVersionKeepsEveryFieldIncludingSizesBeyondFourGibibytes() {
        Workspace workspace = storedWorkspace();
        FileAsset file = data.file(workspace.tenantId(), workspace.id());
        FileVersion first = data.aFirstVersion(file).size(5_000_000_000L).name("Bericht – März.pdf")
                .types("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword")
                .build();

        insert(file, first);

        assertThat(files().findVersion(workspace.tenantId(), workspace.id(), file.id(), 1)).contains(first);
    }

    @Test
    void findOfAnUnknownIdOrVersionIsEmpty() {
        Workspace workspace = storedWorkspace();
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));

        assertThat(files().find(workspace.tenantId(), workspace.id(), data.fileId())).isEmpty();
        assertThat(files().findVersion(workspace.tenantId(), workspace.id(), file.id(), 2)).isEmpty();
        assertThat(files().findVersion(workspace.tenantId(), workspace.id(), data.fileId(), 1)).isEmpty();
        assertThat(files().listVersions(workspace.tenantId(), workspace.id(), data.fileId(), 10)).isEmpty();
    }

    @Test
    void insertOfATakenIdIsAlreadyExistsAndStoresNothing() {
        Workspace workspace = storedWorkspace();
        FileAsset first = insert(data.file(workspace.tenantId(), workspace.id()));
        FileVersion original = firstVersionOf(first);
        FileAsset clash = data.aFile(workspace.tenantId(), workspace.id()).id(first.id()).build();

        assertConflict(ALREADY_EXISTS, () -> insert(clash));

        assertThat(files().find(workspace.tenantId(), workspace.id(), first.id())).contains(first);
        assertThat(versions(first)).containsExactly(original);
        assertThat(files().count(workspace.tenantId(), workspace.id(), FileStatus.ACTIVE, false)).isEqualTo(1);
    }

    @Test
    void updateIncrementsTheVersionAndStoresEveryChangedField() {
        Workspace workspace = storedWorkspace();
        FileAsset stored = insert(data.file(workspace.tenantId(), workspace.id()));
        Instant later = stored.updatedAt().plusSeconds(60);
        FileAsset changed = stored.withLatest(2, "Renamed.pdf", later).withStatus(FileStatus.TRASHED, later);

        FileAsset updated = update(changed);

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated).usingRecursiveComparison().ignoringFields("version").isEqualTo(changed);
        assertThat(files().find(workspace.tenantId(), workspace.id(), stored.id())).contains(updated);
    }

    @Test
    void updateWithStaleVersionIsAConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        FileAsset stored = insert(data.file(workspace.tenantId(), workspace.id()));
        FileAsset current = update(stored.withStatus(FileStatus.TRASHED, stored.updatedAt().plusSeconds(1)));

        assertConflict(STALE_VERSION, () -> update(stored.withLatest(1, "Lost update.pdf", stored.updatedAt())));

        assertThat(files().find(workspace.tenantId(), workspace.id(), stored.id())).contains(current);
    }

    @Test
    void updateWithAVersionAheadOfTheStoredOneIsAConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        FileAsset stored = insert(data.file(workspace.tenantId(), workspace.id()));

        assertConflict(STALE_VERSION, () -> update(data.aFile(workspace.tenantId(), workspace.id()).id(stored.id())
                .version(stored.version() + 1).build()));

        assertThat(files().find(workspace.tenantId(), workspace.id(), stored.id())).contains(stored);
    }

    @Test
    void updateOfAMissingFileIsAStaleVersionConflictAndStoresNothing() {
        Workspace workspace = storedWorkspace();
        FileAsset missing = data.file(workspace.tenantId(), workspace.id());

        assertConflict(STALE_VERSION, () -> update(missing));

        assertThat(files().find(workspace.tenantId(), workspace.id(), missing.id())).isEmpty();
        assertThat(files().count(workspace.tenantId(), workspace.id(), FileStatus.ACTIVE, false)).isZero();
    }

    @Test
    void updateInAnotherWorkspaceOrTenantIsAConflictAndChangesNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Tenant otherTenant = storedTenant();
        FileAsset stored = insert(data.file(workspace.tenantId(), workspace.id()));

        assertConflict(STALE_VERSION, () -> update(data.aFile(tenant.id(), otherWorkspace.id()).id(stored.id())
                .name("Hijacked.pdf").build()));
        assertConflict(STALE_VERSION, () -> update(data.aFile(otherTenant.id(), workspace.id()).id(stored.id())
                .name("Hijacked.pdf").build()));

        assertThat(files().find(workspace.tenantId(), workspace.id(), stored.id())).contains(stored);
        assertThat(files().find(tenant.id(), otherWorkspace.id(), stored.id())).isEmpty();
        assertThat(files().find(otherTenant.id(), workspace.id(), stored.id())).isEmpty();
    }

    @Test
    void findForUpdateReturnsTheFileOutsideAndInsideAUnitOfWork() {
        Workspace workspace = storedWorkspace();
        FileAsset stored = insert(data.file(workspace.tenantId(), workspace.id()));

        assertThat(files().findForUpdate(workspace.tenantId(), workspace.id(), stored.id())).contains(stored);
        assertThat(inUnitOfWork(() -> files().findForUpdate(workspace.tenantId(), workspace.id(), stored.id())))
                .contains(stored);
        assertThat(inUnitOfWork(() -> files().findForUpdate(workspace.tenantId(), workspace.id(), data.fileId())))
                .isEmpty();
    }

    @Test
    void appendVersionAddsTheNextNumberAndListVersionsIsNewestFirst() {
        Workspace workspace = storedWorkspace();
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));
        FileVersion v1 = firstVersionOf(file);

        FileVersion v2 = append(data.versionAfter(v1));
        FileVersion v3 = append(data.versionAfter(v2));

        assertThat(v2.number()).isEqualTo(2);
        assertThat(v3.number()).isEqualTo(3);
        assertThat(versions(file)).containsExactly(v3, v2, v1);
        assertThat(files().findVersion(workspace.tenantId(), workspace.id(), file.id(), 2)).contains(v2);
    }

    @Test
    void appendingVersionsLeavesTheEarlierOnesAsTheyWere() {
        Workspace workspace = storedWorkspace();
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));
        FileVersion v1 = firstVersionOf(file);
        FileVersion v2 = append(data.versionAfter(v1));

        append(data.aVersionAfter(v2).blobKey(v1.blobKey()).sha256(v1.sha256()).size(v1.size()).build());

        assertThat(files().findVersion(workspace.tenantId(), workspace.id(), file.id(), 1)).contains(v1);
        assertThat(files().findVersion(workspace.tenantId(), workspace.id(), file.id(), 2)).contains(v2);
    }

    @Test
    void listVersionsReturnsAtMostLimitNewestVersions() {
        Workspace workspace = storedWorkspace();
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));
        List<FileVersion> all = new ArrayList<>(List.of(firstVersionOf(file)));
        for (int i = 0; i < 4; i++) {
            all.add(append(data.versionAfter(all.get(all.size() - 1))));
        }

        assertThat(files().listVersions(workspace.tenantId(), workspace.id(), file.id(), 2))
                .containsExactly(all.get(4), all.get(3));
    }

    @Test
    void appendVersionOfATakenNumberIsAStaleVersionConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));
        FileVersion v1 = firstVersionOf(file);
        FileVersion v2 = append(data.versionAfter(v1));

        assertConflict(STALE_VERSION, () -> append(data.versionAfter(v1)));
        assertConflict(STALE_VERSION, () -> append(data.aVersionAfter(v1).number(1).build()));

        assertThat(versions(file)).containsExactly(v2, v1);
    }

    @Test
    void appendVersionThatSkipsANumberIsAStaleVersionConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));
        FileVersion v1 = firstVersionOf(file);

        assertConflict(STALE_VERSION, () -> append(data.aVersionAfter(v1).number(3).build()));

        assertThat(versions(file)).containsExactly(v1);
    }

    @Test
    void appendVersionToAFileThatIsNotThereIsAStaleVersionConflict() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));
        FileVersion v1 = firstVersionOf(file);
        FileAsset missing = data.file(workspace.tenantId(), workspace.id());

        assertConflict(STALE_VERSION, () -> append(data.aVersionAfter(data.firstVersion(missing)).build()));
        assertConflict(STALE_VERSION, () -> append(data.aVersionAfter(data.firstVersion(
                data.aFile(tenant.id(), otherWorkspace.id()).id(file.id()).build())).build()));

        assertThat(files().listVersions(workspace.tenantId(), workspace.id(), missing.id(), 10)).isEmpty();
        assertThat(files().listVersions(tenant.id(), otherWorkspace.id(), file.id(), 10)).isEmpty();
        assertThat(versions(file)).containsExactly(v1);
    }

    @Test
    void readsWithAnotherTenantOrWorkspaceSeeNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Tenant otherTenant = storedTenant();
        Folder folder = storedFolder(workspace);
        FileAsset top = insert(data.file(workspace.tenantId(), workspace.id()));
        FileAsset inFolder = insert(data.aFile(workspace.tenantId(), workspace.id()).in(folder.id()).build());
        append(data.versionAfter(firstVersionOf(top)));

        for (TenantId t : List.of(tenant.id(), otherTenant.id())) {
            for (WorkspaceId w : List.of(otherWorkspace.id(), workspace.id())) {
                if (t.equals(tenant.id()) && w.equals(workspace.id())) {
                    continue;
                }
                for (FileAsset file : List.of(top, inFolder)) {
                    assertThat(files().find(t, w, file.id())).isEmpty();
                    assertThat(files().findVersion(t, w, file.id(), 1)).isEmpty();
                    assertThat(files().listVersions(t, w, file.id(), 10)).isEmpty();
                }
                assertThat(files().list(t, w, Optional.empty(), FileStatus.ACTIVE, false, Optional.empty(), 10)).isEmpty();
                assertThat(files().list(t, w, Optional.of(folder.id()), FileStatus.ACTIVE, false, Optional.empty(), 10))
                        .isEmpty();
                assertThat(files().count(t, w, FileStatus.ACTIVE, false)).isZero();
            }
        }
    }

    @Test
    void listOrdersFilesByName() {
        Workspace workspace = storedWorkspace();
        List<FileAsset> sorted = insertShuffled(workspace, 6);

        assertThat(list(workspace, Optional.empty())).containsExactlyElementsOf(sorted);
    }

    @Test
    void filesWithTheSameNameAreOrderedById() {
        Workspace workspace = storedWorkspace();
        String name = data.fileName();
        List<FileAsset> created = new ArrayList<>(IntStream.range(0, 5)
                .mapToObj(i -> data.aFile(workspace.tenantId(), workspace.id()).name(name).build()).toList());
        Collections.shuffle(created);
        created.forEach(this::insert);
        FileAsset before = insert(data.aFile(workspace.tenantId(), workspace.id()).name("a" + name).build());
        FileAsset after = insert(data.aFile(workspace.tenantId(), workspace.id()).name("z" + name).build());
        created.sort(BY_NAME_THEN_ID);

        List<FileAsset> expected = new ArrayList<>();
        expected.add(before);
        expected.addAll(created);
        expected.add(after);
        assertThat(list(workspace, Optional.empty())).containsExactlyElementsOf(expected);
    }

    @Test
    void listStartsStrictlyAfterTheCursorsNameAndId() {
        Workspace workspace = storedWorkspace();
        String name = data.fileName();
        List<FileAsset> sameName = new ArrayList<>(IntStream.range(0, 4)
                .mapToObj(i -> insert(data.aFile(workspace.tenantId(), workspace.id()).name(name).build())).toList());
        FileAsset later = insert(data.aFile(workspace.tenantId(), workspace.id()).name("z" + name).build());
        sameName.sort(BY_NAME_THEN_ID);

        assertThat(files().list(workspace.tenantId(), workspace.id(), Optional.empty(), FileStatus.ACTIVE, false,
                Optional.of(cursorOf(sameName.get(1))), 10))
                .containsExactly(sameName.get(2), sameName.get(3), later);
    }

    @Test
    void listReturnsAtMostLimitFiles() {
        Workspace workspace = storedWorkspace();
        List<FileAsset> sorted = insertShuffled(workspace, 6);

        assertThat(files().list(workspace.tenantId(), workspace.id(), Optional.empty(), FileStatus.ACTIVE, false,
                Optional.empty(), 4)).containsExactlyElementsOf(sorted.subList(0, 4));
    }

    @Test
    void walkingAllPagesYieldsEveryFileOnceInOrderEvenWhenNamesRepeat() {
        Workspace workspace = storedWorkspace();
        String repeated = data.fileName();
        List<FileAsset> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestData.FileAssetBuilder builder = data.aFile(workspace.tenantId(), workspace.id());
            if (i % 3 == 0) {
                builder.name(repeated);
            }
            all.add(builder.build());
        }
        Collections.shuffle(all);
        all.forEach(this::insert);
        all.sort(BY_NAME_THEN_ID);

        List<FileAsset> walked = new ArrayList<>();
        Optional<FileCursor> after = Optional.empty();
        while (true) {
            List<FileAsset> page = files().list(workspace.tenantId(), workspace.id(), Optional.empty(),
                    FileStatus.ACTIVE, false, after, 5);
            assertThat(page).hasSizeLessThanOrEqualTo(5);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            after = Optional.of(cursorOf(page.get(page.size() - 1)));
        }

        assertThat(walked).containsExactlyElementsOf(all);
    }

    @Test
    void listShowsOnlyTheFilesDirectlyInTheFolder() {
        Workspace workspace = storedWorkspace();
        Folder folder = storedFolder(workspace);
        Folder other = storedFolder(workspace);
        FileAsset top = insert(data.file(workspace.tenantId(), workspace.id()));
        FileAsset inFolder = insert(data.aFile(workspace.tenantId(), workspace.id()).in(folder.id()).build());
        FileAsset inOther = insert(data.aFile(workspace.tenantId(), workspace.id()).in(other.id()).build());

        assertThat(list(workspace, Optional.empty())).containsExactly(top);
        assertThat(list(workspace, Optional.of(folder.id()))).containsExactly(inFolder);
        assertThat(list(workspace, Optional.of(other.id()))).containsExactly(inOther);
    }

    @Test
    void listShowsOnlyFilesWithTheGivenStatus() {
        Workspace workspace = storedWorkspace();
        FileAsset active = insert(data.file(workspace.tenantId(), workspace.id()));
        FileAsset trashed = insert(data.aFile(workspace.tenantId(), workspace.id()).trashed().build());
        FileAsset trashedLater = update(insert(data.file(workspace.tenantId(), workspace.id()))
                .withStatus(FileStatus.TRASHED, data.instant()));

        assertThat(list(workspace, Optional.empty())).containsExactly(active);
        assertThat(files().list(workspace.tenantId(), workspace.id(), Optional.empty(), FileStatus.TRASHED, false,
                Optional.empty(), 10)).containsExactly(trashed, trashedLater);
    }

    @Test
    void clientVisibleOnlyLeavesOutInternalFilesAndPagesOverTheRest() {
        Workspace workspace = storedWorkspace();
        List<FileAsset> shared = new ArrayList<>();
        List<FileAsset> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            FileAsset file = insert(data.aFile(workspace.tenantId(), workspace.id())
                    .visibility(i % 2 == 0 ? Visibility.TEAM : Visibility.CLIENT).build());
            all.add(file);
            if (file.isClientVisible()) {
                shared.add(file);
            }
        }

        assertThat(files().list(workspace.tenantId(), workspace.id(), Optional.empty(), FileStatus.ACTIVE, true,
                Optional.empty(), 10)).containsExactlyElementsOf(shared);
        assertThat(files().list(workspace.tenantId(), workspace.id(), Optional.empty(), FileStatus.ACTIVE, true,
                Optional.empty(), 2)).containsExactlyElementsOf(shared.subList(0, 2));
        assertThat(files().list(workspace.tenantId(), workspace.id(), Optional.empty(), FileStatus.ACTIVE, true,
                Optional.of(cursorOf(shared.get(1))), 2)).containsExactly(shared.get(2));
        assertThat(list(workspace, Optional.empty())).containsExactlyElementsOf(all);
    }

    @Test
    void countCountsFilesOfTheStatusInEveryFolder() {
        Workspace workspace = storedWorkspace();
        Folder folder = storedFolder(workspace);
        insert(data.file(workspace.tenantId(), workspace.id()));
        insert(data.aFile(workspace.tenantId(), workspace.id()).in(folder.id()).build());
        insert(data.aFile(workspace.tenantId(), workspace.id()).in(folder.id()).internal().build());
        insert(data.aFile(workspace.tenantId(), workspace.id()).trashed().build());
        insert(data.aFile(workspace.tenantId(), workspace.id()).internal().trashed().build());

        assertThat(files().count(workspace.tenantId(), workspace.id(), FileStatus.ACTIVE, false)).isEqualTo(3);
        assertThat(files().count(workspace.tenantId(), workspace.id(), FileStatus.TRASHED, false)).isEqualTo(2);
    }

    @Test
    void countWithClientVisibleOnlyLeavesOutInternalFiles() {
        Workspace workspace = storedWorkspace();
        Folder folder = storedFolder(workspace);
        insert(data.file(workspace.tenantId(), workspace.id()));
        insert(data.aFile(workspace.tenantId(), workspace.id()).in(folder.id()).build());
        insert(data.aFile(workspace.tenantId(), workspace.id()).internal().build());
        insert(data.aFile(workspace.tenantId(), workspace.id()).in(folder.id()).internal().build());
        insert(data.aFile(workspace.tenantId(), workspace.id()).trashed().build());

        assertThat(files().count(workspace.tenantId(), workspace.id(), FileStatus.ACTIVE, true)).isEqualTo(2);
        assertThat(files().count(workspace.tenantId(), workspace.id(), FileStatus.TRASHED, true)).isEqualTo(1);
        assertThat(files().count(workspace.tenantId(), workspace.id(), FileStatus.ACTIVE, false)).isEqualTo(4);
    }

    @Test
    void countFollowsStatusChanges() {
        Workspace workspace = storedWorkspace();
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));
        insert(data.file(workspace.tenantId(), workspace.id()));

        update(file.withStatus(FileStatus.TRASHED, data.instant()));

        assertThat(files().count(workspace.tenantId(), workspace.id(), FileStatus.ACTIVE, false)).isEqualTo(1);
        assertThat(files().count(workspace.tenantId(), workspace.id(), FileStatus.TRASHED, false)).isEqualTo(1);
    }

    @Test
    void referencedBlobKeysFindsTheKeysOfEveryVersionInEveryTenant() {
        Workspace workspace = storedWorkspace();
        Workspace otherTenantsWorkspace = storedWorkspace();
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));
        FileVersion v1 = firstVersionOf(file);
        FileVersion v2 = append(data.versionAfter(v1));
        FileAsset theirs = insert(data.file(otherTenantsWorkspace.tenantId(), otherTenantsWorkspace.id()));
        FileVersion theirV1 = firstVersionOf(theirs);
        String orphan = data.blobKey();

        Set<String> used = files().referencedBlobKeys(List.of(v1.blobKey(), v2.blobKey(), theirV1.blobKey(), orphan));

        assertThat(used).containsExactlyInAnyOrder(v1.blobKey(), v2.blobKey(), theirV1.blobKey());
    }

    @Test
    void referencedBlobKeysIncludesKeysOfTrashedFiles() {
        Workspace workspace = storedWorkspace();
        FileAsset file = insert(data.aFile(workspace.tenantId(), workspace.id()).trashed().build());

        assertThat(files().referencedBlobKeys(List.of(firstVersionOf(file).blobKey())))
                .containsExactly(firstVersionOf(file).blobKey());
    }

    @Test
    void referencedBlobKeysOfUnknownOrNoKeysIsEmpty() {
        Workspace workspace = storedWorkspace();
        insert(data.file(workspace.tenantId(), workspace.id()));

        assertThat(files().referencedBlobKeys(List.of())).isEmpty();
        assertThat(files().referencedBlobKeys(List.of(data.blobKey(), data.blobKey()))).isEmpty();
    }

    @Test
    void referencedBlobKeysNamesAKeySharedByTwoVersionsOnce() {
        Workspace workspace = storedWorkspace();
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));
        FileVersion v1 = firstVersionOf(file);
        append(data.aVersionAfter(v1).blobKey(v1.blobKey()).sha256(v1.sha256()).build());

        assertThat(files().referencedBlobKeys(List.of(v1.blobKey(), v1.blobKey()))).containsExactly(v1.blobKey());
    }

    @Test
    void concurrentInsertsOfOneIdLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        FileId id = data.fileId();

        Concurrently.Outcomes<FileAsset> outcomes = Concurrently.run(i ->
                insert(data.aFile(workspace.tenantId(), workspace.id()).id(id).build()));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(ALREADY_EXISTS, failure));
        assertThat(list(workspace, Optional.empty())).containsExactly(outcomes.successes().get(0));
        assertThat(files().listVersions(workspace.tenantId(), workspace.id(), id, 10)).hasSize(1);
    }

    @Test
    void concurrentAppendsOfOneNumberLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));
        FileVersion v1 = firstVersionOf(file);

        Concurrently.Outcomes<FileVersion> outcomes = Concurrently.run(i -> append(data.versionAfter(v1)));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(versions(file)).containsExactly(outcomes.successes().get(0), v1);
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        FileAsset stored = insert(data.file(workspace.tenantId(), workspace.id()));

        Concurrently.Outcomes<FileAsset> outcomes = Concurrently.run(i ->
                update(stored.withLatest(1, "Writer " + i + ".pdf", stored.updatedAt())));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(files().find(workspace.tenantId(), workspace.id(), stored.id())).contains(outcomes.successes().get(0));
    }

    @Test
    void findForUpdateMakesAddingVersionsRunOneAfterAnother() {
        Workspace workspace = storedWorkspace();
        FileAsset stored = insert(data.file(workspace.tenantId(), workspace.id()));

        Concurrently.Outcomes<FileVersion> outcomes = Concurrently.run(i -> inUnitOfWork(() -> {
            FileAsset current = files().findForUpdate(workspace.tenantId(), workspace.id(), stored.id()).orElseThrow();
            FileVersion latest = files().findVersion(workspace.tenantId(), workspace.id(), stored.id(),
                    current.latestVersion()).orElseThrow();
            FileVersion added = files().appendVersion(data.versionAfter(latest));
            files().update(current.withLatest(added.number(), added.name(), added.uploadedAt()));
            return added;
        }));

        assertThat(outcomes.failures()).as("a locked read-modify-write never sees a stale version").isEmpty();
        assertThat(outcomes.successes()).extracting(FileVersion::number)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, Concurrently.THREADS + 1).boxed().toList());
        assertThat(files().find(workspace.tenantId(), workspace.id(), stored.id())).get()
                .extracting(FileAsset::latestVersion, FileAsset::version)
                .containsExactly(Concurrently.THREADS + 1, (long) Concurrently.THREADS);
        assertThat(versions(stored)).hasSize(Concurrently.THREADS + 1);
    }

    // ------------------------------------------------------------------------------------------ delete, usedBytes

    private void delete(FileAsset file, long expectedVersion) {
        runInUnitOfWork(() -> files().delete(file.tenantId(), file.workspaceId(), file.id(), expectedVersion));
    }

    @Test
    void deleteRemovesTheFileAndEveryVersion() {
        Workspace workspace = storedWorkspace();
        FileAsset file = insert(data.aFile(workspace.tenantId(), workspace.id()).trashed().build());
        FileVersion v1 = firstVersionOf(file);
        FileVersion v2 = append(data.versionAfter(v1));

        delete(file, file.version());

        assertThat(files().find(workspace.tenantId(), workspace.id(), file.id())).isEmpty();
        assertThat(files().findVersion(workspace.tenantId(), workspace.id(), file.id(), 1)).isEmpty();
        assertThat(versions(file)).isEmpty();
        assertThat(files().referencedBlobKeys(List.of(v1.blobKey(), v2.blobKey()))).isEmpty();
        assertThat(files().count(workspace.tenantId(), workspace.id(), FileStatus.TRASHED, false)).isZero();
    }

    @Test
    void deleteLeavesTheWorkspacesOtherFilesAlone() {
        Workspace workspace = storedWorkspace();
        FileAsset doomed = insert(data.file(workspace.tenantId(), workspace.id()));
        FileAsset kept = insert(data.file(workspace.tenantId(), workspace.id()));

        delete(doomed, doomed.version());

        assertThat(list(workspace, Optional.empty())).containsExactly(kept);
        assertThat(versions(kept)).hasSize(1);
    }

    @Test
    void deleteWithStaleVersionIsAConflictAndDeletesNothing() {
        Workspace workspace = storedWorkspace();
        FileAsset stored = insert(data.file(workspace.tenantId(), workspace.id()));
        FileAsset current = update(stored.withStatus(FileStatus.TRASHED, stored.updatedAt().plusSeconds(1)));

        assertConflict(STALE_VERSION, () -> delete(stored, stored.version()));

        assertThat(files().find(workspace.tenantId(), workspace.id(), stored.id())).contains(current);
        assertThat(versions(stored)).hasSize(1);
    }

    @Test
    void deleteOfAnUnknownFileIsAConflict() {
        Workspace workspace = storedWorkspace();

        assertConflict(STALE_VERSION, () -> delete(data.file(workspace.tenantId(), workspace.id()), 0));
    }

    @Test
    void deleteWithAnotherTenantOrWorkspaceDeletesNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Tenant otherTenant = storedTenant();
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));

        assertConflict(STALE_VERSION, () -> runInUnitOfWork(() ->
                files().delete(tenant.id(), otherWorkspace.id(), file.id(), file.version())));
        assertConflict(STALE_VERSION, () -> runInUnitOfWork(() ->
                files().delete(otherTenant.id(), workspace.id(), file.id(), file.version())));

        assertThat(files().find(workspace.tenantId(), workspace.id(), file.id())).contains(file);
        assertThat(versions(file)).hasSize(1);
    }

    @Test
    void deleteRollsBackWithItsUnitOfWork() {
        Workspace workspace = storedWorkspace();
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));
        FileVersion v2 = append(data.versionAfter(firstVersionOf(file)));

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> runInUnitOfWork(() -> {
            files().delete(file.tenantId(), file.workspaceId(), file.id(), file.version());
            throw new IllegalStateException("roll back");
        }));

        assertThat(thrown).hasMessage("roll back");
        assertThat(files().find(workspace.tenantId(), workspace.id(), file.id())).contains(file);
        assertThat(versions(file)).hasSize(2).contains(v2);
    }

    @Test
    void concurrentDeletesLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        FileAsset file = insert(data.file(workspace.tenantId(), workspace.id()));

        Concurrently.Outcomes<Boolean> outcomes = Concurrently.run(i -> {
            delete(file, file.version());
            return true;
        });

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(files().find(workspace.tenantId(), workspace.id(), file.id())).isEmpty();
    }

    @Test
    void usedBytesOfAWorkspaceWithoutFilesIsZero() {
        Workspace workspace = storedWorkspace();

        assertThat(files().usedBytes(workspace.tenantId(), workspace.id())).isZero();
    }

    @Test
    void usedBytesSumsEveryVersionOfEveryFileWhateverItsStatusOrVisibility() {
        Workspace workspace = storedWorkspace();
        FileAsset active = data.file(workspace.tenantId(), workspace.id());
        insert(active, data.aFirstVersion(active).size(100).build());
        FileAsset trashedInternal = data.aFile(workspace.tenantId(), workspace.id()).trashed().internal().build();
        FileVersion first = data.aFirstVersion(trashedInternal).size(20).build();
        insert(trashedInternal, first);
        append(data.aVersionAfter(first).size(5_000_000_000L).build());

        assertThat(files().usedBytes(workspace.tenantId(), workspace.id())).isEqualTo(5_000_000_120L);
    }

    @Test
    void usedBytesCountsABlobSharedByTwoVersionsOfAFileOnce() {
        Workspace workspace = storedWorkspace();
        FileAsset file = data.file(workspace.tenantId(), workspace.id());
        FileVersion v1 = data.aFirstVersion(file).size(300).build();
        insert(file, v1);
        FileVersion v2 = append(data.aVersionAfter(v1).size(50).build());
        append(data.aVersionAfter(v2).blobKey(v1.blobKey()).sha256(v1.sha256()).size(300).build());

        assertThat(files().usedBytes(workspace.tenantId(), workspace.id())).isEqualTo(350);
    }

    @Test
    void clientVisibleBytesSumsOnlyActiveClientVisibleFiles() {
        Workspace workspace = storedWorkspace();
        FileAsset shared = data.file(workspace.tenantId(), workspace.id());
        FileVersion sharedFirst = data.aFirstVersion(shared).size(100).build();
        insert(shared, sharedFirst);
        append(data.aVersionAfter(sharedFirst).blobKey(sharedFirst.blobKey()).sha256(sharedFirst.sha256()).size(100).build());
        FileAsset trashedShared = data.aFile(workspace.tenantId(), workspace.id()).trashed().build();
        insert(trashedShared, data.aFirstVersion(trashedShared).size(30).build());
        FileAsset internal = data.aFile(workspace.tenantId(), workspace.id()).internal().build();
        insert(internal, data.aFirstVersion(internal).size(5_000).build());
        Workspace otherTenantsWorkspace = storedWorkspace(storedTenant());
        FileAsset foreign = data.file(otherTenantsWorkspace.tenantId(), otherTenantsWorkspace.id());
        insert(foreign, data.aFirstVersion(foreign).size(700).build());

        assertThat(files().clientVisibleBytes(workspace.tenantId(), workspace.id())).isEqualTo(100);
        assertThat(files().usedBytes(workspace.tenantId(), workspace.id())).isEqualTo(5_130);
        assertThat(files().clientVisibleBytes(otherTenantsWorkspace.tenantId(), workspace.id())).isZero();
    }

    @Test
    void usedBytesCountsOnlyTheWorkspacesOwnFiles() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Workspace otherTenantsWorkspace = storedWorkspace(storedTenant());
        for (Workspace w : List.of(workspace, otherWorkspace, otherTenantsWorkspace)) {
            FileAsset file = data.file(w.tenantId(), w.id());
            insert(file, data.aFirstVersion(file).size(w == workspace ? 7 : 1_000).build());
        }

        assertThat(files().usedBytes(workspace.tenantId(), workspace.id())).isEqualTo(7);
        assertThat(files().usedBytes(otherTenantsWorkspace.tenantId(), workspace.id())).isZero();
    }

    @Test
    void usedBytesDropsWhenAFileIsDeleted() {
        Workspace workspace = storedWorkspace();
        FileAsset file = data.file(workspace.tenantId(), workspace.id());
        insert(file, data.aFirstVersion(file).size(64).build());

        delete(file, file.version());

        assertThat(files().usedBytes(workspace.tenantId(), workspace.id())).isZero();
    }
}
