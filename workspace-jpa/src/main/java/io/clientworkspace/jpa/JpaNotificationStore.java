package io.clientworkspace.jpa;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ConflictException;
import io.clientworkspace.NotificationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.jpa.entity.NotificationEntity;
import io.clientworkspace.jpa.entity.NotificationPreferencesEntity;
import io.clientworkspace.member.Permission;
import io.clientworkspace.notification.Delivery;
import io.clientworkspace.notification.NotificationKind;
import io.clientworkspace.notification.NotificationMode;
import io.clientworkspace.notification.NotificationPreferences;
import io.clientworkspace.notification.NotificationSubject;
import io.clientworkspace.notification.PendingNotification;
import io.clientworkspace.notification.QuietHours;
import io.clientworkspace.notification.SubjectType;
import io.clientworkspace.spi.NotificationStore;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * {@link NotificationStore} on JPA (migration V17). Merges lock the open item ({@code PESSIMISTIC_WRITE}, a
 * {@code SELECT ... FOR UPDATE} whose condition PostgreSQL re-checks after a wait, so an item claimed meanwhile is
 * never merged into); claims are conditional updates per item ({@code ... WHERE claimed_until IS NULL OR
 * claimed_until <= now}), so of two runs racing for an item exactly one updates it; completion and release touch
 * only rows still carrying the caller's claim token.
 */
public final class JpaNotificationStore extends JpaStoreSupport implements NotificationStore {

    public JpaNotificationStore(JpaTransactions transactions) {
        super(transactions);
    }

    // ------------------------------------------------------------------------------------------ preferences

    @Override
    public Optional<NotificationPreferences> findPreferences(TenantId tenantId, UserId userId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        return tx(() -> Optional.ofNullable(em().find(NotificationPreferencesEntity.class,
                        new NotificationPreferencesEntity.Key(tenantId.value(), userId.value())))
                .map(e -> mapDetached(e, JpaNotificationStore::toDomain)));
    }

    @Override
    public NotificationPreferences savePreferences(NotificationPreferences prefs, long expectedVersion) {
        requireNonNull(prefs, "prefs must not be null");
        return tx(() -> {
            NotificationPreferencesEntity e = em().find(NotificationPreferencesEntity.class,
                    new NotificationPreferencesEntity.Key(prefs.tenantId().value(), prefs.userId().value()),
                    LockModeType.PESSIMISTIC_WRITE);
            long stored = e == null ? 0 : e.version;
            if (stored != expectedVersion) {
                if (e != null) {
                    em().detach(e);
                }
                throw ConflictException.staleVersion("notification preferences", prefs.userId().value(),
                        expectedVersion);
            }
            boolean fresh = e == null;
            if (fresh) {
                e = new NotificationPreferencesEntity(prefs.tenantId().value(), prefs.userId().value());
            }
            e.perKind = prefs.perKind().entrySet().stream().map(k -> k.getKey().name() + "=" + k.getValue().name())
                    .collect(Collectors.joining(","));
            e.quietFrom = prefs.quietHours().map(QuietHours::from).orElse(null);
            e.quietTo = prefs.quietHours().map(QuietHours::to).orElse(null);
            e.quietZone = prefs.quietHours().map(q -> q.zone().getId()).orElse(null);
            e.locale = prefs.locale().toLanguageTag();
            e.zone = prefs.zone().getId();
            e.version = expectedVersion + 1;
            NotificationPreferencesEntity saved = fresh
                    ? insert(e, "notification preferences", prefs.userId().value())
                    : saveManaged(e, "notification preferences", prefs.userId().value());
            return toDomain(saved);
        });
    }

    static NotificationPreferences toDomain(NotificationPreferencesEntity e) {
        Map<NotificationKind, Delivery> perKind = new EnumMap<>(NotificationKind.class);
        if (!e.perKind.isEmpty()) {
            for (String pair : e.perKind.split(",")) {
                String[] kv = pair.split("=", 2);
                perKind.put(NotificationKind.valueOf(kv[0]), Delivery.valueOf(kv[1]));
            }
        }
        Optional<QuietHours> quiet = e.quietFrom == null || e.quietTo == null || e.quietZone == null ? Optional.empty()
                : Optional.of(new QuietHours(e.quietFrom, e.quietTo, ZoneId.of(e.quietZone)));
        return new NotificationPreferences(TenantId.of(e.tenantId), UserId.of(e.userId), perKind, quiet,
                Locale.forLanguageTag(e.locale), ZoneId.of(e.zone), e.version);
    }

