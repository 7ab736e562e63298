package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.ScheduledEventId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.calendar.EventKind;
import io.clientworkspace.calendar.ScheduledEvent;
import io.clientworkspace.jpa.entity.ScheduledEventEntity;
import io.clientworkspace.spi.ScheduledEventStore;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link ScheduledEventStore} on JPA: events keyed by (tenant, workspace, id), listed through the index
 * {@code (tenant_id, workspace_id, start_at, id)} with a keyset on (start, id). An update is one conditional
 * statement ({@code where version = :expected}, setting {@code version + 1}), so of two updates from one version
 * exactly one succeeds, and a stale or foreign event changes nothing.
 */
public final class JpaScheduledEventStore extends JpaStoreSupport implements ScheduledEventStore {

    public JpaScheduledEventStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public ScheduledEvent insert(ScheduledEvent event) {
        requireNonNull(event, "event must not be null");
        return tx(() -> {
            if (em().find(ScheduledEventEntity.class, key(event.tenantId(), event.workspaceId(), event.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Scheduled event '" + event.id() + "' already exists");
            }
            ScheduledEventEntity e = new ScheduledEventEntity(event.tenantId().value(), event.workspaceId().value(),
                    event.id().value());
            copy(event, e);
            e.createdBy = event.createdBy().value();
            e.createdAt = event.createdAt();
            e.version = 0;
            return toDomain(insert(e, "scheduled event", event.id().value()));
        });
    }

    @Override
    public ScheduledEvent update(ScheduledEvent event) {
        requireNonNull(event, "event must not be null");
        return tx(() -> {
            int updated = em().createQuery("update CwkScheduledEvent e set e.kind = :kind, e.title = :title,"
                            + " e.description = :description, e.location = :location, e.startAt = :start,"
                            + " e.endAt = :end, e.visibility = :visibility, e.cancelled = :cancelled,"
                            + " e.updatedAt = :updatedAt, e.version = e.version + 1"
                            + " where e.tenantId = :tenant and e.workspaceId = :ws and e.id = :id"
                            + " and e.version = :version")
                    .setParameter("kind", event.kind().name())
                    .setParameter("title", event.title())
                    .setParameter("description", event.description())
                    .setParameter("location", event.location().orElse(null))
                    .setParameter("start", event.start())
                    .setParameter("end", event.end())
                    .setParameter("visibility", event.visibility().name())
                    .setParameter("cancelled", event.cancelled())
                    .setParameter("updatedAt", event.updatedAt())
                    .setParameter("tenant", event.tenantId().value())
                    .setParameter("ws", event.workspaceId().value())
                    .setParameter("id", event.id().value())
                    .setParameter("version", event.version())
                    .executeUpdate();
            if (updated != 1) {
                throw ConflictException.staleVersion("scheduled event", event.id().value(), event.version());
            }
            return find(event.tenantId(), event.workspaceId(), event.id())
                    .orElseThrow(() -> ConflictException.staleVersion("scheduled event", event.id().value(),
                            event.version()));
        });
    }

    @Override
    public Optional<ScheduledEvent> find(TenantId tenantId, WorkspaceId workspaceId, ScheduledEventId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(ScheduledEventEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaScheduledEventStore::toDomain)));
    }

    @Override
    public Optional<ScheduledEvent> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, ScheduledEventId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx(() -> {
            try {
                return Optional.ofNullable(em().find(ScheduledEventEntity.class, key(tenantId, workspaceId, id),
                                LockModeType.PESSIMISTIC_WRITE))
                        .map(e -> mapDetached(e, JpaScheduledEventStore::toDomain));
            } catch (RuntimeException e) {
                throw JpaErrors.translate(e, "scheduled event", id.value());
            }
        });
    }

    @Override
    public List<ScheduledEvent> list(TenantId tenantId, WorkspaceId workspaceId, Instant from, Instant to,
                                     boolean includeInternal, Optional<Position> after, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        requireNonNull(after, "after must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return tx(() -> {
            TypedQuery<ScheduledEventEntity> query = em().createQuery("select e from CwkScheduledEvent e"
                            + " where e.tenantId = :tenant and e.workspaceId = :ws"
                            + " and e.startAt < :to and e.endAt > :from"
                            + (includeInternal ? "" : " and e.visibility = :client")
                            + (after.isPresent()
                            ? " and (e.startAt > :afterStart or (e.startAt = :afterStart and e.id > :afterId))" : "")
                            + " order by e.startAt, e.id", ScheduledEventEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("ws", workspaceId.value())
                    .setParameter("to", to)
                    .setParameter("from", from);
            if (!includeInternal) {
                query.setParameter("client", Visibility.CLIENT.name());
            }
            after.ifPresent(position -> query.setParameter("afterStart", position.start())
                    .setParameter("afterId", position.id().value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaScheduledEventStore::toDomain);
        });
    }

    private static void copy(ScheduledEvent event, ScheduledEventEntity e) {
        e.kind = event.kind().name();
        e.title = event.title();
        e.description = event.description();
        e.location = event.location().orElse(null);
        e.startAt = event.start();
        e.endAt = event.end();
        e.visibility = event.visibility().name();
        e.cancelled = event.cancelled();
        e.updatedAt = event.updatedAt();
    }

    private static ScheduledEventEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, ScheduledEventId id) {
        return new ScheduledEventEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static ScheduledEvent toDomain(ScheduledEventEntity e) {
        return new ScheduledEvent(ScheduledEventId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId),
                EventKind.valueOf(e.kind), e.title, e.description, Optional.ofNullable(e.location), e.startAt, e.endAt,
                Visibility.valueOf(e.visibility), e.cancelled, UserId.of(e.createdBy), e.createdAt, e.updatedAt,
                e.version);
    }
}
