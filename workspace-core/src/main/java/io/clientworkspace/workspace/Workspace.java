package io.clientworkspace.workspace;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One client account's walled-off workspace.
 *
 * @param id          the workspace's id
 * @param tenantId    the tenant that owns it
 * @param slug        URL-friendly name, unique per tenant, matching {@code [a-z0-9-]{2,63}}; never changes
 * @param name        display name, 1 to 120 characters
 * @param externalRef the host's own id for the client account, unique per tenant
 * @param branding    how it presents itself
 * @param status      active or archived
 * @param createdAt   when it was created
 * @param updatedAt   when it last changed
 * @param version     optimistic version, incremented by every store update
 */
public record Workspace(WorkspaceId id, TenantId tenantId, String slug, String name, Optional<String> externalRef,
                        Branding branding, WorkspaceStatus status, Instant createdAt, Instant updatedAt,
                        long version) {

    public Workspace {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(slug, "slug must not be null");
        requireNonNull(name, "name must not be null");
        requireNonNull(externalRef, "externalRef must not be null");
        requireNonNull(branding, "branding must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        requireNonNull(updatedAt, "updatedAt must not be null");
    }

    /** Whether it is archived (read-only). */
    public boolean isArchived() {
        return status == WorkspaceStatus.ARCHIVED;
    }

    /** A copy with another name. */
    public Workspace withName(String newName, Instant at) {
        return new Workspace(id, tenantId, slug, newName, externalRef, branding, status, createdAt, at, version);
    }

    /** A copy with other branding. */
    public Workspace withBranding(Branding newBranding, Instant at) {
        return new Workspace(id, tenantId, slug, name, externalRef, newBranding, status, createdAt, at, version);
    }

    /** A copy with another status. */
    public Workspace withStatus(WorkspaceStatus newStatus, Instant at) {
        return new Workspace(id, tenantId, slug, name, externalRef, branding, newStatus, createdAt, at, version);
    }

    /** A copy with another external reference. */
    public Workspace withExternalRef(Optional<String> ref, Instant at) {
        return new Workspace(id, tenantId, slug, name, ref, branding, status, createdAt, at, version);
    }
}
