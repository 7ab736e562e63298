package io.clientworkspace.calendar;

import io.clientworkspace.ScheduledEventId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The iCalendar (RFC 5545) output of {@link IcsWriter}, byte for byte. */
class IcsWriterTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00Z");

    private static ScheduledEvent event(String title, String description, Optional<String> location, boolean cancelled) {
        return new ScheduledEvent(ScheduledEventId.of("ev-1"), TenantId.of("t-1"), WorkspaceId.of("w-1"),
                EventKind.MAINTENANCE, title, description, location, Instant.parse("2026-03-10T22:00:00Z"),
                Instant.parse("2026-03-11T02:30:00Z"), Visibility.CLIENT, cancelled, UserId.of("bob"), CREATED,
                Instant.parse("2026-03-02T09:15:30.123456Z"), 3);
    }

    private static String write(java.util.function.Consumer<IcsWriter> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IcsWriter writer = new IcsWriter(out).beginCalendar("Acme");
        body.accept(writer);
        writer.endCalendar();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCalendarWithOneEventIsWrittenExactlyAsTheGoldenText() {
        String ics = write(w -> w.event(event("Database upgrade", "Downtime up to 30 minutes.\nPlan B: none",
                Optional.of("Data centre, hall 2"), false)));

        assertThat(ics).isEqualTo("""
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//Client Workspace Kit//Calendar//EN\r
                CALSCALE:GREGORIAN\r
                METHOD:PUBLISH\r
                X-WR-CALNAME:Acme\r
                BEGIN:VEVENT\r
                UID:ev-1@client-workspace\r
                DTSTAMP:20260302T091530Z\r
                SEQUENCE:3\r
                DTSTART:20260310T220000Z\r
                DTEND:20260311T023000Z\r
                SUMMARY:Database upgrade\r
                DESCRIPTION:Downtime up to 30 minutes.\\nPlan B: none\r
                LOCATION:Data centre\\, hall 2\r
                CATEGORIES:MAINTENANCE\r
                END:VEVENT\r
                END:VCALENDAR\r
                """);
    }

    @Test
    void aCancelledEventCarriesStatusCancelled() {
        String ics = write(w -> w.event(event("Review", "", Optional.empty(), true)));

        assertThat(ics).contains("\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n").doesNotContain("DESCRIPTION").doesNotContain("LOCATION");
    }

    @Test
    void aDueDateIsAnAllDayEventEndingTheNextDay() {
        String ics = write(w -> w.allDay("milestone-m-1", "Launch", LocalDate.of(2026, 12, 31), CREATED, 0, "MILESTONE"));

        assertThat(ics).contains("""
                BEGIN:VEVENT\r
                UID:milestone-m-1@client-workspace\r
                DTSTAMP:20260301T080000Z\r
                SEQUENCE:0\r
                DTSTART;VALUE=DATE:20261231\r
                DTEND;VALUE=DATE:20270101\r
                SUMMARY:Launch\r
                CATEGORIES:MILESTONE\r
                TRANSP:TRANSPARENT\r
                END:VEVENT\r
                """);
    }

    @Test
    void aCrlfInjectionInATitleStaysOneEscapedLine() {
        String ics = write(w -> w.event(event("X\r\nBEGIN:VEVENT\r\nUID:evil", "a\rb\nc", Optional.empty(), false)));

        assertThat(ics).contains("\r\nSUMMARY:X\\nBEGIN:VEVENT\\nUID:evil\r\n");
        assertThat(ics).contains("\r\nDESCRIPTION:a\\nb\\nc\r\n");
        assertThat(ics.split("\r\n")).filteredOn(l -> l.equals("BEGIN:VEVENT")).hasSize(1);
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void backslashesSemicolonsAndCommasAreEscaped() {
        assertThat(IcsWriter.escapeText("a\\b;c,d")).isEqualTo("a\\\\b\\;c\\,d");
    }

    @Test
    void otherControlCharactersAreDroppedAndTabsKept() {
        assertThat(IcsWriter.escapeText("a\u0000b\u0007c\td\u001b")).isEqualTo("abc\td");
    }

    @Test
    void unicodeLineSeparatorsBecomeEscapedNewlines() {
        assertThat(IcsWriter.escapeText("a\u2028b\u2029c\u0085d")).isEqualTo("a\\nb\\nc\\nd");
    }

    @Test
    void anUnpairedSurrogateIsWrittenAsTheReplacementCharacter() {
        assertThat(IcsWriter.escapeText("a\uD83Db")).isEqualTo("a\uFFFDb");
        assertThat(IcsWriter.escapeText("a\uD83D\uDE00b")).isEqualTo("a\uD83D\uDE00b");
    }

    @Test
    void aLongLineIsFoldedAtSeventyFiveOctets() {
        String folded = IcsWriter.fold("SUMMARY:" + "a".repeat(200));

        String[] lines = folded.split("\r\n");
        assertThat(lines[0]).hasSize(75);
        assertThat(Arrays.stream(lines).skip(1)).allSatisfy(l -> assertThat(l).startsWith(" "));
        assertThat(Arrays.stream(lines)).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
        assertThat(folded.replace("\r\n ", "")).isEqualTo("SUMMARY:" + "a".repeat(200) + "\r\n");
    }

    @Test
    void foldingNeverSplitsAMultiOctetCharacter() {
        String text = "SUMMARY:" + "é".repeat(40) + "日本語".repeat(20) + "\uD83D\uDE00".repeat(30);

        String folded = IcsWriter.fold(text);

        byte[] bytes = folded.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(folded);
        for (String line : folded.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(Character.isLowSurrogate(line.charAt(line.startsWith(" ") ? 1 : 0))).isFalse();
            assertThat(Character.isHighSurrogate(line.charAt(line.length() - 1))).isFalse();
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(text + "\r\n");
    }

    @Test
    void aLineOfExactlySeventyFiveOctetsIsNotFolded() {
        String line = "SUMMARY:" + "a".repeat(67);

        assertThat(IcsWriter.fold(line)).isEqualTo(line + "\r\n");
    }

    @Test
    void aFoldedHostileTitleStaysInsideItsProperty() {
        String ics = write(w -> w.event(event(("x\r\nEND:VEVENT\r\n").repeat(30), "", Optional.empty(), false)));

        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded.split("\r\n")).filteredOn(l -> l.equals("END:VEVENT")).hasSize(1);
        assertThat(unfolded).contains("SUMMARY:" + "x\\nEND:VEVENT\\n".repeat(30) + "\r\n");
    }

    @Test
    void theStampIsTruncatedToSecondsInUtc() {
        assertThat(write(w -> w.event(event("T", "", Optional.empty(), false)))).contains("DTSTAMP:20260302T091530Z\r\n");
    }

    @Test
    void componentsOutsideTheCalendarAreRefused() {
        IcsWriter writer = new IcsWriter(new ByteArrayOutputStream());

        assertThatThrownBy(() -> writer.event(event("T", "", Optional.empty(), false)))
                .isInstanceOf(IllegalStateException.class);
        writer.beginCalendar("A");
        writer.endCalendar();
        assertThatThrownBy(writer::endCalendar).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theCalendarNameIsEscaped() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IcsWriter(out).beginCalendar("Acme, Inc.\r\nX-EVIL:1").endCalendar();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\r\nX-WR-CALNAME:Acme\\, Inc.\\nX-EVIL:1\r\n")
                .doesNotContain("\r\nX-EVIL");
    }
}
