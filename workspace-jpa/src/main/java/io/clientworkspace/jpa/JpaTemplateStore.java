package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TemplateId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.jpa.entity.TemplateEntity;
import io.clientworkspace.spi.TemplateStore;
import io.clientworkspace.template.TemplateStatus;
import io.clientworkspace.template.WorkspaceTemplate;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link TemplateStore} on JPA. Every version of a template is one row keyed by (tenant, template, version), with
 * its content as one JSON document; a version row never changes except for the status, which {@link #setStatus}
 * sets on every version at once. Two concurrent revisions of one version cannot both succeed (the second insert of
 * the same primary key fails), and two templates can never take one key (unique (tenant, key, version) holds for
 * their first versions). A revision and a status change lock the row of the version they start from, so they are
 * serialized and every version of a template has one status.
 */
public final class JpaTemplateStore extends JpaStoreSupport implements TemplateStore {

    /** The most versions {@link #versions} returns, as the in-memory store. */
    private static final int MAX_VERSIONS = 1_000;

    public JpaTemplateStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public WorkspaceTemplate insert(WorkspaceTemplate first) {
        requireNonNull(first, "first must not be null");
        if (first.version() != 1) {
            throw new IllegalArgumentException("a new template starts at version 1");
        }
        return tx(() -> {
            if (!em().createQuery("select t.templateVersion from CwkTemplate t where t.tenantId = :tenant and t.id = :id",
                            Integer.class)
                    .setParameter("tenant", first.tenantId().value())
                    .setParameter("id", first.id().value())
                    .setMaxResults(1).getResultList().isEmpty()) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Template '" + first.id() + "' already exists");
            }
            if (byKey(first.tenantId(), first.key()).isPresent()) {
                throw keyTaken(first.key());
            }
            try {
                return toDomain(insert(toEntity(first), "template", first.id().value()));
            } catch (ConflictException concurrent) {
                throw keyTaken(first.key());
            }
        });
    }

    @Override
    public WorkspaceTemplate insertVersion(WorkspaceTemplate next) {
        requireNonNull(next, "next must not be null");
        return tx(() -> {
            lockVersion(next.tenantId(), next.id(), next.version() - 1);
            TemplateEntity latest = latest(next.tenantId(), next.id())
                    .orElseThrow(() -> new NotFoundException("template", next.id().value()));
            if (latest.templateVersion != next.version() - 1) {
                throw ConflictException.staleVersion("template", next.id().value(), next.version() - 1L);
            }
            if (!latest.templateKey.equals(next.key())) {
                throw new IllegalArgumentException("a new version keeps the template's key");
            }
            TemplateEntity e = toEntity(next);
            e.status = latest.status;
            em().detach(latest);
            try {
                return toDomain(insert(e, "template", next.id().value()));
            } catch (ConflictException concurrent) {
                throw ConflictException.staleVersion("template", next.id().value(), next.version() - 1L);
            }
        });
    }

    @Override
    public WorkspaceTemplate setStatus(TenantId tenantId, TemplateId templateId, TemplateStatus status,
                                       int expectedLatestVersion) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(templateId, "templateId must not be null");
        requireNonNull(status, "status must not be null");
        return tx(() -> {
            lockVersion(tenantId, templateId, expectedLatestVersion);
            TemplateEntity latest = latest(tenantId, templateId)
                    .orElseThrow(() -> new NotFoundException("template", templateId.value()));
            if (latest.templateVersion != expectedLatestVersion) {
                throw ConflictException.staleVersion("template", templateId.value(), expectedLatestVersion);
            }
            em().detach(latest);
            // Conditional on no newer version existing: a revision committed meanwhile makes this a stale change.
            int updated = em().createQuery("update CwkTemplate t set t.status = :status where t.tenantId = :tenant"
                            + " and t.id = :id and not exists (select 1 from CwkTemplate n where n.tenantId = :tenant"
                            + " and n.id = :id and n.templateVersion > :expected)")
                    .setParameter("status", status.name())
                    .setParameter("tenant", tenantId.value())
                    .setParameter("id", templateId.value())
                    .setParameter("expected", expectedLatestVersion)
                    .executeUpdate();
            if (updated == 0) {
                throw ConflictException.staleVersion("template", templateId.value(), expectedLatestVersion);
            }
            return latest(tenantId, templateId).map(e -> mapDetached(e, JpaTemplateStore::toDomain))
                    .orElseThrow(() -> new NotFoundException("template", templateId.value()));
        });
    }

    @Override
    public Optional<WorkspaceTemplate> find(TenantId tenantId, TemplateId templateId, int version) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(templateId, "templateId must not be null");
        return tx(() -> Optional.ofNullable(em().find(TemplateEntity.class,
                        new TemplateEntity.Key(tenantId.value(), templateId.value(), version)))
                .map(e -> mapDetached(e, JpaTemplateStore::toDomain)));
    }

    @Override
    public Optional<WorkspaceTemplate> findLatest(TenantId tenantId, TemplateId templateId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(templateId, "templateId must not be null");
        return tx(() -> latest(tenantId, templateId).map(e -> mapDetached(e, JpaTemplateStore::toDomain)));
    }

    @Override
    public Optional<WorkspaceTemplate> findByKey(TenantId tenantId, String key) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(key, "key must not be null");
        return tx(() -> byKey(tenantId, key).map(e -> mapDetached(e, JpaTemplateStore::toDomain)));
    }

    @Override
    public List<WorkspaceTemplate> listLatest(TenantId tenantId, Optional<TemplateId> afterId, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(afterId, "afterId must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return tx(() -> {
            TypedQuery<TemplateEntity> query = em().createQuery("select t from CwkTemplate t where t.tenantId = :tenant"
                            + (afterId.isPresent() ? " and t.id > :after" : "")
                            + " and t.templateVersion = (select max(u.templateVersion) from CwkTemplate u"
                            + " where u.tenantId = t.tenantId and u.id = t.id)"
                            + " order by t.id", TemplateEntity.class)
                    .setParameter("tenant", tenantId.value());
            afterId.ifPresent(after -> query.setParameter("after", after.value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaTemplateStore::toDomain);
        });
    }

    @Override
    public List<WorkspaceTemplate> versions(TenantId tenantId, TemplateId templateId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(templateId, "templateId must not be null");
        return tx(() -> mapDetached(em().createQuery("select t from CwkTemplate t where t.tenantId = :tenant"
                        + " and t.id = :id order by t.templateVersion", TemplateEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("id", templateId.value())
                .setMaxResults(MAX_VERSIONS)
                .getResultList(), JpaTemplateStore::toDomain));
    }

    /**
     * Locks the row of one version until the transaction ends, if it exists: a revision and a status change from
     * the same version are serialized on it, so a new version always takes the status the template has when it
     * commits (never ACTIVE beside RETIRED versions).
     */
    private void lockVersion(TenantId tenantId, TemplateId templateId, int version) {
        try {
            TemplateEntity locked = em().find(TemplateEntity.class,
                    new TemplateEntity.Key(tenantId.value(), templateId.value(), version), LockModeType.PESSIMISTIC_WRITE);
            if (locked != null) {
                em().detach(locked);
            }
        } catch (RuntimeException e) {
            throw JpaErrors.translate(e, "template", templateId.value());
        }
    }

    private Optional<TemplateEntity> latest(TenantId tenantId, TemplateId templateId) {
        return em().createQuery("select t from CwkTemplate t where t.tenantId = :tenant and t.id = :id"
                        + " order by t.templateVersion desc", TemplateEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("id", templateId.value())
                .setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /** The latest version of the template with this key (a key belongs to one template, on every version). */
    private Optional<TemplateEntity> byKey(TenantId tenantId, String key) {
        return em().createQuery("select t from CwkTemplate t where t.tenantId = :tenant and t.templateKey = :key"
                        + " order by t.templateVersion desc", TemplateEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("key", key)
                .setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    private static ConflictException keyTaken(String key) {
        return new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                "A template with key '" + key + "' already exists; choose another key");
    }

    private static TemplateEntity toEntity(WorkspaceTemplate t) {
        TemplateEntity e = new TemplateEntity(t.tenantId().value(), t.id().value(), t.version());
        e.templateKey = t.key();
        e.name = t.name();
        e.status = t.status().name();
        e.contentJson = TemplateJson.content(t.content());
        e.createdBy = t.createdBy().value();
        e.createdAt = t.createdAt();
        return e;
    }

    static WorkspaceTemplate toDomain(TemplateEntity e) {
        return new WorkspaceTemplate(TemplateId.of(e.id), TenantId.of(e.tenantId), e.templateKey, e.name,
                e.templateVersion, TemplateStatus.valueOf(e.status), TemplateJson.content(e.contentJson),
                UserId.of(e.createdBy), e.createdAt);
    }
}
