package io.clientworkspace.notification;

import io.clientworkspace.ActorKind;
import io.clientworkspace.NotificationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.Permission;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One queued item for one recipient (the notification queue's row, kept by
 * {@link io.clientworkspace.spi.NotificationStore}). Changes with the same recipient, kind, subject, mode and requirements merge
 * into it until it is due ({@link #count()}, {@link #lastAt()}).
 *
 * @param id            the item
 * @param tenantId      the tenant
 * @param recipient     who it is for
 * @param recipientKind whether the recipient is a team or a client member (to re-check what they may see)
 * @param workspaceId   the workspace of the change
 * @param kind          what happened
 * @param subject       the item it is about
 * @param title         the item's title at the latest change
 * @param requires      the permissions the recipient must hold in the workspace when it is sent (VIEW_WORKSPACE; and
 *                      VIEW_INTERNAL for internal items, VIEW_BILLING for invoices); only ever grows, and only changes with
 *                      equal requirements merge into one item
 * @param mode          immediate or digest, from the recipient's preferences when it was queued
 * @param count         how many changes it stands for, at least 1
 * @param firstAt       the first change
 * @param lastAt        the latest change
 * @param dueAt         when it may be sent (end of the batching window or the digest time, after quiet hours; moved on
 *                      by retries)
 * @param attempts      failed sends so far
 * @param claimToken    the claim of the delivery run holding it, if any
 * @param claimedUntil  until when that claim holds (after that another run may claim it)
 * @param version       optimistic version
 */
public record PendingNotification(NotificationId id, TenantId tenantId, UserId recipient, ActorKind recipientKind,
                                  WorkspaceId workspaceId, NotificationKind kind, NotificationSubject subject,
                                  String title, Set<Permission> requires, NotificationMode mode, int count,
                                  Instant firstAt, Instant lastAt, Instant dueAt, int attempts,
                                  Optional<String> claimToken, Optional<Instant> claimedUntil, long version) {

    public PendingNotification {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(recipient, "recipient must not be null");
        requireNonNull(recipientKind, "recipientKind must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(kind, "kind must not be null");
        requireNonNull(subject, "subject must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(requires, "requires must not be null");
        requireNonNull(mode, "mode must not be null");
        requireNonNull(firstAt, "firstAt must not be null");
        requireNonNull(lastAt, "lastAt must not be null");
        requireNonNull(dueAt, "dueAt must not be null");
        requireNonNull(claimToken, "claimToken must not be null");
        requireNonNull(claimedUntil, "claimedUntil must not be null");
        requires = requires.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(requires));
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
    }

    /** Whether a delivery run holds it at {@code now}. */
    public boolean claimedAt(Instant now) {
        return claimedUntil.isPresent() && claimedUntil.get().isAfter(now);
    }

    /** A copy that also stands for {@code change} (same key): count added, latest title, times and permissions joined. */
    public PendingNotification merge(PendingNotification change) {
        requireNonNull(change, "change must not be null");
        Set<Permission> joined = EnumSet.noneOf(Permission.class);
        joined.addAll(requires);
        joined.addAll(change.requires());
        boolean later = !change.lastAt().isBefore(lastAt);
        return new PendingNotification(id, tenantId, recipient, recipientKind, workspaceId, kind, subject,
                later ? change.title() : title, joined, mode, count + change.count(),
                firstAt.isBefore(change.firstAt()) ? firstAt : change.firstAt(), later ? change.lastAt() : lastAt,
                dueAt, attempts, claimToken, claimedUntil, version);
    }
}
