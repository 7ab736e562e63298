package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.clientworkspace.Page;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.function.Function;

/**
 * What the JSON shapes of the REST API share. Responses are built from domain values; requests are separate
 * records that carry only what a caller may set (no ids, tenants or versions) and reject unknown
 * fields ({@link RejectsUnknownFields}), so that nothing can be mass-assigned. Each feature keeps its own
 * shapes in its own file ({@link WorkspaceDtos}, {@link ActivityDtos}, {@link FileDtos}, {@link ApprovalDtos}).
 */
public final class ApiDtos {

    private ApiDtos() {
    }

    /**
     * Implemented by every request body: a field the body does not declare is an error. The
     * {@code @JsonIgnoreProperties(ignoreUnknown = false)} on the records alone is not enough, because
     * it only defers to {@code FAIL_ON_UNKNOWN_PROPERTIES}, which Jackson 3 and Spring Boot both leave
     * off, so that {@code {"tenantId": ...}} would be dropped silently instead of refused.
     */
    interface RejectsUnknownFields {

        @JsonAnySetter
        default void rejectUnknownField(String name, @Nullable Object value) {
            throw new UnknownFieldException(name);
        }
    }

    /** A request body named a field it does not declare; answered as 400 naming the field. */
    static final class UnknownFieldException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String field;

        UnknownFieldException(String field) {
            super("Unknown field '" + field + "'");
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** A page of items and the cursor of the next page (null on the last page). */
    public record PageDto<T>(List<T> items, @Nullable String nextCursor) {
        static <D, T> PageDto<T> of(Page<D> page, Function<D, T> mapper) {
            return new PageDto<>(page.items().stream().map(mapper).toList(), page.nextCursor().orElse(null));
        }
    }
}
