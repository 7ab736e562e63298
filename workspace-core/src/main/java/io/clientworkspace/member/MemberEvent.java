package io.clientworkspace.member;

import io.clientworkspace.Actor;
import io.clientworkspace.InvitationId;
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

/** Events about memberships, invitations and permission matrices. */
public interface MemberEvent extends DomainEvent {

    /** A user became a member of a workspace. Client-visible. Activity: {@code member.added} with the role. */
    record MemberAdded(TenantId tenantId, WorkspaceId workspace, UserId userId, WorkspaceRole role, Actor actor,
                       Instant occurredAt) implements MemberEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(new ActivityDescription("member.added", "membership", userId.value(), Map.of("role", role.name())));
        }

        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(workspace);
        }

        @Override
        public Visibility visibility() {
            return Visibility.CLIENT;
        }
    }

    /** A member's role changed. Client-visible. Activity: {@code member.role-changed} (from, to). */
    record MemberRoleChanged(TenantId tenantId, WorkspaceId workspace, UserId userId, WorkspaceRole oldRole,
                             WorkspaceRole newRole, Actor actor, Instant occurredAt) implements MemberEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(new ActivityDescription("member.role-changed", "membership", userId.value(),
                    Map.of("from", oldRole.name(), "to", newRole.name())));
        }

        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(workspace);
        }

        @Override
        public Visibility visibility() {
            return Visibility.CLIENT;
        }
    }

    /** A member left or was removed. Client-visible. Activity: {@code member.removed} with the role it had. */
    record MemberRemoved(TenantId tenantId, WorkspaceId workspace, UserId userId, WorkspaceRole role, Actor actor,
                         Instant occurredAt) implements MemberEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(new ActivityDescription("member.removed", "membership", userId.value(), Map.of("role", role.name())));
        }

        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(workspace);
        }

        @Override
        public Visibility visibility() {
            return Visibility.CLIENT;
        }
    }

    /**
     * An invitation was created. Team-only: the invitee's address is not shown to other clients. Activity:
     * {@code invitation.created} with the address and the role.
     */
    record InvitationCreated(TenantId tenantId, WorkspaceId workspace, InvitationId invitationId, String email,
                             WorkspaceRole role, Instant expiresAt, Actor actor, Instant occurredAt)
            implements MemberEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(new ActivityDescription("invitation.created", "invitation", invitationId.value(),
                    Map.of("email", email, "role", role.name())));
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

    /**
     * An invitation was accepted (a {@link MemberAdded} follows). Team-only. Activity: {@code invitation.accepted}
     * with the invited address.
     */
    record InvitationAccepted(TenantId tenantId, WorkspaceId workspace, InvitationId invitationId, UserId userId,
                              String email, Actor actor, Instant occurredAt) implements MemberEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(new ActivityDescription("invitation.accepted", "invitation", invitationId.value(),
                    Map.of("email", email)));
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

    /** An invitation was revoked. Team-only. Activity: {@code invitation.revoked} with the invited address. */
    record InvitationRevoked(TenantId tenantId, WorkspaceId workspace, InvitationId invitationId, String email,
                             Actor actor, Instant occurredAt) implements MemberEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(new ActivityDescription("invitation.revoked", "invitation", invitationId.value(),
                    Map.of("email", email)));
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

    /** A tenant replaced or reset its permission matrix. Team-only. No activity: it happened in no workspace. */
    record PermissionMatrixChanged(TenantId tenantId, Actor actor, Instant occurredAt) implements MemberEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of();
        }

        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.empty();
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }
    }

    /**
     * A client member was given a tenant's custom client role, or had it taken away ({@code clientRole} empty): its
     * permissions are now the custom role's (or the built-in {@code role}'s). Team-only. Activity:
     * {@code member.client-role-assigned} with the role keys (from, to; {@code -} for none) and the built-in role.
     */
    record ClientRoleAssigned(TenantId tenantId, WorkspaceId workspace, UserId userId, Optional<String> previous,
                              Optional<String> clientRole, WorkspaceRole role, Actor actor, Instant occurredAt)
            implements MemberEvent {
        @Override
        public List<ActivityDescription> activity() {
            return List.of(new ActivityDescription("member.client-role-assigned", "membership", userId.value(),
                    Map.of("from", previous.orElse("-"), "to", clientRole.orElse("-"), "role", role.name())));
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
