package io.clientworkspace.tenant;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityDescription;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Events about tenants and their team rosters. All are team-only and record no activity: they happen in
 * no workspace, and activity logs are kept per workspace.
 */
public interface TenantEvent extends DomainEvent {

    @Override
    default Optional<WorkspaceId> workspaceId() {
        return Optional.empty();
    }

    @Override
    default Visibility visibility() {
        return Visibility.TEAM;
    }

    @Override
    default List<ActivityDescription> activity() {
        return List.of();
    }

    /** A tenant was created with its first tenant admin. */
    record TenantCreated(TenantId tenantId, String name, Actor actor, Instant occurredAt) implements TenantEvent {
    }

    /** A tenant was renamed. */
    record TenantRenamed(TenantId tenantId, String oldName, String newName, Actor actor, Instant occurredAt)
            implements TenantEvent {
    }

    /** A user joined the tenant's team roster, or its tenant role changed. */
    record TeamMemberChanged(TenantId tenantId, UserId userId, TenantRole role, Actor actor, Instant occurredAt)
            implements TenantEvent {
    }

    /** A user left the tenant's team roster. */
    record TeamMemberRemoved(TenantId tenantId, UserId userId, Actor actor, Instant occurredAt)
            implements TenantEvent {
    }

    /** A tenant defined a custom client role, or redefined it ({@code role.version() > 0}). */
    record ClientRoleDefined(TenantId tenantId, io.clientworkspace.member.ClientRole role, Actor actor,
                             Instant occurredAt) implements TenantEvent {
    }

    /** A tenant removed a custom client role that no membership held. */
    record ClientRoleRemoved(TenantId tenantId, String key, Actor actor, Instant occurredAt) implements TenantEvent {
    }
}
