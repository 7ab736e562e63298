package io.clientworkspace.workspace;

import io.clientworkspace.ActivityId;
import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.ChainAnchor;
import io.clientworkspace.activity.ChainVerification;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spi.ActivityStore;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Reads a workspace's activity log and verifies its hash chain.
 *
 * <p>Clients (and anyone without {@link Permission#VIEW_INTERNAL}) see only
 * {@link Visibility#CLIENT} entries; the filtering happens in the store query, so page sizes and
 * cursors never reveal that team entries exist.
 */
public final class ActivityFeed {

    private static final String CURSOR_KIND = "act";
    private static final int VERIFY_BATCH = 500;

    private final ActivityStore activity;
    private final WorkspaceAccess access;

    ActivityFeed(ActivityStore activity, WorkspaceAccess access) {
        this.activity = requireNonNull(activity, "activity must not be null");
        this.access = requireNonNull(access, "access must not be null");
    }

    /**
     * The workspace's activity the actor may see, newest first, one page at a time.
     *
     * <p>Only readers with {@link Permission#VIEW_INTERNAL} get the chain fields (sequence, hashes); everyone
     * else gets each entry {@link ActivityEntry#withoutChain() without them}, because the gaps between the
     * sequence numbers of client entries would count and date the team-only entries between them. A cursor
     * names only the id of the page's last entry, which the reader has seen, and is resolved against the
     * entries the reader may see (a cursor naming any other entry is refused like a malformed one).
     */
    public Page<ActivityEntry> feed(Actor actor, WorkspaceId workspaceId, PageRequest page) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(page, "page must not be null");
        Optional<ActivityId> after = Cursors.decode(CURSOR_KIND, page.cursor()).map(ActivityFeed::parseId);
        access.visible(actor, workspaceId);
        AccessGrant grant = access.grant(actor, workspaceId);
        boolean wholeChain = grant.allows(Permission.VIEW_INTERNAL);
        Set<Visibility> visibilities = wholeChain ? EnumSet.allOf(Visibility.class) : EnumSet.of(Visibility.CLIENT);
        OptionalLong before = OptionalLong.empty();
        if (after.isPresent()) {
            before = OptionalLong.of(activity.find(actor.tenantId(), workspaceId, after.get())
                    .filter(e -> visibilities.contains(e.visibility()))
                    .orElseThrow(ActivityFeed::invalidCursor).sequence());
        }
        List<ActivityEntry> rows = activity.listNewestFirst(actor.tenantId(), workspaceId, visibilities, before,
                page.limit() + 1);
        Page<ActivityEntry> result = Cursors.page(rows, page.limit(), e -> Cursors.encode(CURSOR_KIND, e.id().value()));
        return wholeChain ? result : result.map(ActivityEntry::withoutChain);
    }

    /**
     * Checks the whole chain: sequences 1, 2, 3... without gaps, each entry's previous hash equal to the
     * hash before it, and each hash recomputed from the entry's fields. Needs
     * {@link Permission#VIEW_INTERNAL} (the check reads team entries).
     */
    public ChainVerification verify(Actor actor, WorkspaceId workspaceId) {
        return verify(actor, workspaceId, Optional.empty());
    }

    /**
     * Like {@link #verify(Actor, WorkspaceId)}, and also checks that the chain still contains the
     * given anchor, which reveals entries cut off the end after the anchor was taken.
     */
    public ChainVerification verify(Actor actor, WorkspaceId workspaceId, Optional<ChainAnchor> anchor) {
        requireNonNull(anchor, "anchor must not be null");
        access.require(actor, workspaceId, Permission.VIEW_INTERNAL, "verify the activity log");
        long expectedSequence = 1;
        String previousHash = ActivityChain.GENESIS_HASH;
        long checked = 0;
        boolean anchorSeen = anchor.isEmpty() || anchor.get().sequence() == 0;
        while (true) {
            List<ActivityEntry> batch = activity.listOldestFirst(actor.tenantId(), workspaceId, expectedSequence - 1,
                    VERIFY_BATCH);
            for (ActivityEntry entry : batch) {
                checked++;
                ChainAnchor head = new ChainAnchor(expectedSequence - 1, previousHash);
                if (entry.sequence() != expectedSequence) {
                    return ChainVerification.brokenAt(checked, expectedSequence, "entry " + expectedSequence
                            + " is missing (found " + entry.sequence() + " next)", head);
                }
                if (!entry.tenantId().equals(actor.tenantId()) || !entry.workspaceId().equals(workspaceId)) {
                    return ChainVerification.brokenAt(checked, expectedSequence, "entry belongs to another workspace", head);
                }
                if (!entry.previousHash().equals(previousHash)) {
                    return ChainVerification.brokenAt(checked, expectedSequence,
                            "previous hash does not match the entry before it", head);
                }
                if (!entry.hash().equals(ActivityChain.hash(entry))) {
                    return ChainVerification.brokenAt(checked, expectedSequence,
                            "content does not match its hash (the entry was changed)", head);
                }
                if (!anchorSeen && anchor.get().sequence() == entry.sequence()) {
                    if (!anchor.get().hash().equals(entry.hash())) {
                        return ChainVerification.brokenAt(checked, expectedSequence,
                                "entry differs from the anchor taken earlier", head);
                    }
                    anchorSeen = true;
                }
                previousHash = entry.hash();
                expectedSequence++;
            }
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        ChainAnchor head = new ChainAnchor(expectedSequence - 1, previousHash);
        if (!anchorSeen) {
            return ChainVerification.brokenAt(checked, expectedSequence, "the log ends before the anchor at sequence "
                    + anchor.get().sequence() + ": entries were removed from its end", head);
        }
        return ChainVerification.intact(checked, head);
    }

    private static ActivityId parseId(String key) {
        try {
            return ActivityId.of(key);
        } catch (ValidationException e) {
            throw invalidCursor();
        }
    }

    private static ValidationException invalidCursor() {
        return new ValidationException(FieldError.of("cursor", "is not a cursor returned by this list"));
    }
}
