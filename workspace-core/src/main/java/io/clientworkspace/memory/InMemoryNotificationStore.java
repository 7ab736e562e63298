package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.NotificationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.Permission;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.notification.NotificationPreferences;
import io.clientworkspace.notification.NotificationSubject;
import io.clientworkspace.notification.PendingNotification;
import io.clientworkspace.spi.NotificationStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** {@link NotificationStore} in memory. */
final class InMemoryNotificationStore implements NotificationStore {

    private record UserKey(TenantId tenantId, UserId userId) {
    }

    private static final Comparator<PendingNotification> DUE_ORDER =
            Comparator.comparing(PendingNotification::dueAt).thenComparing(PendingNotification::id);

    private final InMemoryTransactions tx;
    private final Map<UserKey, NotificationPreferences> preferences = new HashMap<>();
    private final Map<NotificationId, PendingNotification> queue = new LinkedHashMap<>();

    InMemoryNotificationStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public Optional<NotificationPreferences> findPreferences(TenantId tenantId, UserId userId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        return tx.read(() -> Optional.ofNullable(preferences.get(new UserKey(tenantId, userId))));
    }

    @Override
    public NotificationPreferences savePreferences(NotificationPreferences prefs, long expectedVersion) {
        requireNonNull(prefs, "prefs must not be null");
        return tx.write(() -> {
            UserKey key = new UserKey(prefs.tenantId(), prefs.userId());
            NotificationPreferences before = preferences.get(key);
            long stored = before == null ? 0 : before.version();
            if (stored != expectedVersion) {
                throw ConflictException.staleVersion("notification preferences", prefs.userId().value(),
                        expectedVersion);
            }
            NotificationPreferences saved = new NotificationPreferences(prefs.tenantId(), prefs.userId(),
                    prefs.perKind(), prefs.quietHours(), prefs.locale(), prefs.zone(), expectedVersion + 1);
            preferences.put(key, saved);
            return new Undoable<>(saved, () -> {
                if (before == null) {
                    preferences.remove(key);
                } else {
                    preferences.put(key, before);
                }
            });
        });
    }

    @Override
    public PendingNotification enqueue(PendingNotification item) {
        requireNonNull(item, "item must not be null");
        return tx.write(() -> {
            Optional<PendingNotification> open = queue.values().stream()
                    .filter(p -> p.tenantId().equals(item.tenantId()) && p.recipient().equals(item.recipient())
                            && p.kind() == item.kind() && p.subject().equals(item.subject()) && p.mode() == item.mode()
                            && p.requires().equals(item.requires())
                            && p.dueAt().isAfter(item.lastAt()) && !p.claimedAt(item.lastAt()))
                    .min(DUE_ORDER);
            if (open.isPresent()) {
                PendingNotification before = open.get();
                PendingNotification merged = bump(before.merge(item));
                queue.put(before.id(), merged);
                return new Undoable<>(merged, () -> queue.put(before.id(), before));
            }
            if (queue.containsKey(item.id())) {
                throw new IllegalArgumentException("a queued item with id " + item.id().value() + " exists");
            }
            PendingNotification inserted = withVersion(item, 1);
            queue.put(item.id(), inserted);
            return new Undoable<>(inserted, () -> queue.remove(item.id()));
        });
    }

