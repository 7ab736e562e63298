/**
 * Workspaces, one per client account, and the people in them: creation, naming, branding, archive
 * and restore ({@link io.clientworkspace.workspace.WorkspaceService}), members and the lead
 * ({@link io.clientworkspace.workspace.MemberService}), invitations
 * ({@link io.clientworkspace.workspace.InvitationService}), the activity feed
 * ({@link io.clientworkspace.workspace.ActivityFeed}) and the access checks every workspace-scoped
 * feature uses ({@link io.clientworkspace.workspace.WorkspaceAccess}).
 *
 * <p>The membership and invitation <em>services</em> live here, next to the workspace they change,
 * while the membership and invitation <em>records</em> and the access model live in
 * {@code io.clientworkspace.member}; that keeps the feature packages free of cycles
 * ({@code member} never depends on {@code workspace}).
 */
@NullMarked
package io.clientworkspace.workspace;

import org.jspecify.annotations.NullMarked;
