package io.clientworkspace.spi;

import io.clientworkspace.TemplateId;
import io.clientworkspace.TenantId;
import io.clientworkspace.template.TemplateContent;
import io.clientworkspace.template.TemplateStatus;
import io.clientworkspace.template.WorkspaceTemplate;

import java.util.List;
import java.util.Optional;

/**
 * Stores workspace templates, one row per version. Templates are tenant-level: every call is scoped by the tenant,
 * and a template of another tenant is never found, listed or changed (answered exactly like an id that does not
 * exist). Versions, once stored, never change except for the template's status, which is the same on every
 * version.
 *
 * <p>Round trip: a stored version is read back {@code equals} to what was stored, its whole
 * {@link TemplateContent} included (list order, every {@code Optional}, every enum; {@code createdAt} has microsecond
 * precision). An implementation may keep the content as one serialized document per version (a JSON column, at most
 * a few hundred kilobytes: a template holds at most 1,000 tasks of at most 10,000 characters of notes each is the
 * bound the service enforces) or in tables; it is only ever read whole.
 *
 * <p>Suggested keys for a relational implementation: primary key (tenant, template id, version); unique (tenant,
 * key) among latest versions, which is easiest as a unique (tenant, key, version) plus the rule that a key belongs
 * to one template id; an index on (tenant, template id) for the latest version and on (tenant, key).
 */
public interface TemplateStore {

    /**
     * Stores version 1 of a new template.
     *
     * @throws IllegalArgumentException if {@code first.version()} is not 1
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the id is taken in the tenant, or the
     *                                              key is taken by another template of the tenant (retired ones
     *                                              included); nothing is stored then
     */
    WorkspaceTemplate insert(WorkspaceTemplate first);

    /**
     * Stores a new version: {@code next.version()} must be exactly one more than the template's latest version, and
     * its key the template's. The new version takes the template's current status (whatever {@code next} says).
     *
     * @return the stored version (with the template's status)
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if the latest version is not
     *                                              {@code next.version() - 1} (someone revised it meanwhile; of two
     *                                              concurrent calls with the same version exactly one succeeds)
     * @throws io.clientworkspace.NotFoundException if the template does not exist in the tenant
     * @throws IllegalArgumentException             if the key differs from the template's
     */
    WorkspaceTemplate insertVersion(WorkspaceTemplate next);

    /**
     * Sets the status of every version of the template, if its latest version is {@code expectedLatestVersion}
     * (a conditional update: of two concurrent calls, a revision and a retirement from the same version, exactly
     * one succeeds).
     *
     * @return the latest version with its new status
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if the latest version is another
     * @throws io.clientworkspace.NotFoundException if the template does not exist in the tenant
     */
    WorkspaceTemplate setStatus(TenantId tenantId, TemplateId templateId, TemplateStatus status,
                                int expectedLatestVersion);

    /** One version of a template of the tenant. */
    Optional<WorkspaceTemplate> find(TenantId tenantId, TemplateId templateId, int version);

    /** The latest (highest) version of a template of the tenant. */
    Optional<WorkspaceTemplate> findLatest(TenantId tenantId, TemplateId templateId);

    /** The latest version of the tenant's template with this key. */
    Optional<WorkspaceTemplate> findByKey(TenantId tenantId, String key);

    /**
     * Up to {@code limit} templates of the tenant, each as its latest version, by template id ascending, with ids
     * after {@code afterId} (keyset; retired ones included).
     */
    List<WorkspaceTemplate> listLatest(TenantId tenantId, Optional<TemplateId> afterId, int limit);

    /** Every version of the template, oldest first (at most 1,000); empty if it does not exist in the tenant. */
    List<WorkspaceTemplate> versions(TenantId tenantId, TemplateId templateId);
}
