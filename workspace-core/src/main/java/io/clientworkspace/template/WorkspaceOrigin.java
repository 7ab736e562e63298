package io.clientworkspace.template;

import io.clientworkspace.TemplateId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Which template version made a workspace, for which external reference of the host. Written once, in the unit of
 * work that made the workspace; never changed. A team fact: clients never see it.
 *
 * @param tenantId        the tenant
 * @param workspaceId     the workspace that was made (one origin per workspace)
 * @param templateId      the template
 * @param templateVersion the exact version used
 * @param externalRef     the host's reference the workspace was made for (unique per tenant among origins)
 * @param createdAt       when the workspace was made
 */
public record WorkspaceOrigin(TenantId tenantId, WorkspaceId workspaceId, TemplateId templateId, int templateVersion,
                              String externalRef, Instant createdAt) {

    public WorkspaceOrigin {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(templateId, "templateId must not be null");
        requireNonNull(externalRef, "externalRef must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        if (templateVersion < 1) {
            throw new IllegalArgumentException("templateVersion must be at least 1");
        }
    }
}
