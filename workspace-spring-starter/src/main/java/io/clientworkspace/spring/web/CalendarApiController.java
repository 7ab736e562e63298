package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FeedTokenId;
import io.clientworkspace.FieldError;
import io.clientworkspace.ScheduledEventId;
import io.clientworkspace.TenantId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.calendar.CalendarFeedToken;
import io.clientworkspace.calendar.EventKind;
import io.clientworkspace.calendar.IssuedFeedToken;
import io.clientworkspace.calendar.NewScheduledEvent;
import io.clientworkspace.calendar.ScheduledEvent;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.CalendarDtos.AgendaDto;
import io.clientworkspace.spring.web.CalendarDtos.FeedTokenDto;
import io.clientworkspace.spring.web.CalendarDtos.IssuedFeedTokenDto;
import io.clientworkspace.spring.web.CalendarDtos.RevokedFeedTokensDto;
import io.clientworkspace.spring.web.CalendarDtos.ScheduleEventRequest;
import io.clientworkspace.spring.web.CalendarDtos.ScheduledEventDto;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * The workspace calendar: scheduled events (the team with {@code MANAGE_PROJECTS} schedules, changes and cancels;
 * every member reads what they may see), the agenda (events plus the due dates of milestones and tasks), the
 * iCalendar feed of the signed-in caller, and the caller's own feed tokens for calendar applications (which cannot
 * sign in; they poll {@link CalendarFeedApiController}'s public URL). A team-only event is a 404 for a client, like
 * an id that does not exist.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/workspaces/{workspaceId}")
public class CalendarApiController implements KitController {

    /** The media type of the feeds. */
    public static final String TEXT_CALENDAR = "text/calendar;charset=utf-8";

    /** How long a page of events reaches when {@code to} is not given: 90 days after {@code from}. */
    static final Duration DEFAULT_EVENT_RANGE = Duration.ofDays(90);
    /** How many days the agenda reaches when {@code to} is not given: 31. */
    static final int DEFAULT_AGENDA_DAYS = 31;

    private final WorkspaceKit kit;
    private final Clock clock;
    private final String basePath;
    private final Optional<TenantId> defaultTenant;

