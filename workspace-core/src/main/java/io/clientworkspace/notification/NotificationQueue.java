package io.clientworkspace.notification;

import io.clientworkspace.Actor;
import io.clientworkspace.NotificationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.internal.Projection;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spi.NotificationStore;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The projection that keeps the notification queue: inside each operation's unit of work, one queued item (or a
 * merge into an open one) per recipient who may see each change, never the actor, nothing for kinds turned off.
 */
final class NotificationQueue implements Projection {

    /** Memberships read per page while listing a workspace's members. */
    private static final int MEMBER_PAGE = 500;

    private final Kernel kernel;
    private final Authorizer authorizer;
    private final NotificationStore store;
    private final NotificationSettings settings;
    private final NotificationRules rules;

    NotificationQueue(Kernel kernel, Authorizer authorizer, NotificationStore store, NotificationSettings settings) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.store = requireNonNull(store, "store must not be null");
        this.settings = requireNonNull(settings, "settings must not be null");
        this.rules = new NotificationRules(kernel.stores());
    }

    @Override
    public void project(List<DomainEvent> events, Instant now) {
        Map<WorkspaceId, List<Membership>> members = new HashMap<>();
        Map<UserId, NotificationPreferences> preferences = new HashMap<>();
        for (DomainEvent event : events) {
            for (NotificationRules.Restriction r : rules.restrictions(event)) {
                store.restrict(event.tenantId(), r.workspaceId(), r.subject(), r.permission());
            }
            for (NotificationRules.Change change : rules.changes(event)) {
                List<Membership> audience = members.computeIfAbsent(change.workspaceId(),
                        ws -> members(event.tenantId(), ws));
                for (Membership m : audience) {
                    Actor recipient = new Actor(event.tenantId(), m.userId(), m.role().kind());
                    if (m.userId().equals(event.actor().userId()) || !addressed(change, recipient)) {
                        continue;
                    }
                    NotificationPreferences prefs = preferences.computeIfAbsent(m.userId(),
                            u -> NotificationService.preferencesOf(store, settings, event.tenantId(), u));
                    Delivery delivery = prefs.delivery(change.kind());
                    if (delivery == Delivery.OFF) {
                        continue;
                    }
                    NotificationMode mode = delivery == Delivery.IMMEDIATE ? NotificationMode.IMMEDIATE
                            : NotificationMode.DIGEST;
                    Instant at = event.occurredAt();
                    store.enqueue(new PendingNotification(new NotificationId(kernel.newId()), event.tenantId(),
                            m.userId(), m.role().kind(), change.workspaceId(), change.kind(), change.subject(),
                            change.title(), change.requires(), mode, 1, at, at, dueAt(prefs, mode, at), 0,
                            Optional.empty(), Optional.empty(), 0));
                }
            }
        }
    }

    private boolean addressed(NotificationRules.Change change, Actor recipient) {
        if (change.audience() instanceof NotificationRules.Named named && !named.users().contains(recipient.userId())) {
            return false;
        }
        if (change.audience() instanceof NotificationRules.Members all && all.holding().isPresent()
                && !authorizer.can(recipient, change.workspaceId(), all.holding().get())) {
            return false;
        }
        return mayStillSee(authorizer, recipient, change.workspaceId(), change.requires());
    }

    /** Whether {@code recipient} holds every one of {@code requires} in the workspace now. */
    static boolean mayStillSee(Authorizer authorizer, Actor recipient, WorkspaceId ws, Set<Permission> requires) {
        Set<Permission> held = authorizer.permissions(recipient, ws);
        return !held.isEmpty() && held.containsAll(requires);
    }

    private List<Membership> members(TenantId tenant, WorkspaceId ws) {
        List<Membership> all = new ArrayList<>();
        Optional<UserId> after = Optional.empty();
        while (true) {
            List<Membership> page = kernel.stores().memberships().list(tenant, ws, after, MEMBER_PAGE);
            all.addAll(page);
            if (page.size() < MEMBER_PAGE) {
                return all;
            }
            after = Optional.of(page.get(page.size() - 1).userId());
        }
    }

    /** When an item queued at {@code at} may be sent: window's end or the next digest time, after quiet hours. */
    Instant dueAt(NotificationPreferences prefs, NotificationMode mode, Instant at) {
        Instant due;
        if (mode == NotificationMode.IMMEDIATE) {
            due = at.plus(settings.batchingWindow());
        } else {
            ZonedDateTime local = at.atZone(prefs.zone());
            ZonedDateTime digest = local.toLocalDate().atTime(settings.digestTime()).atZone(prefs.zone());
            if (!digest.toInstant().isAfter(at)) {
                digest = local.toLocalDate().plusDays(1).atTime(settings.digestTime()).atZone(prefs.zone());
            }
            due = digest.toInstant();
        }
        Instant finalDue = due;
        return prefs.quietHours().map(q -> q.nextAllowed(finalDue)).orElse(due);
    }
}
