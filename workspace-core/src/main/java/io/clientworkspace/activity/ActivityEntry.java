package io.clientworkspace.activity;

import io.clientworkspace.ActivityId;
import io.clientworkspace.ActorKind;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Collections.unmodifiableSortedMap;
import static java.util.Objects.requireNonNull;

/**
 * One immutable entry of a workspace's activity log: who did what to which thing, when, and who may
 * see it. Entries of one workspace form a hash chain: {@code sequence} counts up from 1 without gaps,
 * {@code previousHash} is the {@code hash} of the entry before (or {@link ActivityChain#GENESIS_HASH}
 * for the first) and {@code hash} covers the previous hash and every other field.
 *
 * @param id           unique id of the entry
 * @param tenantId     the tenant
 * @param workspaceId  the workspace whose log holds the entry
 * @param sequence     position in the workspace's log, starting at 1; 0 when the chain is withheld
 *                     ({@link #chainWithheld()})
 * @param actorId      who acted
 * @param actorKind    team or client
 * @param action       what happened, a dotted lower-case verb such as {@code workspace.renamed}
 * @param targetType   the kind of thing acted on, such as {@code membership}
 * @param targetId     the id of the thing acted on
 * @param occurredAt   when, in UTC, truncated to microseconds so that every store keeps it exactly
 * @param visibility   who may see this entry
 * @param details      small, non-secret facts about the change (sorted by key, unmodifiable)
 * @param previousHash hex SHA-256 of the previous entry; empty when the chain is withheld
 * @param hash         hex SHA-256 of this entry, see {@link ActivityChain#hash}; empty when the chain is withheld
 *
 * <p>Readers without {@link io.clientworkspace.member.Permission#VIEW_INTERNAL} (clients) get entries whose
 * chain is withheld ({@link #withoutChain()}): the sequence and the hashes would count and date the team-only
 * entries between theirs, so they get neither; stored entries always carry their chain.
 */
public record ActivityEntry(
        ActivityId id,
        TenantId tenantId,
        WorkspaceId workspaceId,
        long sequence,
        UserId actorId,
        ActorKind actorKind,
        String action,
        String targetType,
        String targetId,
        Instant occurredAt,
        Visibility visibility,
        Map<String, String> details,
        String previousHash,
        String hash) {

    public ActivityEntry {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        if (sequence < 1 && !(sequence == 0 && "".equals(previousHash) && "".equals(hash))) {
            throw new IllegalArgumentException("sequence must be at least 1 but was " + sequence);
        }
        requireNonNull(actorId, "actorId must not be null");
        requireNonNull(actorKind, "actorKind must not be null");
        requireNonNull(action, "action must not be null");
        requireNonNull(targetType, "targetType must not be null");
        requireNonNull(targetId, "targetId must not be null");
        requireNonNull(occurredAt, "occurredAt must not be null");
        requireNonNull(visibility, "visibility must not be null");
        details = unmodifiableSortedMap(new TreeMap<>(requireNonNull(details, "details must not be null")));
        requireNonNull(previousHash, "previousHash must not be null");
        requireNonNull(hash, "hash must not be null");
    }

    /**
     * This entry as a reader who may not see the whole chain gets it: sequence 0 and empty hashes, every
     * other field as it is.
     */
    public ActivityEntry withoutChain() {
        return new ActivityEntry(id, tenantId, workspaceId, 0, actorId, actorKind, action, targetType, targetId,
                occurredAt, visibility, details, "", "");
    }

    /** Whether the chain fields (sequence and hashes) were withheld from the reader. */
    public boolean chainWithheld() {
        return sequence == 0;
    }

    /** Whether a client may see this entry. */
    public boolean isClientVisible() {
        return visibility == Visibility.CLIENT;
    }
}
