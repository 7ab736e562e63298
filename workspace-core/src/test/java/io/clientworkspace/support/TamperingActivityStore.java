package io.clientworkspace.support;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.ActivityStore;
import io.clientworkspace.spi.Stores;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An activity store whose stored rows someone has tampered with: every list it returns passes
 * through a test-chosen edit (change one entry, drop one, swap two). Appends and the head lookup are
 * left alone, so the kit keeps working normally while the evidence reads wrong.
 */
public final class TamperingActivityStore implements ActivityStore {

    private final ActivityStore delegate;
    private final Stores stores;
    private volatile UnaryOperator<List<ActivityEntry>> tamper = UnaryOperator.identity();

    /** Wraps the activity store of a fresh set of in-memory stores. */
    public TamperingActivityStore() {
        Stores base = InMemoryStores.create();
        this.delegate = base.activity();
        this.stores = base.with(ActivityStore.class, this);
    }

    /** The in-memory stores, with this store as their activity store. */
    public Stores stores() {
        return stores;
    }

    /** From now on, reads show entry {@code sequence} changed by {@code change}. */
    public void change(long sequence, UnaryOperator<ActivityEntry> change) {
        tamper = entries -> entries.stream().map(e -> e.sequence() == sequence ? change.apply(e) : e).toList();
    }

    /** From now on, reads leave out entry {@code sequence}. */
    public void omit(long sequence) {
        tamper = entries -> entries.stream().filter(e -> e.sequence() != sequence).toList();
    }

    /** From now on, reads end at entry {@code sequence}: the entries after it were cut off. */
    public void truncateAfter(long sequence) {
        tamper = entries -> entries.stream().filter(e -> e.sequence() <= sequence).toList();
    }

    /** From now on, reads show entries {@code sequence} and {@code sequence + 1} in each other's places. */
    public void swap(long sequence) {
        tamper = entries -> {
            List<ActivityEntry> swapped = new ArrayList<>(entries);
            int i = indexOf(swapped, sequence);
            int j = indexOf(swapped, sequence + 1);
            if (i >= 0 && j >= 0) {
                swapped.set(i, entries.get(j));
                swapped.set(j, entries.get(i));
            }
            return swapped;
        };
    }

    /** Reads show the stored rows again. */
    public void restore() {
        tamper = UnaryOperator.identity();
    }

    private static int indexOf(List<ActivityEntry> entries, long sequence) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sequence() == sequence) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void append(ActivityEntry entry) {
        delegate.append(entry);
    }

    @Override
    public Optional<ActivityEntry> latest(TenantId tenantId, WorkspaceId workspaceId) {
        return delegate.latest(tenantId, workspaceId);
    }

    @Override
    public List<ActivityEntry> listNewestFirst(TenantId tenantId, WorkspaceId workspaceId, Set<Visibility> visibilities,
                                               OptionalLong beforeSequence, int limit) {
        return tamper.apply(delegate.listNewestFirst(tenantId, workspaceId, visibilities, beforeSequence, limit));
    }

    @Override
    public List<ActivityEntry> listOldestFirst(TenantId tenantId, WorkspaceId workspaceId, long afterSequence, int limit) {
        return tamper.apply(delegate.listOldestFirst(tenantId, workspaceId, afterSequence, limit));
    }
}
