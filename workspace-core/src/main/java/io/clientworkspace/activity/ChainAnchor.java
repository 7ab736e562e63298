package io.clientworkspace.activity;

import static java.util.Objects.requireNonNull;

/**
 * The head of a workspace's chain at some moment: its latest sequence and hash. A hash chain alone
 * cannot reveal that its newest entries were cut off; keeping anchors outside the database (in a
 * ticket, an e-mail, another system) and passing one to verification can.
 *
 * @param sequence the latest sequence when the anchor was taken (0 for an empty log)
 * @param hash     that entry's hash ({@link ActivityChain#GENESIS_HASH} for an empty log)
 */
public record ChainAnchor(long sequence, String hash) {

    public ChainAnchor {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        requireNonNull(hash, "hash must not be null");
    }
}
