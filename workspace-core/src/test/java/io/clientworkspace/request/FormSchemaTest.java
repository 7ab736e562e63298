package io.clientworkspace.request;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.clientworkspace.request.Forms.multiple;
import static io.clientworkspace.request.Forms.number;
import static io.clientworkspace.request.Forms.patterned;
import static io.clientworkspace.request.Forms.shortText;
import static io.clientworkspace.request.Forms.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormSchemaTest {

    @Test
    void aFormOfEveryFieldTypeIsValid() {
        List<FormField> fields = List.of(
                new FormField.SectionHeading("about", "About you", ""),
                new FormField.HelpText("intro", "Before you start", "Line one\nline two"),
                shortText("name", true),
                patterned("code", "[A-Z]{3}-[0-9]{4}"),
                Forms.longText("story"),
                number("budget", "0", "100000", 2),
                Forms.date("start", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                single("size", "S", "M", "L"),
                multiple("channels", 1, 2, "web", "print", "tv"),
                new FormField.EmailField("email", "E-mail", "", true),
                new FormField.UrlField("site", "Web site", "", false),
                new FormField.PhoneField("phone", "Phone", "", false),
                new FormField.CheckboxField("consent", "I agree", "", true),
                new FormField.FileField("logo", "Logo", "", false));

        assertThat(FormSchema.check(fields)).isEmpty();
    }

    @Test
    void anEmptyFormIsRefused() {
        assertThat(FormSchema.check(List.of())).extracting(FieldError::field).containsExactly("fields");
    }

    @Test
    void moreThanAHundredFieldsAreRefused() {
        List<FormField> fields = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            fields.add(shortText("f" + i, false));
        }

        assertThat(FormSchema.check(fields)).extracting(FieldError::field).containsExactly("fields");
    }

    @Test
    void aNumberBoundWithMoreThanTenDecimalsIsRefusedWithoutExpandingIt() {
        FormField.NumberField tiny = new FormField.NumberField("amount", "Amount", "", false,
                Optional.of(new BigDecimal("1e-999999999")), Optional.of(new BigDecimal("5.00000000000000000000")), 2);

        assertThat(FormSchema.check(List.of(tiny)))
                .containsExactly(FieldError.of("fields[0].min", "must have at most 10 decimals"));
    }

    @Test
    void aFormOfMoreThanTwoHundredThousandCharactersOfTextIsRefused() {
        List<FormField> fields = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            List<String> options = new ArrayList<>();
            for (int o = 0; o < 100; o++) {
                options.add(o + "-" + "x".repeat(190));
            }
            fields.add(new FormField.SingleChoice("f" + i, "Label", "", false, options));
        }

        assertThat(FormSchema.check(fields)).extracting(FieldError::field).containsExactly("fields");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() {
        List<FormField> fields = List.of(
                shortText("Bad-Id", false),
                new FormField.ShortText("name", "", "", false, 5000, Optional.empty()),
                single("size"));

        assertThatThrownBy(() -> FormSchema.requireValid(fields))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).extracting(FieldError::field)
                        .containsExactly("fields[0].id", "fields[1].label", "fields[1].maxLength", "fields[2].options"));
    }

    @Test
    void duplicateFieldIdsAreRefused() {
        assertThat(FormSchema.check(List.of(shortText("name", false), shortText("name", true))))
                .containsExactly(FieldError.of("fields[1].id", "is used by another field of this form"));
    }

    @Test
    void aFieldIdLongerThanFortyCharactersIsRefused() {
        assertThat(FormSchema.check(List.of(shortText("a".repeat(41), false))))
                .extracting(FieldError::field).containsExactly("fields[0].id");
    }

    @Test
    void controlCharactersInALabelAreRefused() {
        FormField field = new FormField.CheckboxField("ok", "I\u0000agree", "", false);

        assertThat(FormSchema.check(List.of(field)))
                .containsExactly(FieldError.of("fields[0].label", "must not contain control characters"));
    }

    @Test
    void aHelpTextLongerThanAThousandCharactersIsRefused() {
        FormField field = new FormField.CheckboxField("ok", "I agree", "x".repeat(1001), false);

        assertThat(FormSchema.check(List.of(field))).extracting(FieldError::field).containsExactly("fields[0].help");
    }

    @Test
    void duplicateOptionsAreRefused() {
        assertThat(FormSchema.check(List.of(single("size", "S", "M", "S"))))
                .containsExactly(FieldError.of("fields[0].options[2]", "is listed twice"));
    }

    @Test
    void moreThanAHundredOptionsAreRefused() {
        String[] options = new String[101];
        for (int i = 0; i < options.length; i++) {
            options[i] = "o" + i;
        }

        assertThat(FormSchema.check(List.of(single("size", options))))
                .extracting(FieldError::field).containsExactly("fields[0].options");
    }

    @Test
    void maxSelectedBeyondTheOptionsIsRefused() {
        assertThat(FormSchema.check(List.of(multiple("channels", 0, 4, "web", "print", "tv"))))
                .extracting(FieldError::field).containsExactly("fields[0].maxSelected");
    }

    @Test
    void minSelectedAboveMaxSelectedIsRefused() {
        assertThat(FormSchema.check(List.of(multiple("channels", 3, 2, "web", "print", "tv"))))
                .extracting(FieldError::field).containsExactly("fields[0].maxSelected");
    }

    @Test
    void aNumberFieldWhoseMinExceedsItsMaxIsRefused() {
        assertThat(FormSchema.check(List.of(number("n", "10", "1", 0))))
                .extracting(FieldError::field).containsExactly("fields[0].max");
    }

    @Test
    void moreThanTenDecimalsAreRefused() {
        assertThat(FormSchema.check(List.of(number("n", "0", "1", 11))))
                .extracting(FieldError::field).containsExactly("fields[0].decimals");
    }

    @Test
    void aNumberBoundWithTooManyDigitsIsRefused() {
        FormField field = new FormField.NumberField("n", "N", "", false, Optional.of(new BigDecimal("1E+40")),
                Optional.empty(), 0);

        assertThat(FormSchema.check(List.of(field))).extracting(FieldError::field).containsExactly("fields[0].min");
    }

    @Test
    void aDateFieldWhoseMinIsAfterItsMaxIsRefused() {
        FormField field = Forms.date("d", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1));

        assertThat(FormSchema.check(List.of(field))).extracting(FieldError::field).containsExactly("fields[0].max");
    }

    @Test
    void aPatternThatDoesNotCompileIsRefused() {
        assertThat(FormSchema.check(List.of(patterned("code", "[a-z"))))
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("fields[0].pattern");
                    assertThat(e.message()).startsWith("is not a valid regular expression");
                });
    }

    @Test
    void aPatternLongerThanTwoHundredCharactersIsRefused() {
        assertThat(FormSchema.check(List.of(patterned("code", "a".repeat(201)))))
                .extracting(FieldError::field).containsExactly("fields[0].pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+", "(a*)*", "(a|a)*", "(a|aa)+b", "^(\\d+\\.)+$", "(x+x+)+y", "((ab)*)+",
            "(?:a+){2,}", "(a{1,3})*", "([a-z]+)*@", "(.*a){1,20}", "(a)\\1", "(?<n>a)\\k<n>",
            "(.*a){12}", "(a?){25}a{25}", "(?:a|b){3}", "(?i:a+)+"})
    void aPatternThatMayBacktrackBadlyIsRefusedAtDefinition(String pattern) {
        assertThat(FormSchema.check(List.of(patterned("code", pattern))))
                .extracting(FieldError::field).containsExactly("fields[0].pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[A-Z]{3}-[0-9]{4}", "\\d+", "(ab)+", "(abc)?d+", "[(a+)+]*", "\\Q(a+)+\\E",
            "(?:[a-z]{2}){3}", "(a+)?", "[^)]+\\)+", "(?i)[a-z]+", "(?<year>[0-9]{4})-(?<m>[0-9]{2})", "^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$"})
    void aPatternWithoutNestedRepetitionIsAccepted(String pattern) {
        assertThat(FormSchema.check(List.of(patterned("code", pattern)))).isEmpty();
    }
}
