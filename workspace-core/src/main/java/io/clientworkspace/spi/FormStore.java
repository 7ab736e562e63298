package io.clientworkspace.spi;

import io.clientworkspace.FormId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormStatus;

import java.util.List;
import java.util.Optional;

/**
 * Stores form definitions, one row per version. Forms are tenant-level: every call is scoped by the tenant,
 * and a form's owner ({@link FormDefinition#workspaceId()}: the tenant's library or one workspace) is part of
 * its scope for keys and lists. Versions, once stored, never change except for the form's status.
 */
public interface FormStore {

    /**
     * Stores version 1 of a new form.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken in the tenant, or the
     *                                              key is taken in the same owner (library or workspace)
     */
    FormDefinition insert(FormDefinition first);

    /**
     * Stores a new version: {@code next.version()} must be exactly one more than the form's latest version, and
     * its owner and key those of the form. The new version takes the form's status.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if the latest version is not
     *                                              {@code next.version() - 1} (someone revised it meanwhile)
     * @throws io.clientworkspace.NotFoundException if the form does not exist in the tenant
     */
    FormDefinition insertVersion(FormDefinition next);

    /**
     * Sets the status of every version of the form, if its latest version is {@code expectedLatestVersion}.
     *
     * @return the latest version with its new status
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} otherwise
     * @throws io.clientworkspace.NotFoundException if the form does not exist in the tenant
     */
    FormDefinition setStatus(TenantId tenantId, FormId formId, FormStatus status, int expectedLatestVersion);

    /** One version of a form of the tenant. */
    Optional<FormDefinition> find(TenantId tenantId, FormId formId, int version);

    /** The latest version of a form of the tenant. */
    Optional<FormDefinition> findLatest(TenantId tenantId, FormId formId);

    /** The latest version of the form with this key in this owner (empty owner: the tenant's library). */
    Optional<FormDefinition> findByKey(TenantId tenantId, Optional<WorkspaceId> owner, String key);

    /**
     * Up to {@code limit} forms of one owner (empty: the tenant's library), each as its latest version, by form id
     * ascending, with ids after {@code afterId}.
     */
    List<FormDefinition> listLatest(TenantId tenantId, Optional<WorkspaceId> owner, Optional<FormId> afterId, int limit);

    /** Every version of the form, oldest first (at most 1,000). */
    List<FormDefinition> versions(TenantId tenantId, FormId formId);
}
