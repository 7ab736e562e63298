package io.clientworkspace.handoff;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * What an executed handoff moved: exactly its {@code plan}.
 *
 * @param plan        the plan that was executed
 * @param completedAt when (the instant of the unit of work)
 */
public record HandoffResult(HandoffPlan plan, Instant completedAt) {

    public HandoffResult {
        requireNonNull(plan, "plan must not be null");
        requireNonNull(completedAt, "completedAt must not be null");
    }
}
