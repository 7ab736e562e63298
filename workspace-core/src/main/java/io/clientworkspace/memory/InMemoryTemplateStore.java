package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TemplateId;
import io.clientworkspace.TenantId;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.TemplateStore;
import io.clientworkspace.template.TemplateStatus;
import io.clientworkspace.template.WorkspaceTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link TemplateStore} in memory. */
final class InMemoryTemplateStore implements TemplateStore {

    private record Key(TenantId tenantId, TemplateId id) {
    }

    private final InMemoryTransactions tx;
    /** Every version of each template, oldest first. */
    private final Map<Key, List<WorkspaceTemplate>> templates = new HashMap<>();

    InMemoryTemplateStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public WorkspaceTemplate insert(WorkspaceTemplate first) {
        requireNonNull(first, "first must not be null");
        return tx.write(() -> {
            if (first.version() != 1) {
                throw new IllegalArgumentException("a new template starts at version 1");
            }
            Key key = new Key(first.tenantId(), first.id());
            if (templates.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Template '" + first.id() + "' already exists");
            }
            if (latestByKey(first.tenantId(), first.key()).isPresent()) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "A template with key '" + first.key() + "' already exists; choose another key");
            }
            templates.put(key, new ArrayList<>(List.of(first)));
            return new Undoable<>(first, () -> templates.remove(key));
        });
    }

    @Override
    public WorkspaceTemplate insertVersion(WorkspaceTemplate next) {
        requireNonNull(next, "next must not be null");
        return tx.write(() -> {
            List<WorkspaceTemplate> versions = templates.get(new Key(next.tenantId(), next.id()));
            if (versions == null) {
                throw new NotFoundException("template", next.id().value());
            }
            WorkspaceTemplate latest = versions.get(versions.size() - 1);
            if (latest.version() != next.version() - 1) {
                throw ConflictException.staleVersion("template", next.id().value(), next.version() - 1L);
            }
            if (!latest.key().equals(next.key())) {
                throw new IllegalArgumentException("a new version keeps the template's key");
            }
            WorkspaceTemplate stored = next.withStatus(latest.status());
            versions.add(stored);
            return new Undoable<>(stored, () -> versions.remove(versions.size() - 1));
        });
    }

    @Override
    public WorkspaceTemplate setStatus(TenantId tenantId, TemplateId templateId, TemplateStatus status,
                                       int expectedLatestVersion) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(templateId, "templateId must not be null");
        requireNonNull(status, "status must not be null");
        return tx.write(() -> {
            List<WorkspaceTemplate> versions = templates.get(new Key(tenantId, templateId));
            if (versions == null) {
                throw new NotFoundException("template", templateId.value());
            }
            if (versions.get(versions.size() - 1).version() != expectedLatestVersion) {
                throw ConflictException.staleVersion("template", templateId.value(), expectedLatestVersion);
            }
            List<WorkspaceTemplate> before = List.copyOf(versions);
            versions.replaceAll(v -> v.withStatus(status));
            return new Undoable<>(versions.get(versions.size() - 1), () -> {
                versions.clear();
                versions.addAll(before);
            });
        });
    }

    @Override
    public Optional<WorkspaceTemplate> find(TenantId tenantId, TemplateId templateId, int version) {
        return tx.read(() -> Optional.ofNullable(templates.get(new Key(tenantId, templateId)))
                .flatMap(vs -> vs.stream().filter(v -> v.version() == version).findFirst()));
    }

    @Override
    public Optional<WorkspaceTemplate> findLatest(TenantId tenantId, TemplateId templateId) {
        return tx.read(() -> Optional.ofNullable(templates.get(new Key(tenantId, templateId)))
                .map(vs -> vs.get(vs.size() - 1)));
    }

    @Override
    public Optional<WorkspaceTemplate> findByKey(TenantId tenantId, String key) {
        requireNonNull(key, "key must not be null");
        return tx.read(() -> latestByKey(tenantId, key));
    }

    @Override
    public List<WorkspaceTemplate> listLatest(TenantId tenantId, Optional<TemplateId> afterId, int limit) {
        requireNonNull(afterId, "afterId must not be null");
        return tx.read(() -> templates.entrySet().stream()
                .filter(e -> e.getKey().tenantId().equals(tenantId))
                .map(e -> e.getValue().get(e.getValue().size() - 1))
                .filter(t -> afterId.isEmpty() || t.id().compareTo(afterId.get()) > 0)
                .sorted(Comparator.comparing(WorkspaceTemplate::id))
                .limit(limit).toList());
    }

    @Override
    public List<WorkspaceTemplate> versions(TenantId tenantId, TemplateId templateId) {
        return tx.read(() -> templates.getOrDefault(new Key(tenantId, templateId), List.of()).stream()
                .limit(1000).toList());
    }

    private Optional<WorkspaceTemplate> latestByKey(TenantId tenantId, String key) {
        return templates.entrySet().stream().filter(e -> e.getKey().tenantId().equals(tenantId))
                .map(e -> e.getValue().get(e.getValue().size() - 1))
                .filter(t -> t.key().equals(key)).findFirst();
    }
}
