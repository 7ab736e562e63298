package io.clientworkspace;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One page of a keyset-paginated list: at most {@code limit} items after the position given by
 * {@code cursor} (taken from the previous page's {@link Page#nextCursor()}). Cursors are opaque.
 *
 * @param cursor where the previous page ended; empty for the first page
 * @param limit  how many items, 1 to {@value #MAX_LIMIT}
 */
public record PageRequest(Optional<String> cursor, int limit) {

    /** The default page size. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page size: lists are always bounded. */
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        requireNonNull(cursor, "cursor must not be null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException(FieldError.of("limit", "must be between 1 and " + MAX_LIMIT + " but was " + limit));
        }
        cursor.ifPresent(c -> {
            if (c.isEmpty() || c.length() > 1024) {
                throw new ValidationException(FieldError.of("cursor", "is not a cursor returned by this API"));
            }
        });
    }

    /** The first page of the default size. */
    public static PageRequest first() {
        return new PageRequest(Optional.empty(), DEFAULT_LIMIT);
    }

    /** The first page of the given size. */
    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }

    /** The page after the given cursor. */
    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(Optional.of(requireNonNull(cursor, "cursor must not be null")), limit);
    }
}
