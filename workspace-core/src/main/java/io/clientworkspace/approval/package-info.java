/**
 * Approvals that hold up later: {@link io.clientworkspace.approval.ApprovalService} asks members to
 * approve an exact file version (bound to its SHA-256) or a deliverable, records every decision in
 * order, and computes the outcome atomically from the decisions and the
 * {@link io.clientworkspace.approval.ApprovalPolicy}.
 */
@NullMarked
package io.clientworkspace.approval;

import org.jspecify.annotations.NullMarked;
