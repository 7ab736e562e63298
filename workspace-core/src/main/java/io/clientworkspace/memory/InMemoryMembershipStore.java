package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.MembershipStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** {@link MembershipStore} in memory. */
final class InMemoryMembershipStore implements MembershipStore {

    private record WorkspaceKey(TenantId tenantId, WorkspaceId workspaceId) {
    }

    private static final TreeMap<UserId, Membership> EMPTY = new TreeMap<>();

    private final InMemoryTransactions tx;
    private final Map<WorkspaceKey, TreeMap<UserId, Membership>> byWorkspace = new HashMap<>();

    public InMemoryMembershipStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public Membership insert(Membership membership) {
        requireNonNull(membership, "membership must not be null");
        return tx.write(() -> {
            TreeMap<UserId, Membership> members = members(membership.tenantId(), membership.workspaceId());
            if (members.containsKey(membership.userId())) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, membership.userId()
                        + " is already a member of workspace '" + membership.workspaceId() + "'");
            }
            Membership stored = withVersion(membership, 0, membership);
            members.put(stored.userId(), stored);
            return new Undoable<>(stored, () -> members.remove(stored.userId()));
        });
    }

    @Override
    public Membership update(Membership membership) {
        requireNonNull(membership, "membership must not be null");
        return tx.write(() -> {
            TreeMap<UserId, Membership> members = members(membership.tenantId(), membership.workspaceId());
            Membership current = members.get(membership.userId());
            if (current == null || current.version() != membership.version()) {
                throw ConflictException.staleVersion("membership", membership.userId().value(), membership.version());
            }
            Membership stored = withVersion(membership, current.version() + 1, current);
            members.put(stored.userId(), stored);
            return new Undoable<>(stored, () -> members.put(current.userId(), current));
        });
    }

    @Override
    public void delete(TenantId tenantId, WorkspaceId workspaceId, UserId userId, long expectedVersion) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(userId, "userId must not be null");
        tx.write(() -> {
            TreeMap<UserId, Membership> members = members(tenantId, workspaceId);
            Membership current = members.get(userId);
            if (current == null || current.version() != expectedVersion) {
                throw ConflictException.staleVersion("membership", userId.value(), expectedVersion);
            }
            members.remove(userId);
            return new Undoable<>(null, () -> members.put(userId, current));
        });
    }

    @Override
    public Optional<Membership> find(TenantId tenantId, WorkspaceId workspaceId, UserId userId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(userId, "userId must not be null");
        return tx.read(() -> Optional.ofNullable(view(tenantId, workspaceId).get(userId)));
    }

    @Override
    public List<Membership> list(TenantId tenantId, WorkspaceId workspaceId, Optional<UserId> after, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(after, "after must not be null");
        return tx.read(() -> {
            TreeMap<UserId, Membership> members = view(tenantId, workspaceId);
            return (after.isPresent() ? members.tailMap(after.get(), false) : members).values().stream()
                    .limit(limit).toList();
        });
    }

    @Override
    public long countByRole(TenantId tenantId, WorkspaceId workspaceId, WorkspaceRole role) {
        requireNonNull(role, "role must not be null");
        return tx.read(() -> view(tenantId, workspaceId).values().stream().filter(m -> m.role() == role).count());
    }

    @Override
    public long countByClientRole(TenantId tenantId, String clientRole) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(clientRole, "clientRole must not be null");
        return tx.read(() -> byWorkspace.entrySet().stream()
                .filter(e -> e.getKey().tenantId().equals(tenantId))
                .flatMap(e -> e.getValue().values().stream())
                .filter(m -> m.clientRole().filter(clientRole::equals).isPresent())
                .count());
    }

    /** The workspaces of the tenant in which the user holds a membership with one of the roles. */
    Set<WorkspaceId> workspacesOf(TenantId tenantId, UserId userId, Set<WorkspaceRole> roles) {
        return byWorkspace.entrySet().stream()
                .filter(e -> e.getKey().tenantId().equals(tenantId) && e.getValue().containsKey(userId)
                        && roles.contains(e.getValue().get(userId).role()))
                .map(e -> e.getKey().workspaceId())
                .collect(Collectors.toSet());
    }

    private TreeMap<UserId, Membership> members(TenantId tenantId, WorkspaceId workspaceId) {
        return byWorkspace.computeIfAbsent(new WorkspaceKey(tenantId, workspaceId), k -> new TreeMap<>());
    }

    /** For reads: never creates a map (reads run concurrently under the read lock). */
    private TreeMap<UserId, Membership> view(TenantId tenantId, WorkspaceId workspaceId) {
        return byWorkspace.getOrDefault(new WorkspaceKey(tenantId, workspaceId), EMPTY);
    }

    private static Membership withVersion(Membership m, long version, Membership original) {
        return new Membership(m.tenantId(), m.workspaceId(), m.userId(), m.role(), original.joinedAt(), version,
                m.clientRole());
    }
}
