package io.clientworkspace.activity;

import java.util.Map;
import java.util.TreeMap;

import static java.util.Collections.unmodifiableSortedMap;
import static java.util.Objects.requireNonNull;

/**
 * How a {@link DomainEvent} reads in its workspace's activity log: the fields of one {@link ActivityEntry}
 * that the event itself decides. The rest of the entry comes from the event too (tenant, workspace, actor,
 * {@link DomainEvent#visibility() visibility}) or from the chain (id, sequence, time of the unit of work,
 * hashes), so an operation cannot log a change one way and publish it another.
 *
 * @param action     what happened, a dotted lower-case verb such as {@code file.trashed}
 * @param targetType the kind of thing acted on, such as {@code file}
 * @param targetId   the id of the thing acted on
 * @param details    small, non-secret facts about the change (at most 32, keys up to 64 and values up to
 *                   1000 characters; sorted by key, unmodifiable)
 */
public record ActivityDescription(String action, String targetType, String targetId, Map<String, String> details) {

    public ActivityDescription {
        requireNonNull(action, "action must not be null");
        requireNonNull(targetType, "targetType must not be null");
        requireNonNull(targetId, "targetId must not be null");
        details = unmodifiableSortedMap(new TreeMap<>(requireNonNull(details, "details must not be null")));
    }

    /** A description without details. */
    public static ActivityDescription of(String action, String targetType, String targetId) {
        return new ActivityDescription(action, targetType, targetId, Map.of());
    }
}
