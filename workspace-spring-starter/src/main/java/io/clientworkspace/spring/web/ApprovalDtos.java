package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.clientworkspace.UserId;
import io.clientworkspace.approval.ApprovalRecord;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalSubject;
import io.clientworkspace.approval.Decision;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of approval requests, decisions and the approval record.
 */
public final class ApprovalDtos {

    private ApprovalDtos() {
    }

    /**
     * What an approval is about: {@code FILE_VERSION} (with file id, version and the SHA-256 the request
     * is bound to) or {@code DELIVERABLE} (with description and optional link).
     */
    public record SubjectDto(String type, @Nullable String fileId, @Nullable Integer version, @Nullable String sha256,
                             @Nullable String description, @Nullable String link) {
        static SubjectDto of(ApprovalSubject subject) {
            if (subject instanceof ApprovalSubject.FileVersionSubject f) {
                return new SubjectDto("FILE_VERSION", f.fileId().value(), f.versionNumber(), f.sha256(), null, null);
            }
            ApprovalSubject.DeliverableSubject d = (ApprovalSubject.DeliverableSubject) subject;
            return new SubjectDto("DELIVERABLE", null, null, null, d.description(), d.link().orElse(null));
        }
    }

    /** An approval request, with its status as of now (an open request past its due date reads EXPIRED). */
    public record ApprovalDto(String id, String workspaceId, String title, @Nullable String message, SubjectDto subject,
                              List<String> approvers, String policy, @Nullable Integer quorum, @Nullable Instant dueAt,
                              String status, String requestedBy, Instant requestedAt, @Nullable Instant resolvedAt,
                              long version) {
        static ApprovalDto of(ApprovalRequest r) {
            return new ApprovalDto(r.id().value(), r.workspaceId().value(), r.title(), r.message().orElse(null),
                    SubjectDto.of(r.subject()), r.approvers().stream().map(UserId::value).toList(),
                    r.policy().kind().name(), r.policy().kind() == io.clientworkspace.approval.ApprovalPolicy.Kind.QUORUM
                    ? r.policy().quorum() : null, r.dueAt().orElse(null), r.status().name(), r.requestedBy().value(),
                    r.requestedAt(), r.resolvedAt().orElse(null), r.version());
        }
    }

    /** One decision of the record, with the exact version and SHA-256 decided on for a file. */
    public record DecisionDto(int sequence, String approver, String approverKind, String decision,
                              @Nullable String comment, Instant decidedAt, @Nullable Integer fileVersion,
                              @Nullable String sha256) {
        static DecisionDto of(Decision d) {
            return new DecisionDto(d.sequence(), d.approver().value(), d.approverKind().name(), d.kind().name(),
                    d.comment().orElse(null), d.decidedAt(), d.versionNumber().orElse(null), d.sha256().orElse(null));
        }
    }

    /** The approval record: the request and every decision in order, changed decisions included. */
    public record ApprovalRecordDto(ApprovalDto request, List<DecisionDto> decisions) {
        static ApprovalRecordDto of(ApprovalRecord r) {
            return new ApprovalRecordDto(ApprovalDto.of(r.request()), r.decisions().stream().map(DecisionDto::of).toList());
        }
    }

    /** The file version an approval is asked for: {@code version} defaults to the latest. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record FileSubjectRequest(@Nullable String id, @Nullable Integer version) implements RejectsUnknownFields {
    }

    /** A deliverable to approve that is not held as a file. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record DeliverableSubjectRequest(@Nullable String description, @Nullable String link)
            implements RejectsUnknownFields {
    }

    /**
     * Body of {@code POST /workspaces/{id}/approvals}: exactly one of {@code file} and {@code deliverable};
     * {@code policy} ANY (default), ALL or QUORUM with {@code quorum}.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record RequestApprovalRequest(@Nullable String title, @Nullable String message,
                                         @Nullable List<String> approvers, @Nullable String policy,
                                         @Nullable Integer quorum, @Nullable Instant dueAt,
                                         @Nullable FileSubjectRequest file,
                                         @Nullable DeliverableSubjectRequest deliverable)
            implements RejectsUnknownFields {
    }

    /** Body of {@code POST /workspaces/{id}/approvals/{approvalId}/decisions}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record DecideRequest(@Nullable String decision, @Nullable String comment) implements RejectsUnknownFields {
    }
}
