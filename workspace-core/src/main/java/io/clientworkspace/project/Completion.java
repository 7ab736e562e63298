package io.clientworkspace.project;

import io.clientworkspace.UserId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * When a task was ticked done, and by whom.
 *
 * @param at when
 * @param by who ticked it
 */
public record Completion(Instant at, UserId by) {

    public Completion {
        requireNonNull(at, "at must not be null");
        requireNonNull(by, "by must not be null");
    }
}
