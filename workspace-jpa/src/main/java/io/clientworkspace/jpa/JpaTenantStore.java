package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.jpa.entity.TenantEntity;
import io.clientworkspace.spi.TenantStore;
import io.clientworkspace.tenant.Tenant;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link TenantStore} on JPA. */
public final class JpaTenantStore extends JpaStoreSupport implements TenantStore {

    public JpaTenantStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public Tenant insert(Tenant tenant) {
        requireNonNull(tenant, "tenant must not be null");
        return tx(() -> {
            if (em().find(TenantEntity.class, tenant.id().value()) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Tenant '" + tenant.id() + "' already exists");
            }
            TenantEntity e = new TenantEntity(tenant.id().value());
            e.name = tenant.name();
            e.createdAt = tenant.createdAt();
            e.version = 0;
            return toDomain(insert(e, "tenant", tenant.id().value()));
        });
    }

    @Override
    public Tenant update(Tenant tenant) {
        requireNonNull(tenant, "tenant must not be null");
        return tx(() -> {
            TenantEntity e = em().find(TenantEntity.class, tenant.id().value());
            if (e == null || e.version != tenant.version()) {
                throw ConflictException.staleVersion("tenant", tenant.id().value(), tenant.version());
            }
            e.name = tenant.name();
            return toDomain(saveManaged(e, "tenant", tenant.id().value()));
        });
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(TenantEntity.class, id.value()))
                .map(e -> mapDetached(e, JpaTenantStore::toDomain)));
    }

    @Override
    public Optional<Tenant> findForUpdate(TenantId id) {
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(TenantEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .map(e -> mapDetached(e, JpaTenantStore::toDomain)));
    }

    @Override
    public List<Tenant> list(Optional<TenantId> after, int limit) {
        requireNonNull(after, "after must not be null");
        return tx(() -> mapDetached(em().createQuery(
                        "select t from CwkTenant t where t.id > :after order by t.id", TenantEntity.class)
                .setParameter("after", after.map(TenantId::value).orElse(""))
                .setMaxResults(limit)
                .getResultList(), JpaTenantStore::toDomain));
    }

    /** One query on the name, ordered by id (index {@code ix_cwk_tenant_name}, migration V7). */
    @Override
    public List<Tenant> findByName(String name, int limit) {
        requireNonNull(name, "name must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        return tx(() -> mapDetached(em().createQuery(
                        "select t from CwkTenant t where t.name = :name order by t.id", TenantEntity.class)
                .setParameter("name", name)
                .setMaxResults(limit)
                .getResultList(), JpaTenantStore::toDomain));
    }

    static Tenant toDomain(TenantEntity e) {
        return new Tenant(TenantId.of(e.id), e.name, e.createdAt, e.version);
    }
}
