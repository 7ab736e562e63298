package io.clientworkspace.dashboard;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One row of a dashboard page: the stored summary plus what depends on the caller and the query.
 *
 * @param summary              the workspace's summary
 * @param unreadClientMessages messages written by client users that the caller has not read (newer than the caller's
 *                             read marker of their conversation, not deleted)
 * @param attention            why the workspace needs attention under the query's thresholds, in
 *                             {@link AttentionReason} order, each once; empty when it does not
 */
public record DashboardRow(WorkspaceSummary summary, long unreadClientMessages, List<AttentionReason> attention) {

    public DashboardRow {
        requireNonNull(summary, "summary must not be null");
        attention = List.copyOf(requireNonNull(attention, "attention must not be null"));
        if (unreadClientMessages < 0) {
            throw new IllegalArgumentException("unreadClientMessages must not be negative");
        }
    }

    /** Whether the workspace needs attention for any reason. */
    public boolean needsAttention() {
        return !attention.isEmpty();
    }
}
