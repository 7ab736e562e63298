package io.clientworkspace.internal;

import io.clientworkspace.TenantId;
import io.clientworkspace.checkpoint.CheckpointKeys;
import io.clientworkspace.file.ContentPolicy;
import io.clientworkspace.file.DownloadPolicy;
import io.clientworkspace.spi.BlobStore;
import io.clientworkspace.spi.CheckpointSink;
import io.clientworkspace.tenant.UserDirectory;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The settings of a kit that features read when they are built (from {@code WorkspaceKit.Builder}).
 *
 * @param clock the clock of every timestamp
 * @param blobs where file contents are kept
 * @param contentPolicies the upload policy of each tenant
 * @param downloadPolicy what gates downloads beyond permissions
 * @param workspaceQuota the storage quota of every workspace in bytes, if any
 * @param userDirectory the host's users, if given
 * @param checkpointSink where signed checkpoints go
 * @param checkpointKeys the keys that sign and verify checkpoints, if any
 * @param requestReopenWindow how long after its resolution a client request may be reopened
 * @param replyTokenValidity how long a reply-by-e-mail token is accepted after it was issued
 * @param notificationSender where notifications go
 * @param notificationSettings the batching window, digest time and delivery settings of notifications
 */
public record KitSettings(Clock clock, BlobStore blobs, Function<TenantId, ContentPolicy> contentPolicies,
                          DownloadPolicy downloadPolicy, OptionalLong workspaceQuota,
                          Optional<UserDirectory> userDirectory, CheckpointSink checkpointSink,
                          Optional<CheckpointKeys> checkpointKeys, java.time.Duration requestReopenWindow,
                          java.time.Duration replyTokenValidity,
                          io.clientworkspace.spi.NotificationSender notificationSender,
                          io.clientworkspace.notification.NotificationSettings notificationSettings) {

    /** The default {@link #requestReopenWindow()}: 14 days. */
    public static final java.time.Duration DEFAULT_REQUEST_REOPEN_WINDOW = java.time.Duration.ofDays(14);

    public KitSettings {
        requireNonNull(clock, "clock must not be null");
        requireNonNull(blobs, "blobs must not be null");
        requireNonNull(contentPolicies, "contentPolicies must not be null");
        requireNonNull(downloadPolicy, "downloadPolicy must not be null");
        requireNonNull(workspaceQuota, "workspaceQuota must not be null");
        requireNonNull(userDirectory, "userDirectory must not be null");
        requireNonNull(checkpointSink, "checkpointSink must not be null");
        requireNonNull(checkpointKeys, "checkpointKeys must not be null");
        requireNonNull(requestReopenWindow, "requestReopenWindow must not be null");
        requireNonNull(replyTokenValidity, "replyTokenValidity must not be null");
        requireNonNull(notificationSender, "notificationSender must not be null");
        requireNonNull(notificationSettings, "notificationSettings must not be null");
        if (workspaceQuota.isPresent() && workspaceQuota.getAsLong() < 0) {
            throw new IllegalArgumentException("the workspace quota must not be negative");
        }
    }

    /** Settings with the default notification sender (logging) and notification settings. */
    public KitSettings(Clock clock, BlobStore blobs, Function<TenantId, ContentPolicy> contentPolicies,
                       DownloadPolicy downloadPolicy, OptionalLong workspaceQuota,
                       Optional<UserDirectory> userDirectory, CheckpointSink checkpointSink,
                       Optional<CheckpointKeys> checkpointKeys, java.time.Duration requestReopenWindow,
                       java.time.Duration replyTokenValidity) {
        this(clock, blobs, contentPolicies, downloadPolicy, workspaceQuota, userDirectory, checkpointSink,
                checkpointKeys, requestReopenWindow, replyTokenValidity,
                new io.clientworkspace.notification.LoggingNotificationSender(),
                io.clientworkspace.notification.NotificationSettings.defaults());
    }
}
