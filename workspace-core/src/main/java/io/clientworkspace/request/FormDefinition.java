package io.clientworkspace.request;

import io.clientworkspace.FormId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One version of a form definition. Editing a form stores a new version (same {@link #id()}, {@link #version()}
 * plus one); earlier versions are kept unchanged, so answers stay bound to the version they were given for.
 *
 * @param id          the form, shared by all its versions
 * @param tenantId    the tenant that owns it
 * @param workspaceId empty for the tenant's library, else the workspace whose own form it is
 * @param key         a slug unique in its scope (library or workspace), e.g. {@code brand-questionnaire}
 * @param name        1 to 200 characters
 * @param version     1, 2, ...
 * @param fields      1 to 100 fields, valid as {@link FormSchema#check(List)} says
 * @param status      ACTIVE or RETIRED (retiring applies to the form, every version)
 * @param createdBy   who stored this version
 * @param createdAt   when this version was stored
 */
public record FormDefinition(FormId id, TenantId tenantId, Optional<WorkspaceId> workspaceId, String key, String name,
                             int version, List<FormField> fields, FormStatus status, UserId createdBy,
                             Instant createdAt) {

    public FormDefinition {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(key, "key must not be null");
        requireNonNull(name, "name must not be null");
        fields = List.copyOf(requireNonNull(fields, "fields must not be null"));
        requireNonNull(status, "status must not be null");
        requireNonNull(createdBy, "createdBy must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }

    /** The field with this id, if the form has one. */
    public Optional<FormField> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    /** A copy with another status. */
    public FormDefinition withStatus(FormStatus newStatus) {
        return new FormDefinition(id, tenantId, workspaceId, key, name, version, fields, newStatus, createdBy, createdAt);
    }

    /** Where the form and its answers belong: id and version. */
    public FormRef ref() {
        return new FormRef(id, version);
    }
}
