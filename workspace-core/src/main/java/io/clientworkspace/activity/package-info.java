/**
 * The activity log and domain events, the place every feature writes to.
 *
 * <p>Each mutation appends an {@link io.clientworkspace.activity.ActivityEntry} to its workspace's
 * log; entries are chained with SHA-256 ({@link io.clientworkspace.activity.ActivityChain}) so that
 * changing, deleting or reordering any stored entry is detected by
 * {@link io.clientworkspace.workspace.ActivityFeed#verify}. After an operation commits, typed
 * {@link io.clientworkspace.activity.DomainEvent}s go to every registered
 * {@link io.clientworkspace.activity.DomainEventListener}; a failed operation publishes nothing.
 *
 * <p>This package sits at the bottom of the feature layering: it depends on no other feature package.
 */
@NullMarked
package io.clientworkspace.activity;

import org.jspecify.annotations.NullMarked;
