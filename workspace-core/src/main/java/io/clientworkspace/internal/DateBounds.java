package io.clientworkspace.internal;

import io.clientworkspace.FieldError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for every date and instant the kit accepts as input (due, start and target dates, event times,
 * calendar ranges, template start dates, contract dates): calendar dates from {@link #MIN_DATE} to {@link #MAX_DATE}
 * inclusive, and instants in the same years in UTC ({@link #MIN_INSTANT} inclusive to {@link #END_INSTANT}
 * exclusive). Everything in that range fits a SQL {@code date} and {@code timestamp with time zone} on every
 * supported database and prints as a four-digit year in RFC 5545 ({@code .ics}). A value outside it is a
 * {@link FieldError} naming the field, with the message {@value #MESSAGE}.
 */
public final class DateBounds {

    /** The first accepted calendar date. */
    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    /** The last accepted calendar date. */
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    /** The first accepted instant: the start of {@link #MIN_DATE} in UTC. */
    public static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** The first instant no longer accepted: the end of {@link #MAX_DATE} in UTC. */
    public static final Instant END_INSTANT = MAX_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** The field error's message. */
    public static final String MESSAGE = "must be between 1900-01-01 and 9999-12-31";

    private DateBounds() {
    }

    /** Whether the date is within the bounds. */
    public static boolean accepts(LocalDate date) {
        return !date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE);
    }

    /** Whether the instant is within the bounds (UTC). */
    public static boolean accepts(Instant instant) {
        return !instant.isBefore(MIN_INSTANT) && instant.isBefore(END_INSTANT);
    }

    /** Adds the field error when the date is out of bounds; returns whether it is within them. */
    public static boolean check(List<FieldError> errors, String field, LocalDate date) {
        if (accepts(date)) {
            return true;
        }
        errors.add(FieldError.of(field, MESSAGE));
        return false;
    }

    /** Adds the field error when the date is present and out of bounds; returns whether it is absent or within. */
    public static boolean check(List<FieldError> errors, String field, Optional<LocalDate> date) {
        return date.map(d -> check(errors, field, d)).orElse(true);
    }

    /** Adds the field error when the instant is out of bounds (UTC); returns whether it is within them. */
    public static boolean check(List<FieldError> errors, String field, Instant instant) {
        if (accepts(instant)) {
            return true;
        }
        errors.add(FieldError.of(field, MESSAGE));
        return false;
    }
}
