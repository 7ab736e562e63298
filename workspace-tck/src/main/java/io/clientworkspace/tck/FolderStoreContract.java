package io.clientworkspace.tck;

import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.file.Folder;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link FolderStore}: versions, ids, names unique among siblings (at the top level
 * too), tenant and workspace scope on every read and write, children ordered and paged by name,
 * client-visible filtering, and {@code hasChildren} over folders and files. Extend it and implement
 * {@link #createStores()}.
 */
public abstract class FolderStoreContract extends StoreContractSupport {

    private FolderStore folders() {
        return stores().require(FolderStore.class);
    }

    private Folder insert(Folder folder) {
        return inUnitOfWork(() -> folders().insert(folder));
    }

    private Folder update(Folder folder) {
        return inUnitOfWork(() -> folders().update(folder));
    }

    private void delete(Folder folder, long expectedVersion) {
        runInUnitOfWork(() -> folders().delete(folder.tenantId(), folder.workspaceId(), folder.id(), expectedVersion));
    }

    private FileAsset storedFile(FileAsset file) {
        return inUnitOfWork(() -> stores().require(FileStore.class).insert(file, data.firstVersion(file)));
    }

    private List<Folder> children(Workspace workspace, Optional<FolderId> parent) {
        return folders().listChildren(workspace.tenantId(), workspace.id(), parent, false, Optional.empty(), 100);
    }

    private List<Folder> topLevel(Workspace workspace) {
        return children(workspace, Optional.empty());
    }

    /** Inserts {@code count} folders under {@code parent} in shuffled order; returns them sorted by name. */
    private List<Folder> insertShuffled(Workspace workspace, Optional<FolderId> parent, int count) {
        List<Folder> created = new ArrayList<>(IntStream.range(0, count).mapToObj(i -> {
            TestData.FolderBuilder builder = data.aFolder(workspace.tenantId(), workspace.id());
            parent.ifPresent(builder::parent);
            return builder.build();
        }).toList());
        Collections.shuffle(created);
        List<Folder> stored = new ArrayList<>(created.stream().map(this::insert).toList());
        stored.sort(Comparator.comparing(Folder::name));
        return stored;
    }

    @Test
    void insertStoresVersionZeroWhateverTheArgumentCarries() {
        Workspace workspace = storedWorkspace();

        Folder stored = insert(data.aFolder(workspace.tenantId(), workspace.id()).version(7).build());

        assertThat(stored.version()).isZero();
        assertThat(folders().find(workspace.tenantId(), workspace.id(), stored.id()))
                .get().extracting(Folder::version).isEqualTo(0L);
    }

    @Test
    void findReturnsTheInsertedFolderWithEveryField() {
        Workspace workspace = storedWorkspace();
        Folder parent = insert(data.aFolder(workspace.tenantId(), workspace.id()).name("Verträge & “Angebote”").build());
        Folder child = data.aFolder(workspace.tenantId(), workspace.id()).parent(parent.id()).internal()
                .name("Intern – 2030").build();

        Folder stored = insert(child);

        assertThat(stored).isEqualTo(child);
        assertThat(folders().find(workspace.tenantId(), workspace.id(), parent.id())).contains(parent);
        assertThat(folders().find(workspace.tenantId(), workspace.id(), child.id())).contains(child);
    }

    @Test
    void findOfAnUnknownIdIsEmpty() {
        Workspace workspace = storedWorkspace();
        insert(data.folder(workspace.tenantId(), workspace.id()));

        assertThat(folders().find(workspace.tenantId(), workspace.id(), data.folderId())).isEmpty();
    }

    @Test
    void insertOfATakenIdIsAlreadyExistsAndStoresNothing() {
        Workspace workspace = storedWorkspace();
        Folder first = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder clash = data.aFolder(workspace.tenantId(), workspace.id()).id(first.id()).build();

        assertConflict(ALREADY_EXISTS, () -> insert(clash));

        assertThat(folders().find(workspace.tenantId(), workspace.id(), first.id())).contains(first);
        assertThat(topLevel(workspace)).containsExactly(first);
    }

    @Test
    void insertOfASiblingNameAtTheTopLevelIsAlreadyExistsAndStoresNothing() {
        Workspace workspace = storedWorkspace();
        Folder first = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder clash = data.aFolder(workspace.tenantId(), workspace.id()).name(first.name()).build();

        assertConflict(ALREADY_EXISTS, () -> insert(clash));

        assertThat(folders().find(workspace.tenantId(), workspace.id(), clash.id())).isEmpty();
        assertThat(topLevel(workspace)).containsExactly(first);
    }

    @Test
    void insertOfASiblingNameInsideAFolderIsAlreadyExistsAndStoresNothing() {
        Workspace workspace = storedWorkspace();
        Folder parent = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder first = insert(data.folderIn(parent));
        Folder clash = data.aFolder(workspace.tenantId(), workspace.id()).parent(parent.id()).name(first.name()).build();

        assertConflict(ALREADY_EXISTS, () -> insert(clash));

        assertThat(folders().find(workspace.tenantId(), workspace.id(), clash.id())).isEmpty();
        assertThat(children(workspace, Optional.of(parent.id()))).containsExactly(first);
    }

    @Test
    void aClientVisibleAndAnInternalSiblingMayShareAName() {
        Workspace workspace = storedWorkspace();
        Folder internal = insert(data.aFolder(workspace.tenantId(), workspace.id()).name("Pricing").internal().build());

        Folder shared = insert(data.aFolder(workspace.tenantId(), workspace.id()).name("Pricing").build());

        assertThat(topLevel(workspace)).containsExactlyInAnyOrder(internal, shared);
        assertConflict(ALREADY_EXISTS, () -> insert(data.aFolder(workspace.tenantId(), workspace.id()).name("Pricing")
                .internal().build()));
        assertConflict(ALREADY_EXISTS, () -> insert(data.aFolder(workspace.tenantId(), workspace.id()).name("Pricing")
                .build()));
    }

    @Test
    void makingAFolderInternalNextToAnInternalSiblingOfTheSameNameIsAlreadyExistsAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        insert(data.aFolder(workspace.tenantId(), workspace.id()).name("Pricing").internal().build());
        Folder shared = insert(data.aFolder(workspace.tenantId(), workspace.id()).name("Pricing").build());

        assertConflict(ALREADY_EXISTS, () -> update(shared.withVisibility(Visibility.TEAM, "Pricing")));

        assertThat(folders().find(workspace.tenantId(), workspace.id(), shared.id())).contains(shared);
        Folder hidden = update(shared.withVisibility(Visibility.TEAM, "Pricing (2)"));
        assertThat(hidden.visibility()).isEqualTo(Visibility.TEAM);
        assertThat(hidden.version()).isEqualTo(1);
    }

    @Test
    void listChildrenAfterPagesByNameThenIdThroughSiblingsOfTheSameName() {
        Workspace workspace = storedWorkspace();
        List<Folder> stored = new ArrayList<>();
        for (String name : List.of("b", "a", "c")) {
            stored.add(insert(data.aFolder(workspace.tenantId(), workspace.id()).name(name).internal().build()));
            stored.add(insert(data.aFolder(workspace.tenantId(), workspace.id()).name(name).build()));
        }
        stored.sort(Comparator.comparing(Folder::name).thenComparing(f -> f.id().value()));

        List<Folder> walked = new ArrayList<>();
        Optional<FolderStore.FolderCursor> after = Optional.empty();
        while (true) {
            List<Folder> page = folders().listChildrenAfter(workspace.tenantId(), workspace.id(), Optional.empty(),
                    false, after, 1);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            Folder last = page.get(page.size() - 1);
            after = Optional.of(new FolderStore.FolderCursor(last.name(), last.id()));
        }

        assertThat(walked).containsExactlyElementsOf(stored);
        assertThat(folders().listChildrenAfter(workspace.tenantId(), workspace.id(), Optional.empty(), true,
                Optional.empty(), 10)).extracting(Folder::name).containsExactly("a", "b", "c");
    }

    @Test
    void aNameMayRepeatUnderAnotherParentOrInAnotherWorkspace() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Workspace otherTenantsWorkspace = storedWorkspace();
        Folder top = insert(data.folder(workspace.tenantId(), workspace.id()));
        String name = top.name();

        Folder nested = insert(data.aFolder(workspace.tenantId(), workspace.id()).parent(top.id()).name(name).build());
        Folder deeper = insert(data.aFolder(workspace.tenantId(), workspace.id()).parent(nested.id()).name(name).build());
        Folder elsewhere = insert(data.aFolder(otherWorkspace.tenantId(), otherWorkspace.id()).name(name).build());
        Folder otherTenant = insert(data.aFolder(otherTenantsWorkspace.tenantId(), otherTenantsWorkspace.id())
                .name(name).build());

        assertThat(topLevel(workspace)).containsExactly(top);
        assertThat(children(workspace, Optional.of(top.id()))).containsExactly(nested);
        assertThat(children(workspace, Optional.of(nested.id()))).containsExactly(deeper);
        assertThat(topLevel(otherWorkspace)).containsExactly(elsewhere);
        assertThat(topLevel(otherTenantsWorkspace)).containsExactly(otherTenant);
    }

    @Test
    void updateIncrementsTheVersionAndStoresANewNameAndParent() {
        Workspace workspace = storedWorkspace();
        Folder target = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder stored = insert(data.folder(workspace.tenantId(), workspace.id()));

        Folder renamed = update(stored.withName("Renamed"));
        Folder moved = update(renamed.withParent(Optional.of(target.id())));

        assertThat(renamed.version()).isEqualTo(1);
        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved).usingRecursiveComparison().ignoringFields("version")
                .isEqualTo(stored.withName("Renamed").withParent(Optional.of(target.id())));
        assertThat(folders().find(workspace.tenantId(), workspace.id(), stored.id())).contains(moved);
        assertThat(topLevel(workspace)).containsExactly(target);
        assertThat(children(workspace, Optional.of(target.id()))).containsExactly(moved);
    }

    @Test
    void aFolderMayBeMovedBackToTheTopLevel() {
        Workspace workspace = storedWorkspace();
        Folder parent = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder child = insert(data.folderIn(parent));

        Folder moved = update(child.withParent(Optional.empty()));

        assertThat(moved.parentId()).isEmpty();
        assertThat(topLevel(workspace)).containsExactlyInAnyOrder(parent, moved);
        assertThat(children(workspace, Optional.of(parent.id()))).isEmpty();
    }

    @Test
    void updateKeepingItsOwnNameIsNoClash() {
        Workspace workspace = storedWorkspace();
        Folder stored = insert(data.folder(workspace.tenantId(), workspace.id()));

        Folder updated = update(stored.withName(stored.name()));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.name()).isEqualTo(stored.name());
    }

    @Test
    void updateWithStaleVersionIsAConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        Folder stored = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder current = update(stored.withName("Current"));

        assertConflict(STALE_VERSION, () -> update(stored.withName("Lost update")));

        assertThat(folders().find(workspace.tenantId(), workspace.id(), stored.id())).contains(current);
    }

    @Test
    void updateWithAVersionAheadOfTheStoredOneIsAConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        Folder stored = insert(data.folder(workspace.tenantId(), workspace.id()));

        assertConflict(STALE_VERSION, () -> update(data.aFolder(workspace.tenantId(), workspace.id()).id(stored.id())
                .name("Ahead").version(stored.version() + 1).build()));

        assertThat(folders().find(workspace.tenantId(), workspace.id(), stored.id())).contains(stored);
    }

    @Test
    void updateOfAMissingFolderIsAStaleVersionConflictAndStoresNothing() {
        Workspace workspace = storedWorkspace();
        Folder missing = data.folder(workspace.tenantId(), workspace.id());

        assertConflict(STALE_VERSION, () -> update(missing));

        assertThat(folders().find(workspace.tenantId(), workspace.id(), missing.id())).isEmpty();
        assertThat(topLevel(workspace)).isEmpty();
    }

    @Test
    void updateInAnotherWorkspaceOrTenantIsAConflictAndChangesNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Workspace otherTenantsWorkspace = storedWorkspace();
        Folder stored = insert(data.folder(workspace.tenantId(), workspace.id()));

        assertConflict(STALE_VERSION, () -> update(data.aFolder(otherWorkspace.tenantId(), otherWorkspace.id())
                .id(stored.id()).name("Hijacked").build()));
        assertConflict(STALE_VERSION, () -> update(data.aFolder(otherTenantsWorkspace.tenantId(), workspace.id())
                .id(stored.id()).name("Hijacked").build()));

        assertThat(folders().find(workspace.tenantId(), workspace.id(), stored.id())).contains(stored);
        assertThat(topLevel(otherWorkspace)).isEmpty();
        assertThat(folders().find(otherTenantsWorkspace.tenantId(), workspace.id(), stored.id())).isEmpty();
    }

    @Test
    void renamingToASiblingsNameIsAlreadyExistsAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        Folder first = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder second = insert(data.folder(workspace.tenantId(), workspace.id()));

        assertConflict(ALREADY_EXISTS, () -> update(second.withName(first.name())));

        assertThat(folders().find(workspace.tenantId(), workspace.id(), second.id())).contains(second);
        assertThat(topLevel(workspace)).containsExactly(first, second);
    }

    @Test
    void movingNextToAFolderOfTheSameNameIsAlreadyExistsAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        Folder parent = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder inside = insert(data.folderIn(parent));
        Folder outside = insert(data.aFolder(workspace.tenantId(), workspace.id()).name(inside.name()).build());

        assertConflict(ALREADY_EXISTS, () -> update(outside.withParent(Optional.of(parent.id()))));
        assertConflict(ALREADY_EXISTS, () -> update(inside.withParent(Optional.empty())));

        assertThat(folders().find(workspace.tenantId(), workspace.id(), outside.id())).contains(outside);
        assertThat(folders().find(workspace.tenantId(), workspace.id(), inside.id())).contains(inside);
        assertThat(children(workspace, Optional.of(parent.id()))).containsExactly(inside);
    }

    @Test
    void deleteRemovesTheFolder() {
        Workspace workspace = storedWorkspace();
        Folder stored = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder keep = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder renamed = update(stored.withName(data.folderName()));

        delete(stored, renamed.version());

        assertThat(folders().find(workspace.tenantId(), workspace.id(), stored.id())).isEmpty();
        assertThat(topLevel(workspace)).containsExactly(keep);
    }

    @Test
    void aDeletedFoldersNameMayBeUsedAgain() {
        Workspace workspace = storedWorkspace();
        Folder stored = insert(data.folder(workspace.tenantId(), workspace.id()));
        delete(stored, stored.version());

        Folder again = insert(data.aFolder(workspace.tenantId(), workspace.id()).name(stored.name()).build());

        assertThat(topLevel(workspace)).containsExactly(again);
    }

    @Test
    void deleteWithStaleVersionIsAConflictAndKeepsTheFolder() {
        Workspace workspace = storedWorkspace();
        Folder stored = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder current = update(stored.withName(data.folderName()));

        assertConflict(STALE_VERSION, () -> delete(stored, stored.version()));

        assertThat(topLevel(workspace)).containsExactly(current);
    }

    @Test
    void deleteOfAMissingFolderIsAStaleVersionConflict() {
        Workspace workspace = storedWorkspace();
        Folder stored = insert(data.folder(workspace.tenantId(), workspace.id()));

        assertConflict(STALE_VERSION, () -> delete(data.folder(workspace.tenantId(), workspace.id()), 0));

        assertThat(topLevel(workspace)).containsExactly(stored);
    }

    @Test
    void deleteInAnotherWorkspaceOrTenantIsAConflictAndKeepsTheFolder() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Tenant otherTenant = storedTenant();
        Folder stored = insert(data.folder(workspace.tenantId(), workspace.id()));

        assertConflict(STALE_VERSION, () -> runInUnitOfWork(() ->
                folders().delete(tenant.id(), otherWorkspace.id(), stored.id(), stored.version())));
        assertConflict(STALE_VERSION, () -> runInUnitOfWork(() ->
                folders().delete(otherTenant.id(), workspace.id(), stored.id(), stored.version())));

        assertThat(topLevel(workspace)).containsExactly(stored);
    }

    @Test
    void readsWithAnotherTenantOrWorkspaceSeeNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Tenant otherTenant = storedTenant();
        Folder parent = insert(data.folder(workspace.tenantId(), workspace.id()));
        insert(data.folderIn(parent));

        for (TenantId t : List.of(tenant.id(), otherTenant.id())) {
            for (WorkspaceId w : List.of(otherWorkspace.id(), workspace.id())) {
                if (t.equals(tenant.id()) && w.equals(workspace.id())) {
                    continue;
                }
                assertThat(folders().find(t, w, parent.id())).isEmpty();
                assertThat(folders().listChildren(t, w, Optional.empty(), false, Optional.empty(), 10)).isEmpty();
                assertThat(folders().listChildren(t, w, Optional.of(parent.id()), false, Optional.empty(), 10)).isEmpty();
                assertThat(folders().hasChildren(t, w, parent.id())).isFalse();
            }
        }
    }

    @Test
    void listChildrenOrdersFoldersByName() {
        Workspace workspace = storedWorkspace();
        List<Folder> sorted = insertShuffled(workspace, Optional.empty(), 6);

        assertThat(topLevel(workspace)).containsExactlyElementsOf(sorted);
    }

    @Test
    void listChildrenStartsStrictlyAfterTheGivenName() {
        Workspace workspace = storedWorkspace();
        List<Folder> sorted = insertShuffled(workspace, Optional.empty(), 6);

        assertThat(folders().listChildren(workspace.tenantId(), workspace.id(), Optional.empty(), false,
                Optional.of(sorted.get(2).name()), 10)).containsExactlyElementsOf(sorted.subList(3, 6));
    }

    @Test
    void listChildrenReturnsAtMostLimitFolders() {
        Workspace workspace = storedWorkspace();
        List<Folder> sorted = insertShuffled(workspace, Optional.empty(), 6);

        assertThat(folders().listChildren(workspace.tenantId(), workspace.id(), Optional.empty(), false,
                Optional.empty(), 4)).containsExactlyElementsOf(sorted.subList(0, 4));
    }

    @Test
    void walkingAllPagesOfAFolderYieldsEveryChildOnceInOrder() {
        Workspace workspace = storedWorkspace();
        Folder parent = insert(data.folder(workspace.tenantId(), workspace.id()));
        List<Folder> sorted = insertShuffled(workspace, Optional.of(parent.id()), 11);

        List<Folder> walked = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (true) {
            List<Folder> page = folders().listChildren(workspace.tenantId(), workspace.id(), Optional.of(parent.id()),
                    false, after, 4);
            assertThat(page).hasSizeLessThanOrEqualTo(4);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            after = Optional.of(page.get(page.size() - 1).name());
        }

        assertThat(walked).containsExactlyElementsOf(sorted);
    }

    @Test
    void listChildrenShowsOnlyTheDirectChildrenOfTheParent() {
        Workspace workspace = storedWorkspace();
        Folder a = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder b = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder inA = insert(data.folderIn(a));
        Folder inInA = insert(data.folderIn(inA));
        Folder inB = insert(data.folderIn(b));

        assertThat(topLevel(workspace)).containsExactly(a, b);
        assertThat(children(workspace, Optional.of(a.id()))).containsExactly(inA);
        assertThat(children(workspace, Optional.of(inA.id()))).containsExactly(inInA);
        assertThat(children(workspace, Optional.of(b.id()))).containsExactly(inB);
        assertThat(children(workspace, Optional.of(inB.id()))).isEmpty();
    }

    @Test
    void clientVisibleOnlyLeavesOutInternalFolders() {
        Workspace workspace = storedWorkspace();
        Folder shared = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder internal = insert(data.aFolder(workspace.tenantId(), workspace.id()).internal().build());
        Folder sharedInside = insert(data.folderIn(shared));
        Folder internalInside = insert(data.aFolder(workspace.tenantId(), workspace.id()).parent(shared.id()).internal()
                .build());

        assertThat(folders().listChildren(workspace.tenantId(), workspace.id(), Optional.empty(), true,
                Optional.empty(), 10)).containsExactly(shared);
        assertThat(folders().listChildren(workspace.tenantId(), workspace.id(), Optional.of(shared.id()), true,
                Optional.empty(), 10)).containsExactly(sharedInside);
        assertThat(topLevel(workspace)).containsExactly(shared, internal);
        assertThat(children(workspace, Optional.of(shared.id()))).containsExactly(sharedInside, internalInside);
    }

    @Test
    void clientVisibleOnlyPagesCountOnlyClientVisibleFolders() {
        Workspace workspace = storedWorkspace();
        List<Folder> shared = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Folder folder = data.aFolder(workspace.tenantId(), workspace.id())
                    .visibility(i % 2 == 0 ? Visibility.TEAM : Visibility.CLIENT).build();
            insert(folder);
            if (folder.visibility() == Visibility.CLIENT) {
                shared.add(folder);
            }
        }

        assertThat(folders().listChildren(workspace.tenantId(), workspace.id(), Optional.empty(), true,
                Optional.empty(), 2)).containsExactlyElementsOf(shared.subList(0, 2));
        assertThat(folders().listChildren(workspace.tenantId(), workspace.id(), Optional.empty(), true,
                Optional.of(shared.get(1).name()), 2)).containsExactly(shared.get(2));
    }

    @Test
    void anEmptyFolderHasNoChildren() {
        Workspace workspace = storedWorkspace();
        Folder folder = insert(data.folder(workspace.tenantId(), workspace.id()));
        insert(data.folder(workspace.tenantId(), workspace.id()));
        storedFile(data.file(workspace.tenantId(), workspace.id()));

        assertThat(folders().hasChildren(workspace.tenantId(), workspace.id(), folder.id())).isFalse();
    }

    @Test
    void aFolderWithASubfolderHasChildren() {
        Workspace workspace = storedWorkspace();
        Folder folder = insert(data.folder(workspace.tenantId(), workspace.id()));
        insert(data.aFolder(workspace.tenantId(), workspace.id()).parent(folder.id()).internal().build());

        assertThat(folders().hasChildren(workspace.tenantId(), workspace.id(), folder.id())).isTrue();
    }

    @Test
    void aFolderWithAFileHasChildren() {
        Workspace workspace = storedWorkspace();
        Folder folder = insert(data.folder(workspace.tenantId(), workspace.id()));
        storedFile(data.aFile(workspace.tenantId(), workspace.id()).in(folder.id()).internal().build());

        assertThat(folders().hasChildren(workspace.tenantId(), workspace.id(), folder.id())).isTrue();
    }

    @Test
    void aTrashedFileStillCountsAsAChild() {
        Workspace workspace = storedWorkspace();
        Folder folder = insert(data.folder(workspace.tenantId(), workspace.id()));
        FileAsset file = storedFile(data.aFile(workspace.tenantId(), workspace.id()).in(folder.id()).build());
        inUnitOfWork(() -> stores().require(FileStore.class).update(file.withStatus(FileStatus.TRASHED, data.instant())));

        assertThat(folders().hasChildren(workspace.tenantId(), workspace.id(), folder.id())).isTrue();
    }

    @Test
    void aFolderWhoseOnlyChildMovedAwayHasNoChildren() {
        Workspace workspace = storedWorkspace();
        Folder folder = insert(data.folder(workspace.tenantId(), workspace.id()));
        Folder child = insert(data.folderIn(folder));

        update(child.withParent(Optional.empty()));

        assertThat(folders().hasChildren(workspace.tenantId(), workspace.id(), folder.id())).isFalse();
        assertThat(folders().hasChildren(workspace.tenantId(), workspace.id(), child.id())).isFalse();
    }

    @Test
    void concurrentInsertsOfOneNameAtTheTopLevelLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        String name = data.folderName();

        Concurrently.Outcomes<Folder> outcomes = Concurrently.run(i ->
                insert(data.aFolder(workspace.tenantId(), workspace.id()).name(name).build()));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(ALREADY_EXISTS, failure));
        assertThat(topLevel(workspace)).containsExactly(outcomes.successes().get(0));
    }

    @Test
    void concurrentInsertsOfOneNameInAFolderLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        Folder parent = insert(data.folder(workspace.tenantId(), workspace.id()));
        String name = data.folderName();

        Concurrently.Outcomes<Folder> outcomes = Concurrently.run(i ->
                insert(data.aFolder(workspace.tenantId(), workspace.id()).parent(parent.id()).name(name).build()));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(ALREADY_EXISTS, failure));
        assertThat(children(workspace, Optional.of(parent.id()))).containsExactly(outcomes.successes().get(0));
    }

    @Test
    void concurrentRenamesToOneNameLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        List<Folder> candidates = IntStream.range(0, Concurrently.THREADS)
                .mapToObj(i -> insert(data.folder(workspace.tenantId(), workspace.id()))).toList();
        String name = data.folderName();

        Concurrently.Outcomes<Folder> outcomes = Concurrently.run(i -> update(candidates.get(i).withName(name)));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(ALREADY_EXISTS, failure));
        assertThat(topLevel(workspace)).filteredOn(f -> f.name().equals(name))
                .containsExactly(outcomes.successes().get(0));
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        Folder stored = insert(data.folder(workspace.tenantId(), workspace.id()));

        Concurrently.Outcomes<Folder> outcomes = Concurrently.run(i -> update(stored.withName(data.folderName())));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(folders().find(workspace.tenantId(), workspace.id(), stored.id())).contains(outcomes.successes().get(0));
    }

    @Test
    void concurrentDeletesOfOneVersionLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        Folder stored = insert(data.folder(workspace.tenantId(), workspace.id()));

        Concurrently.Outcomes<Boolean> outcomes = Concurrently.run(i -> {
            delete(stored, stored.version());
            return true;
        });

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(topLevel(workspace)).isEmpty();
    }
}
