package io.clientworkspace.workspace;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.Permission;
import io.clientworkspace.ActorKind;
import io.clientworkspace.PageRequest;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.WorkspaceStore;
import io.clientworkspace.tenant.TenantRole;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The actor's grant in every workspace of its tenant where it holds a membership of its own kind (what
     * {@link #grant} answers there), by workspace. Costs a bounded number of statements whatever the number of
     * workspaces: per role of the actor's kind one {@link WorkspaceStore#listForMember} query per
     * {@value PageRequest#MAX_LIMIT} workspaces, plus the tenant role and permission matrix (both cached); no
     * lookup per workspace. Workspaces a tenant admin sees without a membership are not included.
     *
     * <p>Limitation (review finding 6, not fixed yet): a membership holding a custom client role is reported with
     * its built-in base role's matrix permissions, not the custom role's, unlike {@link #grant}. Callers may rely
     * on {@link AccessGrant#canView()} and {@code VIEW_INTERNAL} only (identical for a custom role and its client
     * base); a caller asking any other permission across workspaces must use {@link #grant} per workspace.
     */
    public Map<WorkspaceId, AccessGrant> memberGrants(Actor actor) {
        requireNonNull(actor, "actor must not be null");
        Optional<TenantRole> tenantRole = authorizer.tenantRole(actor);
        if (actor.kind() == ActorKind.TEAM && tenantRole.isEmpty()) {
            return Map.of();
        }
        boolean admin = tenantRole.filter(r -> r == TenantRole.TENANT_ADMIN).isPresent();
        PermissionMatrix matrix = authorizer.matrix(actor.tenantId());
        Map<WorkspaceId, AccessGrant> grants = new LinkedHashMap<>();
        for (WorkspaceRole role : WorkspaceRole.values()) {
            if (role.kind() != actor.kind()) {
                continue;
            }
            AccessGrant grant = new AccessGrant(tenantRole, Optional.of(role),
                    admin ? EnumSet.allOf(Permission.class) : matrix.permissionsOf(role));
            Optional<String> afterSlug = Optional.empty();
            while (true) {
                List<Workspace> page = workspaces.listForMember(actor.tenantId(), actor.userId(), Set.of(role),
                        afterSlug, PageRequest.MAX_LIMIT);
                page.forEach(w -> grants.put(w.id(), grant));
                if (page.size() < PageRequest.MAX_LIMIT) {
                    break;
                }
                afterSlug = Optional.of(page.get(page.size() - 1).slug());
            }
        }
        return grants;
    }

    /** Whether the actor holds every permission in every workspace of its tenant (a tenant admin). */
    public boolean grantsEverywhere(Actor actor) {
        requireNonNull(actor, "actor must not be null");
        return authorizer.tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN).isPresent();
    }

    /**
     * Every workspace of the actor's tenant, for callers that serve all of them (tenant admins): one
     * {@link WorkspaceStore#list} query per {@value PageRequest#MAX_LIMIT} workspaces, up to {@code max}.
     */
    public List<WorkspaceId> allWorkspaces(Actor actor, int max) {
        requireNonNull(actor, "actor must not be null");
        List<WorkspaceId> all = new java.util.ArrayList<>();
        Optional<String> afterSlug = Optional.empty();
        while (all.size() < max) {
            List<Workspace> page = workspaces.list(actor.tenantId(), afterSlug, PageRequest.MAX_LIMIT);
            page.forEach(w -> all.add(w.id()));
            if (page.size() < PageRequest.MAX_LIMIT) {
                break;
            }
            afterSlug = Optional.of(page.get(page.size() - 1).slug());
        }
        return all.size() > max ? all.subList(0, max) : all;
    }

    static NotFoundException notFound(WorkspaceId workspaceId) {
        return new NotFoundException("workspace", workspaceId.value());
    }
}
