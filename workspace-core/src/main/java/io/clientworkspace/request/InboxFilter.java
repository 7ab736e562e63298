package io.clientworkspace.request;

import io.clientworkspace.UserId;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Which requests the team inbox shows.
 *
 * @param assignee      only those assigned to this user, when present
 * @param unassigned    only those without assignee (ignored when {@code assignee} is present)
 * @param statuses      only these statuses; must not be empty
 * @param olderThan     only those submitted before this instant, when present
 */
public record InboxFilter(Optional<UserId> assignee, boolean unassigned, Set<RequestStatus> statuses,
                          Optional<Instant> olderThan) {

    public InboxFilter {
        requireNonNull(assignee, "assignee must not be null");
        requireNonNull(statuses, "statuses must not be null");
        requireNonNull(olderThan, "olderThan must not be null");
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
        statuses = Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** Every open request: SUBMITTED, IN_PROGRESS and WAITING_ON_CLIENT, anyone's. */
    public static InboxFilter open() {
        return new InboxFilter(Optional.empty(), false, EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.IN_PROGRESS,
                RequestStatus.WAITING_ON_CLIENT), Optional.empty());
    }

    /** A copy that shows only requests assigned to {@code user}. */
    public InboxFilter assignedTo(UserId user) {
        return new InboxFilter(Optional.of(user), false, statuses, olderThan);
    }

    /** A copy that shows only requests submitted before {@code instant}. */
    public InboxFilter submittedBefore(Instant instant) {
        return new InboxFilter(assignee, unassigned, statuses, Optional.of(instant));
    }

    /** Whether the request passes this filter. */
    public boolean test(ClientRequest r) {
        return statuses.contains(r.status())
                && (assignee.isPresent() ? r.assignee().equals(assignee) : !unassigned || r.assignee().isEmpty())
                && (olderThan.isEmpty() || r.submittedAt().isBefore(olderThan.get()));
    }
}
