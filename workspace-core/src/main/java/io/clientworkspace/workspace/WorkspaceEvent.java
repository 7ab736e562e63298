package io.clientworkspace.workspace;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.Optional;

/** Events about a workspace itself. All are client-visible. */
public interface WorkspaceEvent extends DomainEvent {

    /** The workspace concerned. */
    WorkspaceId workspace();

    @Override
    default Optional<WorkspaceId> workspaceId() {
        return Optional.of(workspace());
    }

    @Override
    default Visibility visibility() {
        return Visibility.CLIENT;
    }

    /** A workspace was created. */
    record WorkspaceCreated(TenantId tenantId, WorkspaceId workspace, String slug, String name, Actor actor,
                            Instant occurredAt) implements WorkspaceEvent {
    }

    /** A workspace's name, branding or external reference changed. */
    record WorkspaceUpdated(TenantId tenantId, WorkspaceId workspace, Workspace current, Actor actor,
                            Instant occurredAt) implements WorkspaceEvent {
    }

    /** A workspace was archived. */
    record WorkspaceArchived(TenantId tenantId, WorkspaceId workspace, Actor actor, Instant occurredAt)
            implements WorkspaceEvent {
    }

    /** A workspace was restored from the archive. */
    record WorkspaceRestored(TenantId tenantId, WorkspaceId workspace, Actor actor, Instant occurredAt)
            implements WorkspaceEvent {
    }
}
