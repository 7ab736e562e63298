package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.FormId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormStatus;
import io.clientworkspace.spi.FormStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link FormStore} in memory. */
final class InMemoryFormStore implements FormStore {

    private record Key(TenantId tenantId, FormId id) {
    }

    private final InMemoryTransactions tx;
    /** Every version of each form, oldest first. */
    private final Map<Key, List<FormDefinition>> forms = new HashMap<>();

    InMemoryFormStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public FormDefinition insert(FormDefinition first) {
        requireNonNull(first, "first must not be null");
        return tx.write(() -> {
            Key key = new Key(first.tenantId(), first.id());
            if (first.version() != 1) {
                throw new IllegalArgumentException("a new form starts at version 1");
            }
            if (forms.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Form '" + first.id() + "' already exists");
            }
            if (latestByKey(first.tenantId(), first.workspaceId(), first.key()).isPresent()) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "A form with key '" + first.key() + "' already exists here; choose another key");
            }
            List<FormDefinition> versions = new ArrayList<>(List.of(first));
            forms.put(key, versions);
            return new Undoable<>(first, () -> forms.remove(key));
        });
    }

    @Override
    public FormDefinition insertVersion(FormDefinition next) {
        requireNonNull(next, "next must not be null");
        return tx.write(() -> {
            List<FormDefinition> versions = forms.get(new Key(next.tenantId(), next.id()));
            if (versions == null) {
                throw new NotFoundException("form", next.id().value());
            }
            FormDefinition latest = versions.get(versions.size() - 1);
            if (latest.version() != next.version() - 1) {
                throw ConflictException.staleVersion("form", next.id().value(), next.version() - 1L);
            }
            if (!latest.workspaceId().equals(next.workspaceId()) || !latest.key().equals(next.key())) {
                throw new IllegalArgumentException("a new version keeps the form's owner and key");
            }
            FormDefinition stored = next.withStatus(latest.status());
            versions.add(stored);
            return new Undoable<>(stored, () -> versions.remove(versions.size() - 1));
        });
    }

    @Override
    public FormDefinition setStatus(TenantId tenantId, FormId formId, FormStatus status, int expectedLatestVersion) {
        requireNonNull(status, "status must not be null");
        return tx.write(() -> {
            List<FormDefinition> versions = forms.get(new Key(tenantId, formId));
            if (versions == null) {
                throw new NotFoundException("form", formId.value());
            }
            if (versions.get(versions.size() - 1).version() != expectedLatestVersion) {
                throw ConflictException.staleVersion("form", formId.value(), expectedLatestVersion);
            }
            List<FormDefinition> before = List.copyOf(versions);
            versions.replaceAll(v -> v.withStatus(status));
            return new Undoable<>(versions.get(versions.size() - 1), () -> {
                versions.clear();
                versions.addAll(before);
            });
        });
    }

    @Override
    public Optional<FormDefinition> find(TenantId tenantId, FormId formId, int version) {
        return tx.read(() -> Optional.ofNullable(forms.get(new Key(tenantId, formId)))
                .flatMap(vs -> vs.stream().filter(v -> v.version() == version).findFirst()));
    }

    @Override
    public Optional<FormDefinition> findLatest(TenantId tenantId, FormId formId) {
        return tx.read(() -> Optional.ofNullable(forms.get(new Key(tenantId, formId))).map(vs -> vs.get(vs.size() - 1)));
    }

    @Override
    public Optional<FormDefinition> findByKey(TenantId tenantId, Optional<WorkspaceId> owner, String key) {
        return tx.read(() -> latestByKey(tenantId, owner, key));
    }

    @Override
    public List<FormDefinition> listLatest(TenantId tenantId, Optional<WorkspaceId> owner, Optional<FormId> afterId,
                                           int limit) {
        return tx.read(() -> forms.entrySet().stream()
                .filter(e -> e.getKey().tenantId().equals(tenantId))
                .map(e -> e.getValue().get(e.getValue().size() - 1))
                .filter(f -> f.workspaceId().equals(owner))
                .filter(f -> afterId.isEmpty() || f.id().compareTo(afterId.get()) > 0)
                .sorted(Comparator.comparing(FormDefinition::id))
                .limit(limit).toList());
    }

    @Override
    public List<FormDefinition> versions(TenantId tenantId, FormId formId) {
        return tx.read(() -> List.copyOf(forms.getOrDefault(new Key(tenantId, formId), List.of()).stream()
                .limit(1000).toList()));
    }

    private Optional<FormDefinition> latestByKey(TenantId tenantId, Optional<WorkspaceId> owner, String key) {
        return forms.entrySet().stream().filter(e -> e.getKey().tenantId().equals(tenantId))
                .map(e -> e.getValue().get(e.getValue().size() - 1))
                .filter(f -> f.workspaceId().equals(owner) && f.key().equals(key)).findFirst();
    }
}
