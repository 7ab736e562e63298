package io.clientworkspace.notification;

import io.clientworkspace.WorkspaceId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One line of a {@link Notification}: ids, names and titles only, never a body or an amount.
 *
 * @param kind          what happened
 * @param workspaceId   where
 * @param workspaceName the workspace's name when sent
 * @param subject       the item it is about
 * @param title         the item's title (a file's name, an approval's or request's title, a conversation's title...)
 * @param count         how many changes of this kind to this item it stands for (merged in the batching window or
 *                      the digest's day); at least 1
 * @param firstAt       the first of those changes
 * @param lastAt        the last of those changes
 */
public record NotificationItem(NotificationKind kind, WorkspaceId workspaceId, String workspaceName,
                               NotificationSubject subject, String title, int count, Instant firstAt, Instant lastAt) {

    public NotificationItem {
        requireNonNull(kind, "kind must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(workspaceName, "workspaceName must not be null");
        requireNonNull(subject, "subject must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(firstAt, "firstAt must not be null");
        requireNonNull(lastAt, "lastAt must not be null");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
    }
}
