/**
 * Handoffs ({@code handoffs}): when a team member leaves or changes accounts, a tenant admin previews with
 * {@link io.clientworkspace.handoff.HandoffService#preview} everything that person leads, is assigned or owns across
 * the tenant's active workspaces, and moves all of it to another team member with
 * {@link io.clientworkspace.handoff.HandoffService#execute} in one unit of work: all or nothing.
 */
@NullMarked
package io.clientworkspace.handoff;

import org.jspecify.annotations.NullMarked;
