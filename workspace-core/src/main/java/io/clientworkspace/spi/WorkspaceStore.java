package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores workspaces. Slugs and external references are unique per tenant. */
public interface WorkspaceStore {

    /**
     * Stores a new workspace at version 0.
     *
     * @throws io.clientworkspace.ConflictException {@code DUPLICATE_SLUG} or {@code DUPLICATE_EXTERNAL_REF}
     *         if another workspace of the tenant uses them, {@code ALREADY_EXISTS} if the tenant already has a
     *         workspace with this id
     */
    Workspace insert(Workspace workspace);

    /**
     * Replaces a workspace whose stored version equals {@code workspace.version()}. The slug never
     * changes: a different slug in the argument is ignored. A changed external reference must stay
     * unique.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if the version differs or the
     *         workspace is gone, {@code DUPLICATE_EXTERNAL_REF} on a clash
     */
    Workspace update(Workspace workspace);

    /**
     * Sets (or clears, when empty) the workspace's external reference <em>without</em> changing its version
     * or {@code updatedAt}: the reference is the host's bookkeeping, which clients never see, so changing it
     * must not show in anything they do see (the version is their ETag). The caller holds the workspace's
     * lock ({@link #findForUpdate}), which serialises concurrent changes. The reference must stay unique.
     *
     * <p>A default method so that store sets written before it keep working: it falls back to
     * {@link #update}, which does change the version, so that a client can notice that the reference
     * changed. Implementations should override it.
     *
     * @return the workspace as stored
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if the workspace is gone,
     *         {@code DUPLICATE_EXTERNAL_REF} on a clash (nothing changes then)
     */
    default Workspace setExternalRef(TenantId tenantId, WorkspaceId id, Optional<String> externalRef) {
        Workspace current = find(tenantId, id)
                .orElseThrow(() -> io.clientworkspace.ConflictException.staleVersion("workspace", id.value(), 0));
        return update(current.withExternalRef(externalRef, current.updatedAt()));
    }

    /** The workspace with this id in this tenant. */
    Optional<Workspace> find(TenantId tenantId, WorkspaceId id);

    /**
     * Like {@link #find}, and inside a unit of work also locks the workspace until the unit of work
     * ends, so that operations which check an invariant across several rows of one workspace (such as
     * "at least one lead") run one after another. The default suits stores whose units of work are
     * already serialized.
     */
    default Optional<Workspace> findForUpdate(TenantId tenantId, WorkspaceId id) {
        return find(tenantId, id);
    }

    /** The workspace with this slug in this tenant. */
    Optional<Workspace> findBySlug(TenantId tenantId, String slug);

    /** The workspace with this external reference in this tenant. */
    Optional<Workspace> findByExternalRef(TenantId tenantId, String externalRef);

    /** Up to {@code limit} workspaces of the tenant with slugs greater than {@code afterSlug}, ordered by slug. */
    List<Workspace> list(TenantId tenantId, Optional<String> afterSlug, int limit);

    /**
     * Up to {@code limit} workspaces of the tenant in which {@code userId} holds a membership whose role is
     * one of {@code roles}, with slugs greater than {@code afterSlug}, ordered by slug. Implementations
     * join with the memberships in one query rather than loading each workspace or membership.
     */
    List<Workspace> listForMember(TenantId tenantId, UserId userId, Set<WorkspaceRole> roles,
                                  Optional<String> afterSlug, int limit);

    /** How many workspaces the tenant has. */
    long count(TenantId tenantId);
}