    // ------------------------------------------------------------------------------------------ queue

    @Override
    public PendingNotification enqueue(PendingNotification item) {
        requireNonNull(item, "item must not be null");
        return tx(() -> {
            List<NotificationEntity> open = em().createQuery("SELECT n FROM CwkNotification n"
                            + " WHERE n.tenantId = :tenant AND n.recipient = :recipient AND n.kind = :kind"
                            + " AND n.subjectType = :subjectType AND n.subjectId = :subjectId AND n.mode = :mode"
                            + " AND n.requires = :requires AND n.dueAt > :at AND (n.claimedUntil IS NULL OR n.claimedUntil <= :at)"
                            + " ORDER BY n.dueAt, n.id", NotificationEntity.class)
                    .setParameter("tenant", item.tenantId().value())
                    .setParameter("recipient", item.recipient().value())
                    .setParameter("kind", item.kind().name())
                    .setParameter("subjectType", item.subject().type().name())
                    .setParameter("subjectId", item.subject().id())
                    .setParameter("mode", item.mode().name())
                    .setParameter("requires", requires(item.requires()))
                    .setParameter("at", item.lastAt())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setMaxResults(1)
                    .getResultList();
            if (!open.isEmpty()) {
                NotificationEntity e = open.get(0);
                PendingNotification merged = toDomain(e).merge(item);
                e.title = merged.title();
                e.requires = requires(merged.requires());
                e.count = merged.count();
                e.firstAt = merged.firstAt();
                e.lastAt = merged.lastAt();
                e.version = e.version + 1;
                return toDomain(saveManaged(e, "notification", e.id));
            }
            NotificationEntity e = new NotificationEntity(item.id().value());
            e.tenantId = item.tenantId().value();
            e.recipient = item.recipient().value();
            e.recipientKind = item.recipientKind().name();
            e.workspaceId = item.workspaceId().value();
            e.kind = item.kind().name();
            e.subjectType = item.subject().type().name();
            e.subjectId = item.subject().id();
            e.title = item.title();
            e.requires = requires(item.requires());
            e.mode = item.mode().name();
            e.count = item.count();
            e.firstAt = item.firstAt();
            e.lastAt = item.lastAt();
            e.dueAt = item.dueAt();
            e.attempts = item.attempts();
            e.claimToken = item.claimToken().orElse(null);
            e.claimedUntil = item.claimedUntil().orElse(null);
            e.version = 1;
            return toDomain(insert(e, "notification", e.id));
        });
    }

    @Override
    public int restrict(TenantId tenantId, WorkspaceId workspaceId, NotificationSubject subject, Permission permission) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(subject, "subject must not be null");
        requireNonNull(permission, "permission must not be null");
        return tx(() -> {
            List<NotificationEntity> rows = em().createQuery("SELECT n FROM CwkNotification n"
                            + " WHERE n.tenantId = :tenant AND n.workspaceId = :ws AND n.subjectType = :type"
                            + " AND n.subjectId = :id ORDER BY n.id", NotificationEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("ws", workspaceId.value())
                    .setParameter("type", subject.type().name())
                    .setParameter("id", subject.id())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            int changed = 0;
            for (NotificationEntity e : rows) {
                Set<Permission> requires = parseRequires(e.requires);
                if (requires.add(permission)) {
                    e.requires = requires(requires);
                    e.version = e.version + 1;
                    changed++;
                }
            }
            em().flush();
            rows.forEach(em()::detach);
            return changed;
        });
    }

