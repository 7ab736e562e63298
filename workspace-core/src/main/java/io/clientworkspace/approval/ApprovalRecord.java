package io.clientworkspace.approval;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The defensible record of one request: what was asked, of whom, and every decision in order, each with
 * approver, time, comment and (for files) the SHA-256 of the exact bytes decided on.
 *
 * @param request   the request as it stands
 * @param decisions every decision, oldest first (changed decisions included)
 */
public record ApprovalRecord(ApprovalRequest request, List<Decision> decisions) {

    public ApprovalRecord {
        requireNonNull(request, "request must not be null");
        decisions = List.copyOf(requireNonNull(decisions, "decisions must not be null"));
    }
}
