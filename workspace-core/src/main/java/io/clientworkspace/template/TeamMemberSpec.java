package io.clientworkspace.template;

import io.clientworkspace.UserId;
import io.clientworkspace.member.WorkspaceRole;

import static java.util.Objects.requireNonNull;

/**
 * A team member every workspace made from the template gets.
 *
 * @param userId a user on the tenant's team roster (checked when a workspace is made)
 * @param role   a team role: {@link WorkspaceRole#LEAD} or {@link WorkspaceRole#MEMBER}
 */
public record TeamMemberSpec(UserId userId, WorkspaceRole role) {

    public TeamMemberSpec {
        requireNonNull(userId, "userId must not be null");
        requireNonNull(role, "role must not be null");
    }
}
