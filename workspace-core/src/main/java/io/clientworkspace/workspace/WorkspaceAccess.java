package io.clientworkspace.workspace;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spi.WorkspaceStore;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The access checks every workspace-scoped operation starts with, in one place so that every feature
 * answers alike: a workspace the actor may not see is "not found", exactly like a missing id; a
 * visible workspace without the needed permission is "access denied"; an archived workspace refuses
 * every change.
 */
public final class WorkspaceAccess {

    private final WorkspaceStore workspaces;
    private final Authorizer authorizer;

    public WorkspaceAccess(WorkspaceStore workspaces, Authorizer authorizer) {
        this.workspaces = requireNonNull(workspaces, "workspaces must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
    }

    /** The workspace, if it exists in the actor's tenant and the actor may see it. */
    public Optional<Workspace> findVisible(Actor actor, WorkspaceId workspaceId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        if (!authorizer.grant(actor, workspaceId).canView()) {
            return Optional.empty();
        }
        return workspaces.find(actor.tenantId(), workspaceId);
    }

    /** The workspace if the actor may see it; otherwise {@link NotFoundException}. */
    public Workspace visible(Actor actor, WorkspaceId workspaceId) {
        return findVisible(actor, workspaceId).orElseThrow(() -> notFound(workspaceId));
    }

    /** What the actor may do in the workspace (no existence check). */
    public AccessGrant grant(Actor actor, WorkspaceId workspaceId) {
        return authorizer.grant(actor, workspaceId);
    }

    /** For reads that need a permission: the workspace, or not-found / access-denied. */
    public Workspace require(Actor actor, WorkspaceId workspaceId, Permission permission, String action) {
        Workspace workspace = visible(actor, workspaceId);
        if (!authorizer.grant(actor, workspaceId).allows(permission)) {
            throw new AccessDeniedException(actor, permission.name(), action);
        }
        return workspace;
    }

    /**
     * For changes, inside a unit of work: checks visibility and the permission, locks the workspace for
     * the rest of the unit of work, and refuses if it is archived.
     */
    public Workspace requireWritable(Actor actor, WorkspaceId workspaceId, Permission permission, String action) {
        require(actor, workspaceId, permission, action);
        Workspace locked = workspaces.findForUpdate(actor.tenantId(), workspaceId)
                .orElseThrow(() -> notFound(workspaceId));
        if (locked.isArchived()) {
            throw new ArchivedException(workspaceId);
        }
        return locked;
    }

    static NotFoundException notFound(WorkspaceId workspaceId) {
        return new NotFoundException("workspace", workspaceId.value());
    }
}
