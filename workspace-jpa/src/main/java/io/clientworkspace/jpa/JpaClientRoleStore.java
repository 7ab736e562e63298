package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.jpa.entity.ClientRoleEntity;
import io.clientworkspace.member.ClientRole;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.ClientRoleStore;
import jakarta.persistence.LockModeType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * {@link ClientRoleStore} on JPA: roles keyed by (tenant, key), permissions stored as sorted comma-separated names
 * (names unknown to this version, from a newer one, are dropped on read). Hibernate's optimistic versions.
 */
public final class JpaClientRoleStore extends JpaStoreSupport implements ClientRoleStore {

    private static final String RESOURCE = "client role";

    public JpaClientRoleStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public ClientRole insert(ClientRole role) {
        requireNonNull(role, "role must not be null");
        return tx(() -> {
            if (em().find(ClientRoleEntity.class, new ClientRoleEntity.Key(role.tenantId().value(), role.key())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Client role '" + role.key() + "' already exists");
            }
            ClientRoleEntity e = new ClientRoleEntity(role.tenantId().value(), role.key());
            copy(role, e);
            e.version = 0;
            return toDomain(insert(e, RESOURCE, role.key()));
        });
    }

    @Override
    public ClientRole update(ClientRole role) {
        requireNonNull(role, "role must not be null");
        return tx(() -> {
            ClientRoleEntity e = em().find(ClientRoleEntity.class,
                    new ClientRoleEntity.Key(role.tenantId().value(), role.key()));
            if (e == null || e.version != role.version()) {
                throw ConflictException.staleVersion(RESOURCE, role.key(), role.version());
            }
            copy(role, e);
            return toDomain(saveVersioned(e, role.version(), entity -> entity.version, RESOURCE, role.key()));
        });
    }

    @Override
    public Optional<ClientRole> findForUpdate(TenantId tenantId, String key) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(key, "key must not be null");
        return tx(() -> {
            try {
                return Optional.ofNullable(em().find(ClientRoleEntity.class,
                                new ClientRoleEntity.Key(tenantId.value(), key), LockModeType.PESSIMISTIC_WRITE))
                        .map(e -> mapDetached(e, JpaClientRoleStore::toDomain));
            } catch (RuntimeException e) {
                throw JpaErrors.translate(e, RESOURCE, key);
            }
        });
    }

    @Override
    public Optional<ClientRole> find(TenantId tenantId, String key) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(key, "key must not be null");
        return tx(() -> Optional.ofNullable(em().find(ClientRoleEntity.class,
                        new ClientRoleEntity.Key(tenantId.value(), key)))
                .map(e -> mapDetached(e, JpaClientRoleStore::toDomain)));
    }

    @Override
    public List<ClientRole> list(TenantId tenantId) {
        requireNonNull(tenantId, "tenantId must not be null");
        return tx(() -> mapDetached(em().createQuery("select r from CwkClientRole r where r.tenantId = :tenant"
                        + " order by r.key", ClientRoleEntity.class)
                .setParameter("tenant", tenantId.value())
                .getResultList(), JpaClientRoleStore::toDomain));
    }

    @Override
    public void delete(TenantId tenantId, String key, long expectedVersion) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(key, "key must not be null");
        tx(() -> {
            ClientRoleEntity e = em().find(ClientRoleEntity.class, new ClientRoleEntity.Key(tenantId.value(), key));
            if (e == null || e.version != expectedVersion) {
                throw ConflictException.staleVersion(RESOURCE, key, expectedVersion);
            }
            em().remove(e);
            flush(RESOURCE, key);
            return null;
        });
    }

    private static void copy(ClientRole role, ClientRoleEntity e) {
        e.label = role.label();
        e.base = role.base().name();
        e.permissions = role.permissions().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static ClientRole toDomain(ClientRoleEntity e) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        Arrays.stream(e.permissions.split(","))
                .filter(name -> Arrays.stream(Permission.values()).anyMatch(p -> p.name().equals(name)))
                .map(Permission::valueOf)
                .forEach(permissions::add);
        return new ClientRole(TenantId.of(e.tenantId), e.key, e.label, WorkspaceRole.valueOf(e.base), permissions,
                e.version);
    }
}
