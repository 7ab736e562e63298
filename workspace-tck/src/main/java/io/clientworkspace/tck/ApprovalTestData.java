package io.clientworkspace.tck;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.approval.ApprovalPolicy;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.ApprovalSubject;
import io.clientworkspace.approval.Decision;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.file.FileVersion;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Builds valid approval requests and decisions for store tests, with the ids, users and instants of a
 * {@link TestData} (so that they sort and stay unique with everything else that {@code TestData} builds).
 * The approvals feature keeps its test data here rather than in {@code TestData}, so that a feature adds
 * its own file to the TCK instead of editing a shared one.
 */
public final class ApprovalTestData {

    private final TestData data;

    /** Approval test data drawing ids, users and instants from {@code data}. */
    public ApprovalTestData(TestData data) {
        this.data = requireNonNull(data, "data must not be null");
    }

    /** A new approval request id. */
    public ApprovalId approvalId() {
        return ApprovalId.of(data.unique("ap"));
    }

    /**
     * A valid open approval request of a deliverable (no file needed), asked of one new user under the
     * ANY policy, without message or due date.
     */
    public ApprovalRequest approval(TenantId tenantId, WorkspaceId workspaceId) {
        return anApproval(tenantId, workspaceId).build();
    }

    /** A builder of a valid open approval request; see {@link #approval}. */
    public ApprovalRequestBuilder anApproval(TenantId tenantId, WorkspaceId workspaceId) {
        ApprovalId id = approvalId();
        return new ApprovalRequestBuilder(id, tenantId, workspaceId, "Approval " + id.value(),
                new ApprovalSubject.DeliverableSubject("Deliverable " + data.unique("d"), Optional.empty()),
                data.userId(), data.userId(), data.instant());
    }

    /** A valid open approval request of the exact version {@code version}. */
    public ApprovalRequest approvalOf(FileVersion version) {
        return anApproval(version.tenantId(), version.workspaceId()).about(version).build();
    }

    /**
     * Decision number {@code sequence} of the request: its first approver approves (with the version and
     * SHA-256 of a file subject).
     */
    public Decision decision(ApprovalRequest request, int sequence) {
        return aDecision(request).sequence(sequence).build();
    }

    /** A builder of decision 1 of the request by its first approver, approving. */
    public DecisionBuilder aDecision(ApprovalRequest request) {
        requireNonNull(request, "request must not be null");
        return new DecisionBuilder(request, request.approvers().iterator().next(), data.instant());
    }

    // ---------------------------------------------------------------- builders

    /**
     * Builds an {@link ApprovalRequest}. Defaults: a deliverable, one approver, the ANY policy, no message,
     * no due date, open.
     */
    public static final class ApprovalRequestBuilder {
        private ApprovalId id;
        private final TenantId tenantId;
        private final WorkspaceId workspaceId;
        private String title;
        private Optional<String> message = Optional.empty();
        private ApprovalSubject subject;
        private Set<UserId> approvers;
        private ApprovalPolicy policy = ApprovalPolicy.any();
        private Optional<Instant> dueAt = Optional.empty();
        private ApprovalStatus status = ApprovalStatus.OPEN;
        private UserId requestedBy;
        private Instant requestedAt;
        private Optional<Instant> resolvedAt = Optional.empty();
        private long version;

        private ApprovalRequestBuilder(ApprovalId id, TenantId tenantId, WorkspaceId workspaceId, String title,
                                       ApprovalSubject subject, UserId approver, UserId requestedBy,
                                       Instant requestedAt) {
            this.id = id;
            this.tenantId = requireNonNull(tenantId, "tenantId must not be null");
            this.workspaceId = requireNonNull(workspaceId, "workspaceId must not be null");
            this.title = title;
            this.subject = subject;
            this.approvers = Set.of(approver);
            this.requestedBy = requestedBy;
            this.requestedAt = requestedAt;
        }

