package io.clientworkspace.dashboard;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How many items of one kind are waiting and since when the oldest waits: the answer of the source stores' aggregate
 * methods ({@code ApprovalStore.pendingSummary}, {@code RequestStore.openSummary}).
 *
 * @param count  how many, at least 0
 * @param oldest when the oldest of them was requested or submitted; empty exactly when {@code count} is 0
 */
public record OpenItems(int count, Optional<Instant> oldest) {

    /** Nothing waiting. */
    public static final OpenItems NONE = new OpenItems(0, Optional.empty());

    public OpenItems {
        requireNonNull(oldest, "oldest must not be null");
        if (count < 0 || (count == 0) != oldest.isEmpty()) {
            throw new IllegalArgumentException("need count >= 0 and an oldest instant exactly when count > 0, not "
                    + count + "/" + oldest);
        }
    }
}
