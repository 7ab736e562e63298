package io.clientworkspace.calendar;

import io.clientworkspace.FeedTokenId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the kit keeps of an issued calendar feed token: whose feed of which workspace it opens, and the SHA-256
 * hash of the secret (never the secret itself, so a copy of the database gives no usable token). The token
 * carries no rights of its own: the feed is rendered with the member's permissions at the time of the request.
 * It does not expire; it is live until revoked (by its member, by the team, or by issuing more than
 * {@link CalendarService#MAX_LIVE_FEED_TOKENS} for one member and workspace).
 *
 * @param id          the public id (to list and revoke it; not a secret)
 * @param tenantId    the tenant
 * @param workspaceId the only workspace whose feed it opens
 * @param member      the only member whose view it renders
 * @param tokenHash   lower-case hex SHA-256 of the token string (64 characters)
 * @param issuedAt    when
 * @param revokedAt   when it was revoked, if it was
 */
public record CalendarFeedToken(FeedTokenId id, TenantId tenantId, WorkspaceId workspaceId, UserId member,
                                String tokenHash, Instant issuedAt, Optional<Instant> revokedAt) {

    public CalendarFeedToken {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(member, "member must not be null");
        requireNonNull(tokenHash, "tokenHash must not be null");
        requireNonNull(issuedAt, "issuedAt must not be null");
        requireNonNull(revokedAt, "revokedAt must not be null");
        if (!tokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("tokenHash must be 64 lower-case hex characters");
        }
    }

    /** Whether it was revoked. */
    public boolean revoked() {
        return revokedAt.isPresent();
    }

    /** This token revoked at {@code at}. */
    public CalendarFeedToken revokedAt(Instant at) {
        return new CalendarFeedToken(id, tenantId, workspaceId, member, tokenHash, issuedAt,
                Optional.of(requireNonNull(at, "at must not be null")));
    }
}
