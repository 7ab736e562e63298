package io.clientworkspace.notification;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static java.util.Objects.requireNonNull;

/**
 * A daily period in which a member is sent nothing: from {@code from} (inclusive) to {@code to} (exclusive), local
 * time in {@code zone}. It wraps midnight when {@code from} is after {@code to} (22:00 to 07:00). What falls due inside
 * it is sent when it ends.
 *
 * @param from when it starts each day
 * @param to   when it ends; must differ from {@code from}
 * @param zone the zone of both times
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    public QuietHours {
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        requireNonNull(zone, "zone must not be null");
        if (from.equals(to)) {
            throw new ValidationException(FieldError.of("quietHours", "from and to must differ"));
        }
    }

    /** Whether {@code instant} falls inside quiet hours. */
    public boolean contains(Instant instant) {
        requireNonNull(instant, "instant must not be null");
        LocalTime local = instant.atZone(zone).toLocalTime();
        return from.isBefore(to)
                ? !local.isBefore(from) && local.isBefore(to)
                : !local.isBefore(from) || local.isBefore(to);
    }

    /**
     * The first instant at or after {@code instant} outside quiet hours: {@code instant} itself when it is outside,
     * else the end of the quiet period it falls in (in a gap of a daylight-saving change, the first instant after it).
     */
    public Instant nextAllowed(Instant instant) {
        requireNonNull(instant, "instant must not be null");
        if (!contains(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(to) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, to, zone).toInstant();
    }
}
