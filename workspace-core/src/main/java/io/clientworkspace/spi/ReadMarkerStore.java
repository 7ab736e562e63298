package io.clientworkspace.spi;

import io.clientworkspace.ConversationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.message.ReadMarker;

import java.util.Optional;

/** Stores each user's read marker per conversation, scoped by tenant and workspace in every call. */
public interface ReadMarkerStore {

    /**
     * Inserts the marker of {@code (tenant, workspace, user, conversation)}, or moves the stored one forward to it:
     * atomically, only if the stored {@code lastRead} is smaller (code-unit order, as ids compare), so of concurrent
     * saves the greatest {@code lastRead} always ends up stored, whatever their order.
     *
     * @return the marker stored after the call ({@code marker}, or the stored one if it was not behind)
     */
    ReadMarker save(ReadMarker marker);

    /** The user's marker in the conversation, if it was ever set. */
    Optional<ReadMarker> find(TenantId tenantId, WorkspaceId workspaceId, UserId userId, ConversationId conversationId);
}
