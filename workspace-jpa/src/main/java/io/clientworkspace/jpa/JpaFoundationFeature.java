package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.ActivityEntity;
import io.clientworkspace.jpa.entity.InvitationEntity;
import io.clientworkspace.jpa.entity.MembershipEntity;
import io.clientworkspace.jpa.entity.PermissionMatrixEntity;
import io.clientworkspace.jpa.entity.TeamMemberEntity;
import io.clientworkspace.jpa.entity.TenantEntity;
import io.clientworkspace.jpa.entity.WorkspaceEntity;
import io.clientworkspace.spi.ActivityStore;
import io.clientworkspace.spi.InvitationStore;
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.spi.PermissionMatrixStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TeamStore;
import io.clientworkspace.spi.TenantStore;
import io.clientworkspace.spi.WorkspaceStore;

import java.time.Clock;
import java.util.List;

/** The foundation every store set provides: tenants and team, workspaces, members, invitations, activity. */
final class JpaFoundationFeature implements JpaFeature {

    @Override
    public String name() {
        return "foundation";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(TenantEntity.class, TeamMemberEntity.class, PermissionMatrixEntity.class, WorkspaceEntity.class,
                MembershipEntity.class, InvitationEntity.class, ActivityEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(TenantStore.class, new JpaTenantStore(transactions))
                .add(TeamStore.class, new JpaTeamStore(transactions))
                .add(PermissionMatrixStore.class, new JpaPermissionMatrixStore(transactions))
                .add(WorkspaceStore.class, new JpaWorkspaceStore(transactions))
                .add(MembershipStore.class, new JpaMembershipStore(transactions))
                .add(InvitationStore.class, new JpaInvitationStore(transactions))
                .add(ActivityStore.class, new JpaActivityStore(transactions));
    }
}
