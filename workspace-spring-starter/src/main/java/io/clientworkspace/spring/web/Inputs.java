package io.clientworkspace.spring.web;

import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.spring.security.ActorResolution;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns raw request values into domain values with field-specific errors. */
final class Inputs {

    private Inputs() {
    }

    static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new ValidationException(FieldError.of(field, "is required"));
        }
        return value;
    }

    static <E extends Enum<E>> E enumValue(@Nullable String value, Class<E> type, String field) {
        String text = required(value, field);
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of(field, "must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        }
    }

    /** The version named by an If-Match header: {@code "3"} (quotes required, as for every strong ETag). */
    static long ifMatch(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String tag = header.strip();
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            throw staleTag(header);
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            throw staleTag(header);
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * For changes where If-Match is optional (the kit keeps every version, so nothing can be lost
     * without it): the version it names, or empty when the header is absent.
     */
    static java.util.OptionalLong optionalIfMatch(@Nullable String header) {
        return header == null || header.isBlank() ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(ifMatch(header));
    }

    /** Throws the stale-version conflict (412 with If-Match) unless {@code expected} is empty or {@code actual}. */
    static void requireVersion(java.util.OptionalLong expected, long actual, String resourceType, String id) {
        if (expected.isPresent() && expected.getAsLong() != actual) {
            throw ConflictException.staleVersion(resourceType, id, expected.getAsLong());
        }
    }

    private static ConflictException staleTag(String header) {
        return new ConflictException(ConflictException.Reason.STALE_VERSION,
                "If-Match " + header + " does not match the current version; GET it again for a fresh ETag");
    }

    /** No If-Match on a request that changes a versioned resource. */
    static final class PreconditionRequiredException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PreconditionRequiredException() {
            super("This request changes a versioned resource: send If-Match with the ETag you last read");
        }
    }

    /** An upload larger than the content policy allows; answered 413. */
    static final class PayloadTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final long maxSize;

        PayloadTooLargeException(long maxSize) {
            this(maxSize, "The upload");
        }

        PayloadTooLargeException(long maxSize, String what) {
            super(what + " is larger than the limit of " + maxSize + " bytes");
            this.maxSize = maxSize;
        }

        long maxSize() {
            return maxSize;
        }
    }

    /**
     * No actor could be resolved for the request. The kit's controllers answer it as a problem detail;
     * the status annotation makes the host's own controllers that take an {@code Actor} answer 401 too,
     * instead of 500.
     */
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    static final class UnauthenticatedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnauthenticatedException() {
            super("Sign in as a workspace user to use this API");
        }
    }

    /**
     * A signed-in user whom the {@code ActorResolver} maps to no actor. The kit's controllers answer a 403 problem
     * whose code is the reason ({@code no-tenant}, {@code ambiguous-tenant}, {@code no-actor}); the status annotation
     * makes the host's own controllers that take an {@code Actor} answer 403 too.
     */
    @ResponseStatus(HttpStatus.FORBIDDEN)
    static final class NoActorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient ActorResolution.Unmapped resolution;

        NoActorException(ActorResolution.Unmapped resolution) {
            super(resolution.detail());
            this.resolution = resolution;
        }

        ActorResolution.Unmapped resolution() {
            return resolution;
        }
    }
}
