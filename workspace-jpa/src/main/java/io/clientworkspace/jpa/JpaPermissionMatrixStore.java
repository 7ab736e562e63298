package io.clientworkspace.jpa;

import io.clientworkspace.TenantId;
import io.clientworkspace.jpa.entity.PermissionMatrixEntity;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.PermissionMatrixStore;
import org.hibernate.Session;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * unknown names (from a newer version) are ignored on read. Saves are last-write-wins: on PostgreSQL an
 * {@code INSERT ... ON CONFLICT DO UPDATE}, elsewhere an update, else an insert that falls back to the update when a racing first save won.
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
            if (isPostgreSql()) {
                // Last write wins even when two first saves race: an atomic upsert, not find-then-insert.
                em().createNativeQuery("INSERT INTO cwk_permission_matrix (tenant_id, grants, version) VALUES (?1, ?2, 0)"
                                + " ON CONFLICT (tenant_id) DO UPDATE SET grants = EXCLUDED.grants,"
                                + " version = cwk_permission_matrix.version + 1")
                        .setParameter(1, tenantId.value())
                        .setParameter(2, encode(matrix))
                        .executeUpdate();
                return null;
            }
            // Elsewhere: update, else insert, and if a racing first save inserted meanwhile, update after
            // all. Plain JDBC, so that the expected duplicate-key error does not doom the transaction
            // (databases such as H2 let a transaction go on after a failed statement).
            String grants = encode(matrix);
            em().unwrap(Session.class).doWork(connection -> {
                if (updateGrants(connection, tenantId, grants) == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO cwk_permission_matrix (tenant_id, grants, version) VALUES (?, ?, 0)")) {
                        insert.setString(1, tenantId.value());
                        insert.setString(2, grants);
                        insert.executeUpdate();
                    } catch (SQLException duplicate) {
                        if (duplicate.getSQLState() == null || !duplicate.getSQLState().startsWith("23")
                                || updateGrants(connection, tenantId, grants) == 0) {
                            throw duplicate;
                        }
                    }
                }
            });
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

    private static int updateGrants(Connection connection, TenantId tenantId, String grants) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE cwk_permission_matrix SET grants = ?, version = version + 1 WHERE tenant_id = ?")) {
            update.setString(1, grants);
            update.setString(2, tenantId.value());
            return update.executeUpdate();
        }
    }

    private boolean isPostgreSql() {
        return em().getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect() instanceof PostgreSQLDialect;
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
