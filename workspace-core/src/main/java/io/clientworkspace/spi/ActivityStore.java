package io.clientworkspace.spi;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ActivityId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Stores each workspace's append-only activity log. There is no update and no delete: entries are
 * evidence.
 */
public interface ActivityStore {

    /**
     * Appends an entry. Its sequence must be one more than the workspace's latest (1 for the first).
     *
     * @throws io.clientworkspace.ConflictException ({@code STALE_VERSION}) if the workspace already has an
     *         entry with this sequence or the sequence skips ahead: two entries never claim the same predecessor
     */
    void append(ActivityEntry entry);

    /** The workspace's latest entry (highest sequence). */
    Optional<ActivityEntry> latest(TenantId tenantId, WorkspaceId workspaceId);

    /**
     * Up to {@code limit} entries of the workspace whose visibility is in {@code visibilities} and
     * whose sequence is below {@code beforeSequence} (all when empty), newest first.
     */
    List<ActivityEntry> listNewestFirst(TenantId tenantId, WorkspaceId workspaceId, Set<Visibility> visibilities,
                                        OptionalLong beforeSequence, int limit);

    /** Up to {@code limit} entries of the workspace with sequence greater than {@code afterSequence}, oldest first. */
    List<ActivityEntry> listOldestFirst(TenantId tenantId, WorkspaceId workspaceId, long afterSequence, int limit);

    /**
     * The latest entry (chain head) of each workspace, of every tenant, whose latest entry occurred at or
     * after {@code since}: ordered by tenant id, then workspace id (in the store's own collation, the
     * same one it applies to {@code after}), starting after the workspace of {@code after} when given,
     * at most {@code limit}; paging with the last entry of each page as {@code after} lists every such
     * head exactly once. Checkpoint signing pages through it to find the
     * chains that moved without reading any chain; implementations should answer from an index on the
     * entries' time, not by scanning every log.
     *
     * <p>Optional capability: the default throws {@link UnsupportedOperationException}, which makes
     * checkpoint signing unavailable (verification still works) for a store written before it existed.
     */
    default List<ActivityEntry> latestEntriesSince(Instant since, Optional<ActivityEntry> after, int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement"
                + " ActivityStore.latestEntriesSince, which signing checkpoints needs");
    }

    /**
     * The entry with this id in this workspace's log (empty for an id of another tenant or workspace).
     * Feeds use it to turn a page cursor, which names the last entry the reader saw, back into a position.
     * The default reads the log oldest first; stores override it with one indexed lookup.
     */
    default Optional<ActivityEntry> find(TenantId tenantId, WorkspaceId workspaceId, ActivityId id) {
        long after = 0;
        while (true) {
            List<ActivityEntry> batch = listOldestFirst(tenantId, workspaceId, after, 500);
            for (ActivityEntry entry : batch) {
                if (entry.id().equals(id)) {
                    return Optional.of(entry);
                }
            }
            if (batch.size() < 500) {
                return Optional.empty();
            }
            after = batch.get(batch.size() - 1).sequence();
        }
    }

    /**
     * When someone of {@code actorKind} last acted in the workspace, for the operator dashboard ("last client
     * activity", "last team activity"), in one aggregate call: the greatest {@link ActivityEntry#occurredAt()} of the
     * workspace's entries whose {@link ActivityEntry#actorKind()} is {@code actorKind}, every visibility; empty when
     * there is none. Stores should override it with one statement served by an index, e.g. {@code select
     * max(occurred_at) from ... where tenant_id = ? and workspace_id = ? and actor_kind = ?} on (tenant, workspace,
     * actor_kind, occurred_at). The default reads the whole log.
     */
    default Optional<Instant> latestByActorKind(TenantId tenantId, WorkspaceId workspaceId, ActorKind actorKind) {
        Instant latest = null;
        long after = 0;
        while (true) {
            List<ActivityEntry> batch = listOldestFirst(tenantId, workspaceId, after, 500);
            for (ActivityEntry e : batch) {
                if (e.actorKind() == actorKind && (latest == null || e.occurredAt().isAfter(latest))) {
                    latest = e.occurredAt();
                }
            }
            if (batch.size() < 500) {
                return Optional.ofNullable(latest);
            }
            after = batch.get(batch.size() - 1).sequence();
        }
    }
}
