package io.clientworkspace.insight;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityDescription;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Events of the insights feature. */
public sealed interface InsightEvent extends DomainEvent {

    /**
     * A client user's first visit of a UTC day to a workspace (later visits that day publish nothing). Team only;
     * it appends no activity entry (visits are not changes, and the activity log is no visit log): the dashboard's
     * "last client activity" follows it.
     */
    record ClientVisited(TenantId tenantId, WorkspaceId workspace, Actor actor, Instant occurredAt)
            implements InsightEvent {
        public ClientVisited {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(workspace);
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of();
        }
    }
}
