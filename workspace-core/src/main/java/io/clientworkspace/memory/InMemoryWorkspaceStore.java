package io.clientworkspace.memory;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.memory.InMemoryTransactions.Undoable;
import io.clientworkspace.spi.WorkspaceStore;
import io.clientworkspace.workspace.Workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** {@link WorkspaceStore} in memory. */
final class InMemoryWorkspaceStore implements WorkspaceStore {

    private static final TreeMap<String, Workspace> EMPTY = new TreeMap<>();

    private final InMemoryTransactions tx;
    private final InMemoryMembershipStore memberships;
    /** Per tenant, by slug: the natural list order. */
    private final Map<TenantId, TreeMap<String, Workspace>> bySlug = new HashMap<>();
    private final Map<TenantId, Map<WorkspaceId, String>> slugById = new HashMap<>();
    private final Map<TenantId, Map<String, WorkspaceId>> byExternalRef = new HashMap<>();

    public InMemoryWorkspaceStore(InMemoryTransactions tx, InMemoryMembershipStore memberships) {
        this.tx = requireNonNull(tx, "tx must not be null");
        this.memberships = requireNonNull(memberships, "memberships must not be null");
    }

    @Override
    public Workspace insert(Workspace workspace) {
        requireNonNull(workspace, "workspace must not be null");
        return tx.write(() -> {
            TenantId tenant = workspace.tenantId();
            if (ids(tenant).containsKey(workspace.id())) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Workspace '" + workspace.id() + "' already exists");
            }
            if (slugs(tenant).containsKey(workspace.slug())) {
                throw duplicateSlug(workspace.slug());
            }
            workspace.externalRef().ifPresent(ref -> {
                if (refs(tenant).containsKey(ref)) {
                    throw duplicateRef(ref);
                }
            });
            Workspace stored = withVersion(workspace, 0);
            put(stored);
            return new Undoable<>(stored, () -> remove(stored));
        });
    }

    @Override
    public Workspace update(Workspace workspace) {
        requireNonNull(workspace, "workspace must not be null");
        return tx.write(() -> {
            TenantId tenant = workspace.tenantId();
            Workspace current = Optional.ofNullable(ids(tenant).get(workspace.id())).map(slugs(tenant)::get).orElse(null);
            if (current == null || current.version() != workspace.version()) {
                throw ConflictException.staleVersion("workspace", workspace.id().value(), workspace.version());
            }
            workspace.externalRef().ifPresent(ref -> {
                WorkspaceId holder = refs(tenant).get(ref);
                if (holder != null && !holder.equals(workspace.id())) {
                    throw duplicateRef(ref);
                }
            });
            Workspace stored = new Workspace(current.id(), tenant, current.slug(), workspace.name(),
                    workspace.externalRef(), workspace.branding(), workspace.status(), current.createdAt(),
                    workspace.updatedAt(), current.version() + 1);
            remove(current);
            put(stored);
            return new Undoable<>(stored, () -> {
                remove(stored);
                put(current);
            });
        });
    }

    @Override
    public Workspace setExternalRef(TenantId tenantId, WorkspaceId id, Optional<String> externalRef) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(id, "id must not be null");
        requireNonNull(externalRef, "externalRef must not be null");
        return tx.write(() -> {
            Workspace current = Optional.ofNullable(ids(tenantId).get(id)).map(slugs(tenantId)::get)
                    .orElseThrow(() -> ConflictException.staleVersion("workspace", id.value(), 0));
            externalRef.ifPresent(ref -> {
                WorkspaceId holder = refs(tenantId).get(ref);
                if (holder != null && !holder.equals(id)) {
                    throw duplicateRef(ref);
                }
            });
            // Neither the version nor updatedAt changes: see WorkspaceStore#setExternalRef.
            Workspace stored = current.withExternalRef(externalRef, current.updatedAt());
            remove(current);
            put(stored);
            return new Undoable<>(stored, () -> {
                remove(stored);
                put(current);
            });
        });
    }

    @Override
    public Optional<Workspace> find(TenantId tenantId, WorkspaceId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(id, "id must not be null");
        return tx.read(() -> Optional.ofNullable(idsView(tenantId).get(id)).map(slugsView(tenantId)::get));
    }

    @Override
    public Optional<Workspace> findBySlug(TenantId tenantId, String slug) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(slug, "slug must not be null");
        return tx.read(() -> Optional.ofNullable(slugsView(tenantId).get(slug)));
    }

    @Override
    public Optional<Workspace> findByExternalRef(TenantId tenantId, String externalRef) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(externalRef, "externalRef must not be null");
        return tx.read(() -> Optional.ofNullable(refsView(tenantId).get(externalRef))
                .flatMap(id -> Optional.ofNullable(idsView(tenantId).get(id))).map(slugsView(tenantId)::get));
    }

    @Override
    public List<Workspace> list(TenantId tenantId, Optional<String> afterSlug, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(afterSlug, "afterSlug must not be null");
        return tx.read(() -> after(slugsView(tenantId), afterSlug).values().stream().limit(limit).toList());
    }

    @Override
    public List<Workspace> listForMember(TenantId tenantId, UserId userId, Set<WorkspaceRole> roles,
                                         Optional<String> afterSlug, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(roles, "roles must not be null");
        requireNonNull(afterSlug, "afterSlug must not be null");
        return tx.read(() -> {
            Set<WorkspaceId> mine = memberships.workspacesOf(tenantId, userId, roles);
            return after(slugsView(tenantId), afterSlug).values().stream()
                    .filter(w -> mine.contains(w.id())).limit(limit).toList();
        });
    }

    @Override
    public long count(TenantId tenantId) {
        requireNonNull(tenantId, "tenantId must not be null");
        return tx.read(() -> (long) slugsView(tenantId).size());
    }

    private static NavigableMap<String, Workspace> after(TreeMap<String, Workspace> map, Optional<String> afterSlug) {
        return afterSlug.isPresent() ? map.tailMap(afterSlug.get(), false) : map;
    }

    private void put(Workspace w) {
        slugs(w.tenantId()).put(w.slug(), w);
        ids(w.tenantId()).put(w.id(), w.slug());
        w.externalRef().ifPresent(ref -> refs(w.tenantId()).put(ref, w.id()));
    }

    private void remove(Workspace w) {
        slugs(w.tenantId()).remove(w.slug());
        ids(w.tenantId()).remove(w.id());
        w.externalRef().ifPresent(ref -> refs(w.tenantId()).remove(ref));
    }

    // Read-side views never create maps: reads run concurrently under the read lock.
    private TreeMap<String, Workspace> slugsView(TenantId tenant) {
        return bySlug.getOrDefault(tenant, EMPTY);
    }

    private Map<WorkspaceId, String> idsView(TenantId tenant) {
        return slugById.getOrDefault(tenant, Map.of());
    }

    private Map<String, WorkspaceId> refsView(TenantId tenant) {
        return byExternalRef.getOrDefault(tenant, Map.of());
    }

    private TreeMap<String, Workspace> slugs(TenantId tenant) {
        return bySlug.computeIfAbsent(tenant, t -> new TreeMap<>());
    }

    private Map<WorkspaceId, String> ids(TenantId tenant) {
        return slugById.computeIfAbsent(tenant, t -> new HashMap<>());
    }

    private Map<String, WorkspaceId> refs(TenantId tenant) {
        return byExternalRef.computeIfAbsent(tenant, t -> new HashMap<>());
    }

    private static Workspace withVersion(Workspace w, long version) {
        return new Workspace(w.id(), w.tenantId(), w.slug(), w.name(), w.externalRef(), w.branding(), w.status(),
                w.createdAt(), w.updatedAt(), version);
    }

    private static ConflictException duplicateSlug(String slug) {
        return new ConflictException(ConflictException.Reason.DUPLICATE_SLUG,
                "Slug '" + slug + "' is already used by another workspace of this tenant; choose another");
    }

    private static ConflictException duplicateRef(String ref) {
        return new ConflictException(ConflictException.Reason.DUPLICATE_EXTERNAL_REF,
                "External reference '" + ref + "' is already linked to another workspace of this tenant");
    }
}
