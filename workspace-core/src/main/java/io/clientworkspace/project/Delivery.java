package io.clientworkspace.project;

import io.clientworkspace.UserId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * When a milestone was marked delivered, and by whom.
 *
 * @param at when
 * @param by the team member who marked it
 */
public record Delivery(Instant at, UserId by) {

    public Delivery {
        requireNonNull(at, "at must not be null");
        requireNonNull(by, "by must not be null");
    }
}
