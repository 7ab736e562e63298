package io.clientworkspace.spi;

import io.clientworkspace.ConversationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.message.ReadMarker;

import java.util.Optional;

/** Stores each user's read marker per conversation, scoped by tenant and workspace in every call. */
public interface ReadMarkerStore {

    /** Inserts or replaces the marker of {@code (tenant, workspace, user, conversation)}. */
    ReadMarker save(ReadMarker marker);

    /** The user's marker in the conversation, if it was ever set. */
    Optional<ReadMarker> find(TenantId tenantId, WorkspaceId workspaceId, UserId userId, ConversationId conversationId);
}
