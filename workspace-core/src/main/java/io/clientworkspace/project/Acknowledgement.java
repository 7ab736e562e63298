package io.clientworkspace.project;

import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.UserId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A user saw a status update ("seen by Carol on ..."). One per user and update: the first one is kept.
 *
 * @param statusUpdateId the update
 * @param user           who acknowledged it
 * @param at             when, the first time
 */
public record Acknowledgement(StatusUpdateId statusUpdateId, UserId user, Instant at) {

    public Acknowledgement {
        requireNonNull(statusUpdateId, "statusUpdateId must not be null");
        requireNonNull(user, "user must not be null");
        requireNonNull(at, "at must not be null");
    }
}