        /** Another id. */
        public ApprovalRequestBuilder id(ApprovalId value) {
            this.id = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another title. */
        public ApprovalRequestBuilder title(String value) {
            this.title = requireNonNull(value, "value must not be null");
            return this;
        }

        /** A message to the approvers. */
        public ApprovalRequestBuilder message(String value) {
            this.message = Optional.of(value);
            return this;
        }

        /** Another subject. */
        public ApprovalRequestBuilder subject(ApprovalSubject value) {
            this.subject = requireNonNull(value, "value must not be null");
            return this;
        }

        /** About this exact file version (bound to its SHA-256). */
        public ApprovalRequestBuilder about(FileVersion version) {
            requireNonNull(version, "version must not be null");
            return subject(new ApprovalSubject.FileVersionSubject(version.fileId(), version.number(), version.sha256()));
        }

        /** Other approvers. */
        public ApprovalRequestBuilder approvers(Set<UserId> value) {
            this.approvers = Set.copyOf(requireNonNull(value, "value must not be null"));
            return this;
        }

        /** Another policy. */
        public ApprovalRequestBuilder policy(ApprovalPolicy value) {
            this.policy = requireNonNull(value, "value must not be null");
            return this;
        }

        /** A due date. */
        public ApprovalRequestBuilder dueAt(Instant value) {
            this.dueAt = Optional.of(value);
            return this;
        }

        /** Another status; a final one also needs {@link #resolvedAt}. */
        public ApprovalRequestBuilder status(ApprovalStatus value) {
            this.status = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Resolved at {@code at} with {@code outcome}. */
        public ApprovalRequestBuilder resolved(ApprovalStatus outcome, Instant at) {
            this.status = requireNonNull(outcome, "outcome must not be null");
            this.resolvedAt = Optional.of(at);
            return this;
        }

        /** Another requester. */
        public ApprovalRequestBuilder requestedBy(UserId value) {
            this.requestedBy = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another request time. */
        public ApprovalRequestBuilder requestedAt(Instant value) {
            this.requestedAt = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another version (stores ignore it on insert). */
        public ApprovalRequestBuilder version(long value) {
            this.version = value;
            return this;
        }

        /** The request. */
        public ApprovalRequest build() {
            return new ApprovalRequest(id, tenantId, workspaceId, title, message, subject, approvers, policy, dueAt,
                    status, requestedBy, requestedAt, resolvedAt, version);
        }
    }

    /**
     * Builds a {@link Decision} on a request. Defaults: sequence 1, the request's first approver (a client),
     * approving without comment, with the version and SHA-256 of a file subject.
     */
    public static final class DecisionBuilder {
        private final ApprovalRequest request;
        private int sequence = 1;
        private UserId approver;
        private ActorKind approverKind = ActorKind.CLIENT;
        private DecisionKind kind = DecisionKind.APPROVE;
        private Optional<String> comment = Optional.empty();
        private Instant decidedAt;

        private DecisionBuilder(ApprovalRequest request, UserId approver, Instant decidedAt) {
            this.request = request;
            this.approver = approver;
            this.decidedAt = decidedAt;
        }

        /** Another position in the record. */
        public DecisionBuilder sequence(int value) {
            this.sequence = value;
            return this;
        }

        /** Another approver. */
        public DecisionBuilder approver(UserId user, ActorKind kind) {
            this.approver = requireNonNull(user, "user must not be null");
            this.approverKind = requireNonNull(kind, "kind must not be null");
            return this;
        }

        /** Approves. */
        public DecisionBuilder approve() {
            this.kind = DecisionKind.APPROVE;
            this.comment = Optional.empty();
            return this;
        }

        /** Decides {@code value} with a comment. */
        public DecisionBuilder kind(DecisionKind value, String commentText) {
            this.kind = requireNonNull(value, "value must not be null");
            this.comment = Optional.of(requireNonNull(commentText, "commentText must not be null"));
            return this;
        }

        /** Another time. */
        public DecisionBuilder decidedAt(Instant value) {
            this.decidedAt = requireNonNull(value, "value must not be null");
            return this;
        }

        /** The decision. */
        public Decision build() {
            Optional<Integer> versionNumber = Optional.empty();
            Optional<String> sha256 = Optional.empty();
            if (request.subject() instanceof ApprovalSubject.FileVersionSubject s) {
                versionNumber = Optional.of(s.versionNumber());
                sha256 = Optional.of(s.sha256());
            }
            return new Decision(request.tenantId(), request.workspaceId(), request.id(), sequence, approver, approverKind,
                    kind, comment, decidedAt, versionNumber, sha256);
        }
    }
}
