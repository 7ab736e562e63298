package io.clientworkspace;

import static java.util.Objects.requireNonNull;

/**
 * One invalid input: which field, and why, in words a developer can act on.
 *
 * @param field   the field's path, e.g. {@code "slug"} or {@code "branding.accentColor"}
 * @param message what is wrong with it, e.g. {@code "must match [a-z0-9-]{2,63}"}
 */
public record FieldError(String field, String message) {

    public FieldError {
        requireNonNull(field, "field must not be null");
        requireNonNull(message, "message must not be null");
    }

    public static FieldError of(String field, String message) {
        return new FieldError(field, message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
