package io.clientworkspace.jpa;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FileId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.approval.ApprovalPolicy;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.ApprovalSubject;
import io.clientworkspace.approval.Decision;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.jpa.entity.ApprovalEntity;
import io.clientworkspace.jpa.entity.DecisionEntity;
import io.clientworkspace.spi.ApprovalStore;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * {@link ApprovalStore} on JPA. A request is one row (approvers encoded in one column, the subject in
 * nullable columns), so lists are one statement; decisions are rows of their own keyed by (tenant,
 * workspace, request, sequence), so two decisions can never claim the same place in the record, and of
 * two concurrent appends of one sequence one fails with a conflict. The service locks the request
 * ({@link #findForUpdate}, {@code PESSIMISTIC_WRITE}) before it appends, so concurrent deciders normally
 * queue rather than fail.
 */
public final class JpaApprovalStore extends JpaStoreSupport implements ApprovalStore {

    /** Separates approver ids in the {@code approvers} column; ids never contain control characters. */
    private static final String APPROVER_SEPARATOR = "\n";

    public JpaApprovalStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public ApprovalRequest insert(ApprovalRequest request) {
        requireNonNull(request, "request must not be null");
        return tx(() -> {
            if (em().find(ApprovalEntity.class, key(request.tenantId(), request.workspaceId(), request.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS, "Approval '" + request.id() + "' already exists");
            }
            ApprovalEntity e = new ApprovalEntity(request.tenantId().value(), request.workspaceId().value(), request.id().value());
            if (request.subject() instanceof ApprovalSubject.FileVersionSubject file) {
                e.subjectType = ApprovalEntity.SUBJECT_FILE_VERSION;
                e.fileId = file.fileId().value();
                e.fileVersion = file.versionNumber();
                e.fileSha256 = file.sha256();
            } else if (request.subject() instanceof ApprovalSubject.DeliverableSubject deliverable) {
                e.subjectType = ApprovalEntity.SUBJECT_DELIVERABLE;
                e.deliverableDescription = deliverable.description();
                e.deliverableLink = deliverable.link().orElse(null);
            }
            e.requestedBy = request.requestedBy().value();
            e.requestedAt = request.requestedAt();
            e.version = 0;
            copy(request, e);
            return toDomain(insert(e, "approval", request.id().value()));
        });
    }

    @Override
    public ApprovalRequest update(ApprovalRequest request) {
        requireNonNull(request, "request must not be null");
        return tx(() -> {
            ApprovalEntity e = em().find(ApprovalEntity.class, key(request.tenantId(), request.workspaceId(), request.id()));
            if (e == null || e.version != request.version()) {
                throw ConflictException.staleVersion("approval", request.id().value(), request.version());
            }
            copy(request, e);
            return toDomain(saveVersioned(e, request.version(), entity -> entity.version, "approval", request.id().value()));
        });
    }

    @Override
    public Optional<ApprovalRequest> find(TenantId tenantId, WorkspaceId workspaceId, ApprovalId id) {
        requireScope(tenantId, workspaceId, id);
        return tx(() -> Optional.ofNullable(em().find(ApprovalEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaApprovalStore::toDomain)));
    }

    @Override
    public List<ApprovalRequest> findAll(TenantId tenantId, WorkspaceId workspaceId, Collection<ApprovalId> ids) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(ids, "ids must not be null");
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> values = ids.stream().map(ApprovalId::value).distinct().toList();
        return tx(() -> mapDetached(em().createQuery("select a from CwkApproval a where a.tenantId = :tenant"
                        + " and a.workspaceId = :workspace and a.id in :ids", ApprovalEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("ids", values)
                .getResultList(), JpaApprovalStore::toDomain));
    }

    @Override
    public Optional<ApprovalRequest> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, ApprovalId id) {
        requireScope(tenantId, workspaceId, id);
        return tx(() -> Optional.ofNullable(em().find(ApprovalEntity.class, key(tenantId, workspaceId, id),
                        LockModeType.PESSIMISTIC_WRITE))
                .map(e -> mapDetached(e, JpaApprovalStore::toDomain)));
    }

    @Override
    public List<ApprovalRequest> list(TenantId tenantId, WorkspaceId workspaceId, Optional<ApprovalStatus> status,
                                      Optional<ApprovalId> beforeId, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(beforeId, "beforeId must not be null");
        return tx(() -> {
            TypedQuery<ApprovalEntity> query = em().createQuery("select a from CwkApproval a where a.tenantId = :tenant"
                            + " and a.workspaceId = :workspace"
                            + (status.isPresent() ? " and a.status = :status" : "")
                            + (beforeId.isPresent() ? " and a.id < :before" : "")
                            + " order by a.id desc", ApprovalEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value());
            status.ifPresent(s -> query.setParameter("status", s.name()));
            beforeId.ifPresent(before -> query.setParameter("before", before.value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaApprovalStore::toDomain);
        });
    }

    @Override
    public List<ApprovalRequest> listForFile(TenantId tenantId, WorkspaceId workspaceId, FileId fileId, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(fileId, "fileId must not be null");
        return tx(() -> mapDetached(em().createQuery("select a from CwkApproval a where a.tenantId = :tenant"
                        + " and a.workspaceId = :workspace and a.fileId = :file order by a.id desc", ApprovalEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("file", fileId.value())
                .setMaxResults(limit)
                .getResultList(), JpaApprovalStore::toDomain));
    }

    /** Across tenants by design: the expiry sweep is maintenance run by the host, not an actor's query. */
    @Override
    public List<ApprovalRequest> listOverdue(Instant now, int limit) {
        requireNonNull(now, "now must not be null");
        // 'OPEN' as a literal, not a parameter, so that PostgreSQL can use the partial index ix_cwk_approval_due.
        return tx(() -> mapDetached(em().createQuery("select a from CwkApproval a where a.status = 'OPEN'"
                        + " and a.dueAt < :now order by a.id, a.tenantId, a.workspaceId", ApprovalEntity.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList(), JpaApprovalStore::toDomain));
    }

    @Override
    public void appendDecision(Decision decision) {
        requireNonNull(decision, "decision must not be null");
        tx(() -> {
            String tenant = decision.tenantId().value();
            String workspace = decision.workspaceId().value();
            String request = decision.requestId().value();
            Integer latest = em().createQuery("select max(d.sequence) from CwkApprovalDecision d where d.tenantId = :tenant"
                            + " and d.workspaceId = :workspace and d.approvalId = :request", Integer.class)
                    .setParameter("tenant", tenant)
                    .setParameter("workspace", workspace)
                    .setParameter("request", request)
                    .getSingleResult();
            int head = latest == null ? 0 : latest;
            boolean requestExists = head > 0 || !em().createQuery("select a.id from CwkApproval a where a.tenantId = :tenant"
                            + " and a.workspaceId = :workspace and a.id = :request", String.class)
                    .setParameter("tenant", tenant)
                    .setParameter("workspace", workspace)
                    .setParameter("request", request)
                    .getResultList().isEmpty();
            if (!requestExists || decision.sequence() != head + 1) {
                throw ConflictException.staleVersion("decision", request, decision.sequence());
            }
            DecisionEntity e = new DecisionEntity(tenant, workspace, request, decision.sequence());
            e.approver = decision.approver().value();
            e.approverKind = decision.approverKind().name();
            e.kind = decision.kind().name();
            e.comment = decision.comment().orElse(null);
            e.decidedAt = decision.decidedAt();
            e.fileVersion = decision.versionNumber().orElse(null);
            e.fileSha256 = decision.sha256().orElse(null);
            try {
                insert(e, "decision", Integer.toString(decision.sequence()));
            } catch (ConflictException conflict) {
                throw new ConflictException(ConflictException.Reason.STALE_VERSION, "Decision " + decision.sequence()
                        + " of approval '" + request + "' was recorded concurrently by someone else; reload and try again");
            }
            return null;
        });
    }

    @Override
    public List<Decision> decisions(TenantId tenantId, WorkspaceId workspaceId, ApprovalId requestId) {
        requireScope(tenantId, workspaceId, requestId);
        return tx(() -> mapDetached(em().createQuery("select d from CwkApprovalDecision d where d.tenantId = :tenant"
                        + " and d.workspaceId = :workspace and d.approvalId = :request order by d.sequence", DecisionEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setParameter("request", requestId.value())
                .getResultList(), JpaApprovalStore::decisionToDomain));
    }

    private static void requireScope(TenantId tenantId, WorkspaceId workspaceId, ApprovalId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
    }

    /** Copies what may change over a request's life; the subject and who asked when never do. */
    private static void copy(ApprovalRequest r, ApprovalEntity e) {
        e.title = r.title();
        e.message = r.message().orElse(null);
        e.approvers = encodeApprovers(r.approvers());
        e.policyKind = r.policy().kind().name();
        e.policyQuorum = r.policy().quorum();
        e.dueAt = r.dueAt().orElse(null);
        e.status = r.status().name();
        e.resolvedAt = r.resolvedAt().orElse(null);
    }

    private static ApprovalEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, ApprovalId id) {
        return new ApprovalEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static String encodeApprovers(Set<UserId> approvers) {
        return approvers.stream().map(UserId::value).sorted().collect(Collectors.joining(APPROVER_SEPARATOR));
    }

    static Set<UserId> decodeApprovers(String encoded) {
        if (encoded.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(encoded.split(APPROVER_SEPARATOR, -1)).map(UserId::of).collect(Collectors.toUnmodifiableSet());
    }

    static ApprovalRequest toDomain(ApprovalEntity e) {
        ApprovalSubject subject = ApprovalEntity.SUBJECT_FILE_VERSION.equals(e.subjectType)
                // The columns of the other subject kind are null; those of a row's own kind never are.
                ? new ApprovalSubject.FileVersionSubject(FileId.of(requireNonNull(e.fileId, "file_id")),
                        requireNonNull(e.fileVersion, "file_version"), requireNonNull(e.fileSha256, "file_sha256"))
                : new ApprovalSubject.DeliverableSubject(requireNonNull(e.deliverableDescription, "deliverable_description"),
                        Optional.ofNullable(e.deliverableLink));
        return new ApprovalRequest(ApprovalId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), e.title,
                Optional.ofNullable(e.message), subject, decodeApprovers(e.approvers),
                new ApprovalPolicy(ApprovalPolicy.Kind.valueOf(e.policyKind), e.policyQuorum),
                Optional.ofNullable(e.dueAt), ApprovalStatus.valueOf(e.status), UserId.of(e.requestedBy), e.requestedAt,
                Optional.ofNullable(e.resolvedAt), e.version);
    }

    static Decision decisionToDomain(DecisionEntity e) {
        return new Decision(TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), ApprovalId.of(e.approvalId), e.sequence,
                UserId.of(e.approver), ActorKind.valueOf(e.approverKind), DecisionKind.valueOf(e.kind),
                Optional.ofNullable(e.comment), e.decidedAt, Optional.ofNullable(e.fileVersion),
                Optional.ofNullable(e.fileSha256));
    }

    /**
     * One statement on {@code ix_cwk_approval_status} (tenant, workspace, status, id): the OPEN requests' count and
     * earliest request time.
     */
    @Override
    public io.clientworkspace.dashboard.OpenItems pendingSummary(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return tx(() -> {
            Object[] row = em().createQuery("select count(a), min(a.requestedAt) from CwkApproval a"
                            + " where a.tenantId = :tenant and a.workspaceId = :workspace and a.status = 'OPEN'",
                            Object[].class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value())
                    .getSingleResult();
            return openItems(row);
        });
    }

    /** A (count, min instant) row as {@link io.clientworkspace.dashboard.OpenItems}. */
    static io.clientworkspace.dashboard.OpenItems openItems(Object[] row) {
        int count = ((Number) row[0]).intValue();
        return count == 0 ? io.clientworkspace.dashboard.OpenItems.NONE
                : new io.clientworkspace.dashboard.OpenItems(count, Optional.of((java.time.Instant) row[1]));
    }
}
