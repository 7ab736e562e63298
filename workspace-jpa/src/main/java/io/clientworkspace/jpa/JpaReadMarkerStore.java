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
 * {@link ReadMarkerStore} on JPA: one row per (tenant, workspace, user, conversation). {@link #save} is an atomic,
 * forward-only upsert (PostgreSQL: {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE last_read < EXCLUDED.last_read};
 * elsewhere a conditional update, else insert, and when a racing first save inserted meanwhile, the conditional
 * update after all), so concurrent first saves of one marker all succeed and the greatest marker always wins.
 * It answers the row as stored afterwards.
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
            return em().unwrap(Session.class).doReturningWork(connection -> {
                write(connection, marker, postgres);
                return stored(connection, marker);
            });
        });
    }

    private static void write(Connection connection, ReadMarker marker, boolean postgres) throws SQLException {
        if (postgres) {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO cwk_read_marker"
                    + " (tenant_id, workspace_id, user_id, conversation_id, last_read, read_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, workspace_id, user_id, conversation_id)"
                    + " DO UPDATE SET last_read = EXCLUDED.last_read, read_at = EXCLUDED.read_at"
                    + " WHERE cwk_read_marker.last_read < EXCLUDED.last_read")) {
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
                // The row exists (not behind this marker, or a racing first save inserted it meanwhile): move it
                // forward if it is behind, as a later save would.
                if (duplicate.getSQLState() == null || !duplicate.getSQLState().startsWith("23")) {
                    throw duplicate;
                }
                update(connection, marker);
            }
        }
    }

    /** The row as stored now (it exists: {@link #write} inserted it or found it). */
    private static ReadMarker stored(Connection connection, ReadMarker marker) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_read, read_at FROM cwk_read_marker"
                + " WHERE tenant_id = ? AND workspace_id = ? AND user_id = ? AND conversation_id = ?")) {
            bindKey(select, marker, 1);
            try (java.sql.ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("read marker vanished while it was saved");
                }
                return new ReadMarker(marker.tenantId(), marker.workspaceId(), marker.userId(), marker.conversationId(),
                        MessageId.of(row.getString(1)), row.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
    }

    private static int update(Connection connection, ReadMarker marker) throws SQLException {
        // Conditional: only forward, so that a concurrent save of an older marker never moves it back.
        try (PreparedStatement update = connection.prepareStatement("UPDATE cwk_read_marker SET last_read = ?, read_at = ?"
                + " WHERE tenant_id = ? AND workspace_id = ? AND user_id = ? AND conversation_id = ? AND last_read < ?")) {
            update.setString(1, marker.lastRead().value());
            update.setObject(2, OffsetDateTime.ofInstant(marker.at(), ZoneOffset.UTC));
            bindKey(update, marker, 3);
            update.setString(7, marker.lastRead().value());
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
