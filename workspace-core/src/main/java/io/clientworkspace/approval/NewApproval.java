package io.clientworkspace.approval;

import io.clientworkspace.UserId;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What it takes to ask for an approval (the subject comes separately).
 *
 * @param title     1 to 200 characters
 * @param message   optional note to the approvers, up to 4,000 characters
 * @param approvers members allowed to decide approvals (clients or team), 1 to 50
 * @param policy    ANY, ALL or QUORUM(n)
 * @param dueAt     optional due date, in the future
 */
public record NewApproval(String title, Optional<String> message, Set<UserId> approvers, ApprovalPolicy policy,
                          Optional<Instant> dueAt) {

    public NewApproval {
        requireNonNull(title, "title must not be null");
        requireNonNull(message, "message must not be null");
        approvers = Set.copyOf(requireNonNull(approvers, "approvers must not be null"));
        requireNonNull(policy, "policy must not be null");
        requireNonNull(dueAt, "dueAt must not be null");
    }

    /** An approval by any one of the approvers, without message or due date. */
    public static NewApproval of(String title, Set<UserId> approvers) {
        return new NewApproval(title, Optional.empty(), approvers, ApprovalPolicy.any(), Optional.empty());
    }

    /** A copy with another policy. */
    public NewApproval withPolicy(ApprovalPolicy newPolicy) {
        return new NewApproval(title, message, approvers, newPolicy, dueAt);
    }

    /** A copy with a due date. */
    public NewApproval due(Instant at) {
        return new NewApproval(title, message, approvers, policy, Optional.of(at));
    }

    /** A copy with a message. */
    public NewApproval withMessage(String text) {
        return new NewApproval(title, Optional.of(text), approvers, policy, dueAt);
    }
}