    @Override
    public List<PendingNotification> claimDue(Instant now, String claimToken, Instant claimedUntil, int limit) {
        requireNonNull(now, "now must not be null");
        requireNonNull(claimToken, "claimToken must not be null");
        requireNonNull(claimedUntil, "claimedUntil must not be null");
        if (limit < 1) {
            return List.of();
        }
        return tx(() -> {
            List<String> candidates = em().createQuery("SELECT n.id FROM CwkNotification n WHERE n.dueAt <= :now"
                            + " AND (n.claimedUntil IS NULL OR n.claimedUntil <= :now) ORDER BY n.dueAt, n.id", String.class)
                    .setParameter("now", now)
                    .setMaxResults(limit)
                    .getResultList();
            List<String> claimed = new ArrayList<>();
            for (String id : candidates) {
                int updated = em().createQuery("UPDATE CwkNotification n SET n.claimToken = :token,"
                                + " n.claimedUntil = :until, n.version = n.version + 1 WHERE n.id = :id"
                                + " AND n.dueAt <= :now AND (n.claimedUntil IS NULL OR n.claimedUntil <= :now)")
                        .setParameter("token", claimToken)
                        .setParameter("until", claimedUntil)
                        .setParameter("id", id)
                        .setParameter("now", now)
                        .executeUpdate();
                if (updated == 1) {
                    claimed.add(id);
                }
            }
            if (claimed.isEmpty()) {
                return List.of();
            }
            return mapDetached(em().createQuery("SELECT n FROM CwkNotification n WHERE n.id IN :ids"
                            + " AND n.claimToken = :token ORDER BY n.dueAt, n.id", NotificationEntity.class)
                    .setParameter("ids", claimed)
                    .setParameter("token", claimToken)
                    .getResultList(), (NotificationEntity n) -> toDomain(n));
        });
    }

    @Override
    public int complete(TenantId tenantId, String claimToken, Collection<NotificationId> ids) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(claimToken, "claimToken must not be null");
        List<String> values = ids.stream().map(NotificationId::value).distinct().toList();
        if (values.isEmpty()) {
            return 0;
        }
        return tx(() -> em().createQuery("DELETE FROM CwkNotification n WHERE n.tenantId = :tenant"
                        + " AND n.claimToken = :token AND n.id IN :ids")
                .setParameter("tenant", tenantId.value())
                .setParameter("token", claimToken)
                .setParameter("ids", values)
                .executeUpdate());
    }

    @Override
    public int release(TenantId tenantId, String claimToken, Collection<NotificationId> ids, Instant dueAt,
                       boolean failed) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(claimToken, "claimToken must not be null");
        requireNonNull(dueAt, "dueAt must not be null");
        List<String> values = ids.stream().map(NotificationId::value).distinct().toList();
        if (values.isEmpty()) {
            return 0;
        }
        return tx(() -> em().createQuery("UPDATE CwkNotification n SET n.claimToken = NULL, n.claimedUntil = NULL,"
                        + " n.dueAt = :due, n.attempts = n.attempts + :inc, n.version = n.version + 1"
                        + " WHERE n.tenantId = :tenant AND n.claimToken = :token AND n.id IN :ids")
                .setParameter("due", dueAt)
                .setParameter("inc", failed ? 1 : 0)
                .setParameter("tenant", tenantId.value())
                .setParameter("token", claimToken)
                .setParameter("ids", values)
                .executeUpdate());
    }

    @Override
    public List<PendingNotification> pending(TenantId tenantId, UserId recipient, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(recipient, "recipient must not be null");
        if (limit < 1) {
            return List.of();
        }
        return tx(() -> mapDetached(em().createQuery("SELECT n FROM CwkNotification n WHERE n.tenantId = :tenant"
                        + " AND n.recipient = :recipient ORDER BY n.dueAt, n.id", NotificationEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("recipient", recipient.value())
                .setMaxResults(limit)
                .getResultList(), (NotificationEntity n) -> toDomain(n)));
    }

    private static String requires(Set<Permission> permissions) {
        return permissions.stream().sorted().map(Permission::name).collect(Collectors.joining(","));
    }

    private static Set<Permission> parseRequires(String requires) {
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        if (!requires.isEmpty()) {
            Arrays.stream(requires.split(",")).map(Permission::valueOf).forEach(set::add);
        }
        return set;
    }

    static PendingNotification toDomain(NotificationEntity e) {
        return new PendingNotification(new NotificationId(e.id), TenantId.of(e.tenantId), UserId.of(e.recipient),
                ActorKind.valueOf(e.recipientKind), WorkspaceId.of(e.workspaceId), NotificationKind.valueOf(e.kind),
                new NotificationSubject(SubjectType.valueOf(e.subjectType), e.subjectId), e.title,
                parseRequires(e.requires), NotificationMode.valueOf(e.mode), e.count, e.firstAt, e.lastAt, e.dueAt,
                e.attempts, Optional.ofNullable(e.claimToken), Optional.ofNullable(e.claimedUntil), e.version);
    }
}
