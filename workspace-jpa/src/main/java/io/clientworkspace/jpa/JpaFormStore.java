package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.FormId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.jpa.entity.FormEntity;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormStatus;
import io.clientworkspace.spi.FormStore;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link FormStore} on JPA. Every version of a form is one row keyed by (tenant, form, version); a version
 * row never changes except for the status, which {@link #setStatus} sets on every version at once. Two
 * concurrent revisions of one version cannot both succeed: the second insert of the same primary key is a
 * {@link ConflictException} ({@code STALE_VERSION}). The fields are one JSON text column (see
 * {@link FormJson}). Forms are tenant-level (a library form has no workspace), so every query is scoped by
 * the tenant and, where it lists, by the owner column ({@code ""} for the library).
 */
public final class JpaFormStore extends JpaStoreSupport implements FormStore {

    /** The most versions {@link #versions} returns, as the in-memory store. */
    private static final int MAX_VERSIONS = 1000;

    public JpaFormStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public FormDefinition insert(FormDefinition first) {
        requireNonNull(first, "first must not be null");
        if (first.version() != 1) {
            throw new IllegalArgumentException("a new form starts at version 1");
        }
        return tx(() -> {
            if (!em().createQuery("select f.formVersion from CwkForm f where f.tenantId = :tenant and f.id = :id", Integer.class)
                    .setParameter("tenant", first.tenantId().value())
                    .setParameter("id", first.id().value())
                    .setMaxResults(1).getResultList().isEmpty()) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Form '" + first.id() + "' already exists");
            }
            if (!byKey(first.tenantId(), first.workspaceId(), first.key()).isEmpty()) {
                throw keyTaken(first.key());
            }
            FormEntity e = toEntity(first);
            try {
                return toDomain(insert(e, "form", first.id().value()));
            } catch (ConflictException concurrent) {
                throw keyTaken(first.key());
            }
        });
    }

    @Override
    public FormDefinition insertVersion(FormDefinition next) {
        requireNonNull(next, "next must not be null");
        return tx(() -> {
            FormEntity latest = latest(next.tenantId(), next.id())
                    .orElseThrow(() -> new NotFoundException("form", next.id().value()));
            if (latest.formVersion != next.version() - 1) {
                throw ConflictException.staleVersion("form", next.id().value(), next.version() - 1L);
            }
            if (!latest.ownerId.equals(owner(next.workspaceId())) || !latest.formKey.equals(next.key())) {
                throw new IllegalArgumentException("a new version keeps the form's owner and key");
            }
            FormEntity e = toEntity(next);
            e.status = latest.status;
            em().detach(latest);
            try {
                return toDomain(insert(e, "form", next.id().value()));
            } catch (ConflictException concurrent) {
                throw ConflictException.staleVersion("form", next.id().value(), next.version() - 1L);
            }
        });
    }

    @Override
    public FormDefinition setStatus(TenantId tenantId, FormId formId, FormStatus status, int expectedLatestVersion) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(formId, "formId must not be null");
        requireNonNull(status, "status must not be null");
        return tx(() -> {
            FormEntity latest = latest(tenantId, formId).orElseThrow(() -> new NotFoundException("form", formId.value()));
            if (latest.formVersion != expectedLatestVersion) {
                throw ConflictException.staleVersion("form", formId.value(), expectedLatestVersion);
            }
            em().detach(latest);
            em().createQuery("update CwkForm f set f.status = :status where f.tenantId = :tenant and f.id = :id")
                    .setParameter("status", status.name())
                    .setParameter("tenant", tenantId.value())
                    .setParameter("id", formId.value())
                    .executeUpdate();
            return latest(tenantId, formId).map(e -> mapDetached(e, JpaFormStore::toDomain))
                    .orElseThrow(() -> new NotFoundException("form", formId.value()));
        });
    }

    @Override
    public Optional<FormDefinition> find(TenantId tenantId, FormId formId, int version) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(formId, "formId must not be null");
        return tx(() -> Optional.ofNullable(em().find(FormEntity.class, new FormEntity.Key(tenantId.value(), formId.value(), version)))
                .map(e -> mapDetached(e, JpaFormStore::toDomain)));
    }

    @Override
    public Optional<FormDefinition> findLatest(TenantId tenantId, FormId formId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(formId, "formId must not be null");
        return tx(() -> latest(tenantId, formId).map(e -> mapDetached(e, JpaFormStore::toDomain)));
    }

    @Override
    public Optional<FormDefinition> findByKey(TenantId tenantId, Optional<WorkspaceId> owner, String key) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(owner, "owner must not be null");
        requireNonNull(key, "key must not be null");
        return tx(() -> byKey(tenantId, owner, key).stream().findFirst().map(e -> mapDetached(e, JpaFormStore::toDomain)));
    }

    @Override
    public List<FormDefinition> listLatest(TenantId tenantId, Optional<WorkspaceId> owner, Optional<FormId> afterId,
                                           int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(owner, "owner must not be null");
        requireNonNull(afterId, "afterId must not be null");
        return tx(() -> {
            TypedQuery<FormEntity> query = em().createQuery("select f from CwkForm f where f.tenantId = :tenant"
                            + " and f.ownerId = :owner"
                            + (afterId.isPresent() ? " and f.id > :after" : "")
                            + " and f.formVersion = (select max(g.formVersion) from CwkForm g"
                            + " where g.tenantId = f.tenantId and g.id = f.id)"
                            + " order by f.id", FormEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("owner", owner(owner));
            afterId.ifPresent(after -> query.setParameter("after", after.value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaFormStore::toDomain);
        });
    }

    @Override
    public List<FormDefinition> versions(TenantId tenantId, FormId formId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(formId, "formId must not be null");
        return tx(() -> mapDetached(em().createQuery("select f from CwkForm f where f.tenantId = :tenant and f.id = :id"
                        + " order by f.formVersion", FormEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("id", formId.value())
                .setMaxResults(MAX_VERSIONS)
                .getResultList(), JpaFormStore::toDomain));
    }

    private Optional<FormEntity> latest(TenantId tenantId, FormId formId) {
        return em().createQuery("select f from CwkForm f where f.tenantId = :tenant and f.id = :id"
                        + " order by f.formVersion desc", FormEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("id", formId.value())
                .setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /** The latest version of the form with this key under this owner (key and owner never change across versions). */
    private List<FormEntity> byKey(TenantId tenantId, Optional<WorkspaceId> owner, String key) {
        return em().createQuery("select f from CwkForm f where f.tenantId = :tenant and f.ownerId = :owner"
                        + " and f.formKey = :key order by f.formVersion desc", FormEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("owner", owner(owner))
                .setParameter("key", key)
                .setMaxResults(1)
                .getResultList();
    }

    private static ConflictException keyTaken(String key) {
        return new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                "A form with key '" + key + "' already exists here; choose another key");
    }

    static String owner(Optional<WorkspaceId> owner) {
        return owner.map(WorkspaceId::value).orElse(FormEntity.LIBRARY);
    }

    private static FormEntity toEntity(FormDefinition f) {
        FormEntity e = new FormEntity(f.tenantId().value(), f.id().value(), f.version());
        e.ownerId = owner(f.workspaceId());
        e.formKey = f.key();
        e.name = f.name();
        e.fieldsJson = FormJson.fields(f.fields());
        e.status = f.status().name();
        e.createdBy = f.createdBy().value();
        e.createdAt = f.createdAt();
        return e;
    }

    static FormDefinition toDomain(FormEntity e) {
        return new FormDefinition(FormId.of(e.id), TenantId.of(e.tenantId),
                e.ownerId.isEmpty() ? Optional.empty() : Optional.of(WorkspaceId.of(e.ownerId)), e.formKey, e.name,
                e.formVersion, FormJson.fields(e.fieldsJson), FormStatus.valueOf(e.status), UserId.of(e.createdBy),
                e.createdAt);
    }
}