    @Override
    public int restrict(TenantId tenantId, WorkspaceId workspaceId, NotificationSubject subject, Permission permission) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(subject, "subject must not be null");
        requireNonNull(permission, "permission must not be null");
        return tx.write(() -> {
            Map<NotificationId, PendingNotification> before = new LinkedHashMap<>();
            for (PendingNotification p : List.copyOf(queue.values())) {
                if (p.tenantId().equals(tenantId) && p.workspaceId().equals(workspaceId) && p.subject().equals(subject)
                        && !p.requires().contains(permission)) {
                    Set<Permission> requires = EnumSet.of(permission);
                    requires.addAll(p.requires());
                    before.put(p.id(), p);
                    queue.put(p.id(), bump(copy(p, requires, p.dueAt(), p.attempts(), p.claimToken(),
                            p.claimedUntil())));
                }
            }
            return new Undoable<>(before.size(), () -> queue.putAll(before));
        });
    }

    @Override
    public List<PendingNotification> claimDue(Instant now, String claimToken, Instant claimedUntil, int limit) {
        requireNonNull(now, "now must not be null");
        requireNonNull(claimToken, "claimToken must not be null");
        requireNonNull(claimedUntil, "claimedUntil must not be null");
        return tx.write(() -> {
            List<PendingNotification> due = queue.values().stream()
                    .filter(p -> !p.dueAt().isAfter(now) && !p.claimedAt(now))
                    .sorted(DUE_ORDER).limit(Math.max(0, limit)).toList();
            Map<NotificationId, PendingNotification> before = new LinkedHashMap<>();
            List<PendingNotification> claimed = new ArrayList<>();
            for (PendingNotification p : due) {
                PendingNotification c = bump(copy(p, p.requires(), p.dueAt(), p.attempts(), Optional.of(claimToken),
                        Optional.of(claimedUntil)));
                before.put(p.id(), p);
                queue.put(p.id(), c);
                claimed.add(c);
            }
            return new Undoable<>(List.copyOf(claimed), () -> queue.putAll(before));
        });
    }

    @Override
    public int complete(TenantId tenantId, String claimToken, Collection<NotificationId> ids) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(claimToken, "claimToken must not be null");
        Set<NotificationId> wanted = Set.copyOf(ids);
        return tx.write(() -> {
            Map<NotificationId, PendingNotification> before = new LinkedHashMap<>();
            for (NotificationId id : wanted) {
                PendingNotification p = queue.get(id);
                if (p != null && p.tenantId().equals(tenantId) && p.claimToken().equals(Optional.of(claimToken))) {
                    before.put(id, queue.remove(id));
                }
            }
            return new Undoable<>(before.size(), () -> queue.putAll(before));
        });
    }

    @Override
    public int release(TenantId tenantId, String claimToken, Collection<NotificationId> ids, Instant dueAt,
                       boolean failed) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(claimToken, "claimToken must not be null");
        requireNonNull(dueAt, "dueAt must not be null");
        Set<NotificationId> wanted = Set.copyOf(ids);
        return tx.write(() -> {
            Map<NotificationId, PendingNotification> before = new LinkedHashMap<>();
            for (NotificationId id : wanted) {
                PendingNotification p = queue.get(id);
                if (p != null && p.tenantId().equals(tenantId) && p.claimToken().equals(Optional.of(claimToken))) {
                    before.put(id, p);
                    queue.put(id, bump(copy(p, p.requires(), dueAt, p.attempts() + (failed ? 1 : 0),
                            Optional.empty(), Optional.empty())));
                }
            }
            return new Undoable<>(before.size(), () -> queue.putAll(before));
        });
    }

    @Override
    public List<PendingNotification> pending(TenantId tenantId, UserId recipient, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(recipient, "recipient must not be null");
        return tx.read(() -> queue.values().stream()
                .filter(p -> p.tenantId().equals(tenantId) && p.recipient().equals(recipient))
                .sorted(DUE_ORDER).limit(Math.max(0, limit)).toList());
    }

    private static PendingNotification bump(PendingNotification p) {
        return withVersion(p, p.version() + 1);
    }

    private static PendingNotification withVersion(PendingNotification p, long version) {
        return new PendingNotification(p.id(), p.tenantId(), p.recipient(), p.recipientKind(), p.workspaceId(),
                p.kind(), p.subject(), p.title(), p.requires(), p.mode(), p.count(), p.firstAt(), p.lastAt(),
                p.dueAt(), p.attempts(), p.claimToken(), p.claimedUntil(), version);
    }

    private static PendingNotification copy(PendingNotification p, Set<Permission> requires, Instant dueAt, int attempts,
                                            Optional<String> claimToken, Optional<Instant> claimedUntil) {
        return new PendingNotification(p.id(), p.tenantId(), p.recipient(), p.recipientKind(), p.workspaceId(),
                p.kind(), p.subject(), p.title(), requires, p.mode(), p.count(), p.firstAt(), p.lastAt(), dueAt,
                attempts, claimToken, claimedUntil, p.version());
    }
}
