package io.clientworkspace.activity;

import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * The result of checking a workspace's activity chain.
 *
 * @param entriesChecked      how many entries were read
 * @param firstBrokenSequence the sequence number at which the chain first fails, if it does
 * @param problem             what is wrong there, in words (empty when intact)
 * @param head                the chain's head as read; keep it as an {@link ChainAnchor} to detect later truncation
 */
public record ChainVerification(long entriesChecked, OptionalLong firstBrokenSequence, Optional<String> problem,
                                ChainAnchor head) {

    public ChainVerification {
        requireNonNull(firstBrokenSequence, "firstBrokenSequence must not be null");
        requireNonNull(problem, "problem must not be null");
        requireNonNull(head, "head must not be null");
    }

    /** An intact chain ending at {@code head}. */
    public static ChainVerification intact(long entriesChecked, ChainAnchor head) {
        return new ChainVerification(entriesChecked, OptionalLong.empty(), Optional.empty(), head);
    }

    /** A chain broken at the given position. */
    public static ChainVerification brokenAt(long entriesChecked, long sequence, String problem, ChainAnchor head) {
        return new ChainVerification(entriesChecked, OptionalLong.of(sequence), Optional.of(problem), head);
    }

    /** Whether every entry is present, in order, and unchanged. */
    public boolean isIntact() {
        return firstBrokenSequence.isEmpty();
    }
}
