package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.jpa.entity.MembershipEntity;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.MembershipStore;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link MembershipStore} on JPA. Each row also keeps a copy of its workspace's slug, for
 * {@link JpaWorkspaceStore#listForMember}; so a membership can only be inserted into a workspace that
 * exists in the same tenant ({@link NotFoundException} otherwise).
 */
public final class JpaMembershipStore extends JpaStoreSupport implements MembershipStore {

    public JpaMembershipStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public Membership insert(Membership membership) {
        requireNonNull(membership, "membership must not be null");
        return tx(() -> {
            MembershipEntity.Key key = key(membership.tenantId(), membership.workspaceId(), membership.userId());
            // The workspace's slug (copied onto the row, see MembershipEntity#workspaceSlug) and whether the
            // user is already a member, in one statement.
            List<Object[]> found = em().createQuery("select w.slug, m.userId from CwkWorkspace w"
                            + " left join CwkMembership m on m.tenantId = w.tenantId and m.workspaceId = w.id"
                            + " and m.userId = :user"
                            + " where w.tenantId = :tenant and w.id = :workspace", Object[].class)
                    .setParameter("tenant", key.tenantId)
                    .setParameter("workspace", key.workspaceId)
                    .setParameter("user", key.userId)
                    .getResultList();
            if (found.isEmpty()) {
                throw new NotFoundException("workspace", membership.workspaceId().value());
            }
            if (found.get(0)[1] != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, membership.userId()
                        + " is already a member of workspace '" + membership.workspaceId() + "'");
            }
            MembershipEntity e = new MembershipEntity(membership.tenantId().value(), membership.workspaceId().value(),
                    membership.userId().value());
            e.workspaceSlug = (String) found.get(0)[0];
            e.role = membership.role().name();
            e.clientRole = membership.clientRole().orElse(null);
            e.joinedAt = membership.joinedAt();
            e.version = 0;
            return toDomain(insert(e, "membership", membership.userId().value()));
        });
    }

    @Override
    public Membership update(Membership membership) {
        requireNonNull(membership, "membership must not be null");
        return tx(() -> {
            MembershipEntity e = em().find(MembershipEntity.class,
                    key(membership.tenantId(), membership.workspaceId(), membership.userId()));
            if (e == null || e.version != membership.version()) {
                throw ConflictException.staleVersion("membership", membership.userId().value(), membership.version());
            }
            e.role = membership.role().name();
            e.clientRole = membership.clientRole().orElse(null);
            return toDomain(saveManaged(e, "membership", membership.userId().value()));
        });
    }

    @Override
    public void delete(TenantId tenantId, WorkspaceId workspaceId, UserId userId, long expectedVersion) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(userId, "userId must not be null");
        tx(() -> {
            MembershipEntity e = em().find(MembershipEntity.class, key(tenantId, workspaceId, userId));
            if (e == null || e.version != expectedVersion) {
                throw ConflictException.staleVersion("membership", userId.value(), expectedVersion);
            }
            em().remove(e);
            flush("membership", userId.value());
            return null;
        });
    }

    @Override
    public Optional<Membership> find(TenantId tenantId, WorkspaceId workspaceId, UserId userId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(userId, "userId must not be null");
        return tx(() -> Optional.ofNullable(em().find(MembershipEntity.class, key(tenantId, workspaceId, userId)))
                .map(e -> mapDetached(e, JpaMembershipStore::toDomain)));
    }

    @Override
    public List<Membership> list(TenantId tenantId, WorkspaceId workspaceId, Optional<UserId> after, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(after, "after must not be null");
        return tx(() -> mapDetached(em().createQuery("select m from CwkMembership m where m.tenantId = :tenant"
                        + " and m.workspaceId = :workspace and m.userId > :after order by m.userId", MembershipEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("after", after.map(UserId::value).orElse(""))
                .setMaxResults(limit)
                .getResultList(), JpaMembershipStore::toDomain));
    }

    @Override
    public long countByRole(TenantId tenantId, WorkspaceId workspaceId, WorkspaceRole role) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(role, "role must not be null");
        return tx(() -> em().createQuery("select count(m) from CwkMembership m where m.tenantId = :tenant"
                        + " and m.workspaceId = :workspace and m.role = :role", Long.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("role", role.name())
                .getSingleResult());
    }

    @Override
    public long countByClientRole(TenantId tenantId, String clientRole) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(clientRole, "clientRole must not be null");
        return tx(() -> em().createQuery("select count(m) from CwkMembership m where m.tenantId = :tenant"
                        + " and m.clientRole = :clientRole", Long.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("clientRole", clientRole)
                .getSingleResult());
    }

    private static MembershipEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, UserId userId) {
        return new MembershipEntity.Key(tenantId.value(), workspaceId.value(), userId.value());
    }

    static Membership toDomain(MembershipEntity e) {
        return new Membership(TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), UserId.of(e.userId),
                WorkspaceRole.valueOf(e.role), e.joinedAt, e.version, Optional.ofNullable(e.clientRole));
    }
}
