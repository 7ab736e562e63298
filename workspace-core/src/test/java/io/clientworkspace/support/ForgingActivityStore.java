package io.clientworkspace.support;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.ActivityStore;
import io.clientworkspace.spi.Stores;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An activity store that lets a test do what a database writer can: replace a workspace's stored log
 * with a forged one, an entry rewritten and every later hash recomputed so that the chain verifies, or
 * the newest entries deleted. Every read, including the head lookups, sees the forged log.
 */
public final class ForgingActivityStore implements ActivityStore {

    private record LogKey(TenantId tenantId, WorkspaceId workspaceId) {
    }

    private final ActivityStore delegate;
    private final Stores stores;
    private final Map<LogKey, List<ActivityEntry>> forged = new HashMap<>();

    /** Wraps the activity store of a fresh set of in-memory stores. */
    public ForgingActivityStore() {
        Stores base = InMemoryStores.create();
        this.delegate = base.activity();
        this.stores = base.with(ActivityStore.class, this);
    }

    /** The in-memory stores, with this store as their activity store. */
    public Stores stores() {
        return stores;
    }

    /** Rewrites entry {@code sequence} with {@code change} and recomputes its hash and every later one. */
    public synchronized void rewriteAndRechain(TenantId tenantId, WorkspaceId workspaceId, long sequence,
                                               UnaryOperator<ActivityEntry> change) {
        List<ActivityEntry> log = new ArrayList<>(all(tenantId, workspaceId));
        String previousHash = ActivityChain.GENESIS_HASH;
        for (int i = 0; i < log.size(); i++) {
            ActivityEntry e = log.get(i);
            if (e.sequence() == sequence) {
                e = change.apply(e);
            }
            if (e.sequence() >= sequence) {
                e = ActivityChain.link(e.id(), e.tenantId(), e.workspaceId(), e.sequence(), e.actorId(), e.actorKind(),
                        e.action(), e.targetType(), e.targetId(), e.occurredAt(), e.visibility(), e.details(), previousHash);
                log.set(i, e);
            }
            previousHash = e.hash();
        }
        forged.put(new LogKey(tenantId, workspaceId), List.copyOf(log));
    }

    /** Replaces entry {@code sequence} by {@code change} of it, recomputing no hash. */
    public synchronized void replace(TenantId tenantId, WorkspaceId workspaceId, long sequence,
                                     UnaryOperator<ActivityEntry> change) {
        forged.put(new LogKey(tenantId, workspaceId), all(tenantId, workspaceId).stream()
                .map(e -> e.sequence() == sequence ? change.apply(e) : e).toList());
    }

    /** Deletes the entries after {@code sequence}. */
    public synchronized void truncateAfter(TenantId tenantId, WorkspaceId workspaceId, long sequence) {
        forged.put(new LogKey(tenantId, workspaceId),
                all(tenantId, workspaceId).stream().filter(e -> e.sequence() <= sequence).toList());
    }

    private List<ActivityEntry> all(TenantId tenantId, WorkspaceId workspaceId) {
        return listOldestFirst(tenantId, workspaceId, 0, Integer.MAX_VALUE);
    }

    private synchronized Optional<List<ActivityEntry>> forgedLog(TenantId tenantId, WorkspaceId workspaceId) {
        return Optional.ofNullable(forged.get(new LogKey(tenantId, workspaceId)));
    }

    @Override
    public void append(ActivityEntry entry) {
        delegate.append(entry);
    }

    @Override
    public Optional<ActivityEntry> latest(TenantId tenantId, WorkspaceId workspaceId) {
        return forgedLog(tenantId, workspaceId)
                .map(log -> log.isEmpty() ? Optional.<ActivityEntry>empty() : Optional.of(log.get(log.size() - 1)))
                .orElseGet(() -> delegate.latest(tenantId, workspaceId));
    }

    @Override
    public List<ActivityEntry> listNewestFirst(TenantId tenantId, WorkspaceId workspaceId, Set<Visibility> visibilities,
                                               OptionalLong beforeSequence, int limit) {
        return forgedLog(tenantId, workspaceId)
                .map(log -> log.stream().sorted(java.util.Comparator.comparingLong(ActivityEntry::sequence).reversed()).filter(e -> visibilities.contains(e.visibility()))
                        .filter(e -> e.sequence() < beforeSequence.orElse(Long.MAX_VALUE)).limit(limit).toList())
                .orElseGet(() -> delegate.listNewestFirst(tenantId, workspaceId, visibilities, beforeSequence, limit));
    }

    @Override
    public List<ActivityEntry> listOldestFirst(TenantId tenantId, WorkspaceId workspaceId, long afterSequence, int limit) {
        return forgedLog(tenantId, workspaceId)
                .map(log -> log.stream().filter(e -> e.sequence() > afterSequence).limit(limit).toList())
                .orElseGet(() -> delegate.listOldestFirst(tenantId, workspaceId, afterSequence, limit));
    }

    @Override
    public List<ActivityEntry> latestEntriesSince(Instant since, Optional<ActivityEntry> after, int limit) {
        return delegate.latestEntriesSince(since, after, limit).stream()
                .map(head -> latest(head.tenantId(), head.workspaceId()).orElse(head))
                .toList();
    }
}
