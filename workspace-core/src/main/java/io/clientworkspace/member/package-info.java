/**
 * Who may do what: workspace roles, permissions, the role-to-permission matrix, memberships,
 * invitations, and the {@link io.clientworkspace.member.Authorizer} that answers access questions.
 *
 * <p>Deny by default: an actor has no permission in a workspace unless it is a tenant admin of the
 * workspace's tenant or holds a membership whose role kind matches the actor's kind. Permissions
 * marked {@link io.clientworkspace.member.Permission#teamOnly()} can never be granted to a client
 * role, whatever matrix a tenant configures.
 */
@NullMarked
package io.clientworkspace.member;

import org.jspecify.annotations.NullMarked;
