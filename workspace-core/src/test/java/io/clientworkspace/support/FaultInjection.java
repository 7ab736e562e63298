package io.clientworkspace.support;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.ActivityStore;
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TeamStore;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.TenantRole;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * In-memory stores whose team, membership and activity stores can be told to fail on a given write,
 * as a disk or a database would. Writes are named {@code "team.insert"}, {@code "memberships.update"},
 * {@code "activity.append"}, and appends also {@code "activity.append:<action>"}.
 */
public final class FaultInjection {

    /** The failure a store throws when told to. */
    public static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String operation) {
            super("injected failure on " + operation);
        }
    }

    private record Plan(String operation, AtomicInteger callsLeft) {
    }

    private final AtomicReference<Optional<Plan>> plan = new AtomicReference<>(Optional.empty());
    private final Stores stores;

    public FaultInjection() {
        Stores base = InMemoryStores.create();
        stores = base.with(TeamStore.class, new FaultyTeam(base.team()))
                .with(MembershipStore.class, new FaultyMemberships(base.memberships()))
                .with(ActivityStore.class, new FaultyActivity(base.activity()));
    }

    /** The stores to build the kit with. */
    public Stores stores() {
        return stores;
    }

    /** Makes the next call of {@code operation} fail. */
    public void failOn(String operation) {
        failOn(operation, 1);
    }

    /** Makes the {@code nth} call of {@code operation} from now on fail (once). */
    public void failOn(String operation, int nth) {
        plan.set(Optional.of(new Plan(operation, new AtomicInteger(nth))));
    }

    /** Stops failing. */
    public void heal() {
        plan.set(Optional.empty());
    }

    private void check(String... operations) {
        plan.get().ifPresent(p -> {
            if (List.of(operations).contains(p.operation()) && p.callsLeft().decrementAndGet() == 0) {
                plan.set(Optional.empty());
                throw new InjectedFailure(p.operation());
            }
        });
    }

    private final class FaultyTeam implements TeamStore {
        private final TeamStore d;

        FaultyTeam(TeamStore delegate) {
            this.d = delegate;
        }

        @Override
        public TeamMember insert(TeamMember member) {
            check("team.insert");
            return d.insert(member);
        }

        @Override
        public TeamMember update(TeamMember member) {
            check("team.update");
            return d.update(member);
        }

        @Override
        public void delete(TenantId tenantId, UserId userId, long expectedVersion) {
            check("team.delete");
            d.delete(tenantId, userId, expectedVersion);
        }

        @Override
        public Optional<TeamMember> find(TenantId tenantId, UserId userId) {
            return d.find(tenantId, userId);
        }

        @Override
        public List<TeamMember> list(TenantId tenantId, Optional<UserId> after, int limit) {
            return d.list(tenantId, after, limit);
        }

        @Override
        public long countByRole(TenantId tenantId, TenantRole role) {
            return d.countByRole(tenantId, role);
        }
    }

    private final class FaultyMemberships implements MembershipStore {
        private final MembershipStore d;

        FaultyMemberships(MembershipStore delegate) {
            this.d = delegate;
        }

        @Override
        public Membership insert(Membership membership) {
            check("memberships.insert");
            return d.insert(membership);
        }

        @Override
        public Membership update(Membership membership) {
            check("memberships.update");
            return d.update(membership);
        }

        @Override
        public void delete(TenantId tenantId, WorkspaceId workspaceId, UserId userId, long expectedVersion) {
            check("memberships.delete");
            d.delete(tenantId, workspaceId, userId, expectedVersion);
        }

        @Override
        public Optional<Membership> find(TenantId tenantId, WorkspaceId workspaceId, UserId userId) {
            return d.find(tenantId, workspaceId, userId);
        }

        @Override
        public List<Membership> list(TenantId tenantId, WorkspaceId workspaceId, Optional<UserId> after, int limit) {
            return d.list(tenantId, workspaceId, after, limit);
        }

        @Override
        public long countByRole(TenantId tenantId, WorkspaceId workspaceId, WorkspaceRole role) {
            return d.countByRole(tenantId, workspaceId, role);
        }
    }

    private final class FaultyActivity implements ActivityStore {
        private final ActivityStore d;

        FaultyActivity(ActivityStore delegate) {
            this.d = delegate;
        }

        @Override
        public void append(ActivityEntry entry) {
            check("activity.append", "activity.append:" + entry.action());
            d.append(entry);
        }

        @Override
        public Optional<ActivityEntry> latest(TenantId tenantId, WorkspaceId workspaceId) {
            return d.latest(tenantId, workspaceId);
        }

        @Override
        public List<ActivityEntry> listNewestFirst(TenantId tenantId, WorkspaceId workspaceId,
                                                   Set<Visibility> visibilities, OptionalLong beforeSequence, int limit) {
            return d.listNewestFirst(tenantId, workspaceId, visibilities, beforeSequence, limit);
        }

        @Override
        public List<ActivityEntry> listOldestFirst(TenantId tenantId, WorkspaceId workspaceId, long afterSequence,
                                                   int limit) {
            return d.listOldestFirst(tenantId, workspaceId, afterSequence, limit);
        }
    }
}
