package io.clientworkspace.spring.web;

import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.request.AnswerValue;
import io.clientworkspace.request.FormAnswers;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormField;
import io.clientworkspace.request.FormValidator;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Answers in JSON, typed by the kind of the field they answer: {@code {"<fieldId>": value}} with a string for
 * short-text, long-text, email, url and phone; a JSON number or a decimal string ({@code "1500.50"}, exact) for
 * number; an ISO date string for date; an array of option strings for multiple-choice and for single-choice (which
 * also takes a plain string); {@code true}/{@code false} for checkbox; the file's id (a string) for file. A
 * {@code null} value is no answer. In responses numbers are decimal strings and single choices one-element arrays.
 *
 * <p>Reading checks the JSON type against the field's kind and then runs the core's {@link FormValidator}, so
 * that every problem is reported at once as {@code answers.<fieldId>}. Keys that are not fields of the version
 * are left to the core, which refuses them without echoing anything that is not a field id.
 */
final class Answers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,60}(\\.[0-9]{1,60})?");

    private Answers() {
    }

    /**
     * A decimal as a string without exponent when it has at most 60 digits either side of the point (every value
     * the core accepts), else in scientific notation: never a string of unbounded length.
     */
    static String plain(BigDecimal value) {
        int scale = value.scale();
        int integerDigits = value.precision() - scale;
        return scale <= 60 && integerDigits <= 60 ? value.toPlainString() : value.toString();
    }

    /** A decimal from a JSON number or a decimal string; empty for anything else. */
    static Optional<BigDecimal> decimal(JsonInput value) {
        if (value instanceof JsonInput.Num n) {
            return Optional.of(n.value());
        }
        if (value instanceof JsonInput.Str s && s.value().length() <= 130 && DECIMAL.matcher(s.value().strip()).matches()) {
            return Optional.of(new BigDecimal(s.value().strip()));
        }
        return Optional.empty();
    }

    /**
     * The answers of a body for {@code form} (empty: the form is unknown to the caller, and the core will say so).
     *
     * @throws ValidationException naming every answer whose JSON type does not fit its field, together with what
     *                             the core's validator finds in the others
     */
    static FormAnswers read(@Nullable Map<String, JsonInput> input, Optional<FormDefinition> form, boolean draft) {
        if (input == null || input.isEmpty()) {
            return FormAnswers.empty();
        }
        if (input.size() > FormValidator.MAX_ANSWERS) {
            throw new ValidationException(FieldError.of("answers", "must hold at most " + FormValidator.MAX_ANSWERS
                    + " answers"));
        }
        Map<String, AnswerValue> values = new TreeMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonInput> e : input.entrySet()) {
            JsonInput value = e.getValue();
            if (value instanceof JsonInput.Null) {
                continue;
            }
            Optional<FormField> field = form.flatMap(f -> f.field(e.getKey())).filter(FormField::takesAnswer);
            if (field.isEmpty()) {
                values.put(e.getKey(), inferred(value));
                continue;
            }
            Optional<AnswerValue> converted = convert(field.get(), value);
            if (converted.isPresent()) {
                values.put(e.getKey(), converted.get());
            } else {
                errors.add(FieldError.of("answers." + e.getKey(), expected(field.get())));
            }
        }
        FormAnswers answers = new FormAnswers(values);
        if (!errors.isEmpty()) {
            Set<String> reported = new HashSet<>();
            errors.forEach(f -> reported.add(f.field()));
            form.ifPresent(f -> FormValidator.errors(f, answers, draft).stream()
                    .filter(x -> !reported.contains(x.field())).forEach(errors::add));
            errors.sort((a, b) -> a.field().compareTo(b.field()));
            throw new ValidationException(errors);
        }
        return answers;
    }

    /** Answers as JSON values (see the class comment). */
    static Map<String, Object> write(FormAnswers answers) {
        Map<String, Object> json = new LinkedHashMap<>();
        answers.values().forEach((id, v) -> json.put(id, value(v)));
        return json;
    }

    private static Object value(AnswerValue v) {
        if (v instanceof AnswerValue.Text t) {
            return t.value();
        } else if (v instanceof AnswerValue.Number n) {
            return plain(n.value());
        } else if (v instanceof AnswerValue.Date d) {
            return d.value().toString();
        } else if (v instanceof AnswerValue.Choices c) {
            return c.values();
        } else if (v instanceof AnswerValue.Bool b) {
            return b.value();
        }
        return ((AnswerValue.File) v).value().value();
    }

    private static Optional<AnswerValue> convert(FormField field, JsonInput value) {
        if (field instanceof FormField.ShortText || field instanceof FormField.LongText
                || field instanceof FormField.EmailField || field instanceof FormField.UrlField
                || field instanceof FormField.PhoneField) {
            return value instanceof JsonInput.Str s ? Optional.of(new AnswerValue.Text(s.value())) : Optional.empty();
        } else if (field instanceof FormField.NumberField) {
            return decimal(value).map(AnswerValue.Number::new);
        } else if (field instanceof FormField.DateField) {
            if (value instanceof JsonInput.Str s && s.value().length() <= 10) {
                try {
                    return Optional.of(new AnswerValue.Date(LocalDate.parse(s.value())));
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } else if (field instanceof FormField.SingleChoice && value instanceof JsonInput.Str s) {
            return Optional.of(new AnswerValue.Choices(List.of(s.value())));
        } else if (field instanceof FormField.SingleChoice || field instanceof FormField.MultipleChoice) {
            return strings(value).map(AnswerValue.Choices::new);
        } else if (field instanceof FormField.CheckboxField) {
            return value instanceof JsonInput.Bool b ? Optional.of(new AnswerValue.Bool(b.value())) : Optional.empty();
        } else if (field instanceof FormField.FileField && value instanceof JsonInput.Str s) {
            try {
                return Optional.of(new AnswerValue.File(FileId.of(s.value())));
            } catch (ValidationException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String expected(FormField field) {
        if (field instanceof FormField.NumberField) {
            return "must be a number: a JSON number or a decimal string such as \"12.50\"";
        } else if (field instanceof FormField.DateField) {
            return "must be an ISO date such as \"2026-12-31\"";
        } else if (field instanceof FormField.SingleChoice) {
            return "must be one of the options (a string, or an array of one string)";
        } else if (field instanceof FormField.MultipleChoice) {
            return "must be an array of options";
        } else if (field instanceof FormField.CheckboxField) {
            return "must be true or false";
        } else if (field instanceof FormField.FileField) {
            // the same words as the core's for a file that is missing, internal or in another workspace
            return "no such file in this workspace";
        }
        return "must be a string";
    }

    private static Optional<List<String>> strings(JsonInput value) {
        if (!(value instanceof JsonInput.Arr arr)) {
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>();
        for (JsonInput item : arr.values()) {
            if (!(item instanceof JsonInput.Str s)) {
                return Optional.empty();
            }
            strings.add(s.value());
        }
        return Optional.of(strings);
    }

    /** A value for a key that is no field of the version: the core refuses the key, whatever the value. */
    private static AnswerValue inferred(JsonInput value) {
        if (value instanceof JsonInput.Num n) {
            return new AnswerValue.Number(n.value());
        } else if (value instanceof JsonInput.Bool b) {
            return new AnswerValue.Bool(b.value());
        } else if (value instanceof JsonInput.Str s) {
            return new AnswerValue.Text(s.value());
        }
        return new AnswerValue.Text("");
    }
}
