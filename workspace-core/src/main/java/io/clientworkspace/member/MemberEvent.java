package io.clientworkspace.member;

import io.clientworkspace.Actor;
import io.clientworkspace.InvitationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.Optional;

/** Events about memberships, invitations and permission matrices. */
public interface MemberEvent extends DomainEvent {

    /** A user became a member of a workspace. Client-visible. */
    record MemberAdded(TenantId tenantId, WorkspaceId workspace, UserId userId, WorkspaceRole role, Actor actor,
                       Instant occurredAt) implements MemberEvent {
        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(workspace);
        }

        @Override
        public Visibility visibility() {
            return Visibility.CLIENT;
        }
    }

    /** A member's role changed. Client-visible. */
    record MemberRoleChanged(TenantId tenantId, WorkspaceId workspace, UserId userId, WorkspaceRole oldRole,
                             WorkspaceRole newRole, Actor actor, Instant occurredAt) implements MemberEvent {
        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(workspace);
        }

        @Override
        public Visibility visibility() {
            return Visibility.CLIENT;
        }
    }

    /** A member left or was removed. Client-visible. */
    record MemberRemoved(TenantId tenantId, WorkspaceId workspace, UserId userId, WorkspaceRole role, Actor actor,
                         Instant occurredAt) implements MemberEvent {
        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(workspace);
        }

        @Override
        public Visibility visibility() {
            return Visibility.CLIENT;
        }
    }

    /** An invitation was created. Team-only: the invitee's address is not shown to other clients. */
    record InvitationCreated(TenantId tenantId, WorkspaceId workspace, InvitationId invitationId, String email,
                             WorkspaceRole role, Instant expiresAt, Actor actor, Instant occurredAt)
            implements MemberEvent {
        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(workspace);
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }
    }

    /** An invitation was accepted (a {@link MemberAdded} follows). Team-only. */
    record InvitationAccepted(TenantId tenantId, WorkspaceId workspace, InvitationId invitationId, UserId userId,
                              Actor actor, Instant occurredAt) implements MemberEvent {
        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(workspace);
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }
    }

    /** An invitation was revoked. Team-only. */
    record InvitationRevoked(TenantId tenantId, WorkspaceId workspace, InvitationId invitationId, Actor actor,
                             Instant occurredAt) implements MemberEvent {
        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.of(workspace);
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }
    }

    /** A tenant replaced or reset its permission matrix. Team-only. */
    record PermissionMatrixChanged(TenantId tenantId, Actor actor, Instant occurredAt) implements MemberEvent {
        @Override
        public Optional<WorkspaceId> workspaceId() {
            return Optional.empty();
        }

        @Override
        public Visibility visibility() {
            return Visibility.TEAM;
        }
    }
}
