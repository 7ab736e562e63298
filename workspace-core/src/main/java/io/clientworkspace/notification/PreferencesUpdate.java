package io.clientworkspace.notification;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a member sets with {@link NotificationService#updatePreferences}; replaces every stored field.
 *
 * @param perKind    the delivery of the kinds named; kinds not named get their default
 * @param quietHours when nothing is sent, if ever
 * @param locale     the language of notifications: must name a language ({@code locale} field error otherwise)
 * @param zone       the zone of the daily digest's time
 */
public record PreferencesUpdate(Map<NotificationKind, Delivery> perKind, Optional<QuietHours> quietHours,
                                Locale locale, ZoneId zone) {

    public PreferencesUpdate {
        requireNonNull(perKind, "perKind must not be null");
        requireNonNull(quietHours, "quietHours must not be null");
        requireNonNull(locale, "locale must not be null");
        requireNonNull(zone, "zone must not be null");
        perKind = Map.copyOf(perKind);
    }
}
