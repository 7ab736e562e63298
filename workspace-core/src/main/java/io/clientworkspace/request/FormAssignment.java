package io.clientworkspace.request;

import io.clientworkspace.AssignmentId;
import io.clientworkspace.RequestId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The team asking a workspace's clients to fill one form version ("brand questionnaire"). Clients see it until it is
 * submitted; they may save drafts as they type and submit once, which creates a {@link ClientRequest}.
 *
 * @param form        the form version pinned when it was assigned
 * @param title       1 to 200 characters
 * @param draft       the answers saved so far (checked as a draft: no required fields)
 * @param submittedBy who submitted it (SUBMITTED only)
 * @param request     the request the submission created (SUBMITTED only)
 * @param version     optimistic version, 0 when assigned; each draft and the submission add one
 */
public record FormAssignment(AssignmentId id, TenantId tenantId, WorkspaceId workspaceId, FormRef form, String title,
                             Optional<LocalDate> due, AssignmentStatus status, FormAnswers draft, UserId assignedBy,
                             Instant assignedAt, Optional<UserId> submittedBy, Optional<Instant> submittedAt,
                             Optional<RequestId> request, long version) {

    public FormAssignment {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(form, "form must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(due, "due must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(draft, "draft must not be null");
        requireNonNull(assignedBy, "assignedBy must not be null");
        requireNonNull(assignedAt, "assignedAt must not be null");
        requireNonNull(submittedBy, "submittedBy must not be null");
        requireNonNull(submittedAt, "submittedAt must not be null");
        requireNonNull(request, "request must not be null");
    }

    /** A copy with another draft. */
    public FormAssignment withDraft(FormAnswers answers) {
        return new FormAssignment(id, tenantId, workspaceId, form, title, due, status, answers, assignedBy, assignedAt,
                submittedBy, submittedAt, request, version);
    }

    /** A copy, submitted by {@code by} at {@code at} with these answers, which created {@code created}. */
    public FormAssignment submitted(FormAnswers answers, UserId by, Instant at, RequestId created) {
        return new FormAssignment(id, tenantId, workspaceId, form, title, due, AssignmentStatus.SUBMITTED, answers,
                assignedBy, assignedAt, Optional.of(by), Optional.of(at), Optional.of(created), version);
    }

    /** A copy, cancelled. */
    public FormAssignment cancelled() {
        return new FormAssignment(id, tenantId, workspaceId, form, title, due, AssignmentStatus.CANCELLED, draft,
                assignedBy, assignedAt, submittedBy, submittedAt, request, version);
    }

    /** A copy at another version (for stores). */
    public FormAssignment withVersion(long newVersion) {
        return new FormAssignment(id, tenantId, workspaceId, form, title, due, status, draft, assignedBy, assignedAt,
                submittedBy, submittedAt, request, newVersion);
    }
}
