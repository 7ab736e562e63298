package io.clientworkspace.request;

import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.clientworkspace.request.AnswerValue.bool;
import static io.clientworkspace.request.AnswerValue.choices;
import static io.clientworkspace.request.AnswerValue.text;
import static io.clientworkspace.request.Forms.form;
import static io.clientworkspace.request.Forms.multiple;
import static io.clientworkspace.request.Forms.number;
import static io.clientworkspace.request.Forms.patterned;
import static io.clientworkspace.request.Forms.shortText;
import static io.clientworkspace.request.Forms.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormValidatorTest {

    private static final FormDefinition FORM = form(2,
            new FormField.SectionHeading("about", "About", ""),
            shortText("name", true),
            number("budget", "0", "1000", 2),
            Forms.date("start", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
            single("size", "S", "M", "L"),
            multiple("channels", 2, 3, "web", "print", "tv", "radio"),
            new FormField.EmailField("email", "E-mail", "", false),
            new FormField.UrlField("site", "Site", "", false),
            new FormField.PhoneField("phone", "Phone", "", false),
            new FormField.CheckboxField("consent", "I agree", "", true),
            new FormField.FileField("logo", "Logo", "", false),
            patterned("code", "[A-Z]{3}-[0-9]{4}"));

    private static FormAnswers valid() {
        return FormAnswers.empty().with("name", text("Carol")).with("consent", bool(true));
    }

    private static List<FieldError> errors(FormAnswers answers) {
        return FormValidator.errors(FORM, answers, false);
    }

    @Test
    void validAnswersPass() {
        FormAnswers answers = valid().with("budget", AnswerValue.number("999.50"))
                .with("start", AnswerValue.date(LocalDate.of(2026, 3, 1)))
                .with("size", choices("M")).with("channels", choices("web", "tv"))
                .with("email", text("carol@acme.example")).with("site", text("https://acme.example/brand"))
                .with("phone", text("+44 (20) 7946-0958")).with("logo", AnswerValue.file(FileId.of("f1")))
                .with("code", text("ABC-1234"));

        assertThatCode(() -> FormValidator.validate(FORM, answers, false)).doesNotThrowAnyException();
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceSortedByPath() {
        FormAnswers answers = FormAnswers.empty().with("size", choices("XL")).with("email", text("not-an-email"));

        assertThatThrownBy(() -> FormValidator.validate(FORM, answers, false))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).containsExactly(
                        FieldError.of("answers.consent", "must be ticked"),
                        FieldError.of("answers.email", "must be an e-mail address"),
                        FieldError.of("answers.name", "is required"),
                        FieldError.of("answers.size", "must be one of the options")));
    }

    @Test
    void aForgedFieldIdIsRefusedNamingTheVersion() {
        assertThat(errors(valid().with("salary", text("1"))))
                .containsExactly(FieldError.of("answers.salary", "no such field in version 2"));
    }

    @Test
    void anAnswerForAFieldOfAnotherVersionIsRefused() {
        FormDefinition version1 = form(1, shortText("name", true), shortText("old_field", false));
        FormAnswers answersForVersion1 = FormAnswers.empty().with("name", text("Carol")).with("old_field", text("x"));
        assertThat(FormValidator.errors(version1, answersForVersion1, false)).isEmpty();

        assertThat(errors(answersForVersion1.with("consent", bool(true))))
                .containsExactly(FieldError.of("answers.old_field", "no such field in version 2"));
    }

    @Test
    void aKeyThatIsNotAFieldIdIsReportedWithoutEchoingIt() {
        String hostile = "<script>".repeat(10_000);

        assertThat(errors(valid().with(hostile, text("x"))))
                .containsExactly(FieldError.of("answers", "holds a key that is not a field id of version 2"));
    }

    @Test
    void anAnswerToAHeadingIsRefused() {
        assertThat(errors(valid().with("about", text("x"))))
                .containsExactly(FieldError.of("answers.about", "takes no answer"));
    }

    @Test
    void moreThanTwoHundredAnswersAreRefusedBeforeAnyIsLookedAt() {
        Map<String, AnswerValue> many = new HashMap<>();
        for (int i = 0; i < 201; i++) {
            many.put("f" + i, text("x"));
        }

        assertThat(errors(FormAnswers.of(many))).extracting(FieldError::field).containsExactly("answers");
    }

    @Test
    void answersOfMoreThanThreeHundredThousandCharactersInTotalAreRefusedAlsoAsADraft() {
        List<FormField> fields = new ArrayList<>();
        Map<String, AnswerValue> answers = new HashMap<>();
        for (int i = 0; i < 16; i++) {
            fields.add(Forms.longText("f" + i));
            answers.put("f" + i, text("x".repeat(20_000)));
        }
        FormDefinition form = Forms.form(1, fields.toArray(FormField[]::new));

        assertThat(FormValidator.errors(form, FormAnswers.of(answers), true))
                .containsExactly(FieldError.of("answers", "must hold at most 300000 characters of text in total"));
    }

    @Test
    void aChoiceOutsideTheOptionsIsRefused() {
        assertThat(errors(valid().with("channels", choices("web", "cinema"))))
                .containsExactly(FieldError.of("answers.channels", "must be one of the options"));
    }

    @Test
    void aSingleChoiceWithTwoOptionsIsRefused() {
        assertThat(errors(valid().with("size", choices("S", "M"))))
                .containsExactly(FieldError.of("answers.size", "must be a single option"));
    }

    @Test
    void anOptionChosenTwiceIsRefused() {
        assertThat(errors(valid().with("channels", choices("web", "web"))))
                .containsExactly(FieldError.of("answers.channels", "must not select an option twice"));
    }

    @Test
    void tooManyChoicesAreRefusedBeforeTheyAreCompared() {
        String[] huge = new String[100_000];
        java.util.Arrays.fill(huge, "web");

        assertThat(errors(valid().with("channels", choices(huge))))
                .containsExactly(FieldError.of("answers.channels", "must select at most 3 options"));
    }

    @Test
    void tooFewChoicesAreRefused() {
        assertThat(errors(valid().with("channels", choices("web"))))
                .containsExactly(FieldError.of("answers.channels", "must select at least 2 options"));
    }

    @Test
    void aHugeTextAnswerIsRefusedByLength() {
        assertThat(errors(valid().with("name", text("x".repeat(5_000_000)))))
                .containsExactly(FieldError.of("answers.name", "must be at most 100 characters"));
    }

    @Test
    void controlCharactersInShortTextAreRefused() {
        assertThat(errors(valid().with("name", text("Car\u0007ol"))))
                .containsExactly(FieldError.of("answers.name", "must not contain control characters"));
    }

    @Test
    void longTextKeepsLineBreaks() {
        FormDefinition f = form(1, Forms.longText("story"));

        assertThat(FormValidator.errors(f, FormAnswers.empty().with("story", text("one\ntwo\r\n\tthree")), false))
                .isEmpty();
    }

    @Test
    void anAnswerOfTheWrongKindIsRefused() {
        assertThat(errors(valid().with("budget", text("12")).with("start", text("2026-01-01"))))
                .containsExactly(FieldError.of("answers.budget", "must be a number"),
                        FieldError.of("answers.start", "must be a date"));
    }

    @Test
    void aNumberOutOfRangeIsRefused() {
        assertThat(errors(valid().with("budget", AnswerValue.number("1000.01"))))
                .containsExactly(FieldError.of("answers.budget", "must be at most 1000"));
    }

    @Test
    void aNumberWithTooManyDecimalsIsRefused() {
        assertThat(errors(valid().with("budget", AnswerValue.number("1.005"))))
                .containsExactly(FieldError.of("answers.budget", "must have at most 2 decimals"));
    }

    @Test
    void trailingZerosDoNotCountAsDecimals() {
        assertThat(errors(valid().with("budget", AnswerValue.number("1.5000")))).isEmpty();
    }

    @Test
    void aNumberWithAHugeExponentIsRefusedWithoutExpandingIt() {
        assertThat(errors(valid().with("budget", AnswerValue.number("1E+999999999"))))
                .containsExactly(FieldError.of("answers.budget", "has too many digits"));
    }

    @Test
    void aDateOutOfRangeIsRefused() {
        assertThat(errors(valid().with("start", AnswerValue.date(LocalDate.of(2025, 12, 31)))))
                .containsExactly(FieldError.of("answers.start", "must be on or after 2026-01-01"));
    }

    @Test
    void aUrlWithAnotherSchemeIsRefused() {
        assertThat(errors(valid().with("site", text("javascript:alert(1)"))))
                .containsExactly(FieldError.of("answers.site", "must be an http or https URL"));
        assertThat(errors(valid().with("site", text("ftp://acme.example/x"))))
                .containsExactly(FieldError.of("answers.site", "must be an http or https URL"));
    }

    @Test
    void aPhoneNumberWithLettersOrTooFewDigitsIsRefused() {
        assertThat(errors(valid().with("phone", text("call me"))))
                .extracting(FieldError::field).containsExactly("answers.phone");
        assertThat(errors(valid().with("phone", text("+1 234"))))
                .containsExactly(FieldError.of("answers.phone", "must hold 6 to 20 digits"));
    }

    @Test
    void anUntickedRequiredCheckboxIsRefused() {
        assertThat(errors(valid().with("consent", bool(false))))
                .containsExactly(FieldError.of("answers.consent", "must be ticked"));
    }

    @Test
    void aBlankRequiredTextCountsAsMissing() {
        assertThat(errors(valid().with("name", text("   "))))
                .containsExactly(FieldError.of("answers.name", "is required"));
    }

    @Test
    void aFileFieldTakesOnlyAFile() {
        assertThat(errors(valid().with("logo", text("f1"))))
                .containsExactly(FieldError.of("answers.logo", "must be a file of the workspace"));
    }

    @Test
    void aTextNotMatchingThePatternIsRefused() {
        assertThat(errors(valid().with("code", text("abc-1234"))))
                .containsExactly(FieldError.of("answers.code", "must match [A-Z]{3}-[0-9]{4}"));
    }

    @Test
    void aPatternMatchIsAbandonedAfterItsBudget() {
        // accepted at definition (no nested repetition) but polynomial: each .* tries every split
        FormDefinition f = form(1, patterned("code", ".*a.*a.*a.*a.*b"));
        FormAnswers answers = FormAnswers.empty().with("code", text("a".repeat(1000)));

        assertThat(FormValidator.errors(f, answers, false)).containsExactly(FieldError.of("answers.code",
                "could not be checked against the pattern (too complex); shorten it"));
    }

    @Test
    void aCatastrophicPatternSmuggledPastTheDefinitionCheckIsStillBounded() {
        // a FormDefinition built without FormSchema (e.g. by a faulty store) must not hang the validator
        FormDefinition f = form(1, patterned("code", "(.*a){12}"));
        FormAnswers answers = FormAnswers.empty().with("code", text("a".repeat(29) + "b"));

        assertThat(FormValidator.errors(f, answers, false)).extracting(FieldError::message)
                .containsExactly("could not be checked against the pattern (too complex); shorten it");
    }

    @Test
    void aDraftSkipsRequiredAnswers() {
        assertThat(FormValidator.errors(FORM, FormAnswers.empty(), true)).isEmpty();
    }

    @Test
    void aDraftSkipsFormatsAHalfTypedValueFails() {
        FormAnswers halfTyped = FormAnswers.empty().with("email", text("carol@")).with("code", text("AB"))
                .with("channels", choices("web")).with("budget", AnswerValue.number("5000"));

        assertThat(FormValidator.errors(FORM, halfTyped, true)).isEmpty();
    }

    @Test
    void aDraftStillRefusesForgedIdsOptionsAndOversizedText() {
        FormAnswers hostile = FormAnswers.empty().with("salary", text("1")).with("size", choices("XL"))
                .with("name", text("x".repeat(101)));

        assertThat(FormValidator.errors(FORM, hostile, true)).extracting(FieldError::field)
                .containsExactly("answers.name", "answers.salary", "answers.size");
    }

    @Test
    void aNonRequiredEmptyTextIsAccepted() {
        assertThat(errors(valid().with("email", text("")).with("code", text("")))).isEmpty();
    }

    @Test
    void patternsAreFullMatches() {
        FormDefinition f = form(1, new FormField.ShortText("code", "Code", "", false, 100, Optional.of("[0-9]+")));

        assertThat(FormValidator.errors(f, FormAnswers.empty().with("code", text("12a")), false))
                .extracting(FieldError::field).containsExactly("answers.code");
    }
}
