package io.clientworkspace.jpa;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A real database error in the middle of a multi-store operation leaves no partial rows: the
 * operation's earlier writes (workspace, invitation update, activity) are rolled back with it.
 */
class FailureAtomicityTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseErrorWhileCreatingAWorkspaceLeavesNoWorkspaceMembershipOrActivity(TestDatabase db) throws SQLException {
        db.reset();
        JpaTransactions transactions = new ResourceLocalTransactions(db.emf());
        Stores real = JpaStores.create(transactions);
        Stores failing = new Stores(real.unitOfWork(), real.tenants(), real.team(), real.permissionMatrices(),
                real.workspaces(), new FailingOnInsert(real.memberships(), transactions), real.invitations(),
                real.activity(), real.outbox());
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

        Stores failing = new Stores(real.unitOfWork(), real.tenants(), real.team(), real.permissionMatrices(),
                real.workspaces(), new FailingOnInsert(real.memberships(), transactions), real.invitations(),
                real.activity(), real.outbox());
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

    private static long rows(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
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
