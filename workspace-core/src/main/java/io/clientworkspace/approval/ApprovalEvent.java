package io.clientworkspace.approval;

import io.clientworkspace.Actor;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityDescription;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** Events about approvals. Each carries the visibility of its subject. */
public interface ApprovalEvent extends DomainEvent {

    /** The workspace. */
    WorkspaceId workspace();

    /** The request. */
    ApprovalId requestId();

    @Override
    default Optional<WorkspaceId> workspaceId() {
        return Optional.of(workspace());
    }

    /** The entry's target: the request. */
    private static ActivityDescription approval(ApprovalId requestId, String action, Map<String, String> details) {
        return new ActivityDescription(action, "approval", requestId.value(), details);
    }

    /**
     * Approval was requested. Activity: {@code approval.requested} with the title and the policy, and for a
     * file version the file, the version number and its SHA-256.
     *
     * @param policy      how decisions turn into an outcome
     * @param fileVersion the file version to approve; empty for a deliverable
     */
    record ApprovalRequested(TenantId tenantId, WorkspaceId workspace, ApprovalId requestId, String title,
                             Set<UserId> approvers, ApprovalPolicy policy,
                             Optional<ApprovalSubject.FileVersionSubject> fileVersion, Visibility visibility,
                             Actor actor, Instant occurredAt) implements ApprovalEvent {
        public ApprovalRequested {
            requireNonNull(fileVersion, "fileVersion must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            Map<String, String> details = new TreeMap<>(Map.of("title", title, "policy", policy.toString()));
            fileVersion.ifPresent(v -> {
                details.put("file", v.fileId().value());
                details.put("version", Integer.toString(v.versionNumber()));
                details.put("sha256", v.sha256());
            });
            return List.of(approval(requestId, "approval.requested", details));
        }
    }

    /**
     * An approver decided. Activity: {@code approval.decided} with the decision and, for a file version, the
     * SHA-256 decided on.
     *
     * @param sha256 the SHA-256 of the file version decided on; empty for a deliverable
     */
    record DecisionRecorded(TenantId tenantId, WorkspaceId workspace, ApprovalId requestId, DecisionKind decision,
                            Optional<String> sha256, Visibility visibility, Actor actor, Instant occurredAt)
            implements ApprovalEvent {
        public DecisionRecorded {
            requireNonNull(sha256, "sha256 must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(approval(requestId, "approval.decided", sha256
                    .map(s -> Map.of("decision", decision.name(), "sha256", s))
                    .orElse(Map.of("decision", decision.name()))));
        }
    }

    /**
     * The request left OPEN: approved, rejected, changes requested, cancelled, expired or superseded.
     * Activity: {@code approval.<outcome>} ({@code approval.approved}, {@code approval.changes-requested}...)
     * with the title, the turnaround in seconds and, when given, the reason.
     *
     * @param title      the request's title
     * @param turnaround from the request to its resolution
     * @param reason     why it was resolved, when the system did it for a reason ({@code file withdrawn},
     *                   {@code file purged})
     */
    record ApprovalResolved(TenantId tenantId, WorkspaceId workspace, ApprovalId requestId, ApprovalStatus outcome,
                            String title, Duration turnaround, Optional<String> reason, Visibility visibility,
                            Actor actor, Instant occurredAt) implements ApprovalEvent {
        public ApprovalResolved {
            requireNonNull(reason, "reason must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            Map<String, String> details = new TreeMap<>(Map.of("title", title,
                    "turnaroundSeconds", Long.toString(turnaround.toSeconds())));
            reason.ifPresent(r -> details.put("reason", r));
            return List.of(approval(requestId, "approval." + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    details));
        }
    }
}
