package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TemplateId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.jpa.entity.WorkspaceOriginEntity;
import io.clientworkspace.spi.WorkspaceOriginStore;
import io.clientworkspace.template.WorkspaceOrigin;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link WorkspaceOriginStore} on JPA: one row per workspace (primary key (tenant, workspace)), unique by (tenant,
 * external reference) ({@code uq_cwk_workspace_origin_ref}). Of two units of work inserting one reference, the
 * second waits for the first and then fails with {@code DUPLICATE_EXTERNAL_REF} (translated by {@link JpaErrors}
 * from the constraint's name); on PostgreSQL its transaction is then unusable, which is why the templates service
 * re-reads the winner in a new unit of work.
 */
public final class JpaWorkspaceOriginStore extends JpaStoreSupport implements WorkspaceOriginStore {

    public JpaWorkspaceOriginStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public WorkspaceOrigin insert(WorkspaceOrigin origin) {
        requireNonNull(origin, "origin must not be null");
        return tx(() -> {
            if (em().find(WorkspaceOriginEntity.class, new WorkspaceOriginEntity.Key(origin.tenantId().value(),
                    origin.workspaceId().value())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Workspace '" + origin.workspaceId() + "' already has an origin");
            }
            if (findByExternalRef(origin.tenantId(), origin.externalRef()).isPresent()) {
                throw duplicateRef();
            }
            WorkspaceOriginEntity e = new WorkspaceOriginEntity(origin.tenantId().value(), origin.workspaceId().value());
            e.templateId = origin.templateId().value();
            e.templateVersion = origin.templateVersion();
            e.externalRef = origin.externalRef();
            e.createdAt = origin.createdAt();
            return toDomain(insert(e, "workspace origin", origin.workspaceId().value()));
        });
    }

    @Override
    public Optional<WorkspaceOrigin> find(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return tx(() -> Optional.ofNullable(em().find(WorkspaceOriginEntity.class,
                        new WorkspaceOriginEntity.Key(tenantId.value(), workspaceId.value())))
                .map(e -> mapDetached(e, JpaWorkspaceOriginStore::toDomain)));
    }

    @Override
    public Optional<WorkspaceOrigin> findByExternalRef(TenantId tenantId, String externalRef) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(externalRef, "externalRef must not be null");
        return tx(() -> em().createQuery("select o from CwkWorkspaceOrigin o where o.tenantId = :tenant"
                        + " and o.externalRef = :ref", WorkspaceOriginEntity.class)
                .setParameter("tenant", tenantId.value()).setParameter("ref", externalRef)
                .getResultStream().findFirst().map(e -> mapDetached(e, JpaWorkspaceOriginStore::toDomain)));
    }

    private static ConflictException duplicateRef() {
        return new ConflictException(ConflictException.Reason.DUPLICATE_EXTERNAL_REF,
                "This external reference is already linked to another workspace of this tenant");
    }

    static WorkspaceOrigin toDomain(WorkspaceOriginEntity e) {
        return new WorkspaceOrigin(TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), TemplateId.of(e.templateId),
                e.templateVersion, e.externalRef, e.createdAt);
    }
}
