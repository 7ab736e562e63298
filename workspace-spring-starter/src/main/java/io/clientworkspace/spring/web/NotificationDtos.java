package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.clientworkspace.notification.Delivery;
import io.clientworkspace.notification.NotificationKind;
import io.clientworkspace.notification.NotificationPreferences;
import io.clientworkspace.notification.QuietHours;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shapes of a member's notification preferences.
 */
public final class NotificationDtos {

    private NotificationDtos() {
    }

    /** A daily quiet period: local times {@code HH:mm} in {@code zone}; it wraps midnight when from is after to. */
    public record QuietHoursDto(String from, String to, String zone) {
        static QuietHoursDto of(QuietHours q) {
            return new QuietHoursDto(q.from().toString(), q.to().toString(), q.zone().getId());
        }
    }

    /**
     * The caller's preferences: the delivery of every kind ({@code IMMEDIATE}, {@code DAILY_DIGEST} or {@code OFF}),
     * quiet hours (null: none), the locale (a BCP 47 tag) and the zone of the daily digest; {@code version} is also
     * the ETag (0 for defaults never saved).
     */
    public record NotificationPreferencesDto(Map<String, String> perKind, @Nullable QuietHoursDto quietHours,
                                             String locale, String zone, long version) {
        static NotificationPreferencesDto of(NotificationPreferences p) {
            Map<String, String> kinds = new LinkedHashMap<>();
            for (NotificationKind kind : NotificationKind.values()) {
                kinds.put(kind.name(), p.delivery(kind).name());
            }
            return new NotificationPreferencesDto(kinds, p.quietHours().map(QuietHoursDto::of).orElse(null),
                    p.locale().toLanguageTag(), p.zone().getId(), p.version());
        }
    }

    /** Quiet hours in a request: {@code from} and {@code to} as {@code HH:mm}, {@code zone} an IANA zone id. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record QuietHoursRequest(@Nullable String from, @Nullable String to, @Nullable String zone)
            implements RejectsUnknownFields {
    }

    /**
     * Body of {@code PUT /me/notification-preferences} (with If-Match): replaces the preferences. Kinds not named in
     * {@code perKind} get their default delivery; {@code quietHours} null or absent: none; {@code locale} and
     * {@code zone} absent: unchanged.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record UpdatePreferencesRequest(@Nullable Map<String, String> perKind, @Nullable QuietHoursRequest quietHours,
                                           @Nullable String locale, @Nullable String zone)
            implements RejectsUnknownFields {
    }

    /** Every delivery a kind may have, for error messages. */
    static String deliveries() {
        return String.join(", ", java.util.Arrays.stream(Delivery.values()).map(Enum::name).toList());
    }
}
