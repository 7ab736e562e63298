package io.clientworkspace;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * One page of results in a stable order.
 *
 * @param items      the items of this page, unmodifiable
 * @param nextCursor present when more items may follow; pass it to {@link PageRequest#after}
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(requireNonNull(items, "items must not be null"));
        requireNonNull(nextCursor, "nextCursor must not be null");
    }

    /** Whether another page may follow. */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }

    /** This page with every item mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
