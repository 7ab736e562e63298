package io.clientworkspace.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The kit-wide settings of notifications ({@code WorkspaceKit.builder().notificationSettings(...)}).
 *
 * @param batchingWindow changes to the same item for the same recipient within this time after the first are one
 *                       notification (default 10 minutes; 0 to 1 day)
 * @param digestTime     the local time of day daily digests are sent (default 08:00)
 * @param defaultLocale  the locale of members who never chose one (default English)
 * @param defaultZone    the zone of members who never chose one (default UTC)
 * @param claimLease     how long a delivery run holds the items it claimed before another run may take them over
 *                       (default 5 minutes; 1 second to 1 day)
 * @param retryDelay     the wait after a first failed send, doubled after each further failure (default 1 minute)
 * @param maxRetryDelay  the longest wait between retries (default 6 hours); items are never given up
 */
public record NotificationSettings(Duration batchingWindow, LocalTime digestTime, Locale defaultLocale,
                                   ZoneId defaultZone, Duration claimLease, Duration retryDelay,
                                   Duration maxRetryDelay) {

    public NotificationSettings {
        requireNonNull(batchingWindow, "batchingWindow must not be null");
        requireNonNull(digestTime, "digestTime must not be null");
        requireNonNull(defaultLocale, "defaultLocale must not be null");
        requireNonNull(defaultZone, "defaultZone must not be null");
        requireNonNull(claimLease, "claimLease must not be null");
        requireNonNull(retryDelay, "retryDelay must not be null");
        requireNonNull(maxRetryDelay, "maxRetryDelay must not be null");
        if (batchingWindow.isNegative() || batchingWindow.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("the batching window must be between 0 and 1 day");
        }
        if (claimLease.compareTo(Duration.ofSeconds(1)) < 0 || claimLease.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("the claim lease must be between 1 second and 1 day");
        }
        if (retryDelay.compareTo(Duration.ofSeconds(1)) < 0 || maxRetryDelay.compareTo(retryDelay) < 0) {
            throw new IllegalArgumentException("the retry delay must be at least 1 second and at most the maximum");
        }
    }

    /** The defaults: 10 minute window, digest at 08:00, English, UTC, 5 minute lease, retries from 1 minute to 6 hours. */
    public static NotificationSettings defaults() {
        return new NotificationSettings(Duration.ofMinutes(10), LocalTime.of(8, 0), Locale.ENGLISH, ZoneOffset.UTC,
                Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(6));
    }

    /** A copy with another batching window. */
    public NotificationSettings withBatchingWindow(Duration window) {
        return new NotificationSettings(window, digestTime, defaultLocale, defaultZone, claimLease, retryDelay,
                maxRetryDelay);
    }

    /** A copy with another digest time. */
    public NotificationSettings withDigestTime(LocalTime time) {
        return new NotificationSettings(batchingWindow, time, defaultLocale, defaultZone, claimLease, retryDelay,
                maxRetryDelay);
    }
}
