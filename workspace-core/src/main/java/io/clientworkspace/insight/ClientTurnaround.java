package io.clientworkspace.insight;

import io.clientworkspace.UserId;

import static java.util.Objects.requireNonNull;

/**
 * One client user's approval turnaround across workspaces: from each request to that user's decision.
 *
 * @param turnaround its count is the number of decisions the user made in the period
 */
public record ClientTurnaround(UserId userId, DurationStats turnaround) {

    public ClientTurnaround {
        requireNonNull(userId, "userId must not be null");
        requireNonNull(turnaround, "turnaround must not be null");
    }
}
