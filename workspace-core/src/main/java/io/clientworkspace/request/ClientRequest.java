package io.clientworkspace.request;

import io.clientworkspace.FileId;
import io.clientworkspace.RequestId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A request a client (or the team on its behalf) submitted to the team, free-form or through a form. Everything
 * here is visible to the workspace's clients; there are no team-only fields yet.
 *
 * @param title           1 to 200 characters
 * @param description     0 to 10,000 characters
 * @param assignee        the team member handling it
 * @param due             when the team means to be done
 * @param form            the form version the answers were given for; empty for a free-form request
 * @param answers         the answers, valid for {@code form} (empty without a form)
 * @param attachments     client-visible files of the workspace, at most 20
 * @param firstResponseAt when the team first responded: its first status change or its first client-visible message
 *                        in the request's own conversation, whichever came first
 * @param resolvedAt      when it became DONE or DECLINED (cleared by reopening)
 * @param declineReason   why it was declined (DECLINED only)
 * @param version         optimistic version, 0 when submitted
 */
public record ClientRequest(RequestId id, TenantId tenantId, WorkspaceId workspaceId, String title, String description,
                            Priority priority, RequestStatus status, Optional<UserId> assignee, Optional<LocalDate> due,
                            Optional<FormRef> form, FormAnswers answers, List<FileId> attachments, UserId submittedBy,
                            Instant submittedAt, Optional<Instant> firstResponseAt, Optional<Instant> resolvedAt,
                            Optional<String> declineReason, long version) {

    public ClientRequest {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(description, "description must not be null");
        requireNonNull(priority, "priority must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(assignee, "assignee must not be null");
        requireNonNull(due, "due must not be null");
        requireNonNull(form, "form must not be null");
        requireNonNull(answers, "answers must not be null");
        attachments = List.copyOf(requireNonNull(attachments, "attachments must not be null"));
        requireNonNull(submittedBy, "submittedBy must not be null");
        requireNonNull(submittedAt, "submittedAt must not be null");
        requireNonNull(firstResponseAt, "firstResponseAt must not be null");
        requireNonNull(resolvedAt, "resolvedAt must not be null");
        requireNonNull(declineReason, "declineReason must not be null");
    }

    /** A copy in another status, with its resolution time and decline reason. */
    public ClientRequest withStatus(RequestStatus newStatus, Optional<Instant> newResolvedAt, Optional<String> reason,
                                    Optional<Instant> newFirstResponseAt) {
        return new ClientRequest(id, tenantId, workspaceId, title, description, priority, newStatus, assignee, due, form,
                answers, attachments, submittedBy, submittedAt, newFirstResponseAt, newResolvedAt, reason, version);
    }

    /** A copy with another assignee. */
    public ClientRequest withAssignee(Optional<UserId> newAssignee) {
        return new ClientRequest(id, tenantId, workspaceId, title, description, priority, status, newAssignee, due, form,
                answers, attachments, submittedBy, submittedAt, firstResponseAt, resolvedAt, declineReason, version);
    }

    /** A copy with another due date. */
    public ClientRequest withDue(Optional<LocalDate> newDue) {
        return new ClientRequest(id, tenantId, workspaceId, title, description, priority, status, assignee, newDue, form,
                answers, attachments, submittedBy, submittedAt, firstResponseAt, resolvedAt, declineReason, version);
    }

    /** A copy at another version (for stores). */
    public ClientRequest withVersion(long newVersion) {
        return new ClientRequest(id, tenantId, workspaceId, title, description, priority, status, assignee, due, form,
                answers, attachments, submittedBy, submittedAt, firstResponseAt, resolvedAt, declineReason, newVersion);
    }
}
