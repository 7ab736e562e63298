package io.clientworkspace.message;

import io.clientworkspace.ConversationId;
import io.clientworkspace.MessageId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * How far one user has read one conversation: every message up to and including {@code lastRead}.
 *
 * @param at when the marker was last moved
 */
public record ReadMarker(TenantId tenantId, WorkspaceId workspaceId, UserId userId, ConversationId conversationId,
                         MessageId lastRead, Instant at) {

    public ReadMarker {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(userId, "userId must not be null");
        requireNonNull(conversationId, "conversationId must not be null");
        requireNonNull(lastRead, "lastRead must not be null");
        requireNonNull(at, "at must not be null");
    }
}
