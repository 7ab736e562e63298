package io.clientworkspace.jpa;

import io.clientworkspace.Actor;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A real database error in the middle of a multi-store operation leaves no partial rows: the
 * operation's earlier writes (workspace, invitation update, file and version, activity) are rolled back
 * with it, and an upload's blob is deleted.
 */
class FailureAtomicityIT {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PDF2 = "%PDF-1.7\n1 0 obj <<>> endobj\n2 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseErrorWhileCreatingAWorkspaceLeavesNoWorkspaceMembershipOrActivity(TestDatabase db) throws SQLException {
        db.reset();
        JpaTransactions transactions = new ResourceLocalTransactions(db.emf());
        Stores real = JpaStores.create(transactions);
        Stores failing = real.with(MembershipStore.class, new FailingOnInsert(real.memberships(), transactions));
        WorkspaceKit kit = WorkspaceKit.builder().stores(failing).build();
        Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");

        Throwable failure = catchThrowable(() -> kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme")));

        assertThat(failure).isInstanceOf(PersistenceException.class);
        assertThat(rows(db, "cwk_workspace")).isZero();
        assertThat(rows(db, "cwk_membership")).isZero();
        assertThat(rows(db, "cwk_activity")).isZero();
        assertThat(rows(db, "cwk_event_outbox")).as("only the tenant's own events").isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseErrorWhileAcceptingAnInvitationLeavesItPendingAndAddsNoMember(TestDatabase db) throws SQLException {
        db.reset();
        JpaTransactions transactions = new ResourceLocalTransactions(db.emf());
        Stores real = JpaStores.create(transactions);
        WorkspaceKit healthy = WorkspaceKit.builder().stores(real).build();
        Tenant tenant = healthy.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        Workspace acme = healthy.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
        IssuedInvitation invite = healthy.invitations().invite(alice, acme.id(),
                NewInvitation.of("carol@acme.test", WorkspaceRole.CLIENT_ADMIN));
        long activityBefore = rows(db, "cwk_activity");
        long membersBefore = rows(db, "cwk_membership");

        Stores failing = real.with(MembershipStore.class, new FailingOnInsert(real.memberships(), transactions));
        WorkspaceKit kit = WorkspaceKit.builder().stores(failing).build();
        Throwable failure = catchThrowable(() -> kit.invitations().accept(Actor.client(tenant.id(), "carol"), invite.token()));

        assertThat(failure).isInstanceOf(PersistenceException.class);
        assertThat(real.invitations().find(tenant.id(), acme.id(), invite.invitation().id()).orElseThrow().status())
                .isEqualTo(InvitationStatus.PENDING);
        assertThat(rows(db, "cwk_membership")).isEqualTo(membersBefore);
        assertThat(rows(db, "cwk_activity")).isEqualTo(activityBefore);
        // And the invitation still works once the database is healthy again.
        assertThat(healthy.invitations().accept(Actor.client(tenant.id(), "carol"), invite.token()).role())
                .isEqualTo(WorkspaceRole.CLIENT_ADMIN);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseErrorInTheMiddleOfAnUploadsMetadataCommitLeavesNoFileRowsAndDeletesTheBlob(TestDatabase db,
                                                                                           @TempDir Path blobRoot)
            throws Exception {
        db.reset();
        JpaTransactions transactions = new ResourceLocalTransactions(db.emf());
        Stores real = JpaStores.create(transactions);
        FileSystemBlobStore blobs = new FileSystemBlobStore(blobRoot);
        WorkspaceKit healthy = WorkspaceKit.builder().stores(real).blobStore(blobs).build();
        Tenant tenant = healthy.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        Workspace acme = healthy.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
        long activityBefore = rows(db, "cwk_activity");
        long eventsBefore = rows(db, "cwk_event_outbox");

        WorkspaceKit kit = WorkspaceKit.builder().stores(real.with(FileStore.class, new FailingAfterInsert(real.require(FileStore.class), transactions)))
                .blobStore(blobs).build();
        Throwable failure = catchThrowable(() -> kit.files().upload(alice, acme.id(),
                NewUpload.of("proposal.pdf", "application/pdf"), new ByteArrayInputStream(PDF)));

        assertThat(failure).isInstanceOf(PersistenceException.class);
        assertThat(rows(db, "cwk_file")).isZero();
        assertThat(rows(db, "cwk_file_version")).isZero();
        assertThat(rows(db, "cwk_activity")).isEqualTo(activityBefore);
        assertThat(rows(db, "cwk_event_outbox")).isEqualTo(eventsBefore);
        assertThat(blobs.keysOlderThan(Instant.now().plusSeconds(3600), 100)).as("the uploaded blob was deleted").isEmpty();
        try (Stream<Path> left = Files.walk(blobRoot)) {
            assertThat(left.filter(Files::isRegularFile)).as("nothing of the blob is left on disk").isEmpty();
        }
        // And uploads work once the database is healthy again.
        assertThat(healthy.files().upload(alice, acme.id(), NewUpload.of("proposal.pdf", "application/pdf"),
                new ByteArrayInputStream(PDF)).latestVersion()).isEqualTo(1);
        assertThat(rows(db, "cwk_file_version")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseErrorInTheMiddleOfAPurgeKeepsEveryRowAndEveryBlob(TestDatabase db, @TempDir Path blobRoot)
            throws Exception {
        db.reset();
        JpaTransactions transactions = new ResourceLocalTransactions(db.emf());
        Stores real = JpaStores.create(transactions);
        FileSystemBlobStore blobs = new FileSystemBlobStore(blobRoot);
        WorkspaceKit healthy = WorkspaceKit.builder().stores(real).blobStore(blobs).build();
        Tenant tenant = healthy.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        Workspace acme = healthy.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
        FileAsset file = healthy.files().upload(alice, acme.id(), NewUpload.of("proposal.pdf", "application/pdf"),
                new ByteArrayInputStream(PDF));
        healthy.files().uploadVersion(alice, acme.id(), file.id(), "proposal.pdf", "application/pdf",
                new ByteArrayInputStream(PDF2));
        healthy.downloads().download(alice, acme.id(), file.id(), java.util.OptionalInt.empty()).close();
        FileAsset trashed = healthy.files().trash(alice, acme.id(), file.id());
        long activityBefore = rows(db, "cwk_activity");
        List<String> blobsBefore = blobs.keysOlderThan(Instant.now().plusSeconds(3600), 100);

        WorkspaceKit kit = WorkspaceKit.builder().stores(real.with(FileStore.class, new FailingAfterInsert(real.require(FileStore.class), transactions)))
                .blobStore(blobs).build();
        Throwable failure = catchThrowable(() -> kit.files().purge(alice, acme.id(), file.id(), trashed.version()));

        assertThat(failure).isInstanceOf(PersistenceException.class);
        assertThat(rows(db, "cwk_file")).isEqualTo(1);
        assertThat(rows(db, "cwk_file_version")).isEqualTo(2);
        assertThat(rows(db, "cwk_download")).isEqualTo(1);
        assertThat(rows(db, "cwk_activity")).isEqualTo(activityBefore);
        assertThat(blobs.keysOlderThan(Instant.now().plusSeconds(3600), 100)).as("no blob was deleted")
                .containsExactlyInAnyOrderElementsOf(blobsBefore).hasSize(2);
        // And the purge works once the database is healthy again, blobs deleted after the commit.
        healthy.files().purge(alice, acme.id(), file.id(), trashed.version());
        assertThat(rows(db, "cwk_file") + rows(db, "cwk_file_version") + rows(db, "cwk_download")).isZero();
        assertThat(blobs.keysOlderThan(Instant.now().plusSeconds(3600), 100)).isEmpty();
        assertThat(healthy.activity().verify(alice, acme.id()).isIntact()).isTrue();
    }

    private static long rows(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * A file store whose inserts write the file and its first version, then hit a real SQL error (a table
     * that does not exist): the failure comes in the middle of the upload's metadata commit.
     */
    private record FailingAfterInsert(FileStore delegate, JpaTransactions transactions) implements FileStore {

        @Override
        public FileAsset insert(FileAsset file, FileVersion first) {
            FileAsset stored = delegate.insert(file, first);
            transactions.entityManager().createNativeQuery("INSERT INTO cwk_no_such_table VALUES (1)").executeUpdate();
            return stored;
        }

        @Override
        public FileAsset update(FileAsset file) {
            return delegate.update(file);
        }

        @Override
        public FileVersion appendVersion(FileVersion version) {
            return delegate.appendVersion(version);
        }

        @Override
        public Optional<FileAsset> find(TenantId tenantId, WorkspaceId workspaceId, FileId id) {
            return delegate.find(tenantId, workspaceId, id);
        }

        @Override
        public Optional<FileAsset> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, FileId id) {
            return delegate.findForUpdate(tenantId, workspaceId, id);
        }

        @Override
        public Optional<FileVersion> findVersion(TenantId tenantId, WorkspaceId workspaceId, FileId id, int number) {
            return delegate.findVersion(tenantId, workspaceId, id, number);
        }

        @Override
        public List<FileVersion> listVersions(TenantId tenantId, WorkspaceId workspaceId, FileId id, int limit) {
            return delegate.listVersions(tenantId, workspaceId, id, limit);
        }

        @Override
        public List<FileAsset> list(TenantId tenantId, WorkspaceId workspaceId, Optional<FolderId> folder,
                                    FileStatus status, boolean clientVisibleOnly, Optional<FileCursor> after, int limit) {
            return delegate.list(tenantId, workspaceId, folder, status, clientVisibleOnly, after, limit);
        }

        @Override
        public long count(TenantId tenantId, WorkspaceId workspaceId, FileStatus status, boolean clientVisibleOnly) {
            return delegate.count(tenantId, workspaceId, status, clientVisibleOnly);
        }

        @Override
        public Set<String> referencedBlobKeys(Collection<String> blobKeys) {
            return delegate.referencedBlobKeys(blobKeys);
        }

        /** Deletes the file and its versions, then hits a real SQL error: the failure comes in the middle of a purge. */
        @Override
        public void delete(TenantId tenantId, WorkspaceId workspaceId, FileId id, long expectedVersion) {
            delegate.delete(tenantId, workspaceId, id, expectedVersion);
            transactions.entityManager().createNativeQuery("INSERT INTO cwk_no_such_table VALUES (1)").executeUpdate();
        }

        @Override
        public long usedBytes(TenantId tenantId, WorkspaceId workspaceId) {
            return delegate.usedBytes(tenantId, workspaceId);
        }
    }

    /** A membership store whose inserts hit a real SQL error (a table that does not exist). */
    private record FailingOnInsert(MembershipStore delegate, JpaTransactions transactions) implements MembershipStore {

        @Override
        public Membership insert(Membership membership) {
            EntityManager em = transactions.entityManager();
            em.createNativeQuery("INSERT INTO cwk_no_such_table VALUES (1)").executeUpdate();
            return delegate.insert(membership);
        }

        @Override
        public Membership update(Membership membership) {
            return delegate.update(membership);
        }

        @Override
        public void delete(TenantId tenantId, WorkspaceId workspaceId, UserId userId, long expectedVersion) {
            delegate.delete(tenantId, workspaceId, userId, expectedVersion);
        }

        @Override
        public Optional<Membership> find(TenantId tenantId, WorkspaceId workspaceId, UserId userId) {
            return delegate.find(tenantId, workspaceId, userId);
        }

        @Override
        public List<Membership> list(TenantId tenantId, WorkspaceId workspaceId, Optional<UserId> after, int limit) {
            return delegate.list(tenantId, workspaceId, after, limit);
        }

        @Override
        public long countByRole(TenantId tenantId, WorkspaceId workspaceId, WorkspaceRole role) {
            return delegate.countByRole(tenantId, workspaceId, role);
        }
    }
}
