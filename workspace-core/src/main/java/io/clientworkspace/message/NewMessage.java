package io.clientworkspace.message;

import io.clientworkspace.FileId;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What to post. The service checks the body (1 to 10,000 characters after trimming, no control characters
 * except newline and tab), the attachments (at most 20) and the mentions (at most 50).
 *
 * @param visibility {@link Visibility#TEAM} posts an internal note
 * @param mentions   in order (errors name {@code mentions[i]}); a user named twice is mentioned once
 */
public record NewMessage(String body, Visibility visibility, List<FileId> attachments, List<UserId> mentions) {

    public NewMessage {
        requireNonNull(body, "body must not be null");
        requireNonNull(visibility, "visibility must not be null");
        attachments = List.copyOf(requireNonNull(attachments, "attachments must not be null"));
        mentions = List.copyOf(requireNonNull(mentions, "mentions must not be null"));
    }

    /** A client-visible message with no attachments or mentions. */
    public static NewMessage of(String body) {
        return new NewMessage(body, Visibility.CLIENT, List.of(), List.of());
    }

    /** An internal note with no attachments or mentions. */
    public static NewMessage note(String body) {
        return new NewMessage(body, Visibility.TEAM, List.of(), List.of());
    }
}
