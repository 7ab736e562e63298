package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.TenantRole;

import java.util.List;
import java.util.Optional;

/** Stores each tenant's team roster, keyed by (tenant, user). */
public interface TeamStore {

    /**
     * Adds a user to a tenant's roster at version 0.
     *
     * @throws io.clientworkspace.ConflictException ({@code ALREADY_EXISTS}) if the user is already on it
     */
    TeamMember insert(TeamMember member);

    /**
     * Replaces a roster entry whose stored version equals {@code member.version()}.
     *
     * @throws io.clientworkspace.ConflictException ({@code STALE_VERSION}) otherwise
     */
    TeamMember update(TeamMember member);

    /**
     * Removes a roster entry whose stored version equals {@code expectedVersion}.
     *
     * @throws io.clientworkspace.ConflictException ({@code STALE_VERSION}) if the version differs or the entry is gone
     */
    void delete(TenantId tenantId, UserId userId, long expectedVersion);

    /** The roster entry of this user in this tenant. */
    Optional<TeamMember> find(TenantId tenantId, UserId userId);

    /** Up to {@code limit} roster entries of the tenant with user ids greater than {@code after}, ordered by user id. */
    List<TeamMember> list(TenantId tenantId, Optional<UserId> after, int limit);

    /** How many roster entries of the tenant hold {@code role}. */
    long countByRole(TenantId tenantId, TenantRole role);
}
