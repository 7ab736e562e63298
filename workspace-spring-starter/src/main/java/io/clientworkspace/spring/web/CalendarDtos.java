package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.clientworkspace.calendar.Agenda;
import io.clientworkspace.calendar.AgendaEntry;
import io.clientworkspace.calendar.CalendarFeedToken;
import io.clientworkspace.calendar.ScheduledEvent;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON shapes of the workspace calendar: scheduled events, the agenda and feed tokens. Instants are ISO-8601
 * in UTC ({@code 2026-12-06T22:00:00Z}), days ISO dates ({@code 2026-12-06}).
 */
public final class CalendarDtos {

    private CalendarDtos() {
    }

    /** A scheduled event; {@code location} is null when none is set. */
    public record ScheduledEventDto(String id, String workspaceId, String kind, String title, String description,
                                    @Nullable String location, Instant start, Instant end, String visibility,
                                    boolean cancelled, String createdBy, Instant createdAt, Instant updatedAt,
                                    long version) {
        static ScheduledEventDto of(ScheduledEvent e) {
            return new ScheduledEventDto(e.id().value(), e.workspaceId().value(), e.kind().name(), e.title(),
                    e.description(), e.location().orElse(null), e.start(), e.end(), e.visibility().name(),
                    e.cancelled(), e.createdBy().value(), e.createdAt(), e.updatedAt(), e.version());
        }
    }

    /**
     * One entry of the agenda: a scheduled event ({@code EVENT}, with start and end), or the due date of a milestone
     * or task ({@code MILESTONE}, {@code TASK}: start and end null); {@code closed} is a cancelled event, a
     * delivered milestone or a done task.
     */
    public record AgendaEntryDto(String type, String itemId, String title, LocalDate date, @Nullable Instant start,
                                 @Nullable Instant end, String visibility, boolean closed) {
        static AgendaEntryDto of(AgendaEntry e) {
            return new AgendaEntryDto(e.type().name(), e.itemId(), e.title(), e.date(), e.start().orElse(null),
                    e.end().orElse(null), e.visibility().name(), e.closed());
        }
    }

    /** What is on the calendar from {@code from} (inclusive) to {@code to} (exclusive); {@code truncated} when capped. */
    public record AgendaDto(LocalDate from, LocalDate to, List<AgendaEntryDto> entries, boolean truncated) {
        static AgendaDto of(Agenda a) {
            return new AgendaDto(a.from(), a.to(), a.entries().stream().map(AgendaEntryDto::of).toList(), a.truncated());
        }
    }

    /** A feed token as stored (never its secret). */
    public record FeedTokenDto(String id, String workspaceId, String member, Instant issuedAt,
                               @Nullable Instant revokedAt) {
        static FeedTokenDto of(CalendarFeedToken t) {
            return new FeedTokenDto(t.id().value(), t.workspaceId().value(), t.member().value(), t.issuedAt(),
                    t.revokedAt().orElse(null));
        }
    }

    /**
     * A newly issued feed token: the secret {@code token} and the {@code feedUrl} a calendar application subscribes
     * to. Shown only in this answer; the kit keeps only the token's SHA-256.
     */
    public record IssuedFeedTokenDto(String id, String workspaceId, String member, Instant issuedAt, String token,
                                     String feedUrl) {
    }

    /** How many of the caller's feed tokens a call revoked. */
    public record RevokedFeedTokensDto(int revoked) {
    }

    /**
     * Body of {@code POST /workspaces/{id}/calendar/events}: {@code kind} (MAINTENANCE, REVIEW, MEETING, RELEASE,
     * OTHER), {@code title}, {@code start} and {@code end} (ISO instants) required; {@code description} defaults to
     * empty, {@code location} to none, {@code visibility} to CLIENT. For PATCH every field is optional (absent: kept);
     * {@code "location": ""} removes the location.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ScheduleEventRequest(@Nullable String kind, @Nullable String title, @Nullable String description,
                                       @Nullable String location, @Nullable String start, @Nullable String end,
                                       @Nullable String visibility) implements RejectsUnknownFields {
    }
}
