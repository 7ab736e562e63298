package io.clientworkspace.jpa;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.FaultInjection;
import io.clientworkspace.tck.SampleFiles;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A real database error in the middle of a multi-store operation leaves no partial rows: the
 * operation's earlier writes (workspace, invitation update, file and version, activity) are rolled back
 * with it, and an upload's blob is deleted.
 */
class FailureAtomicityIT {

    private static final byte[] PDF = SampleFiles.pdf();
    private static final byte[] PDF2 = SampleFiles.pdf("v2");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseErrorWhileCreatingAWorkspaceLeavesNoWorkspaceMembershipOrActivity(TestDatabase db) throws SQLException {
        db.reset();
        JpaTransactions transactions = new ResourceLocalTransactions(db.emf());
        Stores real = JpaStores.create(transactions);
        FaultInjection faults = new FaultInjection();
        WorkspaceKit kit = WorkspaceKit.builder().stores(faults.wrap(real)).build();
        Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        faults.failBefore("MembershipStore.insert", () -> sqlError(transactions));

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

        FaultInjection faults = new FaultInjection();
        WorkspaceKit kit = WorkspaceKit.builder().stores(faults.wrap(real)).build();
        faults.failBefore("MembershipStore.insert", () -> sqlError(transactions));
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

        FaultInjection faults = new FaultInjection();
        WorkspaceKit kit = WorkspaceKit.builder().stores(faults.wrap(real)).blobStore(blobs).build();
        // The file and its first version are written, then the database refuses a statement.
        faults.failAfter("FileStore.insert", () -> sqlError(transactions));
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

        FaultInjection faults = new FaultInjection();
        WorkspaceKit kit = WorkspaceKit.builder().stores(faults.wrap(real)).blobStore(blobs).build();
        // The file and its versions are deleted, then the database refuses a statement: mid-purge.
        faults.failAfter("FileStore.delete", () -> sqlError(transactions));
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

    /** A real SQL error (a table that does not exist), in the current transaction. */
    private static void sqlError(JpaTransactions transactions) {
        transactions.entityManager().createNativeQuery("INSERT INTO cwk_no_such_table VALUES (1)").executeUpdate();
    }
}
