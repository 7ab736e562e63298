package io.clientworkspace.jpa;

import io.clientworkspace.AssignmentId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FormId;
import io.clientworkspace.RequestId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.jpa.entity.FormAssignmentEntity;
import io.clientworkspace.request.AssignmentStatus;
import io.clientworkspace.request.FormAssignment;
import io.clientworkspace.request.FormRef;
import io.clientworkspace.spi.FormAssignmentStore;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link FormAssignmentStore} on JPA. An assignment is one row keyed by (tenant, workspace, id) with its draft
 * answers in one JSON text column (see {@link FormJson}). Updates are optimistic on the version, so of two
 * concurrent submissions of one assignment exactly one succeeds and the other is a {@link ConflictException}.
 * Lists are keyset pages on the id, newest first.
 */
public final class JpaFormAssignmentStore extends JpaStoreSupport implements FormAssignmentStore {

    public JpaFormAssignmentStore(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public FormAssignment insert(FormAssignment assignment) {
        requireNonNull(assignment, "assignment must not be null");
        return tx(() -> {
            if (em().find(FormAssignmentEntity.class, key(assignment.tenantId(), assignment.workspaceId(), assignment.id())) != null) {
                throw new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        "Form assignment '" + assignment.id() + "' already exists");
            }
            FormAssignmentEntity e = new FormAssignmentEntity(assignment.tenantId().value(), assignment.workspaceId().value(),
                    assignment.id().value());
            e.formId = assignment.form().formId().value();
            e.formVersion = assignment.form().version();
            e.assignedBy = assignment.assignedBy().value();
            e.assignedAt = assignment.assignedAt();
            e.version = 0;
            copy(assignment, e);
            return toDomain(insert(e, "form assignment", assignment.id().value()));
        });
    }

    @Override
    public FormAssignment update(FormAssignment assignment) {
        requireNonNull(assignment, "assignment must not be null");
        return tx(() -> {
            FormAssignmentEntity e = em().find(FormAssignmentEntity.class,
                    key(assignment.tenantId(), assignment.workspaceId(), assignment.id()));
            if (e == null || e.version != assignment.version()) {
                throw ConflictException.staleVersion("form assignment", assignment.id().value(), assignment.version());
            }
            copy(assignment, e);
            return toDomain(saveVersioned(e, assignment.version(), entity -> entity.version, "form assignment",
                    assignment.id().value()));
        });
    }

    @Override
    public Optional<FormAssignment> find(TenantId tenantId, WorkspaceId workspaceId, AssignmentId id) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(id, "id must not be null");
        return tx(() -> Optional.ofNullable(em().find(FormAssignmentEntity.class, key(tenantId, workspaceId, id)))
                .map(e -> mapDetached(e, JpaFormAssignmentStore::toDomain)));
    }

    @Override
    public List<FormAssignment> list(TenantId tenantId, WorkspaceId workspaceId, Optional<AssignmentStatus> status,
                                     Optional<AssignmentId> beforeId, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(beforeId, "beforeId must not be null");
        return tx(() -> {
            TypedQuery<FormAssignmentEntity> query = em().createQuery("select a from CwkFormAssignment a"
                            + " where a.tenantId = :tenant and a.workspaceId = :workspace"
                            + (status.isPresent() ? " and a.status = :status" : "")
                            + (beforeId.isPresent() ? " and a.id < :before" : "")
                            + " order by a.id desc", FormAssignmentEntity.class)
                    .setParameter("tenant", tenantId.value())
                    .setParameter("workspace", workspaceId.value());
            status.ifPresent(s -> query.setParameter("status", s.name()));
            beforeId.ifPresent(before -> query.setParameter("before", before.value()));
            return mapDetached(query.setMaxResults(limit).getResultList(), JpaFormAssignmentStore::toDomain);
        });
    }

    /** Copies what may change over an assignment's life; the pinned form version and who assigned it never do. */
    private static void copy(FormAssignment a, FormAssignmentEntity e) {
        e.title = a.title();
        e.dueOn = a.due().orElse(null);
        e.status = a.status().name();
        e.draftJson = FormJson.answers(a.draft());
        e.submittedBy = a.submittedBy().map(UserId::value).orElse(null);
        e.submittedAt = a.submittedAt().orElse(null);
        e.requestId = a.request().map(RequestId::value).orElse(null);
    }

    private static FormAssignmentEntity.Key key(TenantId tenantId, WorkspaceId workspaceId, AssignmentId id) {
        return new FormAssignmentEntity.Key(tenantId.value(), workspaceId.value(), id.value());
    }

    static FormAssignment toDomain(FormAssignmentEntity e) {
        return new FormAssignment(AssignmentId.of(e.id), TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId),
                new FormRef(FormId.of(e.formId), e.formVersion), e.title, Optional.ofNullable(e.dueOn),
                AssignmentStatus.valueOf(e.status), FormJson.answers(e.draftJson), UserId.of(e.assignedBy), e.assignedAt,
                Optional.ofNullable(e.submittedBy).map(UserId::of), Optional.ofNullable(e.submittedAt),
                Optional.ofNullable(e.requestId).map(RequestId::of), e.version);
    }
}
