package io.clientworkspace.spring.web;

import io.clientworkspace.FieldError;
import io.clientworkspace.spring.web.TenantDtos.ReplacePermissionMatrixRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bound on the field errors one {@code PUT /tenant/permissions} answer lists. */
class PermissionMatrixErrorCapTest {

    private static List<FieldError> errors(int count) {
        return IntStream.range(0, count).mapToObj(i -> FieldError.of("roles.R" + i, "bad")).toList();
    }

    @Test
    void errorsUpToTheCapAreListedAsTheyAre() {
        List<FieldError> errors = errors(ReplacePermissionMatrixRequest.MAX_ERRORS);

        assertThat(ReplacePermissionMatrixRequest.capped(errors)).isEqualTo(errors);
    }

    @Test
    void errorsBeyondTheCapAreCountedInOneLastError() {
        List<FieldError> capped = ReplacePermissionMatrixRequest.capped(errors(ReplacePermissionMatrixRequest.MAX_ERRORS + 7));

        assertThat(capped).hasSize(ReplacePermissionMatrixRequest.MAX_ERRORS + 1);
        assertThat(capped.get(ReplacePermissionMatrixRequest.MAX_ERRORS))
                .isEqualTo(FieldError.of("roles", "...and 7 more errors"));
    }
}
