package io.clientworkspace;

import org.jspecify.annotations.Nullable;

/** Shared checks for the typed ids. */
final class Ids {

    /** Longest accepted id, in characters. */
    static final int MAX_LENGTH = 128;

    private Ids() {
    }

    static void check(@Nullable String value, String field) {
        if (value == null) {
            throw new ValidationException(FieldError.of(field, "must not be null"));
        }
        if (value.isBlank()) {
            throw new ValidationException(FieldError.of(field, "must not be blank"));
        }
        if (value.length() > MAX_LENGTH) {
            throw new ValidationException(FieldError.of(field, "must be at most " + MAX_LENGTH + " characters"));
        }
        if (!value.strip().equals(value)) {
            throw new ValidationException(FieldError.of(field, "must not start or end with whitespace"));
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new ValidationException(FieldError.of(field, "must not contain control characters"));
            }
        }
    }
}
