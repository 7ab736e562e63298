package io.clientworkspace.calendar;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FeedTokenId;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ScheduledEventId;
import io.clientworkspace.TenantId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.DateBounds;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spi.CalendarFeedTokenStore;
import io.clientworkspace.spi.ScheduledEventStore;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceAccess;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The workspace calendar ({@code kit.calendar()}): scheduled events, the agenda, and the iCalendar feed with its
 * subscription tokens.
 *
 * <p><b>Who may do what.</b> Scheduling, changing and cancelling events needs {@link Permission#MANAGE_PROJECTS}
 * (team only), and a team-only event also {@link Permission#VIEW_INTERNAL}. Reading needs
 * {@link Permission#VIEW_WORKSPACE}; team-only events are seen only with {@link Permission#VIEW_INTERNAL}. An
 * event the actor may not see answers exactly like an id that does not exist ({@link NotFoundException}
 * {@code scheduled-event}). In an archived workspace reads work and every change throws
 * {@link io.clientworkspace.ArchivedException} (revoking a feed token is allowed, it only takes access away).
 *
 * <p><b>Non-interference.</b> Clients' lists, pages, cursors, agendas and feeds are the same whether or not
 * team-only events exist: the store filters by visibility in its query, cursors name the last visible event's
 * start and id only, and no team-only change touches anything a client sees.
 *
 * <p><b>Dates.</b> Event start and end are instants, stored in whole seconds (truncated). Agenda and feed ranges
 * are calendar days in UTC; "today" is the UTC date of the kit's clock.
 *
 * <p><b>Feed tokens.</b> Calendar applications cannot sign in, so a member gets a secret feed token
 * ({@link #issueFeedToken}) for the subscription URL: 256 random bits, stored only as its SHA-256 hash, one
 * member and one workspace, at most {@value #MAX_LIVE_FEED_TOKENS} live per member and workspace (issuing one
 * more revokes the oldest), revocable. {@link #feedByToken} renders the feed with the member's <em>current</em>
 * permissions: a malformed, unknown, tampered, revoked or other tenant's token, the token of a member who
 * was removed or may no longer see the workspace, and a token issued before the member's current membership began
 * (a removed member who is added again gets none of the old tokens back), all answer the same
 * {@link NotFoundException}
 * ({@code calendar-feed 'given'}).
 */
public final class CalendarService {

    /** The most entries an {@link Agenda} holds. */
    public static final int MAX_AGENDA_ENTRIES = 1_000;
    /** The longest range of {@link #events} and {@link #agenda}: 500 days. */
    public static final Duration MAX_RANGE = Duration.ofDays(500);
    /** How far back the feed reaches: 90 days before today. */
    public static final int FEED_DAYS_BACK = 90;
    /** How far ahead the feed reaches: 400 days after today. */
    public static final int FEED_DAYS_AHEAD = 400;
    /** The most scheduled events one feed holds (then the due dates, at most as many again). */
    public static final int MAX_FEED_EVENTS = 1_000;
    /** How many feed tokens one member may have live in one workspace: 3. Issuing one more revokes the oldest. */
    public static final int MAX_LIVE_FEED_TOKENS = 3;
    /** A feed token as issued: 52 characters of the lower-case base32 alphabet (256 bits). */
    public static final Pattern FEED_TOKEN = Pattern.compile("[a-z2-7]{52}");

    private static final String CURSOR = "cal";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final ScheduledEventStore events;
    private final CalendarFeedTokenStore tokens;
    private final DueDates dueDates;
    private final SecureRandom random = new SecureRandom();

    CalendarService(Kernel kernel, WorkspaceAccess access, DueDates dueDates) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.dueDates = requireNonNull(dueDates, "dueDates must not be null");
        this.events = kernel.stores().require(ScheduledEventStore.class);
        this.tokens = kernel.stores().require(CalendarFeedTokenStore.class);
    }

    // ------------------------------------------------------------------------------------------ events

    /**
     * Schedules an event. Every broken rule of {@link ScheduledEvent} is reported at once as field errors, before
     * anything else is checked; then the actor needs {@link Permission#MANAGE_PROJECTS} (and
     * {@link Permission#VIEW_INTERNAL} for a team-only event) in a workspace that is not archived.
     *
     * @return the stored event, at version 0
     */
    public ScheduledEvent schedule(Actor actor, WorkspaceId workspaceId, NewScheduledEvent event) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        validate(requireNonNull(event, "event must not be null"));
        return kernel.write(changes -> {
            AccessGrant grant = writable(actor, workspaceId, event.visibility());
            ScheduledEvent stored = events.insert(new ScheduledEvent(ScheduledEventId.of(kernel.newId()),
                    actor.tenantId(), workspaceId, event.kind(), event.title(), event.description(), event.location(),
                    seconds(event.start()), seconds(event.end()), event.visibility(), false, actor.userId(),
                    changes.now(), changes.now(), 0));
            changes.publish(new CalendarEvent.EventScheduled(actor.tenantId(), workspaceId, stored.id(),
                    stored.title(), stored.kind(), stored.start(), stored.end(), stored.visibility(), actor,
                    changes.now()));
            return stored;
        });
    }

    /**
     * Replaces every field of an event, if it is still at {@code expectedVersion}. Same rules and checks as
     * {@link #schedule}; a cancelled event cannot be changed. Changing nothing is still a change (new version).
     *
     * @throws NotFoundException if the actor may not see the event (or it does not exist)
     * @throws ConflictException {@code STALE_VERSION} if it changed since, {@code INVALID_STATE} if it is cancelled
     */
    public ScheduledEvent update(Actor actor, WorkspaceId workspaceId, ScheduledEventId eventId,
                                 NewScheduledEvent change, long expectedVersion) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(eventId, "eventId must not be null");
        validate(requireNonNull(change, "change must not be null"));
        return kernel.write(changes -> {
            writable(actor, workspaceId, change.visibility());
            ScheduledEvent current = visibleForUpdate(actor, workspaceId, eventId);
            requireVersion(current, expectedVersion);
            if (current.cancelled()) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE, "Event '" + current.title()
                        + "' is cancelled and can no longer be changed; schedule a new one");
            }
            ScheduledEvent stored = events.update(current.with(change, changes.now()));
            changes.publish(new CalendarEvent.EventUpdated(actor.tenantId(), workspaceId, stored.id(), stored.title(),
                    stored.kind(), stored.start(), stored.end(), stored.visibility(), actor, changes.now()));
            return stored;
        });
    }

    /**
     * Cancels an event, if it is still at {@code expectedVersion}: it is kept, marked cancelled (the feed shows
     * it with {@code STATUS:CANCELLED}, so subscribers' calendars drop it). Cancelling a cancelled event changes
     * nothing and answers it as it is (no event, no new version), whatever version is given.
     *
     * @throws NotFoundException if the actor may not see the event (or it does not exist)
     * @throws ConflictException {@code STALE_VERSION} if it changed since
     */
    public ScheduledEvent cancel(Actor actor, WorkspaceId workspaceId, ScheduledEventId eventId,
                                 long expectedVersion) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(eventId, "eventId must not be null");
        return kernel.write(changes -> {
            writable(actor, workspaceId, Visibility.CLIENT);
            ScheduledEvent current = visibleForUpdate(actor, workspaceId, eventId);
            if (current.cancelled()) {
                return current;
            }
            requireVersion(current, expectedVersion);
            ScheduledEvent stored = events.update(current.cancelledAt(changes.now()));
            changes.publish(new CalendarEvent.EventCancelled(actor.tenantId(), workspaceId, stored.id(),
                    stored.title(), stored.kind(), stored.start(), stored.end(), stored.visibility(), actor,
                    changes.now()));
            return stored;
        });
    }

    /** The event, if the actor may see it. */
    public Optional<ScheduledEvent> find(Actor actor, WorkspaceId workspaceId, ScheduledEventId eventId) {
        requireNonNull(eventId, "eventId must not be null");
        AccessGrant grant = readable(actor, workspaceId);
        return events.find(actor.tenantId(), workspaceId, eventId).filter(e -> sees(grant, e.visibility()));
    }

    /** The event, or {@link NotFoundException} ({@code scheduled-event}) if the actor may not see it. */
    public ScheduledEvent get(Actor actor, WorkspaceId workspaceId, ScheduledEventId eventId) {
        return find(actor, workspaceId, eventId).orElseThrow(() -> notFound(eventId));
    }

    /**
     * The events the actor may see that overlap {@code [from, to)}, cancelled ones included, by start and then id,
     * one keyset page at a time (the cursor names the last event's start and id). The range must be non-empty and
     * at most {@link #MAX_RANGE} (field errors {@code to}).
     */
    public Page<ScheduledEvent> events(Actor actor, WorkspaceId workspaceId, Instant from, Instant to,
                                       PageRequest page) {
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        requireNonNull(page, "page must not be null");
        List<FieldError> bounds = new ArrayList<>();
        DateBounds.check(bounds, "from", from);
        DateBounds.check(bounds, "to", to);
        if (!bounds.isEmpty()) {
            throw new ValidationException(bounds);
        }
        checkRange(from, to);
        Optional<ScheduledEventStore.Position> after = Cursors.decode(CURSOR, page.cursor()).map(CalendarService::position);
        AccessGrant grant = readable(actor, workspaceId);
        List<ScheduledEvent> rows = events.list(actor.tenantId(), workspaceId, from, to,
                grant.allows(Permission.VIEW_INTERNAL), after, page.limit() + 1);
        return Cursors.page(rows, page.limit(), e -> Cursors.encode(CURSOR,
                e.start().getEpochSecond() + ":" + e.id().value()));
    }

    /**
     * What is on the calendar from {@code from} (inclusive) to {@code to} (exclusive), UTC days, for the actor:
     * the events overlapping those days and the due dates of the milestones and tasks the actor may see, merged
     * (see {@link Agenda} for the order), at most {@link #MAX_AGENDA_ENTRIES} ({@link Agenda#truncated()} tells when
     * more exist). The range must be non-empty and at most 500 days (field {@code to}).
     */
    public Agenda agenda(Actor actor, WorkspaceId workspaceId, LocalDate from, LocalDate to) {
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        List<FieldError> bounds = new ArrayList<>();
        DateBounds.check(bounds, "from", from);
        DateBounds.check(bounds, "to", to);
        if (!bounds.isEmpty()) {
            throw new ValidationException(bounds);
        }
        Instant start = startOf(from);
        Instant end = startOf(to);
        checkRange(start, end);
        AccessGrant grant = readable(actor, workspaceId);
        List<ScheduledEvent> found = events.list(actor.tenantId(), workspaceId, start, end,
                grant.allows(Permission.VIEW_INTERNAL), Optional.empty(), MAX_AGENDA_ENTRIES + 1);
        List<AgendaEntry> entries = new ArrayList<>();
        for (ScheduledEvent e : found) {
            LocalDate day = e.startDate().isBefore(from) ? from : e.startDate();
            entries.add(new AgendaEntry(AgendaEntry.Type.EVENT, e.id().value(), e.title(), day, Optional.of(e.start()),
                    Optional.of(e.end()), e.visibility(), e.cancelled()));
        }
        dueDates.due(actor, workspaceId, from, to, MAX_AGENDA_ENTRIES + 1).forEach(d -> entries.add(d.toEntry()));
        entries.sort(AGENDA_ORDER);
        boolean truncated = entries.size() > MAX_AGENDA_ENTRIES;
        return new Agenda(from, to, truncated ? entries.subList(0, MAX_AGENDA_ENTRIES) : entries, truncated);
    }

    private static final Comparator<AgendaEntry> AGENDA_ORDER = Comparator.comparing(AgendaEntry::date)
            .thenComparing(AgendaEntry::type)
            .thenComparing(e -> e.start().orElse(Instant.MIN))
            .thenComparing(AgendaEntry::itemId);

    // ------------------------------------------------------------------------------------------ the feed

    /**
     * Writes the iCalendar feed of what the actor may see in the workspace to {@code out} (UTF-8, see
     * {@link IcsWriter}): the events overlapping the window from {@value #FEED_DAYS_BACK} days before today to
     * {@value #FEED_DAYS_AHEAD} days after it (at most {@value #MAX_FEED_EVENTS}, by start), cancelled ones with
     * {@code STATUS:CANCELLED}, then the due dates of the milestones and tasks the actor may see in that window
     * as all-day events ({@code UID:milestone-<id>@client-workspace}, {@code task-<id>@...}). The calendar is
     * named after the workspace. Access is checked before the first byte is written; {@code out} is flushed,
     * not closed.
     *
     * @throws NotFoundException if the actor may not see the workspace
     */
    public void feed(Actor actor, WorkspaceId workspaceId, OutputStream out) {
        requireNonNull(out, "out must not be null");
        Workspace workspace = access.visible(actor, workspaceId);
        AccessGrant grant = access.grant(actor, workspaceId);
        LocalDate today = today();
        LocalDate from = today.minusDays(FEED_DAYS_BACK);
        LocalDate to = today.plusDays(FEED_DAYS_AHEAD);
        List<ScheduledEvent> found = events.list(actor.tenantId(), workspaceId, startOf(from), startOf(to),
                grant.allows(Permission.VIEW_INTERNAL), Optional.empty(), MAX_FEED_EVENTS);
        List<DueItem> due = dueDates.due(actor, workspaceId, from, to, MAX_FEED_EVENTS);
        IcsWriter ics = new IcsWriter(out).beginCalendar(workspace.name());
        found.forEach(ics::event);
        for (DueItem d : due) {
            ics.allDay(d.type().name().toLowerCase(java.util.Locale.ROOT) + "-" + d.id(), d.title(), d.date(),
                    d.updatedAt(), d.version(), d.type().name());
        }
        ics.endCalendar();
    }

    /**
     * Issues a feed token to the actor for their own subscription to the workspace's calendar. The actor must be
     * a member of the workspace (a membership of their own kind; otherwise {@link AccessDeniedException}), the
     * workspace must not be archived. At most {@value #MAX_LIVE_FEED_TOKENS} tokens of one member and workspace
     * are live: issuing one more revokes the oldest. Concurrent issuing for one workspace is serialized by the
     * workspace's write lock, so the cap holds. Publishes no event.
     *
     * @return the secret token (shown only here) and what is stored
     */
    public IssuedFeedToken issueFeedToken(Actor actor, WorkspaceId workspaceId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        String secret = newSecret();
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.VIEW_WORKSPACE, "subscribe to the calendar");
            if (membership(actor.tenantId(), workspaceId, actor).isEmpty()) {
                throw new AccessDeniedException(actor, "membership of the workspace", "subscribe to its calendar");
            }
            List<CalendarFeedToken> live = tokens.live(actor.tenantId(), workspaceId, actor.userId());
            for (int i = 0; i <= live.size() - MAX_LIVE_FEED_TOKENS; i++) {
                tokens.revoke(actor.tenantId(), workspaceId, live.get(i).id(), changes.now());
            }
            CalendarFeedToken stored = tokens.insert(new CalendarFeedToken(FeedTokenId.of(kernel.newId()),
                    actor.tenantId(), workspaceId, actor.userId(), sha256(secret), changes.now(), Optional.empty()));
            return new IssuedFeedToken(secret, stored);
        });
    }

    /** The actor's own live feed tokens in the workspace, oldest first (at most {@value #MAX_LIVE_FEED_TOKENS}). */
    public List<CalendarFeedToken> feedTokens(Actor actor, WorkspaceId workspaceId) {
        readable(actor, workspaceId);
        return tokens.live(actor.tenantId(), workspaceId, actor.userId());
    }

    /**
     * Revokes a feed token: its member, or a team member who sees internal items. Revoking a revoked token changes
     * nothing. Allowed in an archived workspace.
     *
     * @return the token after the call
     * @throws NotFoundException ({@code calendar-feed-token}) for anyone else, as for an unknown id
     */
    public CalendarFeedToken revokeFeedToken(Actor actor, WorkspaceId workspaceId, FeedTokenId tokenId) {
        requireNonNull(tokenId, "tokenId must not be null");
        AccessGrant grant = readable(actor, workspaceId);
        CalendarFeedToken token = tokens.find(actor.tenantId(), workspaceId, tokenId)
                .filter(t -> t.member().equals(actor.userId()) || (actor.isTeam()
                        && grant.allows(Permission.VIEW_INTERNAL)))
                .orElseThrow(() -> new NotFoundException("calendar-feed-token", tokenId.value()));
        return kernel.write(changes -> tokens.revoke(actor.tenantId(), workspaceId, token.id(), changes.now()))
                .orElseThrow(() -> new NotFoundException("calendar-feed-token", tokenId.value()));
    }

    /**
     * Writes the feed a token opens ({@link #feed} as its member, with the member's permissions now) to
     * {@code out}. The tenant comes from the host (the URL the calendar application polls). A malformed, unknown,
     * tampered, revoked or other tenant's token, a member removed since or no longer allowed to see the
     * workspace: all the same {@link NotFoundException} ({@code calendar-feed 'given'}), before anything is
     * written. A host-level call without an actor (the token is the credential).
     */
    public void feedByToken(TenantId tenantId, String token, OutputStream out) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(token, "token must not be null");
        requireNonNull(out, "out must not be null");
        CalendarFeedToken found = Optional.of(token).filter(t -> FEED_TOKEN.matcher(t).matches())
                .flatMap(t -> tokens.findByHash(tenantId, sha256(t)))
                .filter(t -> !t.revoked())
                .orElseThrow(CalendarService::unknownFeed);
        Actor member = kernel.stores().memberships().find(tenantId, found.workspaceId(), found.member())
                .filter(m -> !found.issuedAt().isBefore(m.joinedAt()))
                .map(m -> new Actor(tenantId, found.member(), m.role().kind()))
                .orElseThrow(CalendarService::unknownFeed);
        if (access.findVisible(member, found.workspaceId()).isEmpty()
                || !access.grant(member, found.workspaceId()).allows(Permission.VIEW_WORKSPACE)) {
            throw unknownFeed();
        }
        feed(member, found.workspaceId(), out);
    }

    // ------------------------------------------------------------------------------------------ internals

    /** {@code instant} truncated to whole seconds, the precision of start and end. */
    static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(kernel.now(), ZoneOffset.UTC);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void checkRange(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new ValidationException(FieldError.of("to", "must be after from"));
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new ValidationException(FieldError.of("to", "must be at most " + MAX_RANGE.toDays()
                    + " days after from"));
        }
    }

    private static ScheduledEventStore.Position position(String key) {
        int colon = key.indexOf(':');
        try {
            if (colon > 0) {
                return new ScheduledEventStore.Position(Instant.ofEpochSecond(Long.parseLong(key.substring(0, colon))),
                        ScheduledEventId.of(key.substring(colon + 1)));
            }
        } catch (RuntimeException e) {
            // falls through to the one answer for any cursor this list did not hand out
        }
        throw new ValidationException(FieldError.of("cursor", "is not a cursor returned by this list"));
    }

    /** Every broken rule of the event's content, at once. */
    private static void validate(NewScheduledEvent e) {
        List<FieldError> errors = new ArrayList<>();
        singleLine(errors, "title", e.title(), ScheduledEvent.MAX_TITLE);
        if (e.description().length() > ScheduledEvent.MAX_DESCRIPTION) {
            errors.add(FieldError.of("description", "must be at most " + ScheduledEvent.MAX_DESCRIPTION
                    + " characters"));
        } else if (e.description().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            errors.add(FieldError.of("description", "must not contain control characters other than line feeds and tabs"));
        }
        e.location().ifPresent(l -> singleLine(errors, "location", l, ScheduledEvent.MAX_LOCATION));
        Instant start = seconds(e.start());
        Instant end = seconds(e.end());
        boolean bounded = DateBounds.check(errors, "start", start) & DateBounds.check(errors, "end", end);
        if (bounded && !end.isAfter(start)) {
            errors.add(FieldError.of("end", "must be after start"));
        } else if (bounded && Duration.between(start, end).compareTo(ScheduledEvent.MAX_DURATION) > 0) {
            errors.add(FieldError.of("end", "must be at most " + ScheduledEvent.MAX_DURATION.toDays()
                    + " days after start"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void singleLine(List<FieldError> errors, String field, String value, int max) {
        if (value.isBlank()) {
            errors.add(FieldError.of(field, "must not be blank"));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, "must be at most " + max + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(FieldError.of(field, "must not contain control characters"));
        }
    }

    /** Checks, inside the unit of work, that the actor may change events of this visibility here. */
    private AccessGrant writable(Actor actor, WorkspaceId workspaceId, Visibility visibility) {
        access.requireWritable(actor, workspaceId, Permission.MANAGE_PROJECTS, "schedule calendar events");
        AccessGrant grant = access.grant(actor, workspaceId);
        if (visibility == Visibility.TEAM && !grant.allows(Permission.VIEW_INTERNAL)) {
            throw new AccessDeniedException(actor, Permission.VIEW_INTERNAL.name(), "schedule team-only events");
        }
        return grant;
    }

    private ScheduledEvent visibleForUpdate(Actor actor, WorkspaceId workspaceId, ScheduledEventId eventId) {
        AccessGrant grant = access.grant(actor, workspaceId);
        return events.findForUpdate(actor.tenantId(), workspaceId, eventId)
                .filter(e -> sees(grant, e.visibility()))
                .orElseThrow(() -> notFound(eventId));
    }

    private static void requireVersion(ScheduledEvent current, long expectedVersion) {
        if (current.version() != expectedVersion) {
            throw ConflictException.staleVersion("scheduled event", current.id().value(), expectedVersion);
        }
    }

    private AccessGrant readable(Actor actor, WorkspaceId workspaceId) {
        access.require(actor, workspaceId, Permission.VIEW_WORKSPACE, "see the calendar");
        return access.grant(actor, workspaceId);
    }

    private static boolean sees(AccessGrant grant, Visibility visibility) {
        return visibility == Visibility.CLIENT || grant.allows(Permission.VIEW_INTERNAL);
    }

    private Optional<Membership> membership(TenantId tenantId, WorkspaceId workspaceId, Actor actor) {
        return kernel.stores().memberships().find(tenantId, workspaceId, actor.userId())
                .filter(m -> m.role().kind() == actor.kind());
    }

    private static NotFoundException notFound(ScheduledEventId id) {
        return new NotFoundException("scheduled-event", id.value());
    }

    private static WorkspaceException unknownFeed() {
        return new NotFoundException("calendar-feed", "given");
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        StringBuilder out = new StringBuilder(52);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
