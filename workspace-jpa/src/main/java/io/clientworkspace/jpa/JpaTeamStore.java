package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.jpa.entity.TeamMemberEntity;
import io.clientworkspace.spi.TeamStore;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.TenantRole;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link TeamStore} on JPA. */
public final class JpaTeamStore extends JpaStoreSupport implements TeamStore {

    public JpaTeamStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public TeamMember insert(TeamMember member) {
        requireNonNull(member, "member must not be null");
        return tx(() -> {
            if (em().find(TeamMemberEntity.class, key(member.tenantId(), member.userId())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        member.userId() + " is already on the team of tenant '" + member.tenantId() + "'");
            }
            TeamMemberEntity e = new TeamMemberEntity(member.tenantId().value(), member.userId().value());
            e.role = member.role().name();
            e.addedAt = member.addedAt();
            e.version = 0;
            return toDomain(insert(e, "team member", member.userId().value()));
        });
    }

    @Override
    public TeamMember update(TeamMember member) {
        requireNonNull(member, "member must not be null");
        return tx(() -> {
            TeamMemberEntity e = em().find(TeamMemberEntity.class, key(member.tenantId(), member.userId()));
            if (e == null || e.version != member.version()) {
                throw ConflictException.staleVersion("team member", member.userId().value(), member.version());
            }
            e.role = member.role().name();
            return toDomain(saveManaged(e, "team member", member.userId().value()));
        });
    }

    @Override
    public void delete(TenantId tenantId, UserId userId, long expectedVersion) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        tx(() -> {
            TeamMemberEntity e = em().find(TeamMemberEntity.class, key(tenantId, userId));
            if (e == null || e.version != expectedVersion) {
                throw ConflictException.staleVersion("team member", userId.value(), expectedVersion);
            }
            em().remove(e);
            flush("team member", userId.value());
            return null;
        });
    }

    @Override
    public Optional<TeamMember> find(TenantId tenantId, UserId userId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        return tx(() -> Optional.ofNullable(em().find(TeamMemberEntity.class, key(tenantId, userId)))
                .map(e -> mapDetached(e, JpaTeamStore::toDomain)));
    }

    @Override
    public List<TeamMember> list(TenantId tenantId, Optional<UserId> after, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(after, "after must not be null");
        return tx(() -> mapDetached(em().createQuery("select m from CwkTeamMember m"
                        + " where m.tenantId = :tenant and m.userId > :after order by m.userId", TeamMemberEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("after", after.map(UserId::value).orElse(""))
                .setMaxResults(limit)
                .getResultList(), JpaTeamStore::toDomain));
    }

    @Override
    public long countByRole(TenantId tenantId, TenantRole role) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(role, "role must not be null");
        return tx(() -> em().createQuery("select count(m) from CwkTeamMember m"
                        + " where m.tenantId = :tenant and m.role = :role", Long.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("role", role.name())
                .getSingleResult());
    }

    private static TeamMemberEntity.Key key(TenantId tenantId, UserId userId) {
        return new TeamMemberEntity.Key(tenantId.value(), userId.value());
    }

    static TeamMember toDomain(TeamMemberEntity e) {
        return new TeamMember(TenantId.of(e.tenantId), UserId.of(e.userId), TenantRole.valueOf(e.role), e.addedAt, e.version);
    }

    /**
     * One statement when {@code matrices} is the {@link JpaPermissionMatrixStore} of the same database: the role and
     * the tenant's matrix as two scalar subqueries on their primary keys; otherwise the default.
     */
    @Override
    public RoleAndMatrix findRoleWithMatrix(TenantId tenantId, UserId userId,
                                            io.clientworkspace.spi.PermissionMatrixStore matrices) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(matrices, "matrices must not be null");
        if (!(matrices instanceof JpaPermissionMatrixStore sibling) || !sharesTransactionsWith(sibling)) {
            return TeamStore.super.findRoleWithMatrix(tenantId, userId, matrices);
        }
        return tx(() -> {
            Object[] row = (Object[]) em().createNativeQuery("SELECT"
                            + " (SELECT t.role FROM cwk_team_member t WHERE t.tenant_id = ?1 AND t.user_id = ?2),"
                            + " (SELECT m.grants FROM cwk_permission_matrix m WHERE m.tenant_id = ?1)")
                    .setParameter(1, tenantId.value())
                    .setParameter(2, userId.value())
                    .getSingleResult();
            Optional<TenantRole> role = Optional.ofNullable(row[0]).map(r -> TenantRole.valueOf(r.toString()));
            Optional<io.clientworkspace.member.PermissionMatrix> matrix = Optional.ofNullable(row[1])
                    .map(g -> JpaPermissionMatrixStore.decode(g.toString()));
            return new RoleAndMatrix(role, matrix);
        });
    }
}
