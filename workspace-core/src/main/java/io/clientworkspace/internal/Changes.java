package io.clientworkspace.internal;

import io.clientworkspace.ActivityId;
import io.clientworkspace.Actor;
import io.clientworkspace.IdGenerator;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityDescription;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.spi.ActivityStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * What one operation records while it runs: its typed events (held until after commit) and the
 * activity entries derived from them (appended at once, inside the unit of work, so they roll back with
 * it). The only writer of activity entries. One instance per operation; not thread-safe.
 */
public final class Changes {

    private static final int MAX_DETAILS = 32;
    private static final int MAX_DETAIL_KEY = 64;
    private static final int MAX_DETAIL_VALUE = 1000;

    private final ActivityStore activity;
    private final IdGenerator ids;
    private final Instant now;
    private final List<DomainEvent> events = new ArrayList<>();
    private final Consumer<DomainEvent> staged;

    Changes(ActivityStore activity, IdGenerator ids, Instant now) {
        this(activity, ids, now, e -> { });
    }

    Changes(ActivityStore activity, IdGenerator ids, Instant now, Consumer<DomainEvent> staged) {
        this.activity = activity;
        this.ids = ids;
        this.now = now;
        this.staged = staged;
    }

    /** The one timestamp of this operation. */
    public Instant now() {
        return now;
    }

    /**
     * Records a change, described once by its typed event: appends the activity entries the event
     * describes ({@link DomainEvent#activity()}) to its workspace's chain at once, inside the running unit
     * of work (so they roll back with it), each with the event's actor, tenant, workspace and visibility
     * and this operation's time; then queues the event for delivery after commit and tells the staged
     * listeners at once that the running unit of work made this change (the permission cache stops
     * trusting its shared answers for what the change touches until the unit of work ends). Publish right
     * after the store write it describes.
     *
     * @throws IllegalStateException if the event describes activity but names no workspace
     */
    public void publish(DomainEvent event) {
        requireNonNull(event, "event must not be null");
        List<ActivityDescription> activity = event.activity();
        if (!activity.isEmpty()) {
            WorkspaceId workspaceId = event.workspaceId().orElseThrow(() -> new IllegalStateException(
                    event.getClass().getName() + " describes activity but happened in no workspace"));
            for (ActivityDescription description : activity) {
                append(event.actor(), event.tenantId(), workspaceId, description, event.visibility());
            }
        }
        events.add(event);
        staged.accept(event);
    }

    private void append(Actor actor, TenantId tenantId, WorkspaceId workspaceId, ActivityDescription description,
                        Visibility visibility) {
        checkDetails(description.details());
        Optional<ActivityEntry> latest = activity.latest(tenantId, workspaceId);
        long sequence = latest.map(e -> e.sequence() + 1).orElse(1L);
        String previousHash = latest.map(ActivityEntry::hash).orElse(ActivityChain.GENESIS_HASH);
        ActivityEntry entry = ActivityChain.link(ActivityId.of(ids.newId()), tenantId, workspaceId, sequence,
                actor.userId(), actor.kind(), description.action(), description.targetType(), description.targetId(),
                now, visibility, description.details(), previousHash);
        activity.append(entry);
    }

    List<DomainEvent> events() {
        return List.copyOf(events);
    }

    private static void checkDetails(Map<String, String> details) {
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("activity details hold at most " + MAX_DETAILS + " entries");
        }
        details.forEach((k, v) -> {
            if (k.isEmpty() || k.length() > MAX_DETAIL_KEY || v.length() > MAX_DETAIL_VALUE) {
                throw new IllegalArgumentException("activity detail '" + k + "' is too long");
            }
        });
    }
}
