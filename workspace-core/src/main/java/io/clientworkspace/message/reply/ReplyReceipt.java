package io.clientworkspace.message.reply;

import io.clientworkspace.MessageId;
import io.clientworkspace.ReplyTokenId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The record that an inbound reply was posted, so that a mail server's retry posts nothing.
 *
 * @param tenantId    the tenant
 * @param workspaceId the workspace
 * @param tokenId     the token it came with
 * @param inboundKey  lower-case hex SHA-256 of the inbound id (64 characters); unique per token
 * @param messageId   the message it was posted as
 * @param receivedAt  when
 */
public record ReplyReceipt(TenantId tenantId, WorkspaceId workspaceId, ReplyTokenId tokenId, String inboundKey,
                           MessageId messageId, Instant receivedAt) {

    public ReplyReceipt {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(tokenId, "tokenId must not be null");
        requireNonNull(inboundKey, "inboundKey must not be null");
        requireNonNull(messageId, "messageId must not be null");
        requireNonNull(receivedAt, "receivedAt must not be null");
        if (!inboundKey.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("inboundKey must be 64 lower-case hex characters");
        }
    }
}
