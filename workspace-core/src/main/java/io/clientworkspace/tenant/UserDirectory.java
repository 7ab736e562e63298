package io.clientworkspace.tenant;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;

/**
 * The host's answer to "is this a real user of this tenant?", asked before the kit lets someone add a
 * user by id: a client user added to a workspace directly ({@code MemberService.add} with a client
 * role) and a user added to a tenant's team roster ({@code TenantService.addTeamMember}).
 *
 * <p>Why: a membership keyed by a user id that no account holds yet is inherited by whoever later
 * registers that id. Client users normally join through invitations, which bind the membership to the
 * account that accepts; a direct addition is only safe for ids the host has already handed out.
 *
 * <p>Without a directory ({@code WorkspaceKit.Builder#userDirectory} not set) the kit refuses every
 * direct client addition with a {@link io.clientworkspace.ValidationException} on {@code userId}
 * that says to configure a directory or invite the user, and accepts team roster additions (only
 * tenant admins make them, and the roster lists the host's own staff).
 *
 * <p>Implementations must be thread-safe and fast (they are called inside the kit's write
 * transaction); they must not call back into the kit.
 */
@FunctionalInterface
public interface UserDirectory {

    /**
     * Whether {@code userId} names an existing user account of the host in {@code tenantId}. Answer
     * {@code false} for ids the host has not handed out (yet), never create accounts here.
     *
     * @param tenantId the tenant the user would join, never null
     * @param userId   the id to check, never null
     * @return true only when an account with exactly this id exists for this tenant
     */
    boolean exists(TenantId tenantId, UserId userId);
}
