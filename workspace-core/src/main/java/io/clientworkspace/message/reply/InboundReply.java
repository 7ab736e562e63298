package io.clientworkspace.message.reply;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A reply e-mail as the host's mail pipeline hands it over.
 *
 * @param token       the reply token (from the address it was sent to, see {@link ReplyAddresses#token})
 * @param fromAddress the sender's address, if known: informational only (a From header is easily forged;
 *                    the token is the credential), at most 320 characters
 * @param text        the plain-text body, quoted history and signature included (they are stripped); at most
 *                    {@link ReplyService#MAX_INBOUND_CHARS} characters
 * @param inboundId   the e-mail's Message-ID or another key the mail server keeps across retries, if any
 *                    (1 to 998 characters): a second reply with the same token and id posts nothing and answers
 *                    the first reply's message
 */
public record InboundReply(String token, Optional<String> fromAddress, String text, Optional<String> inboundId) {

    public InboundReply {
        requireNonNull(token, "token must not be null");
        requireNonNull(fromAddress, "fromAddress must not be null");
        requireNonNull(text, "text must not be null");
        requireNonNull(inboundId, "inboundId must not be null");
    }

    /** A reply without sender or inbound id. */
    public static InboundReply of(String token, String text) {
        return new InboundReply(token, Optional.empty(), text, Optional.empty());
    }
}
