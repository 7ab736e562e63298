package io.clientworkspace.notification;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One member's notification preferences in one tenant (personal: no activity entry, nobody else reads them).
 *
 * @param tenantId    the tenant
 * @param userId      the member
 * @param perKind     the delivery of every kind (complete: a kind never chosen has its
 *                    {@link NotificationKind#defaultDelivery()})
 * @param quietHours  when nothing is sent, if ever
 * @param locale      the language notifications are written in (the sender's business)
 * @param zone        the zone of the daily digest's time
 * @param version     optimistic version; 0 for defaults never saved
 */
public record NotificationPreferences(TenantId tenantId, UserId userId, Map<NotificationKind, Delivery> perKind,
                                      Optional<QuietHours> quietHours, Locale locale, ZoneId zone, long version) {

    public NotificationPreferences {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(perKind, "perKind must not be null");
        requireNonNull(quietHours, "quietHours must not be null");
        requireNonNull(locale, "locale must not be null");
        requireNonNull(zone, "zone must not be null");
        perKind = complete(perKind);
    }

    /** The defaults of a member who never saved preferences (version 0). */
    public static NotificationPreferences defaults(TenantId tenantId, UserId userId, Locale locale, ZoneId zone) {
        return new NotificationPreferences(tenantId, userId, Map.of(), Optional.empty(), locale, zone, 0);
    }

    /** How the member hears about {@code kind}. */
    public Delivery delivery(NotificationKind kind) {
        requireNonNull(kind, "kind must not be null");
        return perKind.getOrDefault(kind, kind.defaultDelivery());
    }

    /** {@code perKind} with the default of every kind it does not name, unmodifiable, in kind order. */
    static Map<NotificationKind, Delivery> complete(Map<NotificationKind, Delivery> perKind) {
        EnumMap<NotificationKind, Delivery> all = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            Delivery chosen = perKind.get(kind);
            all.put(kind, chosen != null ? chosen : kind.defaultDelivery());
        }
        return java.util.Collections.unmodifiableMap(all);
    }
}
