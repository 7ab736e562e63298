package io.clientworkspace.message;

import io.clientworkspace.MessageId;
import io.clientworkspace.UserId;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A previous body of an edited message; only team members who see internal items read revisions.
 *
 * @param revision 1 for the original body, then 2, 3...
 * @param body     the body as it was before the edit
 * @param editedAt when the edit replaced this body
 * @param editedBy who edited
 */
public record MessageRevision(MessageId messageId, int revision, String body, Instant editedAt, UserId editedBy) {

    public MessageRevision {
        requireNonNull(messageId, "messageId must not be null");
        requireNonNull(body, "body must not be null");
        requireNonNull(editedAt, "editedAt must not be null");
        requireNonNull(editedBy, "editedBy must not be null");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1");
        }
    }
}
