package io.clientworkspace.notification;

import io.clientworkspace.Actor;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.spi.NotificationSender;
import io.clientworkspace.spi.NotificationStore;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Notifications ({@code kit.notifications()}): each member's preferences, and delivering what is due to the host's
 * {@link NotificationSender}. The queue itself is kept by the kit inside every operation's unit of work (see the
 * package documentation); nothing here needs to be called for changes to be queued.
 */
public final class NotificationService {

    private final Kernel kernel;
    private final Authorizer authorizer;
    private final NotificationStore store;
    private final NotificationSender sender;
    private final NotificationSettings settings;

    NotificationService(Kernel kernel, Authorizer authorizer, NotificationStore store, NotificationSender sender,
                        NotificationSettings settings) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.store = requireNonNull(store, "store must not be null");
        this.sender = requireNonNull(sender, "sender must not be null");
        this.settings = requireNonNull(settings, "settings must not be null");
    }

    /**
     * The actor's own preferences: the saved ones, else the defaults (version 0; every kind at its
     * {@link NotificationKind#defaultDelivery()}, no quiet hours, the kit's default locale and zone).
     *
     * @throws io.clientworkspace.AccessDeniedException for a team actor not on its tenant's roster
     */
    public NotificationPreferences preferences(Actor actor) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Replaces the actor's own preferences (nobody sets another member's). Queued items keep the mode they were
     * queued with; an item whose kind is now OFF is dropped when it falls due.
     *
     * @param expectedVersion the version read ({@code 0} for defaults never saved)
     * @throws io.clientworkspace.ValidationException naming {@code locale} when it has no language
     * @throws io.clientworkspace.ConflictException   if the preferences changed since {@code expectedVersion}
     * @throws io.clientworkspace.AccessDeniedException for a team actor not on its tenant's roster
     */
    public NotificationPreferences updatePreferences(Actor actor, PreferencesUpdate update, long expectedVersion) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The actor's own queued items that they may still see, earliest due first (at most {@code limit}, 1..500).
     */
    public List<PendingNotification> pending(Actor actor, int limit) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sends what is due now (host or job; no actor): claims up to {@code limit} queued items (1..10,000), re-checks
     * each against what its recipient may see now and their preferences (dropped when no longer visible or turned
     * off; put back to the end of quiet hours when in them), groups them into one notification per recipient and mode
     * and hands each to the sender. A notification the sender refuses keeps its items queued, retried with backoff.
     * Safe to run on several nodes at once: claims keep any item from being sent twice by two runs.
     */
    public DeliveryReport deliverDue(int limit) {
        throw new UnsupportedOperationException("not yet");
    }
}
