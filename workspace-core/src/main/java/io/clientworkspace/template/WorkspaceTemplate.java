package io.clientworkspace.template;

import io.clientworkspace.TemplateId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One version of a workspace template of a tenant. Revising a template stores a new version (same {@link #id()},
 * {@link #version()} plus one); earlier versions are kept unchanged, so a workspace's {@link WorkspaceOrigin} always
 * names the exact content that made it. Only the status is shared by every version (retiring retires them all).
 *
 * @param id        the template, shared by all its versions
 * @param tenantId  the tenant that owns it (templates are tenant-level, never a workspace's)
 * @param key       a slug unique in the tenant, {@code [a-z0-9][a-z0-9-]{1,62}}, e.g. {@code retainer-onboarding}
 * @param name      1 to 200 characters
 * @param version   1, 2, ...
 * @param status    ACTIVE or RETIRED
 * @param content   what a workspace made from this version gets, valid as {@link TemplateContent} documents
 * @param createdBy who stored this version
 * @param createdAt when this version was stored
 */
public record WorkspaceTemplate(TemplateId id, TenantId tenantId, String key, String name, int version,
                                TemplateStatus status, TemplateContent content, UserId createdBy, Instant createdAt) {

    public WorkspaceTemplate {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(key, "key must not be null");
        requireNonNull(name, "name must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(content, "content must not be null");
        requireNonNull(createdBy, "createdBy must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }

    /** A copy with another status. */
    public WorkspaceTemplate withStatus(TemplateStatus newStatus) {
        return new WorkspaceTemplate(id, tenantId, key, name, version, newStatus, content, createdBy, createdAt);
    }
}
