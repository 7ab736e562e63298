package io.clientworkspace.approval;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;

/**
 * How the approvers' latest decisions turn into an outcome.
 *
 * <ul>
 *   <li>{@code ANY}: approved as soon as one approver approves; once every approver has decided without
 *       approving, changes-requested if anyone asked for changes, else rejected.</li>
 *   <li>{@code ALL}: rejected as soon as one approver rejects; changes-requested as soon as one asks for
 *       changes; approved when every approver approves.</li>
 *   <li>{@code QUORUM(n)}: approved when n approvers approve; once n approvals can no longer be reached,
 *       changes-requested if anyone asked for changes, else rejected.</li>
 * </ul>
 *
 * @param kind   ANY, ALL or QUORUM
 * @param quorum for QUORUM, how many approvals are needed (1..number of approvers); 0 otherwise
 */
public record ApprovalPolicy(Kind kind, int quorum) {

    /** The kinds of policy. */
    public enum Kind { ANY, ALL, QUORUM }

    public ApprovalPolicy {
        if (kind == null) {
            throw new ValidationException(FieldError.of("policy", "must not be null"));
        }
        if (kind == Kind.QUORUM && quorum < 1) {
            throw new ValidationException(FieldError.of("policy.quorum", "must be at least 1"));
        }
        if (kind != Kind.QUORUM && quorum != 0) {
            throw new ValidationException(FieldError.of("policy.quorum", "is only for QUORUM policies"));
        }
    }

    /** One approval is enough. */
    public static ApprovalPolicy any() {
        return new ApprovalPolicy(Kind.ANY, 0);
    }

    /** Everyone must approve. */
    public static ApprovalPolicy all() {
        return new ApprovalPolicy(Kind.ALL, 0);
    }

    /** {@code n} approvals are needed. */
    public static ApprovalPolicy quorum(int n) {
        return new ApprovalPolicy(Kind.QUORUM, n);
    }

    @Override
    public String toString() {
        return kind == Kind.QUORUM ? "QUORUM(" + quorum + ")" : kind.name();
    }
}
