package io.clientworkspace.calendar;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Writes an iCalendar stream (RFC 5545) one component at a time, straight to a {@link Writer} or an
 * {@link OutputStream} (UTF-8), never holding the calendar in memory.
 *
 * <p>What it guarantees for every line it writes: lines end with CRLF; a line longer than 75 octets (UTF-8) is
 * folded (CRLF and one space) so that no physical line exceeds 75 octets, and never inside a UTF-8 sequence (a
 * fold never splits a code point, so a surrogate pair stays whole); TEXT values are escaped ({@code \} as
 * {@code \\}, {@code ;} as {@code \;}, {@code ,} as {@code \,}, and every line break, CRLF, CR, LF, NEL, U+2028
 * and U+2029, as {@code \n}), other control characters except tab are dropped, and an unpaired surrogate is
 * written as U+FFFD. So a hostile title such as {@code X\r\nBEGIN:VEVENT} stays one escaped property value and
 * can never start a component or property of its own.
 *
 * <p>Components: {@link #beginCalendar} (VERSION, PRODID, CALSCALE, METHOD:PUBLISH, X-WR-CALNAME), then any
 * number of {@link #event} (a timed VEVENT with {@code UID:<id>@client-workspace}, DTSTAMP = updatedAt,
 * SEQUENCE = version, DTSTART/DTEND in UTC {@code ...Z}, CATEGORIES = kind, STATUS:CANCELLED when cancelled) and
 * {@link #allDay} (an all-day VEVENT with {@code VALUE=DATE}), then {@link #endCalendar}. Output is deterministic:
 * the same calls write the same bytes. Not thread-safe. I/O errors are thrown as {@link UncheckedIOException}.
 */
public final class IcsWriter implements Flushable {

    /** The product identifier written as PRODID. */
    public static final String PRODID = "-//Client Workspace Kit//Calendar//EN";
    /** The domain part of every UID. */
    public static final String UID_DOMAIN = "client-workspace";
    /** The media type of the stream. */
    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    private final Writer out;
    private State state = State.NEW;

    private enum State { NEW, OPEN, CLOSED }

    /** Writes to {@code out}, which must encode UTF-8 (the folding counts UTF-8 octets). */
    public IcsWriter(Writer out) {
        this.out = requireNonNull(out, "out must not be null");
    }

    /** Writes UTF-8 to {@code out}; {@link #endCalendar} flushes but never closes it. */
    public IcsWriter(OutputStream out) {
        this(new OutputStreamWriter(requireNonNull(out, "out must not be null"), StandardCharsets.UTF_8));
    }

    /** Begins the VCALENDAR with its name ({@code X-WR-CALNAME}, shown by calendar applications). */
    public IcsWriter beginCalendar(String name) {
        requireNonNull(name, "name must not be null");
        require(State.NEW, "beginCalendar");
        state = State.OPEN;
        raw("BEGIN:VCALENDAR");
        raw("VERSION:2.0");
        property("PRODID", PRODID);
        raw("CALSCALE:GREGORIAN");
        raw("METHOD:PUBLISH");
        property("X-WR-CALNAME", name);
        return this;
    }

    /** Writes a scheduled event as a timed VEVENT. */
    public IcsWriter event(ScheduledEvent event) {
        requireNonNull(event, "event must not be null");
        require(State.OPEN, "event");
        raw("BEGIN:VEVENT");
        property("UID", event.id().value() + "@" + UID_DOMAIN);
        raw("DTSTAMP:" + utc(event.updatedAt()));
        raw("SEQUENCE:" + event.version());
        raw("DTSTART:" + utc(event.start()));
        raw("DTEND:" + utc(event.end()));
        property("SUMMARY", event.title());
        if (!event.description().isEmpty()) {
            property("DESCRIPTION", event.description());
        }
        event.location().ifPresent(l -> property("LOCATION", l));
        property("CATEGORIES", event.kind().name());
        if (event.cancelled()) {
            raw("STATUS:CANCELLED");
        }
        raw("END:VEVENT");
        return this;
    }

    /**
     * Writes an all-day VEVENT on {@code date} ({@code DTSTART;VALUE=DATE}, {@code DTEND;VALUE=DATE} the next
     * day): a milestone's or a task's due date.
     *
     * @param uid      the UID without domain, e.g. {@code milestone-<id>} ({@code @client-workspace} is appended)
     * @param summary  the title
     * @param date     the day
     * @param stamp    DTSTAMP: when the item last changed
     * @param sequence SEQUENCE: the item's version
     * @param category CATEGORIES, e.g. {@code MILESTONE}
     */
    public IcsWriter allDay(String uid, String summary, LocalDate date, Instant stamp, long sequence,
                            String category) {
        requireNonNull(uid, "uid must not be null");
        requireNonNull(summary, "summary must not be null");
        requireNonNull(date, "date must not be null");
        requireNonNull(stamp, "stamp must not be null");
        requireNonNull(category, "category must not be null");
        require(State.OPEN, "allDay");
        raw("BEGIN:VEVENT");
        property("UID", uid + "@" + UID_DOMAIN);
        raw("DTSTAMP:" + utc(stamp));
        raw("SEQUENCE:" + sequence);
        raw("DTSTART;VALUE=DATE:" + DATE.format(date));
        raw("DTEND;VALUE=DATE:" + DATE.format(date.plusDays(1)));
        property("SUMMARY", summary);
        property("CATEGORIES", category);
        raw("TRANSP:TRANSPARENT");
        raw("END:VEVENT");
        return this;
    }

    /** Ends the VCALENDAR and flushes (the underlying stream stays open). */
    public void endCalendar() {
        require(State.OPEN, "endCalendar");
        raw("END:VCALENDAR");
        state = State.CLOSED;
        flush();
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RFC 5545 TEXT escaping of {@code value} (see the class comment), unfolded. */
    public static String escapeText(String value) {
        requireNonNull(value, "value must not be null");
        StringBuilder b = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\r' -> {
                    b.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n', '\u0085', '\u2028', '\u2029' -> b.append("\\n");
                case '\t' -> b.append('\t');
                default -> {
                    if (Character.isISOControl(c)) {
                        continue;
                    }
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        b.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * {@code line} folded as RFC 5545 section 3.1 asks: CRLF after every physical line, each at most 75 octets of
     * UTF-8 (the leading space of a continuation line included), never splitting a code point. {@code line} must
     * hold no CR or LF (escape TEXT values first).
     */
    public static String fold(String line) {
        requireNonNull(line, "line must not be null");
        StringBuilder b = new StringBuilder(line.length() + 8);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            if (cp == '\r' || cp == '\n') {
                throw new IllegalArgumentException("a content line must not contain CR or LF");
            }
            int size = utf8Length(cp);
            if (octets + size > MAX_OCTETS) {
                b.append("\r\n ");
                octets = 1;
            }
            b.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return b.append("\r\n").toString();
    }

    private static int utf8Length(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        if (cp < 0x10000) {
            return 3;
        }
        return 4;
    }

    private static String utc(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private void property(String name, String text) {
        raw(name + ":" + escapeText(text));
    }

    private void raw(String line) {
        try {
            out.write(fold(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void require(State expected, String call) {
        if (state != expected) {
            throw new IllegalStateException(call + " is not allowed " + switch (state) {
                case NEW -> "before beginCalendar";
                case OPEN -> "after beginCalendar";
                case CLOSED -> "after endCalendar";
            });
        }
    }
}
