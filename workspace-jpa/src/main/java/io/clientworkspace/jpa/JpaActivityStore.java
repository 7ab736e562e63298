package io.clientworkspace.jpa;

import io.clientworkspace.ActivityId;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.jpa.entity.ActivityEntity;
import io.clientworkspace.spi.ActivityStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * {@link ActivityStore} on JPA. The primary key (tenant, workspace, sequence) makes it impossible for
 * two entries to claim the same place in a chain, whatever the isolation level: of two concurrent
 * appends of the same sequence one fails with a conflict. The services also lock the workspace row
 * before they append, so that concurrent writers normally queue rather than fail.
 */
public final class JpaActivityStore extends JpaStoreSupport implements ActivityStore {

    public JpaActivityStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public void append(ActivityEntry entry) {
        requireNonNull(entry, "entry must not be null");
        tx(() -> {
            long head = head(entry.tenantId(), entry.workspaceId());
            if (entry.sequence() != head + 1) {
                throw new ConflictException(ConflictException.Reason.STALE_VERSION, "Activity entry " + entry.sequence()
                        + " of workspace '" + entry.workspaceId() + "' does not follow the log's head (" + head + ")");
            }
            ActivityEntity e = new ActivityEntity(entry.tenantId().value(), entry.workspaceId().value(), entry.sequence());
            e.id = entry.id().value();
            e.actorId = entry.actorId().value();
            e.actorKind = entry.actorKind().name();
            e.action = entry.action();
            e.targetType = entry.targetType();
            e.targetId = entry.targetId();
            e.occurredAt = entry.occurredAt();
            e.visibility = entry.visibility().name();
            e.details = ActivityChain.detailsToJson(entry.details());
            e.previousHash = entry.previousHash();
            e.hash = entry.hash();
            try {
                insert(e, "activity entry", Long.toString(entry.sequence()));
            } catch (ConflictException conflict) {
                throw new ConflictException(ConflictException.Reason.STALE_VERSION, "Activity entry " + entry.sequence()
                        + " of workspace '" + entry.workspaceId() + "' was appended concurrently by someone else");
            }
            return null;
        });
    }

    @Override
    public Optional<ActivityEntry> latest(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return tx(() -> em().createQuery("select a from CwkActivity a where a.tenantId = :tenant"
                        + " and a.workspaceId = :workspace order by a.sequence desc", ActivityEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setMaxResults(1)
                .getResultStream().findFirst()
                .map(e -> mapDetached(e, JpaActivityStore::toDomain)));
    }

    @Override
    public List<ActivityEntry> listNewestFirst(TenantId tenantId, WorkspaceId workspaceId, Set<Visibility> visibilities,
                                               OptionalLong beforeSequence, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(visibilities, "visibilities must not be null");
        requireNonNull(beforeSequence, "beforeSequence must not be null");
        if (visibilities.isEmpty()) {
            return List.of();
        }
        return tx(() -> mapDetached(em().createQuery("select a from CwkActivity a where a.tenantId = :tenant"
                        + " and a.workspaceId = :workspace and a.visibility in :visibilities and a.sequence < :before"
                        + " order by a.sequence desc", ActivityEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("visibilities", visibilities.stream().map(Enum::name).toList())
                .setParameter("before", beforeSequence.orElse(Long.MAX_VALUE))
                .setMaxResults(limit)
                .getResultList(), JpaActivityStore::toDomain));
    }

    /** One lookup by the unique (tenant, id) index, filtered by workspace. */
    @Override
    public Optional<ActivityEntry> find(TenantId tenantId, WorkspaceId workspaceId, ActivityId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx(() -> em().createQuery("select a from CwkActivity a where a.tenantId = :tenant"
                        + " and a.id = :id and a.workspaceId = :workspace", ActivityEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("id", id.value())
                .setMaxResults(1)
                .getResultStream().findFirst()
                .map(e -> mapDetached(e, JpaActivityStore::toDomain)));
    }

    @Override
    public List<ActivityEntry> listOldestFirst(TenantId tenantId, WorkspaceId workspaceId, long afterSequence, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return tx(() -> mapDetached(em().createQuery("select a from CwkActivity a where a.tenantId = :tenant"
                        + " and a.workspaceId = :workspace and a.sequence > :after order by a.sequence", ActivityEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("after", afterSequence)
                .setMaxResults(limit)
                .getResultList(), JpaActivityStore::toDomain));
    }

    /**
     * One statement per page: the entries since {@code since} (index {@code ix_cwk_activity_occurred})
     * that are their workspace's head (primary key), keyset-paged by (tenant, workspace).
     */
    @Override
    public List<ActivityEntry> latestEntriesSince(Instant since, Optional<ActivityEntry> after, int limit) {
        requireNonNull(since, "since must not be null");
        requireNonNull(after, "after must not be null");
        String keyset = after.isPresent()
                ? " and (a.tenantId > :afterTenant or (a.tenantId = :afterTenant and a.workspaceId > :afterWorkspace))" : "";
        return tx(() -> {
            var query = em().createQuery("select a from CwkActivity a where a.occurredAt >= :since" + keyset
                            + " and a.sequence = (select max(b.sequence) from CwkActivity b"
                            + " where b.tenantId = a.tenantId and b.workspaceId = a.workspaceId)"
                            + " order by a.tenantId, a.workspaceId", ActivityEntity.class)
                    .setParameter("since", since)
                    .setMaxResults(limit);
            after.ifPresent(a -> query.setParameter("afterTenant", a.tenantId().value())
                    .setParameter("afterWorkspace", a.workspaceId().value()));
            return mapDetached(query.getResultList(), JpaActivityStore::toDomain);
        });
    }

    private long head(TenantId tenantId, WorkspaceId workspaceId) {
        Long max = em().createQuery("select max(a.sequence) from CwkActivity a where a.tenantId = :tenant"
                        + " and a.workspaceId = :workspace", Long.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .getSingleResult();
        return max == null ? 0 : max;
    }

    static ActivityEntry toDomain(ActivityEntity e) {
        return new ActivityEntry(ActivityId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), e.sequence,
                UserId.of(e.actorId), ActorKind.valueOf(e.actorKind), e.action, e.targetType, e.targetId, e.occurredAt,
                Visibility.valueOf(e.visibility), ActivityChain.detailsFromJson(e.details), e.previousHash, e.hash);
    }

    /** One statement on {@code ix_cwk_activity_actor_kind} (tenant, workspace, actor kind, occurred at; V15). */
    @Override
    public Optional<java.time.Instant> latestByActorKind(TenantId tenantId, WorkspaceId workspaceId,
                                                         io.clientworkspace.ActorKind actorKind) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(actorKind, "actorKind must not be null");
        return tx(() -> Optional.ofNullable(em().createQuery("select max(a.occurredAt) from CwkActivity a"
                        + " where a.tenantId = :tenant and a.workspaceId = :workspace and a.actorKind = :kind",
                        java.time.Instant.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("kind", actorKind.name())
                .getSingleResult()));
    }
}
