package io.clientworkspace.tck;

import io.clientworkspace.FeedTokenId;
import io.clientworkspace.ScheduledEventId;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.calendar.CalendarFeedToken;
import io.clientworkspace.calendar.EventKind;
import io.clientworkspace.calendar.ScheduledEvent;
import io.clientworkspace.workspace.Workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Builds calendar records for the contracts, with the counters of a {@link TestData}: scheduled events and feed
 * tokens, each unique.
 */
public final class CalendarTestData {

    private final TestData data;

    /** Calendar records numbered by {@code data}'s counters. */
    public CalendarTestData(TestData data) {
        this.data = requireNonNull(data, "data must not be null");
    }

    /** A new scheduled event id. */
    public ScheduledEventId eventId() {
        return ScheduledEventId.of(data.unique("ev"));
    }

    /** A new feed token id. */
    public FeedTokenId feedTokenId() {
        return FeedTokenId.of(data.unique("ft"));
    }

    /** A client-visible, not cancelled event of the workspace from {@code start} for {@code length}, at version 0. */
    public ScheduledEvent event(Workspace workspace, Instant start, Duration length) {
        return event(workspace, start, length, Visibility.CLIENT);
    }

    /** An event of the workspace with the given visibility, at version 0. */
    public ScheduledEvent event(Workspace workspace, Instant start, Duration length, Visibility visibility) {
        Instant created = data.instant();
        return new ScheduledEvent(eventId(), workspace.tenantId(), workspace.id(), EventKind.MAINTENANCE,
                "Event " + data.unique("title"), "", Optional.empty(), start, start.plus(length), visibility, false,
                data.userId(), created, created, 0);
    }

    /** A live feed token of {@code member} in the workspace. */
    public CalendarFeedToken feedToken(Workspace workspace, UserId member) {
        return new CalendarFeedToken(feedTokenId(), workspace.tenantId(), workspace.id(), member, data.tokenHash(),
                data.instant(), Optional.empty());
    }
}
