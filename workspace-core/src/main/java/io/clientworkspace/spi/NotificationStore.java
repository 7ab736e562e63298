package io.clientworkspace.spi;

import io.clientworkspace.NotificationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.Permission;
import io.clientworkspace.notification.NotificationPreferences;
import io.clientworkspace.notification.NotificationSubject;
import io.clientworkspace.notification.PendingNotification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Keeps members' notification preferences and the notification queue. Every write joins the caller's unit of work;
 * every call names its tenant, except {@link #claimDue}, which a delivery job runs across tenants.
 *
 * <p>The queue's guarantees: {@link #enqueue} merges into an open item atomically (two concurrent changes are both
 * counted); {@link #claimDue} is a conditional claim, so two delivery runs (on two nodes) never hold the same item
 * at once, and an item claimed is never merged into afterwards (a change arriving then starts a new item, so it is
 * never marked sent without having been sent). Implementations must be thread-safe and pass the TCK's
 * {@code NotificationStoreContract}.
 */
public interface NotificationStore {

    /** The member's saved preferences, if they ever saved any. */
    Optional<NotificationPreferences> findPreferences(TenantId tenantId, UserId userId);

    /**
     * Saves preferences: inserts them when {@code expectedVersion} is 0 and none are stored, else replaces the stored
     * ones if their version is {@code expectedVersion}.
     *
     * @return what is stored now, with version {@code expectedVersion + 1}
     * @throws io.clientworkspace.ConflictException if the stored version is not {@code expectedVersion}
     */
    NotificationPreferences savePreferences(NotificationPreferences preferences, long expectedVersion);

    /**
     * Queues {@code item}, or merges it ({@link PendingNotification#merge}) into the open item with the same tenant,
     * recipient, kind, subject, mode and {@code requires} (an item restricted since, e.g. about a record made internal
     * and then visible again, is never merged into: the new change starts a new item, so those who may see it are
     * told): open = not due yet at {@code item.lastAt()} ({@code dueAt} after it) and
     * not claimed at that time. Atomic: concurrent calls for one key count every change.
     *
     * @return the stored item after the call (the new one, or the one merged into)
     */
    PendingNotification enqueue(PendingNotification item);

    /**
     * Adds {@code permission} to the {@code requires} of every queued item about {@code subject} in the workspace
     * (an item became internal: whoever lacks the permission when it is due gets nothing).
     *
     * @return how many items were changed
     */
    int restrict(TenantId tenantId, WorkspaceId workspaceId, NotificationSubject subject, Permission permission);

    /**
     * Claims up to {@code limit} items due at {@code now} (dueAt at or before it) that no run holds (never claimed,
     * or the claim expired before {@code now}), earliest due first: each gets {@code claimToken} until
     * {@code claimedUntil}. Conditional per item, so concurrent runs never both claim one.
     *
     * @return the items this call claimed, as stored after the claim
     */
    List<PendingNotification> claimDue(Instant now, String claimToken, Instant claimedUntil, int limit);

    /**
     * Removes the items (sent, or dropped) still held by {@code claimToken}; items whose claim was taken over by
     * another run are left alone.
     *
     * @return how many items were removed
     */
    int complete(TenantId tenantId, String claimToken, Collection<NotificationId> ids);

    /**
     * Gives back items still held by {@code claimToken}: the claim is cleared and they are due again at
     * {@code dueAt}; when {@code failed}, their attempts grow by one.
     *
     * @return how many items were given back
     */
    int release(TenantId tenantId, String claimToken, Collection<NotificationId> ids, Instant dueAt, boolean failed);

    /** Up to {@code limit} of the recipient's queued items, earliest due first. */
    List<PendingNotification> pending(TenantId tenantId, UserId recipient, int limit);
}
