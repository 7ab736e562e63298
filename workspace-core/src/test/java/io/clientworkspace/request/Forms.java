package io.clientworkspace.request;

import io.clientworkspace.FormId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Test data: fields and forms. */
final class Forms {

    private Forms() {
    }

    static FormField.ShortText shortText(String id, boolean required) {
        return new FormField.ShortText(id, "Label " + id, "", required, 100, Optional.empty());
    }

    static FormField.ShortText patterned(String id, String pattern) {
        return new FormField.ShortText(id, "Label " + id, "", false, 1000, Optional.of(pattern));
    }

    static FormField.LongText longText(String id) {
        return new FormField.LongText(id, "Label " + id, "", false, 20_000);
    }

    static FormField.NumberField number(String id, String min, String max, int decimals) {
        return new FormField.NumberField(id, "Label " + id, "", false, Optional.of(new BigDecimal(min)),
                Optional.of(new BigDecimal(max)), decimals);
    }

    static FormField.DateField date(String id, LocalDate min, LocalDate max) {
        return new FormField.DateField(id, "Label " + id, "", false, Optional.of(min), Optional.of(max));
    }

    static FormField.SingleChoice single(String id, String... options) {
        return new FormField.SingleChoice(id, "Label " + id, "", false, List.of(options));
    }

    static FormField.MultipleChoice multiple(String id, int min, int max, String... options) {
        return new FormField.MultipleChoice(id, "Label " + id, "", false, List.of(options), min, max);
    }

    static FormDefinition form(int version, FormField... fields) {
        return new FormDefinition(FormId.of("form-1"), TenantId.of("t1"), Optional.empty(), "intake", "Intake",
                version, List.of(fields), FormStatus.ACTIVE, UserId.of("alice"), Instant.parse("2026-01-01T00:00:00Z"));
    }
}
