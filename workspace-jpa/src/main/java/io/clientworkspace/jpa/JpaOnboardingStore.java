package io.clientworkspace.jpa;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.jpa.entity.OnboardingEntity;
import io.clientworkspace.project.OnboardingFacts;
import io.clientworkspace.spi.OnboardingStore;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link OnboardingStore} on JPA: one row per workspace ({@code cwk_onboarding}), created by the first write. Every
 * change is one bulk update of one column, so no write can undo another's column, and the "first time" facts are set
 * by conditional updates ({@code ... where checklist_completed_at is null}): of concurrent callers the database lets
 * exactly one match. When the row does not exist yet, the write inserts it; of two concurrent first inserts the second
 * fails on the primary key with a conflict ({@code ALREADY_EXISTS}), which the services avoid by holding the
 * workspace's write lock.
 */
public final class JpaOnboardingStore extends JpaStoreSupport implements OnboardingStore {

    public JpaOnboardingStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public Optional<OnboardingFacts> find(TenantId tenantId, WorkspaceId workspaceId) {
        requireScope(tenantId, workspaceId);
        return tx(() -> Optional.ofNullable(em().find(OnboardingEntity.class, key(tenantId, workspaceId)))
                .map(e -> mapDetached(e, JpaOnboardingStore::toDomain)));
    }

    @Override
    public OnboardingFacts recordContractSigned(TenantId tenantId, WorkspaceId workspaceId, Instant signedAt) {
        requireScope(tenantId, workspaceId);
        requireNonNull(signedAt, "signedAt must not be null");
        return tx(() -> {
            if (set("contractSignedAt", false, tenantId, workspaceId, signedAt) == 0) {
                OnboardingEntity e = new OnboardingEntity(tenantId.value(), workspaceId.value());
                e.contractSignedAt = signedAt;
                insert(e, "onboarding facts", workspaceId.value());
            }
            return find(tenantId, workspaceId).orElseThrow();
        });
    }

    @Override
    public boolean markChecklistCompleted(TenantId tenantId, WorkspaceId workspaceId, Instant at) {
        requireScope(tenantId, workspaceId);
        requireNonNull(at, "at must not be null");
        return tx(() -> setOnce("checklistCompletedAt", tenantId, workspaceId, at, e -> e.checklistCompletedAt = at));
    }

    @Override
    public boolean markFirstMilestoneDelivered(TenantId tenantId, WorkspaceId workspaceId, Instant at) {
        requireScope(tenantId, workspaceId);
        requireNonNull(at, "at must not be null");
        return tx(() -> setOnce("firstMilestoneDeliveredAt", tenantId, workspaceId, at,
                e -> e.firstMilestoneDeliveredAt = at));
    }

    /** Sets the fact unless it is set: one conditional update, or the row's insert when there is no row yet. */
    private boolean setOnce(String field, TenantId tenantId, WorkspaceId workspaceId, Instant at,
                            java.util.function.Consumer<OnboardingEntity> initial) {
        if (set(field, true, tenantId, workspaceId, at) == 1) {
            return true;
        }
        OnboardingEntity existing = em().find(OnboardingEntity.class, key(tenantId, workspaceId));
        if (existing != null) {
            em().detach(existing);
            return false;
        }
        OnboardingEntity e = new OnboardingEntity(tenantId.value(), workspaceId.value());
        initial.accept(e);
        insert(e, "onboarding facts", workspaceId.value());
        return true;
    }

    /** One bulk update of one column of the workspace's row, only while it is empty if {@code once}. */
    private int set(String field, boolean once, TenantId tenantId, WorkspaceId workspaceId, Instant at) {
        try {
            return em().createQuery("update CwkOnboarding o set o." + field + " = :at"
                            + " where o.tenantId = :tenant and o.workspaceId = :workspace"
                            + (once ? " and o." + field + " is null" : ""))
                    .setParameter("at", at)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .executeUpdate();
        } catch (RuntimeException e) {
            throw JpaErrors.translate(e, "onboarding facts", workspaceId.value());
        }
    }

    private static void requireScope(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
    }

    private static OnboardingEntity.Key key(TenantId tenantId, WorkspaceId workspaceId) {
        return new OnboardingEntity.Key(tenantId.value(), workspaceId.value());
    }

    static OnboardingFacts toDomain(OnboardingEntity e) {
        return new OnboardingFacts(TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId),
                Optional.ofNullable(e.contractSignedAt), Optional.ofNullable(e.checklistCompletedAt),
                Optional.ofNullable(e.firstMilestoneDeliveredAt));
    }
}
