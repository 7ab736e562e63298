package io.clientworkspace.memory;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.project.OnboardingFacts;
import io.clientworkspace.spi.OnboardingStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link OnboardingStore} in memory. */
final class InMemoryOnboardingStore implements OnboardingStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, OnboardingFacts> facts = new HashMap<>();

    InMemoryOnboardingStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public Optional<OnboardingFacts> find(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return tx.read(() -> Optional.ofNullable(facts.get(new Key(tenantId, workspaceId))));
    }

    @Override
    public OnboardingFacts recordContractSigned(TenantId tenantId, WorkspaceId workspaceId, Instant signedAt) {
        requireNonNull(signedAt, "signedAt must not be null");
        return tx.write(() -> {
            Key key = new Key(tenantId, workspaceId);
            OnboardingFacts current = facts.get(key);
            OnboardingFacts base = current == null ? OnboardingFacts.none(tenantId, workspaceId) : current;
            OnboardingFacts stored = new OnboardingFacts(tenantId, workspaceId, Optional.of(signedAt),
                    base.checklistCompletedAt(), base.firstMilestoneDeliveredAt());
            facts.put(key, stored);
            return new Undoable<>(stored, () -> restore(key, current));
        });
    }

    @Override
    public boolean markChecklistCompleted(TenantId tenantId, WorkspaceId workspaceId, Instant at) {
        requireNonNull(at, "at must not be null");
        return tx.write(() -> {
            Key key = new Key(tenantId, workspaceId);
            OnboardingFacts current = facts.get(key);
            OnboardingFacts base = current == null ? OnboardingFacts.none(tenantId, workspaceId) : current;
            if (base.checklistCompletedAt().isPresent()) {
                return new Undoable<>(false, () -> { });
            }
            facts.put(key, new OnboardingFacts(tenantId, workspaceId, base.contractSignedAt(), Optional.of(at),
                    base.firstMilestoneDeliveredAt()));
            return new Undoable<>(true, () -> restore(key, current));
        });
    }

    @Override
    public boolean markFirstMilestoneDelivered(TenantId tenantId, WorkspaceId workspaceId, Instant at) {
        requireNonNull(at, "at must not be null");
        return tx.write(() -> {
            Key key = new Key(tenantId, workspaceId);
            OnboardingFacts current = facts.get(key);
            OnboardingFacts base = current == null ? OnboardingFacts.none(tenantId, workspaceId) : current;
            if (base.firstMilestoneDeliveredAt().isPresent()) {
                return new Undoable<>(false, () -> { });
            }
            facts.put(key, new OnboardingFacts(tenantId, workspaceId, base.contractSignedAt(),
                    base.checklistCompletedAt(), Optional.of(at)));
            return new Undoable<>(true, () -> restore(key, current));
        });
    }

    private void restore(Key key, @org.jspecify.annotations.Nullable OnboardingFacts previous) {
        if (previous == null) {
            facts.remove(key);
        } else {
            facts.put(key, previous);
        }
    }
}
