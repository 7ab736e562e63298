package io.clientworkspace.internal;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import io.clientworkspace.Page;

/** Opaque page cursors: the last key of a page, base64url-encoded with a kind prefix. */
public final class Cursors {

    private Cursors() {
    }

    /** Encodes {@code key} as a cursor of {@code kind}. */
    public static String encode(String kind, String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor of {@code kind}, or fails with a validation error on field {@code cursor}. */
    public static Optional<String> decode(String kind, Optional<String> cursor) {
        return cursor.map(c -> {
            String text;
            try {
                text = new String(Base64.getUrlDecoder().decode(c), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
            String prefix = kind + ":";
            if (!text.startsWith(prefix) || text.length() == prefix.length()) {
                throw invalid();
            }
            return text.substring(prefix.length());
        });
    }

    private static ValidationException invalid() {
        return new ValidationException(FieldError.of("cursor", "is not a cursor returned by this list"));
    }

    /**
     * Turns {@code limit + 1} fetched rows into a page of at most {@code limit}: the extra row only
     * tells that another page follows, and the cursor is the key of the page's last item.
     */
    public static <T> Page<T> page(List<T> rowsPlusOne, int limit, Function<T, String> cursorOf) {
        if (rowsPlusOne.size() > limit) {
            List<T> items = rowsPlusOne.subList(0, limit);
            return new Page<>(items, Optional.of(cursorOf.apply(items.get(limit - 1))));
        }
        return new Page<>(rowsPlusOne, Optional.empty());
    }
}
