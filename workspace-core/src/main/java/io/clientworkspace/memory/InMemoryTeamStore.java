package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.TeamStore;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.TenantRole;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** {@link TeamStore} in memory. */
final class InMemoryTeamStore implements TeamStore {

    private final InMemoryTransactions tx;
    private final Map<TenantId, TreeMap<UserId, TeamMember>> rosters = new HashMap<>();

    public InMemoryTeamStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public TeamMember insert(TeamMember member) {
        requireNonNull(member, "member must not be null");
        return tx.write(() -> {
            TreeMap<UserId, TeamMember> roster = rosters.computeIfAbsent(member.tenantId(), t -> new TreeMap<>());
            if (roster.containsKey(member.userId())) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        member.userId() + " is already on the team of tenant '" + member.tenantId() + "'");
            }
            TeamMember stored = new TeamMember(member.tenantId(), member.userId(), member.role(), member.addedAt(), 0);
            roster.put(stored.userId(), stored);
            return new Undoable<>(stored, () -> roster.remove(stored.userId()));
        });
    }

    @Override
    public TeamMember update(TeamMember member) {
        requireNonNull(member, "member must not be null");
        return tx.write(() -> {
            TreeMap<UserId, TeamMember> roster = rosters.getOrDefault(member.tenantId(), new TreeMap<>());
            TeamMember current = roster.get(member.userId());
            if (current == null || current.version() != member.version()) {
                throw ConflictException.staleVersion("team member", member.userId().value(), member.version());
            }
            TeamMember stored = new TeamMember(member.tenantId(), member.userId(), member.role(), current.addedAt(),
                    current.version() + 1);
            roster.put(stored.userId(), stored);
            return new Undoable<>(stored, () -> roster.put(current.userId(), current));
        });
    }

    @Override
    public void delete(TenantId tenantId, UserId userId, long expectedVersion) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        tx.write(() -> {
            TreeMap<UserId, TeamMember> roster = rosters.getOrDefault(tenantId, new TreeMap<>());
            TeamMember current = roster.get(userId);
            if (current == null || current.version() != expectedVersion) {
                throw ConflictException.staleVersion("team member", userId.value(), expectedVersion);
            }
            roster.remove(userId);
            return new Undoable<>(null, () -> roster.put(userId, current));
        });
    }

    @Override
    public Optional<TeamMember> find(TenantId tenantId, UserId userId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        return tx.read(() -> Optional.ofNullable(rosters.getOrDefault(tenantId, new TreeMap<>()).get(userId)));
    }

    @Override
    public List<TeamMember> list(TenantId tenantId, Optional<UserId> after, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(after, "after must not be null");
        return tx.read(() -> {
            TreeMap<UserId, TeamMember> roster = rosters.getOrDefault(tenantId, new TreeMap<>());
            return (after.isPresent() ? roster.tailMap(after.get(), false) : roster).values().stream().limit(limit).toList();
        });
    }

    @Override
    public long countByRole(TenantId tenantId, TenantRole role) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(role, "role must not be null");
        return tx.read(() -> rosters.getOrDefault(tenantId, new TreeMap<>()).values().stream()
                .filter(m -> m.role() == role).count());
    }
}
