package io.clientworkspace.notification;

import io.clientworkspace.Actor;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.spi.NotificationSender;
import io.clientworkspace.spi.NotificationStore;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ActorKind;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotificationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Notifications ({@code kit.notifications()}): each member's preferences, and delivering what is due to the host's
 * {@link NotificationSender}. The queue itself is kept by the kit inside every operation's unit of work (see the
 * package documentation); nothing here needs to be called for changes to be queued.
 */
public final class NotificationService {

    /** The most queued items {@link #pending} returns. */
    public static final int MAX_PENDING = 500;

    /** The most items one {@link #deliverDue} run claims. */
    public static final int MAX_DELIVERY_BATCH = 10_000;

    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.LOGGER);

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
        requireNonNull(actor, "actor must not be null");
        requireOnRoster(actor, "read notification preferences");
        return preferencesOf(store, settings, actor.tenantId(), actor.userId());
    }

    /**
     * Replaces the actor's own preferences (nobody sets another member's). Queued items keep the mode they were
     * queued with; an item whose kind is now OFF is dropped when it falls due. Personal: no activity entry.
     *
     * @param expectedVersion the version read ({@code 0} for defaults never saved)
     * @throws io.clientworkspace.ValidationException naming {@code locale} when it has no language, or
     *                                                {@code expectedVersion} when negative
     * @throws io.clientworkspace.ConflictException   if the preferences changed since {@code expectedVersion}
     * @throws io.clientworkspace.AccessDeniedException for a team actor not on its tenant's roster
     */
    public NotificationPreferences updatePreferences(Actor actor, PreferencesUpdate update, long expectedVersion) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(update, "update must not be null");
        List<FieldError> errors = new ArrayList<>();
        if (update.locale().getLanguage().isEmpty()) {
            errors.add(FieldError.of("locale", "must name a language, e.g. en or de-CH"));
        }
        if (expectedVersion < 0) {
            errors.add(FieldError.of("expectedVersion", "must not be negative"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        requireOnRoster(actor, "change notification preferences");
        NotificationPreferences wanted = new NotificationPreferences(actor.tenantId(), actor.userId(),
                update.perKind(), update.quietHours(), update.locale(), update.zone(), expectedVersion);
        return kernel.write(changes -> store.savePreferences(wanted, expectedVersion));
    }

    /**
     * The actor's own queued items that they may still see, earliest due first (at most {@code limit}, 1..500).
     *
     * @throws io.clientworkspace.ValidationException naming {@code limit} when outside 1..500
     */
    public List<PendingNotification> pending(Actor actor, int limit) {
        requireNonNull(actor, "actor must not be null");
        if (limit < 1 || limit > MAX_PENDING) {
            throw new ValidationException(FieldError.of("limit", "must be between 1 and " + MAX_PENDING));
        }
        requireOnRoster(actor, "read queued notifications");
        SubjectVisibility subjects = new SubjectVisibility(kernel.stores());
        return store.pending(actor.tenantId(), actor.userId(), limit).stream()
                .filter(p -> p.recipientKind() == actor.kind() && visibleNow(subjects, actor, p))
                .toList();
    }

    /**
     * Sends what is due now (host or job; no actor): claims up to {@code limit} queued items (1..10,000), re-checks
     * each against what its recipient may see now and their preferences (dropped when the subject was deleted, when it
     * or a parent of it — project, task list, folder, the item of a conversation — is internal now and the recipient
     * may not see internal items, when the recipient lost access, or when the kind is turned off; put back to the end of quiet hours when in them), groups them into one notification per recipient and mode
     * and hands each to the sender. A notification the sender refuses keeps its items queued, retried with backoff
     * (doubling from the retry delay up to the maximum; attempts counted, never given up). Safe to run on several
     * nodes at once: claims keep any item from being sent twice by two runs.
     *
     * @throws IllegalArgumentException if {@code limit} is outside 1..10,000
     */
    public DeliveryReport deliverDue(int limit) {
        if (limit < 1 || limit > MAX_DELIVERY_BATCH) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_DELIVERY_BATCH);
        }
        Instant now = kernel.now();
        String token = kernel.newId();
        List<PendingNotification> claimed = kernel.stores().unitOfWork().execute(
                () -> store.claimDue(now, token, now.plus(settings.claimLease()), limit));
        if (claimed.isEmpty()) {
            return DeliveryReport.NOTHING;
        }
        SubjectVisibility subjects = new SubjectVisibility(kernel.stores());
        Map<Group, List<PendingNotification>> groups = new LinkedHashMap<>();
        for (PendingNotification p : claimed) {
            groups.computeIfAbsent(new Group(p.tenantId(), p.recipient(), p.recipientKind(), p.mode()),
                    g -> new ArrayList<>()).add(p);
        }
        int sent = 0;
        int failed = 0;
        int items = 0;
        int dropped = 0;
        int deferred = 0;
        for (Map.Entry<Group, List<PendingNotification>> entry : groups.entrySet()) {
            Group group = entry.getKey();
            Actor recipient = new Actor(group.tenantId(), group.recipient(), group.kind());
            NotificationPreferences prefs = preferencesOf(store, settings, group.tenantId(), group.recipient());
            List<PendingNotification> keep = new ArrayList<>();
            List<NotificationItem> lines = new ArrayList<>();
            List<NotificationId> drop = new ArrayList<>();
            for (PendingNotification p : entry.getValue()) {
                Optional<String> workspaceName = kernel.stores().workspaces().find(p.tenantId(), p.workspaceId())
                        .map(w -> w.name());
                if (prefs.delivery(p.kind()) == Delivery.OFF || workspaceName.isEmpty()
                        || !visibleNow(subjects, recipient, p)) {
                    drop.add(p.id());
                    continue;
                }
                keep.add(p);
                lines.add(new NotificationItem(p.kind(), p.workspaceId(), workspaceName.get(), p.subject(), p.title(),
                        p.count(), p.firstAt(), p.lastAt()));
            }
            if (!drop.isEmpty()) {
                dropped += inUnit(() -> store.complete(group.tenantId(), token, drop));
            }
            if (keep.isEmpty()) {
                continue;
            }
            List<NotificationId> keptIds = keep.stream().map(PendingNotification::id).toList();
            Optional<QuietHours> quiet = prefs.quietHours().filter(q -> q.contains(now));
            if (quiet.isPresent()) {
                Instant after = quiet.get().nextAllowed(now);
                deferred += inUnit(() -> store.release(group.tenantId(), token, keptIds, after, false));
                continue;
            }
            Notification notification = new Notification(notificationId(group, keptIds), group.tenantId(),
                    group.recipient(), prefs.locale(), prefs.zone(), group.mode(), lines, now);
            try {
                sender.send(notification);
            } catch (RuntimeException e) {
                int attempts = keep.stream().mapToInt(PendingNotification::attempts).max().orElse(0);
                Instant retryAt = now.plus(backoff(attempts));
                log.warn("notification {} to {} (tenant {}, {} items, attempt {}) failed; retrying at {}",
                        notification.id().value(), group.recipient().value(), group.tenantId().value(), keep.size(),
                        attempts + 1, retryAt, e);
                inUnit(() -> store.release(group.tenantId(), token, keptIds, retryAt, true));
                failed++;
                continue;
            }
            inUnit(() -> store.complete(group.tenantId(), token, keptIds));
            sent++;
            items += keep.size();
        }
        return new DeliveryReport(sent, failed, items, dropped, deferred);
    }

    /**
     * Whether {@code recipient} may see the item now: its subject still exists and the recipient holds what the item
     * required when queued plus what the subject requires today (VIEW_INTERNAL when it, or a parent such as its
     * project, task list or folder, is internal now).
     */
    private boolean visibleNow(SubjectVisibility subjects, Actor recipient, PendingNotification p) {
        Optional<io.clientworkspace.activity.Visibility> now = subjects.of(p.tenantId(), p.workspaceId(), p.subject());
        if (now.isEmpty()) {
            return false;
        }
        java.util.Set<io.clientworkspace.member.Permission> requires =
                java.util.EnumSet.noneOf(io.clientworkspace.member.Permission.class);
        requires.addAll(p.requires());
        requires.addAll(NotificationRules.requiredFor(now.get()));
        return NotificationQueue.mayStillSee(authorizer, recipient, p.workspaceId(), requires);
    }

    /** The wait before the retry after {@code attempts} earlier failures: doubling, capped. */
    Duration backoff(int attempts) {
        Duration delay = settings.retryDelay();
        for (int i = 0; i < attempts && delay.compareTo(settings.maxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }

    private int inUnit(java.util.function.Supplier<Integer> work) {
        return kernel.stores().unitOfWork().execute(work);
    }

    /** The same id for the same items (a retry), so that senders may deduplicate. */
    private static NotificationId notificationId(Group group, List<NotificationId> ids) {
        StringBuilder key = new StringBuilder(group.tenantId().value()).append('\n').append(group.recipient().value())
                .append('\n').append(group.mode());
        ids.stream().map(NotificationId::value).sorted().forEach(id -> key.append('\n').append(id));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return new NotificationId("n-" + HexFormat.of().formatHex(hash, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private record Group(TenantId tenantId, UserId recipient, ActorKind kind, NotificationMode mode) {
    }

    private void requireOnRoster(Actor actor, String action) {
        if (actor.isTeam() && authorizer.tenantRole(actor).isEmpty()) {
            throw new AccessDeniedException(actor, "a place on the tenant's team", action);
        }
    }

    /** The saved preferences of a member, else the defaults. */
    static NotificationPreferences preferencesOf(NotificationStore store, NotificationSettings settings,
                                                 TenantId tenantId, UserId userId) {
        return store.findPreferences(tenantId, userId).orElseGet(() -> NotificationPreferences.defaults(tenantId,
                userId, settings.defaultLocale(), settings.defaultZone()));
    }
}
