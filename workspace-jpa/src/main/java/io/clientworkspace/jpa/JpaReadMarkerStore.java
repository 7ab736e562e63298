package io.clientworkspace.jpa;

import io.clientworkspace.ConversationId;
import io.clientworkspace.MessageId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.jpa.entity.ReadMarkerEntity;
import io.clientworkspace.message.ReadMarker;
import io.clientworkspace.spi.ReadMarkerStore;
import org.hibernate.Session;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link ReadMarkerStore} on JPA: one row per (tenant, workspace, user, conversation). {@link #save} is an atomic
 * upsert (PostgreSQL: {@code INSERT ... ON CONFLICT DO UPDATE}; elsewhere update, else insert, and when a racing
 * first save inserted meanwhile, update after all), so concurrent first saves of one marker all succeed.
 */
public final class JpaReadMarkerStore extends JpaStoreSupport implements ReadMarkerStore {

    public JpaReadMarkerStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public ReadMarker save(ReadMarker marker) {
        requireNonNull(marker, "marker must not be null");
        return tx(() -> {
            // An atomic upsert, not find-then-insert: two first saves of one marker (a user marking a conversation
            // read in two tabs) must both succeed. Plain JDBC, so that an expected duplicate key (outside
            // PostgreSQL) does not doom the unit of work; no entity of this row is ever kept managed, so the
            // persistence context holds no stale copy afterwards.
            boolean postgres = isPostgreSql();
            em().unwrap(Session.class).doWork(connection -> {
                if (postgres) {
                    try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO cwk_read_marker"
                            + " (tenant_id, workspace_id, user_id, conversation_id, last_read, read_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, workspace_id, user_id, conversation_id)"
                            + " DO UPDATE SET last_read = EXCLUDED.last_read, read_at = EXCLUDED.read_at")) {
                        bindKey(upsert, marker, 1);
                        upsert.setString(5, marker.lastRead().value());
                        upsert.setObject(6, OffsetDateTime.ofInstant(marker.at(), ZoneOffset.UTC));
                        upsert.executeUpdate();
                    }
                    return;
                }
                if (update(connection, marker) == 0) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cwk_read_marker"
                            + " (tenant_id, workspace_id, user_id, conversation_id, last_read, read_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")) {
                        bindKey(insert, marker, 1);
                        insert.setString(5, marker.lastRead().value());
                        insert.setObject(6, OffsetDateTime.ofInstant(marker.at(), ZoneOffset.UTC));
                        insert.executeUpdate();
                    } catch (SQLException duplicate) {
                        // A racing first save inserted the row meanwhile: replace it, as a later save would.
                        if (duplicate.getSQLState() == null || !duplicate.getSQLState().startsWith("23")
                                || update(connection, marker) == 0) {
                            throw duplicate;
                        }
                    }
                }
            });
            return marker;
        });
    }

    private static int update(Connection connection, ReadMarker marker) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE cwk_read_marker SET last_read = ?, read_at = ?"
                + " WHERE tenant_id = ? AND workspace_id = ? AND user_id = ? AND conversation_id = ?")) {
            update.setString(1, marker.lastRead().value());
            update.setObject(2, OffsetDateTime.ofInstant(marker.at(), ZoneOffset.UTC));
            bindKey(update, marker, 3);
            return update.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement statement, ReadMarker marker, int first) throws SQLException {
        statement.setString(first, marker.tenantId().value());
        statement.setString(first + 1, marker.workspaceId().value());
        statement.setString(first + 2, marker.userId().value());
        statement.setString(first + 3, marker.conversationId().value());
    }

    private boolean isPostgreSql() {
        return em().getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect() instanceof PostgreSQLDialect;
    }

    @Override
    public Optional<ReadMarker> find(TenantId tenantId, WorkspaceId workspaceId, UserId userId, ConversationId conversationId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        return tx(() -> Optional.ofNullable(em().find(ReadMarkerEntity.class, key(tenantId, workspaceId, userId, conversationId)))
                .map(e -> mapDetached(e, JpaReadMarkerStore::toDomain)));
    }

    private static ReadMarkerEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, UserId userId, ConversationId conversationId) {
        return new ReadMarkerEntity.Key(tenantId.value(), workspaceId.value(), userId.value(), conversationId.value());
    }

    static ReadMarker toDomain(ReadMarkerEntity e) {
        return new ReadMarker(TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), UserId.of(e.userId),
                ConversationId.of(e.conversationId), MessageId.of(e.lastRead), e.at);
    }
}