    /**
     * @param clock         the kit's clock, for the default ranges ("now", "today" in UTC)
     * @param basePath      the REST base path (e.g. {@code /api}), for the feed URL of issued tokens
     * @param defaultTenant the tenant the public feed URL assumes when it names none (then the URL has no
     *                      {@code tenant} parameter for that tenant)
     */
    public CalendarApiController(WorkspaceKit kit, Clock clock, String basePath, Optional<TenantId> defaultTenant) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.clock = requireNonNull(clock, "clock must not be null");
        this.basePath = requireNonNull(basePath, "basePath must not be null").replaceAll("/+$", "");
        this.defaultTenant = requireNonNull(defaultTenant, "defaultTenant must not be null");
    }

    // ------------------------------------------------------------------------------------------ events

    /** Events overlapping {@code [from, to)}, by start, one keyset page at a time. */
    @Operation(summary = "Scheduled events overlapping ?from=&to= (ISO instants; default now and 90 days on), by start")
    @GetMapping("/calendar/events")
    public PageDto<ScheduledEventDto> events(Actor actor, @PathVariable String workspaceId,
                                             @RequestParam(required = false) @Nullable String from,
                                             @RequestParam(required = false) @Nullable String to,
                                             @RequestParam(required = false) @Nullable String cursor,
                                             @RequestParam(defaultValue = "50") int limit) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = from == null || from.isBlank() ? clock.instant() : instant(from, "from", errors);
        Instant end = to == null || to.isBlank() ? (start == null ? null : start.plus(DEFAULT_EVENT_RANGE))
                : instant(to, "to", errors);
        throwIfAny(errors);
        return PageDto.of(kit.calendar().events(actor, WorkspaceId.of(workspaceId), requireNonNull(start, "from"),
                requireNonNull(end, "to"),
                WorkspaceApiController.page(cursor, limit)), ScheduledEventDto::of);
    }

    /** Schedules an event; 201 with it (ETag = its version). */
    @Operation(summary = "Schedule an event: maintenance window, review, meeting, release (team; MANAGE_PROJECTS)")
    @PostMapping("/calendar/events")
    public ResponseEntity<ScheduledEventDto> schedule(Actor actor, @PathVariable String workspaceId,
                                                      @RequestBody ScheduleEventRequest body) {
        ScheduledEvent created = kit.calendar().schedule(actor, WorkspaceId.of(workspaceId), newEvent(body));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                        .buildAndExpand(created.id().value()).toUri())
                .eTag(Inputs.etag(created.version())).body(ScheduledEventDto.of(created));
    }

    /** One event, with its version as ETag. */
    @Operation(summary = "A scheduled event, with its version as ETag")
    @GetMapping("/calendar/events/{eventId}")
    public ResponseEntity<ScheduledEventDto> event(Actor actor, @PathVariable String workspaceId,
                                                   @PathVariable String eventId) {
        return withETag(kit.calendar().get(actor, WorkspaceId.of(workspaceId), ScheduledEventId.of(eventId)));
    }

    /** Changes the fields given (the others are kept); needs If-Match. */
    @Operation(summary = "Change a scheduled event: the fields given (If-Match; team)")
    @PatchMapping("/calendar/events/{eventId}")
    public ResponseEntity<ScheduledEventDto> update(Actor actor, @PathVariable String workspaceId,
                                                    @PathVariable String eventId,
                                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                    @RequestBody ScheduleEventRequest body) {
        long expected = Inputs.ifMatch(ifMatch);
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        ScheduledEventId id = ScheduledEventId.of(eventId);
        ScheduledEvent current = kit.calendar().get(actor, ws, id);
        return withETag(kit.calendar().update(actor, ws, id, merged(current, body), expected));
    }

    /** Cancels an event (it is kept, and the feed shows it cancelled); If-Match is checked when sent. */
    @Operation(summary = "Cancel a scheduled event (kept, STATUS:CANCELLED in the feed; If-Match optional)")
    @PostMapping("/calendar/events/{eventId}/cancel")
    public ResponseEntity<ScheduledEventDto> cancel(Actor actor, @PathVariable String workspaceId,
                                                    @PathVariable String eventId,
                                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        OptionalLong expected = Inputs.optionalIfMatch(ifMatch);
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        ScheduledEventId id = ScheduledEventId.of(eventId);
        long version = expected.isPresent() ? expected.getAsLong() : kit.calendar().get(actor, ws, id).version();
        return withETag(kit.calendar().cancel(actor, ws, id, version));
    }

    // ------------------------------------------------------------------------------------------ agenda and feed

    /** The agenda of {@code [from, to)} (UTC days): events and the due dates the caller may see, by date. */
    @Operation(summary = "The agenda ?from=&to= (ISO dates; default today and 31 days on): events, milestone and task due dates")
    @GetMapping("/calendar/agenda")
    public AgendaDto agenda(Actor actor, @PathVariable String workspaceId,
                            @RequestParam(required = false) @Nullable String from,
                            @RequestParam(required = false) @Nullable String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = from == null || from.isBlank() ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                : date(from, "from", errors);
        LocalDate end = to == null || to.isBlank() ? (start == null ? null : start.plusDays(DEFAULT_AGENDA_DAYS))
                : date(to, "to", errors);
        throwIfAny(errors);
        return AgendaDto.of(kit.calendar().agenda(actor, WorkspaceId.of(workspaceId), requireNonNull(start, "from"),
                requireNonNull(end, "to")));
    }

    /**
     * The caller's iCalendar feed of the workspace (RFC 5545, streamed): what the caller may see from 90 days back to
     * 400 days ahead. Access is checked before the first byte; not stored by caches ({@code private, no-store}).
     */
    @Operation(summary = "The caller's iCalendar (.ics) feed of the workspace, text/calendar")
    @GetMapping("/calendar.ics")
    public void feed(Actor actor, @PathVariable String workspaceId, HttpServletResponse response) throws IOException {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        kit.calendar().feed(actor, ws, new CalendarFeedOutput(response, "private, no-store"));
    }

    // ------------------------------------------------------------------------------------------ feed tokens

    /**
     * Issues a feed token for the caller (a member of the workspace); 201 with the secret token and the feed URL,
     * shown only here. At most three are live per member and workspace: a fourth revokes the oldest.
     */
    @Operation(summary = "Issue a calendar feed token for the caller: secret and feed URL shown once")
    @PostMapping("/calendar/feed-tokens")
    public ResponseEntity<IssuedFeedTokenDto> issueFeedToken(Actor actor, @PathVariable String workspaceId) {
        IssuedFeedToken issued = kit.calendar().issueFeedToken(actor, WorkspaceId.of(workspaceId));
        CalendarFeedToken record = issued.record();
        UriComponentsBuilder url = ServletUriComponentsBuilder.fromCurrentServletMapping()
                .path(basePath).path(CalendarFeedApiController.PATH).replaceQuery(null);
        if (!defaultTenant.equals(Optional.of(actor.tenantId()))) {
            url.queryParam("tenant", actor.tenantId().value());
        }
        String feedUrl = url.buildAndExpand(issued.token()).encode().toUriString();
        return ResponseEntity.status(201).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new IssuedFeedTokenDto(record.id().value(), record.workspaceId().value(), record.member().value(),
                        record.issuedAt(), issued.token(), feedUrl));
    }

    /** The caller's own live feed tokens in the workspace, oldest first (never a secret). */
    @Operation(summary = "The caller's live calendar feed tokens (without secrets)")
    @GetMapping("/calendar/feed-tokens")
    public List<FeedTokenDto> feedTokens(Actor actor, @PathVariable String workspaceId) {
        return kit.calendar().feedTokens(actor, WorkspaceId.of(workspaceId)).stream().map(FeedTokenDto::of).toList();
    }

    /** Revokes every live feed token of the caller in the workspace. */
    @Operation(summary = "Revoke all of the caller's calendar feed tokens in the workspace")
    @DeleteMapping("/calendar/feed-tokens")
    public RevokedFeedTokensDto revokeFeedTokens(Actor actor, @PathVariable String workspaceId) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        int revoked = 0;
        for (CalendarFeedToken token : kit.calendar().feedTokens(actor, ws)) {
            kit.calendar().revokeFeedToken(actor, ws, token.id());
            revoked++;
        }
        return new RevokedFeedTokensDto(revoked);
    }

    /** Revokes one feed token (the caller's own; the team with VIEW_INTERNAL any); 200 with it. */
    @Operation(summary = "Revoke one calendar feed token (one's own; team with VIEW_INTERNAL: any)")
    @DeleteMapping("/calendar/feed-tokens/{tokenId}")
    public FeedTokenDto revokeFeedToken(Actor actor, @PathVariable String workspaceId, @PathVariable String tokenId) {
        return FeedTokenDto.of(kit.calendar().revokeFeedToken(actor, WorkspaceId.of(workspaceId),
                FeedTokenId.of(tokenId)));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static NewScheduledEvent newEvent(ScheduleEventRequest body) {
        List<FieldError> errors = new ArrayList<>();
        EventKind kind = body.kind() == null ? missing("kind", errors) : enumValue(body.kind(), EventKind.class, "kind", errors);
        String title = body.title() == null ? missing("title", errors) : body.title();
        Instant start = body.start() == null ? missing("start", errors) : instant(body.start(), "start", errors);
        Instant end = body.end() == null ? missing("end", errors) : instant(body.end(), "end", errors);
        Visibility visibility = body.visibility() == null ? Visibility.CLIENT
                : enumValue(body.visibility(), Visibility.class, "visibility", errors);
        throwIfAny(errors);
        String location = body.location();
        return new NewScheduledEvent(requireNonNull(kind, "kind"), requireNonNull(title, "title"),
                body.description() == null ? "" : body.description(),
                location == null || location.isEmpty() ? Optional.empty() : Optional.of(location),
                requireNonNull(start, "start"), requireNonNull(end, "end"),
                requireNonNull(visibility, "visibility"));
    }

    private static NewScheduledEvent merged(ScheduledEvent current, ScheduleEventRequest body) {
        List<FieldError> errors = new ArrayList<>();
        EventKind kind = body.kind() == null ? current.kind() : enumValue(body.kind(), EventKind.class, "kind", errors);
        Instant start = body.start() == null ? current.start() : instant(body.start(), "start", errors);
        Instant end = body.end() == null ? current.end() : instant(body.end(), "end", errors);
        Visibility visibility = body.visibility() == null ? current.visibility()
                : enumValue(body.visibility(), Visibility.class, "visibility", errors);
        throwIfAny(errors);
        String given = body.location();
        Optional<String> location = given == null ? current.location()
                : given.isEmpty() ? Optional.empty() : Optional.of(given);
        String title = body.title();
        String description = body.description();
        return new NewScheduledEvent(requireNonNull(kind, "kind"), title == null ? current.title() : title,
                description == null ? current.description() : description, location, requireNonNull(start, "start"),
                requireNonNull(end, "end"), requireNonNull(visibility, "visibility"));
    }

    private static <T> @Nullable T missing(String field, List<FieldError> errors) {
        errors.add(FieldError.of(field, "is required"));
        return null;
    }

    private static <E extends Enum<E>> @Nullable E enumValue(String value, Class<E> type, String field,
                                                             List<FieldError> errors) {
        try {
            return Inputs.enumValue(value, type, field);
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
            return null;
        }
    }

    /** An ISO instant ({@code 2026-12-06T22:00:00Z}, offsets allowed); a field error otherwise. */
    static @Nullable Instant instant(String value, String field, List<FieldError> errors) {
        if (value.length() <= 40) {
            try {
                return java.time.OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(FieldError.of(field, "must be an ISO instant such as 2026-12-06T22:00:00Z"));
        return null;
    }

    private static @Nullable LocalDate date(String value, String field, List<FieldError> errors) {
        if (value.length() <= 10) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(FieldError.of(field, "must be an ISO date such as 2026-12-06"));
        return null;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static ResponseEntity<ScheduledEventDto> withETag(ScheduledEvent event) {
        return ResponseEntity.ok().eTag(Inputs.etag(event.version())).body(ScheduledEventDto.of(event));
    }
}
