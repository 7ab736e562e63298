package io.clientworkspace.message.reply;

import static java.util.Objects.requireNonNull;

/**
 * A freshly issued reply token: the secret {@link #token()} (shown once, never stored) and what the kit keeps
 * of it. The token is 52 characters of {@code [a-z2-7]} (256 random bits), so it fits an e-mail local part such
 * as {@code reply+<token>@example.com} ({@link ReplyAddresses#address}).
 *
 * @param token  the secret to put in the {@code Reply-To} address
 * @param record what is stored (with the token's hash)
 */
public record IssuedReplyToken(String token, ReplyToken record) {

    public IssuedReplyToken {
        requireNonNull(token, "token must not be null");
        requireNonNull(record, "record must not be null");
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "IssuedReplyToken[id=" + record.id() + ", conversation=" + record.conversationId() + ", recipient="
                + record.recipient() + ", expiresAt=" + record.expiresAt() + "]";
    }
}
