package io.clientworkspace.internal;

import io.clientworkspace.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DateBoundsRuleTest {

    @Test
    void datesFrom1900To9999AreAccepted() {
        assertThat(DateBounds.accepts(LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(DateBounds.accepts(LocalDate.of(9999, 12, 31))).isTrue();
        assertThat(DateBounds.accepts(LocalDate.of(1899, 12, 31))).isFalse();
        assertThat(DateBounds.accepts(LocalDate.of(10_000, 1, 1))).isFalse();
        assertThat(DateBounds.accepts(LocalDate.MIN)).isFalse();
        assertThat(DateBounds.accepts(LocalDate.MAX)).isFalse();
    }

    @Test
    void instantsInTheSameYearsInUtcAreAccepted() {
        assertThat(DateBounds.accepts(Instant.parse("1900-01-01T00:00:00Z"))).isTrue();
        assertThat(DateBounds.accepts(Instant.parse("9999-12-31T23:59:59.999999999Z"))).isTrue();
        assertThat(DateBounds.accepts(Instant.parse("1899-12-31T23:59:59.999999999Z"))).isFalse();
        assertThat(DateBounds.accepts(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
        assertThat(DateBounds.accepts(Instant.MIN)).isFalse();
        assertThat(DateBounds.accepts(Instant.MAX)).isFalse();
    }

    @Test
    void aValueOutOfBoundsIsAFieldErrorNamingTheField() {
        List<FieldError> errors = new ArrayList<>();

        assertThat(DateBounds.check(errors, "dueDate", Optional.of(LocalDate.MAX))).isFalse();
        assertThat(DateBounds.check(errors, "start", Instant.MIN)).isFalse();
        assertThat(DateBounds.check(errors, "targetDate", Optional.empty())).isTrue();

        assertThat(errors).containsExactly(FieldError.of("dueDate", "must be between 1900-01-01 and 9999-12-31"),
                FieldError.of("start", "must be between 1900-01-01 and 9999-12-31"));
    }
}
