package io.clientworkspace.memory;

import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.ConflictException;
import io.clientworkspace.ProjectId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.project.Project;
import io.clientworkspace.spi.ProjectStore;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link ProjectStore} in memory. */
final class InMemoryProjectStore implements ProjectStore {

    private record Key(TenantId tenantId, WorkspaceId workspaceId, ProjectId id) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, Project> projects = new HashMap<>();

    InMemoryProjectStore(InMemoryTransactions tx) {
        this.tx = requireNonNull(tx, "tx must not be null");
    }

    @Override
    public Project insert(Project project) {
        requireNonNull(project, "project must not be null");
        return tx.write(() -> {
            Key key = key(project);
            if (projects.containsKey(key)) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Project '" + project.id() + "' already exists");
            }
            Project stored = project.withVersion(0);
            projects.put(key, stored);
            return new Undoable<>(stored, () -> projects.remove(key));
        });
    }

    @Override
    public Project update(Project project) {
        requireNonNull(project, "project must not be null");
        return tx.write(() -> {
            Key key = key(project);
            Project current = projects.get(key);
            if (current == null || current.version() != project.version()) {
                throw ConflictException.staleVersion("project", project.id().value(), project.version());
            }
            Project stored = project.withVersion(current.version() + 1);
            projects.put(key, stored);
            return new Undoable<>(stored, () -> projects.put(key, current));
        });
    }

    @Override
    public Optional<Project> find(TenantId tenantId, WorkspaceId workspaceId, ProjectId id) {
        requireNonNull(id, "id must not be null");
        return tx.read(() -> Optional.ofNullable(projects.get(new Key(tenantId, workspaceId, id))));
    }

    @Override
    public List<Project> list(TenantId tenantId, WorkspaceId workspaceId, boolean includeInternal,
                              Optional<ProjectId> afterId, int limit) {
        requireNonNull(afterId, "afterId must not be null");
        return tx.read(() -> projects.values().stream()
                .filter(p -> p.tenantId().equals(tenantId) && p.workspaceId().equals(workspaceId))
                .filter(p -> includeInternal || p.visibility() == Visibility.CLIENT)
                .filter(p -> afterId.isEmpty() || p.id().compareTo(afterId.get()) > 0)
                .sorted(Comparator.comparing(Project::id))
                .limit(limit).toList());
    }

    @Override
    public long count(TenantId tenantId, WorkspaceId workspaceId, boolean includeInternal) {
        return tx.read(() -> projects.values().stream()
                .filter(p -> p.tenantId().equals(tenantId) && p.workspaceId().equals(workspaceId))
                .filter(p -> includeInternal || p.visibility() == Visibility.CLIENT)
                .count());
    }

    /** The project's own visibility, if it exists (for the stores that filter by effective visibility). */
    Optional<Visibility> visibility(TenantId tenantId, WorkspaceId workspaceId, ProjectId id) {
        return Optional.ofNullable(projects.get(new Key(tenantId, workspaceId, id))).map(Project::visibility);
    }

    private static Key key(Project p) {
        return new Key(p.tenantId(), p.workspaceId(), p.id());
    }

    @Override
    public ProjectHealth worstHealth(TenantId tenantId, WorkspaceId workspaceId) {
        return tx.read(() -> projects.values().stream()
                .filter(p -> p.tenantId().equals(tenantId) && p.workspaceId().equals(workspaceId))
                .map(Project::health)
                .filter(h -> h != ProjectHealth.COMPLETED)
                .max(java.util.Comparator.comparingInt(ProjectHealth::severity))
                .filter(h -> h.severity() > ProjectHealth.ON_TRACK.severity())
                .orElse(ProjectHealth.ON_TRACK));
    }
}
