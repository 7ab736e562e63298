package io.clientworkspace.jpa;

import io.clientworkspace.TenantId;
import io.clientworkspace.jpa.entity.PermissionMatrixEntity;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.PermissionMatrixStore;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * {@link PermissionMatrixStore} on JPA. A matrix is stored as text, {@code ROLE=PERM,PERM;ROLE=...};
 * unknown names (from a newer version) are ignored on read.
 */
public final class JpaPermissionMatrixStore extends JpaStoreSupport implements PermissionMatrixStore {

    public JpaPermissionMatrixStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public Optional<PermissionMatrix> find(TenantId tenantId) {
        requireNonNull(tenantId, "tenantId must not be null");
        return tx(() -> Optional.ofNullable(em().find(PermissionMatrixEntity.class, tenantId.value()))
                .map(e -> mapDetached(e, entity -> decode(entity.grants))));
    }

    @Override
    public void save(TenantId tenantId, PermissionMatrix matrix) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(matrix, "matrix must not be null");
        tx(() -> {
            PermissionMatrixEntity e = em().find(PermissionMatrixEntity.class, tenantId.value());
            if (e == null) {
                e = new PermissionMatrixEntity(tenantId.value());
                e.grants = encode(matrix);
                insert(e, "permission matrix", tenantId.value());
            } else {
                e.grants = encode(matrix);
                saveManaged(e, "permission matrix", tenantId.value());
            }
            return null;
        });
    }

    @Override
    public void delete(TenantId tenantId) {
        requireNonNull(tenantId, "tenantId must not be null");
        tx(() -> {
            PermissionMatrixEntity e = em().find(PermissionMatrixEntity.class, tenantId.value());
            if (e != null) {
                em().remove(e);
                flush("permission matrix", tenantId.value());
            }
            return null;
        });
    }

    static String encode(PermissionMatrix matrix) {
        return matrix.asMap().entrySet().stream()
                .map(e -> e.getKey().name() + "=" + e.getValue().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }

    static PermissionMatrix decode(String text) {
        Map<WorkspaceRole, Set<Permission>> grants = new EnumMap<>(WorkspaceRole.class);
        for (String part : text.split(";")) {
            String[] roleAndPermissions = part.split("=", 2);
            WorkspaceRole role = WorkspaceRole.valueOf(roleAndPermissions[0]);
            Set<Permission> permissions = EnumSet.noneOf(Permission.class);
            if (roleAndPermissions.length > 1 && !roleAndPermissions[1].isEmpty()) {
                Arrays.stream(roleAndPermissions[1].split(","))
                        .filter(name -> Arrays.stream(Permission.values()).anyMatch(p -> p.name().equals(name)))
                        .map(Permission::valueOf)
                        .forEach(permissions::add);
            }
            grants.put(role, permissions);
        }
        return PermissionMatrix.of(grants);
    }
}
