package io.clientworkspace.dashboard;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.DashboardStore;
import io.clientworkspace.spi.MessageStore;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceAccess;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The operator dashboard ({@code kit.dashboard()}): a page of workspace summaries for a team actor, one summary, and
 * the rebuild of the read model.
 *
 * <p><b>Who sees what.</b> Tenant admins see every workspace of their tenant; other team users on the tenant's roster
 * the workspaces where they hold a team membership whose role grants {@link Permission#VIEW_DASHBOARD} in the tenant's
 * permission matrix. Clients (and team users not on the roster) are refused with {@link AccessDeniedException}; where
 * one workspace is addressed ({@link #summary}) a client gets the same {@link NotFoundException} as for a workspace
 * that does not exist.
 *
 * <p><b>Invoices.</b> Invoice alerts ({@link WorkspaceSummary#overdueInvoices()} and
 * {@link AttentionReason#OVERDUE_INVOICE}) are shown only to a caller who may see invoices
 * ({@link Permission#VIEW_BILLING}). For {@link #summary} that is the caller's permission in the workspace. For a
 * {@link #page} it is decided once per caller, from the tenant's permission matrix (no lookup per row): tenant admins
 * see them; another team user sees them only if every team role that grants VIEW_DASHBOARD also grants VIEW_BILLING
 * (so that whichever of those roles the caller holds in a listed workspace, it sees invoices there). Otherwise every
 * row of the page shows {@code overdueInvoices} 0 and no OVERDUE_INVOICE, and the "needs attention" filter leaves the
 * invoice condition out of its query, so it never selects a workspace only because of an overdue invoice (the page
 * stays full and its keyset cursor exact). This is conservative: with a matrix where only some team roles grant
 * VIEW_BILLING, a caller who holds one of those roles still sees no invoice alerts on the dashboard page (the
 * workspace's {@link #summary} and {@code kit.records().alerts} show them).
 *
 * <p><b>Cost.</b> A page is one {@link DashboardStore#page} call (the filter, the sort, the keyset and for non-admins
 * the membership join in one query) plus one {@link MessageStore#countUnreadFromClients} call for the page's
 * workspaces, plus the caller's tenant role and (for non-admins) the tenant's permission matrix, both cached by the
 * {@link Authorizer}: a constant number of store calls whatever the number of workspaces. No per-row lookups.
 *
 * <p><b>Freshness.</b> Summaries are written in the unit of work of every change (see {@link WorkspaceSummary} for
 * what "overdue" means between changes). Workspaces created before the dashboard feature was added to a store set
 * have no summary until {@link #rebuild(TenantId)} runs once (or they next change).
 */
public final class DashboardService {

    static final String CURSOR = "dashboard";
    /** Workspaces recomputed per unit of work by a rebuild. */
    static final int REBUILD_BATCH = 100;

    private final Kernel kernel;
    private final Authorizer authorizer;
    private final WorkspaceAccess access;
    private final DashboardStore store;
    private final Optional<MessageStore> messages;
    private final DashboardProjection projection;
    private final SummarySource source;

    DashboardService(Kernel kernel, Authorizer authorizer, WorkspaceAccess access, DashboardStore store,
                     Optional<MessageStore> messages, DashboardProjection projection, SummarySource source) {
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.store = requireNonNull(store, "store must not be null");
        this.messages = requireNonNull(messages, "messages must not be null");
        this.projection = requireNonNull(projection, "projection must not be null");
        this.source = requireNonNull(source, "source must not be null");
    }

    /**
     * One page of the workspaces the actor serves that pass {@code query}, in its order, with the actor's unread
     * client messages and the attention reasons under the query's thresholds (measured from now).
     *
     * @throws AccessDeniedException if the actor is a client or a team user not on the tenant's roster
     * @throws ValidationException   ({@code cursor}) if the cursor was not returned by this list for this query
     */
    public Page<DashboardRow> page(Actor actor, DashboardQuery query, PageRequest page) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(query, "query must not be null");
        requireNonNull(page, "page must not be null");
        // the tenant role and the matrix in one read when both are cold (a page costs at most 3 statements)
        Authorizer.TenantAccess access = teamAccess(actor);
        Optional<SummaryPosition> after = decode(query, page.cursor());
        Optional<SummaryFilter.ServedBy> servedBy = Optional.empty();
        boolean invoices = true;
        if (access.role() != TenantRole.TENANT_ADMIN) {
            PermissionMatrix matrix = access.matrix();
            Set<WorkspaceRole> roles = dashboardRoles(matrix);
            if (roles.isEmpty()) {
                return new Page<>(List.of(), Optional.empty());
            }
            servedBy = Optional.of(new SummaryFilter.ServedBy(actor.userId(), roles));
            invoices = roles.stream().allMatch(r -> matrix.grants(r, Permission.VIEW_BILLING));
        }
        Instant now = kernel.now();
        SummaryFilter.Attention thresholds = thresholds(query, now, invoices);
        SummaryFilter filter = new SummaryFilter(servedBy,
                query.assignedToMe() ? Optional.of(actor.userId()) : Optional.empty(), query.status(), query.text(),
                query.needsAttention() ? Optional.of(thresholds) : Optional.empty());
        List<WorkspaceSummary> rows = store.page(actor.tenantId(), filter, query.sort(), query.direction(), after,
                page.limit() + 1);
        Page<WorkspaceSummary> summaries = Cursors.page(rows, page.limit(),
                s -> encode(query, SummaryPosition.of(s, query.sort())));
        Map<WorkspaceId, Long> unread = unread(actor, summaries.items());
        boolean shown = invoices;
        return summaries.map(s -> new DashboardRow(shown ? s : s.withoutInvoices(),
                unread.getOrDefault(s.workspaceId(), 0L), thresholds.reasons(s)));
    }

    /**
     * The summary of one workspace, with the actor's unread client messages and the attention reasons under the
     * default thresholds.
     *
     * @throws NotFoundException     ("workspace") if the actor is not a team user who may see it (clients included)
     * @throws AccessDeniedException if the actor sees the workspace but may not {@link Permission#VIEW_DASHBOARD}
     */
    public DashboardRow summary(Actor actor, WorkspaceId workspaceId) {
        return summary(actor, workspaceId, DashboardQuery.defaults());
    }

    /**
     * Like {@link #summary(Actor, WorkspaceId)}, with the attention thresholds of {@code thresholds} (its other
     * fields play no part).
     */
    public DashboardRow summary(Actor actor, WorkspaceId workspaceId, DashboardQuery thresholds) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(thresholds, "thresholds must not be null");
        if (!actor.isTeam()) {
            throw new NotFoundException("workspace", workspaceId.value());
        }
        Workspace workspace = access.require(actor, workspaceId, Permission.VIEW_DASHBOARD, "view the dashboard");
        Instant now = kernel.now();
        // a workspace without a row yet (the dashboard was added to an existing store set) is computed, not stored
        WorkspaceSummary summary = store.find(actor.tenantId(), workspaceId)
                .or(() -> source.compute(actor.tenantId(), workspaceId, now))
                .orElseThrow(() -> new NotFoundException("workspace", workspace.id().value()));
        long unread = unread(actor, List.of(summary)).getOrDefault(workspaceId, 0L);
        boolean invoices = authorizer.can(actor, workspaceId, Permission.VIEW_BILLING);
        return new DashboardRow(invoices ? summary : summary.withoutInvoices(), unread,
                thresholds(thresholds, now, invoices).reasons(summary));
    }

    /**
     * Recomputes every summary of the actor's tenant from the source stores (see {@link #rebuild(TenantId)}).
     *
     * @return how many workspaces' summaries were recomputed
     * @throws AccessDeniedException unless the actor is a tenant admin
     */
    public int rebuild(Actor actor) {
        requireNonNull(actor, "actor must not be null");
        if (!actor.isTeam() || authorizer.tenantRole(actor).filter(r -> r == TenantRole.TENANT_ADMIN).isEmpty()) {
            throw new AccessDeniedException(actor, TenantRole.TENANT_ADMIN.name(), "rebuild the dashboard");
        }
        return rebuild(actor.tenantId());
    }

    /**
     * A host's maintenance command (no actor: call it from an administrative job, e.g. once after adding the dashboard
     * to an existing database): recomputes every summary of the tenant from the source stores, in batches of
     * {@value #REBUILD_BATCH} workspaces, each batch in its own unit of work, locking each row like the projection, in
     * workspace-id order. Concurrent changes stay correct: each row is recomputed under its lock. A row that already
     * equals its recomputation is not written.
     *
     * @return how many workspaces' summaries were recomputed (every workspace of the tenant)
     */
    public int rebuild(TenantId tenantId) {
        requireNonNull(tenantId, "tenantId must not be null");
        int count = 0;
        Optional<String> afterSlug = Optional.empty();
        while (true) {
            List<Workspace> batch = kernel.stores().workspaces().list(tenantId, afterSlug, REBUILD_BATCH);
            if (batch.isEmpty()) {
                return count;
            }
            List<WorkspaceId> ids = batch.stream().map(Workspace::id).sorted().toList();
            kernel.stores().unitOfWork().execute(() -> {
                Instant now = kernel.now();
                ids.forEach(id -> projection.refresh(tenantId, id, SummaryPart.all(), now));
                return null;
            });
            count += ids.size();
            if (batch.size() < REBUILD_BATCH) {
                return count;
            }
            afterSlug = Optional.of(batch.get(batch.size() - 1).slug());
        }
    }

    // ------------------------------------------------------------------------------------------ internals

    /** The caller's tenant role with the tenant's matrix; refuses clients and team users not on the roster. */
    private Authorizer.TenantAccess teamAccess(Actor actor) {
        if (!actor.isTeam()) {
            throw new AccessDeniedException(actor, Permission.VIEW_DASHBOARD.name(), "view the dashboard");
        }
        return authorizer.tenantAccess(actor).orElseThrow(
                () -> new AccessDeniedException(actor, Permission.VIEW_DASHBOARD.name(), "view the dashboard"));
    }

    private static Set<WorkspaceRole> dashboardRoles(PermissionMatrix matrix) {
        Set<WorkspaceRole> roles = EnumSet.noneOf(WorkspaceRole.class);
        for (WorkspaceRole r : WorkspaceRole.values()) {
            if (!r.isClientRole() && matrix.grants(r, Permission.VIEW_DASHBOARD)) {
                roles.add(r);
            }
        }
        return roles;
    }

    private static SummaryFilter.Attention thresholds(DashboardQuery query, Instant now, boolean invoices) {
        return new SummaryFilter.Attention(now.minus(Duration.ofDays(query.pendingApprovalDays())),
                now.minus(Duration.ofDays(query.clientInactiveDays())), invoices);
    }

    private Map<WorkspaceId, Long> unread(Actor actor, List<WorkspaceSummary> rows) {
        if (rows.isEmpty() || messages.isEmpty()) {
            return Map.of();
        }
        Set<WorkspaceId> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(r.workspaceId()));
        return messages.get().countUnreadFromClients(actor.tenantId(), actor.userId(), ids);
    }

    /** The query's fingerprint: a cursor is only good for the query (filters and sort) it came from. */
    private static String fingerprint(DashboardQuery q) {
        String canonical = q.assignedToMe() + "/" + q.needsAttention() + "/" + q.pendingApprovalDays() + "/"
                + q.clientInactiveDays() + "/" + q.status().map(Enum::name).orElse("*") + "/"
                + q.text().map(t -> t.length() + ":" + t).orElse("-") + "/" + q.sort() + "/" + q.direction();
        return Integer.toHexString(canonical.hashCode());
    }

    private static String encode(DashboardQuery query, SummaryPosition p) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String key = fingerprint(query) + "." + p.at().map(a -> a.getEpochSecond() + "_" + a.getNano()).orElse("-")
                + "." + b64.encodeToString(p.sortName().getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(p.workspaceId().value().getBytes(StandardCharsets.UTF_8));
        return Cursors.encode(CURSOR, key);
    }

    private static Optional<SummaryPosition> decode(DashboardQuery query, Optional<String> cursor) {
        return Cursors.decode(CURSOR, cursor).map(key -> {
            String[] parts = key.split("\\.", -1);
            if (parts.length != 4 || !parts[0].equals(fingerprint(query))) {
                throw invalidCursor();
            }
            try {
                Optional<Instant> at = Optional.empty();
                if (!parts[1].equals("-")) {
                    String[] secNano = parts[1].split("_", -1);
                    if (secNano.length != 2) {
                        throw invalidCursor();
                    }
                    at = Optional.of(Instant.ofEpochSecond(Long.parseLong(secNano[0]), Long.parseLong(secNano[1])));
                }
                Base64.Decoder b64 = Base64.getUrlDecoder();
                String sortName = new String(b64.decode(parts[2]), StandardCharsets.UTF_8);
                WorkspaceId id = WorkspaceId.of(new String(b64.decode(parts[3]), StandardCharsets.UTF_8));
                return new SummaryPosition(at, sortName, id);
            } catch (RuntimeException e) {
                throw invalidCursor();
            }
        });
    }

    private static ValidationException invalidCursor() {
        return new ValidationException(FieldError.of("cursor",
                "is not a cursor returned by this list for these filters and this sort"));
    }
}
