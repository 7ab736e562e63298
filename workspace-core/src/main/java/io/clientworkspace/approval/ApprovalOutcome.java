package io.clientworkspace.approval;

import io.clientworkspace.UserId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes a request's status from the approvers' latest decisions and the policy. */
final class ApprovalOutcome {

    private ApprovalOutcome() {
    }

    static ApprovalStatus of(ApprovalPolicy policy, Set<UserId> approvers, List<Decision> decisions) {
        Map<UserId, DecisionKind> latest = new HashMap<>();
        for (Decision d : decisions) {
            if (approvers.contains(d.approver())) {
                latest.put(d.approver(), d.kind());
            }
        }
        long approvals = latest.values().stream().filter(k -> k == DecisionKind.APPROVE).count();
        boolean changesAsked = latest.containsValue(DecisionKind.REQUEST_CHANGES);
        boolean everyoneDecided = latest.size() == approvers.size();
        ApprovalStatus negative = changesAsked ? ApprovalStatus.CHANGES_REQUESTED : ApprovalStatus.REJECTED;
        return switch (policy.kind()) {
            case ANY -> approvals > 0 ? ApprovalStatus.APPROVED
                    : everyoneDecided ? negative : ApprovalStatus.OPEN;
            case ALL -> latest.containsValue(DecisionKind.REJECT) ? ApprovalStatus.REJECTED
                    : changesAsked ? ApprovalStatus.CHANGES_REQUESTED
                    : approvals == approvers.size() ? ApprovalStatus.APPROVED : ApprovalStatus.OPEN;
            case QUORUM -> {
                long stillPossible = approvals + (approvers.size() - latest.size());
                yield approvals >= policy.quorum() ? ApprovalStatus.APPROVED
                        : stillPossible < policy.quorum() ? negative : ApprovalStatus.OPEN;
            }
        };
    }
}
