package io.clientworkspace.handoff;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityDescription;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Events of handoffs. */
public sealed interface HandoffEvent extends DomainEvent {

    /**
     * A handoff finished in one workspace (after the member, task, request and project events it caused there).
     * Team-only. Activity: {@code handoff.completed} on the leaving member with from, to and the counts.
     */
    record HandoffCompleted(TenantId tenantId, WorkspaceId workspace, UserId from, UserId to, boolean lead,
                            boolean joined, int tasks, int requests, int projects, Actor actor,
                            Instant occurredAt) implements HandoffEvent {
        public HandoffCompleted {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(from, "from must not be null");
            requireNonNull(to, "to must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(new ActivityDescription("handoff.completed", "membership", from.value(), Map.of(
                    "from", from.value(), "to", to.value(), "lead", Boolean.toString(lead),
                    "joined", Boolean.toString(joined), "tasks", Integer.toString(tasks),
                    "requests", Integer.toString(requests), "projects", Integer.toString(projects))));
        }

        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(workspace);
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }
    }
}
