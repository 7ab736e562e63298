package io.clientworkspace.tck;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.Decision;
import io.clientworkspace.file.DownloadRecord;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.Folder;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.UnitOfWork;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract of {@link UnitOfWork} over all stores of one {@link Stores}: writes to every store made
 * inside {@code execute} are kept together when the work returns and all undone when it throws, the
 * failure reaches the caller unchanged, nested units of work join the outer one, and
 * {@link UnitOfWork#afterCommit} actions run after the outermost commit only; {@link UnitOfWork#isActive()}
 * tells a running unit of work, and {@linkplain UnitOfWork#resource resources} live exactly as long as the
 * outermost one (the permission cache relies on both to never keep an answer read from uncommitted data).
 * Extend it and implement {@link #createStores()}.
 */
public abstract class UnitOfWorkContract extends StoreContractSupport {

    private static final java.util.Set<io.clientworkspace.member.WorkspaceRole> ALL_ROLES =
            java.util.EnumSet.allOf(io.clientworkspace.member.WorkspaceRole.class);

    /** What the work in these tests throws. */
    private static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom() {
            super("the work failed on purpose");
        }
    }

    /** An {@link Error} thrown by the work. */
    private static final class FatalBoom extends Error {
        private static final long serialVersionUID = 1L;

        FatalBoom() {
            super("the work failed with an error on purpose");
        }
    }

    /**
     * Whether a nested unit of work that throws undoes only its own writes, like a savepoint, so that an
     * outer unit of work that catches the failure still commits its own writes. {@link UnitOfWork} also
     * allows the alternative of marking the whole unit of work rollback-only; an implementation that
     * does so overrides this hook to return {@code false}, which skips
     * {@code aCaughtNestedFailureIsUndoneLikeASavepoint} (the guarantee both share is still tested).
     * {@code true} by default.
     */
    protected boolean nestedFailuresAreUndoneLikeSavepoints() {
        return true;
    }

    private UnitOfWork unitOfWork() {
        return stores().unitOfWork();
    }

    /** Rows of every store, stored before the test's own unit of work. */
    private record Fixture(Tenant tenant, TeamMember admin, TeamMember manager, Workspace workspace,
                           Membership lead, Membership client, Invitation invitation, ActivityEntry head) {
    }

    /** Everything a fixture's rows look like in the stores at one moment. */
    private record Snapshot(Optional<Tenant> tenant, List<TeamMember> team, Optional<PermissionMatrix> matrix,
                            List<Workspace> workspaces, long workspaceCount, List<Membership> memberships,
                            Optional<Invitation> invitation, Optional<Invitation> invitationByToken,
                            List<ActivityEntry> activity) {
    }

    private Fixture storedFixture() {
        return inUnitOfWork(() -> {
            Stores s = stores();
            Tenant tenant = s.tenants().insert(data.tenant());
            TeamMember admin = s.team().insert(data.teamMember(tenant.id(), TenantRole.TENANT_ADMIN));
            TeamMember manager = s.team().insert(data.teamMember(tenant.id(), TenantRole.ACCOUNT_MANAGER));
            s.permissionMatrices().save(tenant.id(), PermissionMatrix.defaults()
                    .with(WorkspaceRole.CLIENT_VIEWER, EnumSet.of(Permission.VIEW_WORKSPACE, Permission.POST_MESSAGES)));
            Workspace workspace = s.workspaces().insert(data.workspace(tenant.id()));
            Membership lead = s.memberships().insert(data.aMembership(tenant.id(), workspace.id())
                    .userId(admin.userId()).role(WorkspaceRole.LEAD).build());
            Membership client = s.memberships().insert(data.membership(tenant.id(), workspace.id(),
                    WorkspaceRole.CLIENT_ADMIN));
            Invitation invitation = s.invitations().insert(data.invitation(tenant.id(), workspace.id()));
            ActivityEntry first = data.firstEntry(tenant.id(), workspace.id());
            s.activity().append(first);
            ActivityEntry head = data.entryAfter(first);
            s.activity().append(head);
            return new Fixture(tenant, admin, manager, workspace, lead, client, invitation, head);
        });
    }

    private Snapshot snapshot(Fixture f) {
        Stores s = stores();
        TenantId t = f.tenant().id();
        return new Snapshot(s.tenants().find(t), s.team().list(t, Optional.empty(), 100),
                s.permissionMatrices().find(t), s.workspaces().list(t, Optional.empty(), 100), s.workspaces().count(t),
                s.memberships().list(t, f.workspace().id(), Optional.empty(), 100),
                s.invitations().find(t, f.workspace().id(), f.invitation().id()),
                s.invitations().findByTokenHash(t, f.invitation().tokenHash()),
                s.activity().listOldestFirst(t, f.workspace().id(), 0, 100));
    }

    /** Writes one new row to every store; returns what to look for afterwards. */
    private NewRows writeNewRowsEverywhere(Fixture f) {
        Stores s = stores();
        Tenant tenant = s.tenants().insert(data.tenant());
        TeamMember member = s.team().insert(data.teamMember(tenant.id(), TenantRole.TENANT_ADMIN));
        s.permissionMatrices().save(tenant.id(), PermissionMatrix.defaults());
        Workspace workspace = s.workspaces().insert(data.workspace(tenant.id()));
        Membership membership = s.memberships().insert(data.membership(tenant.id(), workspace.id(), WorkspaceRole.LEAD));
        Invitation invitation = s.invitations().insert(data.invitation(tenant.id(), workspace.id()));
        ActivityEntry entry = data.firstEntry(tenant.id(), workspace.id());
        s.activity().append(entry);
        Folder folder = s.require(FolderStore.class).insert(data.folder(tenant.id(), workspace.id()));
        FileAsset file = data.aFile(tenant.id(), workspace.id()).in(folder.id()).build();
        FileVersion firstVersion = data.firstVersion(file);
        s.require(FileStore.class).insert(file, firstVersion);
        FileVersion secondVersion = s.require(FileStore.class).appendVersion(data.versionAfter(firstVersion));
        DownloadRecord download = data.download(file);
        s.require(DownloadLogStore.class).append(download);
        ApprovalRequest approval = s.require(ApprovalStore.class).insert(data.approvalOf(secondVersion));
        Decision decision = data.decision(approval, 1);
        s.require(ApprovalStore.class).appendDecision(decision);
        // ...and new rows next to the fixture's existing ones.
        Workspace sibling = s.workspaces().insert(data.workspace(f.tenant().id()));
        s.memberships().insert(data.membership(f.tenant().id(), f.workspace().id(), WorkspaceRole.CLIENT_VIEWER));
        s.activity().append(data.entryAfter(f.head()));
        return new NewRows(tenant, member, workspace, membership, invitation, entry, sibling,
                new NewFileRows(folder, file, firstVersion, secondVersion, download, approval, decision));
    }

    private record NewRows(Tenant tenant, TeamMember member, Workspace workspace, Membership membership,
                           Invitation invitation, ActivityEntry entry, Workspace sibling, NewFileRows files) {
    }

    /** The rows {@link #writeNewRowsEverywhere} writes to the folder, file, download and approval stores. */
    private record NewFileRows(Folder folder, FileAsset file, FileVersion firstVersion, FileVersion secondVersion,
                               DownloadRecord download, ApprovalRequest approval, Decision decision) {
    }

    private void assertAbsent(NewRows rows) {
        Stores s = stores();
        TenantId t = rows.tenant().id();
        assertThat(s.tenants().find(t)).as("tenant").isEmpty();
        assertThat(s.team().find(t, rows.member().userId())).as("team member").isEmpty();
        assertThat(s.permissionMatrices().find(t)).as("permission matrix").isEmpty();
        assertThat(s.workspaces().find(t, rows.workspace().id())).as("workspace").isEmpty();
        assertThat(s.workspaces().findBySlug(t, rows.workspace().slug())).as("workspace by slug").isEmpty();
        assertThat(s.workspaces().count(t)).as("workspace count").isZero();
        assertThat(s.memberships().find(t, rows.workspace().id(), rows.membership().userId())).as("membership").isEmpty();
        assertThat(s.invitations().find(t, rows.workspace().id(), rows.invitation().id())).as("invitation").isEmpty();
        assertThat(s.invitations().findByTokenHash(t, rows.invitation().tokenHash())).as("invitation by token").isEmpty();
        assertThat(s.activity().latest(t, rows.workspace().id())).as("activity").isEmpty();
        assertThat(s.workspaces().find(rows.sibling().tenantId(), rows.sibling().id())).as("sibling workspace").isEmpty();
        NewFileRows files = rows.files();
        WorkspaceId w = rows.workspace().id();
        assertThat(s.require(FolderStore.class).find(t, w, files.folder().id())).as("folder").isEmpty();
        assertThat(s.require(FolderStore.class).listChildren(t, w, Optional.empty(), false, Optional.empty(), 10)).as("folders").isEmpty();
        assertThat(s.require(FileStore.class).find(t, w, files.file().id())).as("file").isEmpty();
        assertThat(s.require(FileStore.class).listVersions(t, w, files.file().id(), 10)).as("file versions").isEmpty();
        assertThat(s.require(FileStore.class).count(t, w, FileStatus.ACTIVE, false)).as("file count").isZero();
        assertThat(s.require(FileStore.class).referencedBlobKeys(List.of(files.firstVersion().blobKey(), files.secondVersion().blobKey())))
                .as("referenced blob keys").isEmpty();
        assertThat(s.require(DownloadLogStore.class).list(t, w, files.file().id(), Optional.empty(), 10)).as("downloads").isEmpty();
        assertThat(s.require(ApprovalStore.class).find(t, w, files.approval().id())).as("approval").isEmpty();
        assertThat(s.require(ApprovalStore.class).listForFile(t, w, files.file().id(), 10)).as("approvals of the file").isEmpty();
        assertThat(s.require(ApprovalStore.class).decisions(t, w, files.approval().id())).as("decisions").isEmpty();
    }

    private void assertPresent(NewRows rows) {
        Stores s = stores();
        TenantId t = rows.tenant().id();
        assertThat(s.tenants().find(t)).as("tenant").contains(rows.tenant());
        assertThat(s.team().find(t, rows.member().userId())).as("team member").contains(rows.member());
        assertThat(s.permissionMatrices().find(t)).as("permission matrix").contains(PermissionMatrix.defaults());
        assertThat(s.workspaces().find(t, rows.workspace().id())).as("workspace").contains(rows.workspace());
        assertThat(s.memberships().find(t, rows.workspace().id(), rows.membership().userId()))
                .as("membership").contains(rows.membership());
        assertThat(s.invitations().find(t, rows.workspace().id(), rows.invitation().id()))
                .as("invitation").contains(rows.invitation());
        assertThat(s.activity().latest(t, rows.workspace().id())).as("activity").contains(rows.entry());
        assertThat(s.workspaces().find(rows.sibling().tenantId(), rows.sibling().id()))
                .as("sibling workspace").contains(rows.sibling());
        NewFileRows files = rows.files();
        WorkspaceId w = rows.workspace().id();
        assertThat(s.require(FolderStore.class).find(t, w, files.folder().id())).as("folder").contains(files.folder());
        assertThat(s.require(FileStore.class).find(t, w, files.file().id())).as("file").contains(files.file());
        assertThat(s.require(FileStore.class).listVersions(t, w, files.file().id(), 10)).as("file versions")
                .containsExactly(files.secondVersion(), files.firstVersion());
        assertThat(s.require(DownloadLogStore.class).list(t, w, files.file().id(), Optional.empty(), 10)).as("downloads")
                .containsExactly(files.download());
        assertThat(s.require(ApprovalStore.class).find(t, w, files.approval().id())).as("approval").contains(files.approval());
        assertThat(s.require(ApprovalStore.class).decisions(t, w, files.approval().id())).as("decisions").containsExactly(files.decision());
    }

    @Test
    void executeReturnsTheWorksResult() {
        assertThat(unitOfWork().execute(() -> "result")).isEqualTo("result");
    }

    @Test
    void writesOfASuccessfulUnitOfWorkAreKeptInEveryStore() {
        Fixture fixture = storedFixture();

        NewRows rows = inUnitOfWork(() -> writeNewRowsEverywhere(fixture));

        assertPresent(rows);
        assertThat(stores().memberships().list(fixture.tenant().id(), fixture.workspace().id(), Optional.empty(), 100))
                .hasSize(3);
        assertThat(stores().activity().latest(fixture.tenant().id(), fixture.workspace().id())).get()
                .extracting(ActivityEntry::sequence).isEqualTo(3L);
    }

    @Test
    void aFailedUnitOfWorkUndoesItsInsertsInEveryStore() {
        Fixture fixture = storedFixture();
        Snapshot before = snapshot(fixture);
        AtomicReference<@Nullable NewRows> written = new AtomicReference<>();

        Throwable thrown = catchThrowable(() -> unitOfWork().execute(() -> {
            written.set(writeNewRowsEverywhere(fixture));
            throw new Boom();
        }));

        assertThat(thrown).isInstanceOf(Boom.class);
        assertAbsent(written.get());
        assertThat(snapshot(fixture)).isEqualTo(before);
    }

    @Test
    void aFailedUnitOfWorkUndoesItsUpdatesAndDeletesInEveryStore() {
        Fixture f = storedFixture();
        Snapshot before = snapshot(f);
        TenantId t = f.tenant().id();

        Throwable thrown = catchThrowable(() -> unitOfWork().execute(() -> {
            Stores s = stores();
            s.tenants().update(f.tenant().withName("Renamed"));
            s.team().update(f.admin().withRole(TenantRole.TEAM_MEMBER));
            s.team().delete(t, f.manager().userId(), f.manager().version());
            s.permissionMatrices().delete(t);
            Workspace renamed = s.workspaces().update(f.workspace().withName("Renamed", f.workspace().updatedAt())
                    .withExternalRef(Optional.of(data.externalRef()), f.workspace().updatedAt()));
            s.workspaces().update(renamed.withName("Renamed twice", renamed.updatedAt()));
            s.memberships().update(f.lead().withRole(WorkspaceRole.MEMBER));
            s.memberships().delete(t, f.workspace().id(), f.client().userId(), f.client().version());
            s.invitations().update(f.invitation().accepted(data.userId(), data.instant()));
            s.activity().append(data.entryAfter(f.head()));
            throw new Boom();
        }));

        assertThat(thrown).isInstanceOf(Boom.class);
        assertThat(snapshot(f)).isEqualTo(before);
    }

    @Test
    void aFailedUnitOfWorkUndoesAReplacedPermissionMatrix() {
        Fixture f = storedFixture();
        Snapshot before = snapshot(f);

        Throwable thrown = catchThrowable(() -> unitOfWork().execute(() -> {
            stores().permissionMatrices().save(f.tenant().id(), PermissionMatrix.defaults());
            throw new Boom();
        }));

        assertThat(thrown).isInstanceOf(Boom.class);
        assertThat(snapshot(f)).isEqualTo(before);
    }

    /** What the folder, file, download and approval stores hold for the rows of one {@link NewFileRows}. */
    private record FileSnapshot(Optional<Folder> folder, List<Folder> topLevelFolders, Optional<FileAsset> file,
                                List<FileVersion> versions, long activeFiles, long trashedFiles,
                                List<DownloadRecord> downloads, Optional<ApprovalRequest> approval,
                                List<ApprovalRequest> openApprovals, List<Decision> decisions) {
    }

    private FileSnapshot fileSnapshot(NewFileRows rows) {
        Stores s = stores();
        TenantId t = rows.file().tenantId();
        WorkspaceId w = rows.file().workspaceId();
        return new FileSnapshot(s.require(FolderStore.class).find(t, w, rows.folder().id()),
                s.require(FolderStore.class).listChildren(t, w, Optional.empty(), false, Optional.empty(), 100),
                s.require(FileStore.class).find(t, w, rows.file().id()), s.require(FileStore.class).listVersions(t, w, rows.file().id(), 100),
                s.require(FileStore.class).count(t, w, FileStatus.ACTIVE, false), s.require(FileStore.class).count(t, w, FileStatus.TRASHED, false),
                s.require(DownloadLogStore.class).list(t, w, rows.file().id(), Optional.empty(), 100),
                s.require(ApprovalStore.class).find(t, w, rows.approval().id()),
                s.require(ApprovalStore.class).list(t, w, Optional.of(ApprovalStatus.OPEN), Optional.empty(), 100),
                s.require(ApprovalStore.class).decisions(t, w, rows.approval().id()));
    }

    @Test
    void aFailedUnitOfWorkUndoesItsChangesToFoldersFilesDownloadsAndApprovals() {
        Fixture f = storedFixture();
        NewFileRows rows = inUnitOfWork(() -> writeNewRowsEverywhere(f)).files();
        Folder emptyFolder = inUnitOfWork(() -> stores().require(FolderStore.class).insert(data.folder(rows.folder().tenantId(),
                rows.folder().workspaceId())));
        FileSnapshot before = fileSnapshot(rows);
        TenantId t = rows.file().tenantId();
        WorkspaceId w = rows.file().workspaceId();

        Throwable thrown = catchThrowable(() -> unitOfWork().execute(() -> {
            Stores s = stores();
            s.require(FolderStore.class).update(rows.folder().withName(data.folderName()));
            s.require(FolderStore.class).delete(t, w, emptyFolder.id(), emptyFolder.version());
            s.require(FolderStore.class).insert(data.folder(t, w));
            FileVersion third = s.require(FileStore.class).appendVersion(data.versionAfter(rows.secondVersion()));
            s.require(FileStore.class).update(rows.file().withLatest(third.number(), third.name(), third.uploadedAt())
                    .withStatus(FileStatus.TRASHED, third.uploadedAt()));
            FileAsset another = data.file(t, w);
            s.require(FileStore.class).insert(another, data.firstVersion(another));
            s.require(DownloadLogStore.class).append(data.download(rows.file()));
            s.require(ApprovalStore.class).update(rows.approval().resolved(ApprovalStatus.APPROVED, data.instant()));
            s.require(ApprovalStore.class).appendDecision(data.decision(rows.approval(), 2));
            s.require(ApprovalStore.class).insert(data.approval(t, w));
            throw new Boom();
        }));

        assertThat(thrown).isInstanceOf(Boom.class);
        assertThat(fileSnapshot(rows)).isEqualTo(before);
        assertThat(stores().require(FolderStore.class).find(t, w, emptyFolder.id())).contains(emptyFolder);
    }

    @Test
    void theFailureReachesTheCallerUnchanged() {
        Boom boom = new Boom();

        Throwable thrown = catchThrowable(() -> unitOfWork().execute(() -> {
            stores().tenants().insert(data.tenant());
            throw boom;
        }));

        assertThat(thrown).isSameAs(boom);
    }

    @Test
    void aConflictInsideAUnitOfWorkUndoesTheWritesBeforeIt() {
        Fixture f = storedFixture();
        Snapshot before = snapshot(f);
        Tenant newTenant = data.tenant();
        Workspace newWorkspace = data.workspace(f.tenant().id());

        assertConflict(ALREADY_EXISTS, () -> unitOfWork().execute(() -> {
            stores().tenants().insert(newTenant);
            stores().workspaces().insert(newWorkspace);
            stores().activity().append(data.entryAfter(f.head()));
            return stores().memberships().insert(data.aMembership(f.tenant().id(), f.workspace().id())
                    .userId(f.lead().userId()).build());
        }));

        assertThat(stores().tenants().find(newTenant.id())).isEmpty();
        assertThat(stores().workspaces().find(f.tenant().id(), newWorkspace.id())).isEmpty();
        assertThat(snapshot(f)).isEqualTo(before);
    }

    @Test
    void anErrorThrownByTheWorkAlsoUndoesItsWrites() {
        Fixture fixture = storedFixture();
        Snapshot before = snapshot(fixture);
        AtomicReference<@Nullable NewRows> written = new AtomicReference<>();

        Throwable thrown = catchThrowable(() -> unitOfWork().execute(() -> {
            written.set(writeNewRowsEverywhere(fixture));
            throw new FatalBoom();
        }));

        assertThat(thrown).isInstanceOf(FatalBoom.class);
        assertAbsent(written.get());
        assertThat(snapshot(fixture)).isEqualTo(before);
    }

    @Test
    void aFailedUnitOfWorkLeavesEarlierCommittedOnesAlone() {
        Fixture fixture = storedFixture();
        NewRows committed = inUnitOfWork(() -> writeNewRowsEverywhere(fixture));

        catchThrowable(() -> unitOfWork().execute(() -> {
            stores().tenants().update(committed.tenant().withName("Changed"));
            stores().memberships().delete(committed.tenant().id(), committed.workspace().id(),
                    committed.membership().userId(), 0);
            throw new Boom();
        }));

        assertPresent(committed);
    }

    @Test
    void readsInsideAUnitOfWorkSeeItsOwnWrites() {
        Fixture f = storedFixture();

        inUnitOfWork(() -> {
            Stores s = stores();
            Workspace workspace = s.workspaces().insert(data.workspace(f.tenant().id()));
            assertThat(s.workspaces().find(f.tenant().id(), workspace.id())).contains(workspace);
            assertThat(s.workspaces().findForUpdate(f.tenant().id(), workspace.id())).contains(workspace);
            Membership lead = s.memberships().insert(data.membership(f.tenant().id(), workspace.id(), WorkspaceRole.LEAD));
            assertThat(s.memberships().countByRole(f.tenant().id(), workspace.id(), WorkspaceRole.LEAD)).isEqualTo(1);
            assertThat(s.workspaces().listForMember(f.tenant().id(), lead.userId(), ALL_ROLES, Optional.empty(), 10))
                    .containsExactly(workspace);
            ActivityEntry next = data.entryAfter(f.head());
            s.activity().append(next);
            assertThat(s.activity().latest(f.tenant().id(), f.workspace().id())).contains(next);
            s.activity().append(data.entryAfter(next));
            return null;
        });

        assertThat(stores().activity().latest(f.tenant().id(), f.workspace().id())).get()
                .extracting(ActivityEntry::sequence).isEqualTo(4L);
    }

    @Test
    void aNestedUnitOfWorkJoinsTheOuterOne() {
        Tenant outer = data.tenant();
        Tenant nested = data.tenant();

        Throwable thrown = catchThrowable(() -> unitOfWork().execute(() -> {
            stores().tenants().insert(outer);
            unitOfWork().execute(() -> stores().tenants().insert(nested));
            throw new Boom();
        }));

        assertThat(thrown).isInstanceOf(Boom.class);
        assertThat(stores().tenants().find(outer.id())).as("the outer write").isEmpty();
        assertThat(stores().tenants().find(nested.id())).as("the nested write, which only joined the outer unit of work")
                .isEmpty();
    }

    @Test
    void aSuccessfulNestedUnitOfWorkCommitsWithTheOuterOne() {
        Tenant outer = data.tenant();
        Tenant nested = data.tenant();

        inUnitOfWork(() -> {
            stores().tenants().insert(outer);
            return unitOfWork().execute(() -> stores().tenants().insert(nested));
        });

        assertThat(stores().tenants().find(outer.id())).contains(outer);
        assertThat(stores().tenants().find(nested.id())).contains(nested);
    }

    @Test
    void aCaughtNestedFailureNeverLeavesTheNestedWritesBehind() {
        Fixture f = storedFixture();
        Tenant outerTenant = data.tenant();
        Tenant nestedTenant = data.tenant();
        Workspace nestedWorkspace = data.workspace(f.tenant().id());
        Boom boom = new Boom();
        AtomicReference<@Nullable Throwable> nestedFailure = new AtomicReference<>();

        List<String> ran = new ArrayList<>();

        Throwable outerFailure = catchThrowable(() -> unitOfWork().execute(() -> {
            stores().tenants().insert(outerTenant);
            nestedFailure.set(catchThrowable(() -> unitOfWork().execute(() -> {
                unitOfWork().afterCommit(() -> ran.add("nested"));
                stores().tenants().insert(nestedTenant);
                stores().workspaces().insert(nestedWorkspace);
                stores().memberships().update(f.lead().withRole(WorkspaceRole.MEMBER));
                stores().activity().append(data.entryAfter(f.head()));
                throw boom;
            })));
            return null;
        }));

        assertThat(nestedFailure.get()).as("the nested failure reaches the outer work unchanged").isSameAs(boom);
        assertThat(stores().tenants().find(nestedTenant.id())).isEmpty();
        assertThat(stores().workspaces().find(f.tenant().id(), nestedWorkspace.id())).isEmpty();
        assertThat(stores().memberships().find(f.tenant().id(), f.workspace().id(), f.lead().userId())).contains(f.lead());
        assertThat(stores().activity().latest(f.tenant().id(), f.workspace().id())).contains(f.head());
        assertThat(ran).as("an after-commit action of undone work never runs").isEmpty();
        if (outerFailure == null) {
            assertThat(stores().tenants().find(outerTenant.id()))
                    .as("an outer unit of work that returned normally has committed").contains(outerTenant);
        } else {
            assertThat(stores().tenants().find(outerTenant.id()))
                    .as("an outer unit of work that failed at commit (rollback-only) has committed nothing").isEmpty();
        }
    }

    @Test
    void aCaughtNestedFailureIsUndoneLikeASavepoint() {
        assumeTrue(nestedFailuresAreUndoneLikeSavepoints(), "the implementation marks failed units of work rollback-only");
        Fixture f = storedFixture();
        Tenant before = data.tenant();
        Tenant nested = data.tenant();
        Tenant after = data.tenant();
        List<String> ran = new ArrayList<>();

        inUnitOfWork(() -> {
            stores().tenants().insert(before);
            catchThrowable(() -> unitOfWork().execute(() -> {
                stores().tenants().insert(nested);
                stores().activity().append(data.entryAfter(f.head()));
                unitOfWork().afterCommit(() -> ran.add("nested"));
                throw new Boom();
            }));
            unitOfWork().afterCommit(() -> ran.add("outer"));
            stores().tenants().insert(after);
            // The nested entry was undone, so the outer work can append the next entry itself.
            stores().activity().append(data.entryAfter(f.head()));
            return null;
        });

        assertThat(stores().tenants().find(before.id())).contains(before);
        assertThat(stores().tenants().find(nested.id())).isEmpty();
        assertThat(stores().tenants().find(after.id())).contains(after);
        assertThat(stores().activity().latest(f.tenant().id(), f.workspace().id())).get()
                .extracting(ActivityEntry::sequence).isEqualTo(3L);
        assertThat(ran).as("the failed nested unit of work's after-commit action is undone with it")
                .containsExactly("outer");
    }

    @Test
    void afterCommitOutsideAUnitOfWorkRunsAtOnce() {
        List<String> ran = new ArrayList<>();

        unitOfWork().afterCommit(() -> ran.add("action"));

        assertThat(ran).containsExactly("action");
    }

    @Test
    void afterCommitRunsOnceTheUnitOfWorkHasCommittedAndSeesItsWrites() {
        Tenant tenant = data.tenant();
        List<String> ran = new ArrayList<>();
        List<Optional<Tenant>> seen = new ArrayList<>();

        inUnitOfWork(() -> {
            stores().tenants().insert(tenant);
            unitOfWork().afterCommit(() -> {
                ran.add("action");
                seen.add(stores().tenants().find(tenant.id()));
            });
            assertThat(ran).as("not before the commit").isEmpty();
            return null;
        });

        assertThat(ran).containsExactly("action");
        assertThat(seen).containsExactly(Optional.of(tenant));
    }

    @Test
    void afterCommitNeverRunsWhenTheUnitOfWorkFails() {
        List<String> ran = new ArrayList<>();

        Throwable thrown = catchThrowable(() -> unitOfWork().execute(() -> {
            stores().tenants().insert(data.tenant());
            unitOfWork().afterCommit(() -> ran.add("action"));
            throw new Boom();
        }));

        assertThat(thrown).isInstanceOf(Boom.class);
        assertThat(ran).isEmpty();
        unitOfWork().execute(() -> "a later unit of work");
        assertThat(ran).as("not even after a later unit of work").isEmpty();
    }

    @Test
    void afterCommitInANestedUnitOfWorkWaitsForTheOutermostOne() {
        List<String> ran = new ArrayList<>();

        inUnitOfWork(() -> {
            unitOfWork().execute(() -> {
                unitOfWork().afterCommit(() -> ran.add("nested"));
                return null;
            });
            assertThat(ran).as("not when the nested unit of work returns").isEmpty();
            unitOfWork().afterCommit(() -> ran.add("outer"));
            return null;
        });

        assertThat(ran).containsExactlyInAnyOrder("nested", "outer");
    }

    @Test
    void aFailingAfterCommitActionNeitherUndoesTheCommitNorStopsTheOthers() {
        Tenant tenant = data.tenant();
        List<String> ran = new ArrayList<>();

        String result = inUnitOfWork(() -> {
            stores().tenants().insert(tenant);
            unitOfWork().afterCommit(() -> {
                throw new Boom();
            });
            unitOfWork().afterCommit(() -> ran.add("second"));
            return "committed";
        });

        assertThat(result).isEqualTo("committed");
        assertThat(ran).containsExactly("second");
        assertThat(stores().tenants().find(tenant.id())).contains(tenant);
    }

    @Test
    void anAfterCommitActionMayRunAnotherUnitOfWork() {
        Tenant first = data.tenant();
        Tenant second = data.tenant();

        inUnitOfWork(() -> {
            stores().tenants().insert(first);
            unitOfWork().afterCommit(() -> unitOfWork().execute(() -> stores().tenants().insert(second)));
            return null;
        });

        assertThat(stores().tenants().find(first.id())).contains(first);
        assertThat(stores().tenants().find(second.id())).contains(second);
    }

    @Test
    void concurrentUnitsOfWorkCommitOrUndoAsWholes() {
        Tenant tenant = storedTenant();
        int perThread = 6;

        Concurrently.Outcomes<List<Boolean>> outcomes = Concurrently.run(thread -> {
            List<Boolean> failedOnPurpose = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                boolean fail = (thread + i) % 2 == 1;
                Workspace workspace = data.workspace(tenant.id());
                try {
                    runInUnitOfWork(() -> {
                        stores().workspaces().insert(workspace);
                        stores().memberships().insert(data.membership(tenant.id(), workspace.id(), WorkspaceRole.LEAD));
                        stores().activity().append(data.firstEntry(tenant.id(), workspace.id()));
                        if (fail) {
                            throw new Boom();
                        }
                    });
                } catch (Boom expected) {
                    // undone, checked below
                }
                boolean present = stores().workspaces().find(tenant.id(), workspace.id()).isPresent();
                boolean membersPresent = stores().memberships().countByRole(tenant.id(), workspace.id(), WorkspaceRole.LEAD) == 1;
                boolean activityPresent = stores().activity().latest(tenant.id(), workspace.id()).isPresent();
                if (present != !fail || membersPresent != !fail || activityPresent != !fail) {
                    throw new AssertionError("unit of work " + workspace.id() + (fail ? " failed" : " succeeded")
                            + " but left workspace=" + present + " membership=" + membersPresent
                            + " activity=" + activityPresent);
                }
                failedOnPurpose.add(fail);
            }
            return failedOnPurpose;
        });

        assertThat(outcomes.failures()).isEmpty();
        long committed = outcomes.successes().stream().flatMap(List::stream).filter(failed -> !failed).count();
        assertThat(stores().workspaces().count(tenant.id())).isEqualTo(committed);
        assertThat(stores().workspaces().list(tenant.id(), Optional.empty(), 500))
                .allSatisfy(w -> assertThat(stores().activity().latest(tenant.id(), w.id())).isPresent());
    }

    private Optional<AtomicInteger> counter(Object key) {
        return unitOfWork().resource(key, AtomicInteger.class, AtomicInteger::new);
    }

    @Test
    void isActiveOnlyWhileAUnitOfWorkRuns() {
        assertThat(unitOfWork().isActive()).as("outside").isFalse();

        inUnitOfWork(() -> {
            assertThat(unitOfWork().isActive()).as("inside").isTrue();
            unitOfWork().execute(() -> {
                assertThat(unitOfWork().isActive()).as("inside a nested one").isTrue();
                return null;
            });
            assertThat(unitOfWork().isActive()).as("after a nested one returned").isTrue();
            return null;
        });

        assertThat(unitOfWork().isActive()).as("after a commit").isFalse();
    }

    @Test
    void isNotActiveAfterAUnitOfWorkRolledBack() {
        catchThrowable(() -> unitOfWork().execute(() -> {
            stores().tenants().insert(data.tenant());
            throw new Boom();
        }));

        assertThat(unitOfWork().isActive()).isFalse();
    }

    @Test
    void noResourceIsBoundOutsideAUnitOfWork() {
        assertThat(counter(new Object())).isEmpty();
    }

    @Test
    void aResourceIsSharedByTheWholeUnitOfWorkIncludingNestedOnes() {
        Object key = new Object();

        int seen = inUnitOfWork(() -> {
            counter(key).orElseThrow().incrementAndGet();
            unitOfWork().execute(() -> counter(key).orElseThrow().incrementAndGet());
            return counter(key).orElseThrow().incrementAndGet();
        });

        assertThat(seen).isEqualTo(3);
    }

    @Test
    void resourcesOfDifferentKeysAreDistinct() {
        inUnitOfWork(() -> {
            AtomicInteger first = counter(new Object()).orElseThrow();
            AtomicInteger second = counter(new Object()).orElseThrow();
            assertThat(first).isNotSameAs(second);
            return null;
        });
    }

    @Test
    void aResourceIsDroppedWhenTheUnitOfWorkCommits() {
        Object key = new Object();
        AtomicReference<@Nullable AtomicInteger> first = new AtomicReference<>();

        runInUnitOfWork(() -> first.set(counter(key).orElseThrow()));

        assertThat(counter(key)).as("outside").isEmpty();
        runInUnitOfWork(() -> assertThat(counter(key).orElseThrow()).as("in the next unit of work").isNotSameAs(first.get()));
    }

    @Test
    void aResourceIsDroppedWhenTheUnitOfWorkRollsBack() {
        Object key = new Object();
        AtomicReference<@Nullable AtomicInteger> first = new AtomicReference<>();

        Throwable thrown = catchThrowable(() -> unitOfWork().execute(() -> {
            first.set(counter(key).orElseThrow());
            stores().tenants().insert(data.tenant());
            throw new Boom();
        }));

        assertThat(thrown).isInstanceOf(Boom.class);
        assertThat(counter(key)).as("outside").isEmpty();
        runInUnitOfWork(() -> assertThat(counter(key).orElseThrow()).as("in the next unit of work").isNotSameAs(first.get()));
    }
}
