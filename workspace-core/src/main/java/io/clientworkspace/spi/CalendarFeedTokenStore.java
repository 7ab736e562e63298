package io.clientworkspace.spi;

import io.clientworkspace.FeedTokenId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.calendar.CalendarFeedToken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores calendar feed tokens by the SHA-256 hash of their secret, never the secret. Every call names the tenant;
 * a token of one tenant is never found under another. Tokens are never deleted, only revoked. A JPA
 * implementation keeps the hash unique per tenant ({@code unique (tenant_id, token_hash)}) and indexes
 * {@code (tenant_id, workspace_id, member_id, issued_at)} for {@link #live}.
 */
public interface CalendarFeedTokenStore {

    /**
     * Stores a new token.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if its id in the workspace, or its hash
     *                                              within the tenant, is taken (nothing is stored then)
     */
    CalendarFeedToken insert(CalendarFeedToken token);

    /** The token of the tenant whose secret hashes to {@code tokenHash}, revoked ones included. */
    Optional<CalendarFeedToken> findByHash(TenantId tenantId, String tokenHash);

    /** The token with this id in this workspace, revoked or not. */
    Optional<CalendarFeedToken> find(TenantId tenantId, WorkspaceId workspaceId, FeedTokenId id);

    /**
     * The tokens of one member in one workspace that are not revoked, oldest first (by {@code issuedAt}, then by
     * id as a string).
     */
    List<CalendarFeedToken> live(TenantId tenantId, WorkspaceId workspaceId, UserId member);

    /**
     * Revokes the token at {@code at} unless it is revoked already (then it keeps its first revocation time).
     *
     * @return the token after the call; empty if there is no such token in the workspace
     */
    Optional<CalendarFeedToken> revoke(TenantId tenantId, WorkspaceId workspaceId, FeedTokenId id, Instant at);
}
