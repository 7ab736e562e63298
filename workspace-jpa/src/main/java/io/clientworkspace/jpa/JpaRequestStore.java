package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.FileId;
import io.clientworkspace.FormId;
import io.clientworkspace.RequestId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.jpa.entity.RequestEntity;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.FormRef;
import io.clientworkspace.request.InboxFilter;
import io.clientworkspace.request.Priority;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.spi.RequestStore;
import jakarta.persistence.TypedQuery;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * {@link RequestStore} on JPA. A request is one row keyed by (tenant, workspace, id); the answers are one JSON
 * text column (see {@link FormJson}) and the attachments one column of ids separated by line breaks, so a page
 * is one statement. Lists and the inbox are keyset pages on the id (time-ordered), newest first; the inbox
 * is one statement across the given workspaces of one tenant. Updates are optimistic on the version.
 */
public final class JpaRequestStore extends JpaStoreSupport implements RequestStore {

    /** Separates attachment ids in the {@code attachments} column; ids never contain control characters. */
    private static final String SEPARATOR = "\n";

    public JpaRequestStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public ClientRequest insert(ClientRequest request) {
        requireNonNull(request, "request must not be null");
        return tx(() -> {
            if (em().find(RequestEntity.class, key(request.tenantId(), request.workspaceId(), request.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Request '" + request.id() + "' already exists");
            }
            RequestEntity e = new RequestEntity(request.tenantId().value(), request.workspaceId().value(), request.id().value());
            e.formId = request.form().map(f -> f.formId().value()).orElse(null);
            e.formVersion = request.form().map(FormRef::version).orElse(null);
            e.submittedBy = request.submittedBy().value();
            e.submittedAt = request.submittedAt();
            e.version = 0;
            copy(request, e);
            return toDomain(insert(e, "request", request.id().value()));
        });
    }

    @Override
    public ClientRequest update(ClientRequest request) {
        requireNonNull(request, "request must not be null");
        return tx(() -> {
            RequestEntity e = em().find(RequestEntity.class, key(request.tenantId(), request.workspaceId(), request.id()));
            if (e == null || e.version != request.version()) {
                throw ConflictException.staleVersion("request", request.id().value(), request.version());
            }
            copy(request, e);
            return toDomain(saveVersioned(e, request.version(), entity -> entity.version, "request", request.id().value()));
        });
    }

    @Override
    public Optional<ClientRequest> find(TenantId tenantId, WorkspaceId workspaceId, RequestId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(RequestEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaRequestStore::toDomain)));
    }

    @Override
    public List<ClientRequest> list(TenantId tenantId, WorkspaceId workspaceId, Set<RequestStatus> statuses,
                                    Optional<RequestId> beforeId, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(statuses, "statuses must not be null");
        requireNonNull(beforeId, "beforeId must not be null");
        return tx(() -> {
            TypedQuery<RequestEntity> query = em().createQuery("select r from CwkRequest r where r.tenantId = :tenant"
                            + " and r.workspaceId = :workspace"
                            + (statuses.isEmpty() ? "" : " and r.status in :statuses")
                            + (beforeId.isPresent() ? " and r.id < :before" : "")
                            + " order by r.id desc", RequestEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value());
            if (!statuses.isEmpty()) {
                query.setParameter("statuses", names(statuses));
            }
            beforeId.ifPresent(before -> query.setParameter("before", before.value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaRequestStore::toDomain);
        });
    }

    @Override
    public List<ClientRequest> inbox(TenantId tenantId, Set<WorkspaceId> workspaceIds, InboxFilter filter,
                                     Optional<RequestId> beforeId, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceIds, "workspaceIds must not be null");
        requireNonNull(filter, "filter must not be null");
        requireNonNull(beforeId, "beforeId must not be null");
        if (workspaceIds.isEmpty()) {
            return List.of();
        }
        return tx(() -> {
            TypedQuery<RequestEntity> query = em().createQuery("select r from CwkRequest r where r.tenantId = :tenant"
                            + " and r.workspaceId in :workspaces and r.status in :statuses"
                            + (filter.assignee().isPresent() ? " and r.assignee = :assignee"
                                    : filter.unassigned() ? " and r.assignee is null" : "")
                            + (filter.olderThan().isPresent() ? " and r.submittedAt < :olderThan" : "")
                            + (beforeId.isPresent() ? " and r.id < :before" : "")
                            + " order by r.id desc", RequestEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspaces", workspaceIds.stream().map(WorkspaceId::value).toList())
                    .setParameter("statuses", names(filter.statuses()));
            filter.assignee().ifPresent(assignee -> query.setParameter("assignee", assignee.value()));
            filter.olderThan().ifPresent(olderThan -> query.setParameter("olderThan", olderThan));
            beforeId.ifPresent(before -> query.setParameter("before", before.value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaRequestStore::toDomain);
        });
    }

    private static List<String> names(Set<RequestStatus> statuses) {
        return statuses.stream().map(Enum::name).sorted().toList();
    }

    /** Copies what may change over a request's life; the form, who submitted and when never do. */
    private static void copy(ClientRequest r, RequestEntity e) {
        e.title = r.title();
        e.description = r.description();
        e.priority = r.priority().name();
        e.status = r.status().name();
        e.assignee = r.assignee().map(UserId::value).orElse(null);
        e.dueOn = r.due().orElse(null);
        e.answersJson = FormJson.answers(r.answers());
        e.attachments = r.attachments().stream().map(FileId::value).collect(Collectors.joining(SEPARATOR));
        e.firstResponseAt = r.firstResponseAt().orElse(null);
        e.resolvedAt = r.resolvedAt().orElse(null);
        e.declineReason = r.declineReason().orElse(null);
    }

    private static RequestEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, RequestId id) {
        return new RequestEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static ClientRequest toDomain(RequestEntity e) {
        Optional<FormRef> form = e.formId == null ? Optional.empty()
                : Optional.of(new FormRef(FormId.of(e.formId), requireNonNull(e.formVersion, "form_version")));
        List<FileId> attachments = e.attachments.isEmpty() ? List.of()
                : Arrays.stream(e.attachments.split(SEPARATOR, -1)).map(FileId::of).toList();
        return new ClientRequest(RequestId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), e.title,
                e.description, Priority.valueOf(e.priority), RequestStatus.valueOf(e.status),
                Optional.ofNullable(e.assignee).map(UserId::of), Optional.ofNullable(e.dueOn), form,
                FormJson.answers(e.answersJson), attachments, UserId.of(e.submittedBy), e.submittedAt,
                Optional.ofNullable(e.firstResponseAt), Optional.ofNullable(e.resolvedAt),
                Optional.ofNullable(e.declineReason), e.version);
    }

    /**
     * One statement on {@code ix_cwk_request_status} (tenant, workspace, status, id): the open requests' count and
     * earliest submission time.
     */
    @Override
    public io.clientworkspace.dashboard.OpenItems openSummary(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return tx(() -> JpaApprovalStore.openItems(em().createQuery("select count(r), min(r.submittedAt)"
                        + " from CwkRequest r where r.tenantId = :tenant and r.workspaceId = :workspace"
                        + " and r.status in :open", Object[].class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("open", OPEN_STATUSES.stream().map(Enum::name).sorted().toList())
                .getSingleResult()));
    }
}
