package io.clientworkspace.request;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Judges answers against one version of a form and reports every invalid field at once, as
 * {@code answers.<fieldId>} field errors; it changes nothing.
 *
 * <p>Always checked, also for drafts: at most {@value #MAX_ANSWERS} answers holding at most
 * {@value #MAX_TOTAL_TEXT} characters of text together; every key is a field of this
 * version that takes an answer ("no such field in version N" otherwise; a key that is not even a field id is
 * reported on {@code answers}); the answer's kind fits the field; sizes are bounded (text lengths, number of
 * choices); choices are among the options and distinct; numbers have at most 30 integer digits and the field's
 * decimals. Checked on submission only (a draft may be half typed):
 * required answers and ticked required checkboxes, minimum selections, number and date ranges,
 * patterns and the e-mail, URL and phone formats.
 *
 * <p>Text is length-checked before any pattern runs, and a pattern runs on a view of the text that stops the
 * match after {@value FormChecks#MATCH_BUDGET} character reads ("could not be checked against the pattern").
 * Whether a {@link AnswerValue.File} names a file the actor may see in the workspace is the service's check.
 */
public final class FormValidator {

    /** Most answers one submission may carry (a form has at most 100 fields). */
    public static final int MAX_ANSWERS = 200;
    /**
     * Most characters of text all answers of one submission may hold together (text answers and chosen options),
     * so that a request or a draft stays a bounded row whatever the form allows per field.
     */
    public static final int MAX_TOTAL_TEXT = 300_000;
    /** Longest e-mail address. */
    public static final int MAX_EMAIL = 254;
    /** Longest URL. */
    public static final int MAX_URL = 2000;
    /** Longest phone number, in characters. */
    public static final int MAX_PHONE = 40;

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private FormValidator() {
    }

    /** Throws a {@link ValidationException} naming every invalid answer; returns normally when all are valid. */
    public static void validate(FormDefinition form, FormAnswers answers, boolean draft) {
        List<FieldError> errors = errors(form, answers, draft);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Every invalid answer, sorted by field path; empty when all are valid. */
    public static List<FieldError> errors(FormDefinition form, FormAnswers answers, boolean draft) {
        requireNonNull(form, "form must not be null");
        requireNonNull(answers, "answers must not be null");
        List<FieldError> errors = new ArrayList<>();
        if (answers.size() > MAX_ANSWERS) {
            errors.add(FieldError.of("answers", "must hold at most " + MAX_ANSWERS + " answers"));
            return errors;
        }
        boolean forgedKey = false;
        for (Map.Entry<String, AnswerValue> e : answers.values().entrySet()) {
            String key = e.getKey();
            if (!FormSchema.FIELD_ID.matcher(key).matches()) {
                forgedKey = true;
                continue;
            }
            Optional<FormField> field = form.field(key);
            if (field.isEmpty()) {
                errors.add(FieldError.of("answers." + key, "no such field in version " + form.version()));
            } else if (!field.get().takesAnswer()) {
                errors.add(FieldError.of("answers." + key, "takes no answer"));
            } else {
                check(field.get(), e.getValue(), draft).ifPresent(why -> errors.add(FieldError.of("answers." + key, why)));
            }
        }
        if (forgedKey) {
            errors.add(FieldError.of("answers", "holds a key that is not a field id of version " + form.version()));
        }
        if (errors.isEmpty() && totalText(answers) > MAX_TOTAL_TEXT) {
            // every answer fits its field, only together they are too long
            errors.add(FieldError.of("answers", "must hold at most " + MAX_TOTAL_TEXT + " characters of text in total"));
            return errors;
        }
        if (!draft) {
            for (FormField field : form.fields()) {
                if (field.required() && field.takesAnswer() && isBlank(answers.get(field.id()))) {
                    errors.add(FieldError.of("answers." + field.id(),
                            field instanceof FormField.CheckboxField ? "must be ticked" : "is required"));
                }
            }
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return errors;
    }

    private static long totalText(FormAnswers answers) {
        long total = 0;
        for (AnswerValue v : answers.values().values()) {
            if (v instanceof AnswerValue.Text t) {
                total += t.value().length();
            } else if (v instanceof AnswerValue.Choices c) {
                for (String choice : c.values()) {
                    total += choice.length();
                }
            }
        }
        return total;
    }

    private static boolean isBlank(Optional<AnswerValue> answer) {
        if (answer.isEmpty()) {
            return true;
        }
        AnswerValue v = answer.get();
        return (v instanceof AnswerValue.Text t && t.value().isBlank())
                || (v instanceof AnswerValue.Choices c && c.values().isEmpty())
                || (v instanceof AnswerValue.Bool b && !b.value());
    }

    private static Optional<String> check(FormField field, AnswerValue value, boolean draft) {
        if (field instanceof FormField.ShortText f) {
            return text(value, f.maxLength(), false).or(() -> draft ? Optional.empty() : pattern(f, value));
        } else if (field instanceof FormField.LongText f) {
            return text(value, f.maxLength(), true);
        } else if (field instanceof FormField.EmailField) {
            return text(value, MAX_EMAIL, false).or(() -> draft ? Optional.empty() : email(value));
        } else if (field instanceof FormField.UrlField) {
            return text(value, MAX_URL, false).or(() -> draft ? Optional.empty() : url(value));
        } else if (field instanceof FormField.PhoneField) {
            return text(value, MAX_PHONE, false).or(() -> draft ? Optional.empty() : phone(value));
        } else if (field instanceof FormField.NumberField f) {
            if (!(value instanceof AnswerValue.Number n)) {
                return Optional.of("must be a number");
            }
            return number(f, n.value(), draft);
        } else if (field instanceof FormField.DateField f) {
            if (!(value instanceof AnswerValue.Date d)) {
                return Optional.of("must be a date");
            }
            return draft ? Optional.empty() : date(f, d.value());
        } else if (field instanceof FormField.SingleChoice f) {
            if (!(value instanceof AnswerValue.Choices c)) {
                return Optional.of("must be one of the options");
            }
            if (c.values().size() > 1) {
                return Optional.of("must be a single option");
            }
            return choices(f.options(), c.values());
        } else if (field instanceof FormField.MultipleChoice f) {
            if (!(value instanceof AnswerValue.Choices c)) {
                return Optional.of("must be a list of options");
            }
            if (c.values().size() > f.maxSelected()) {
                return Optional.of("must select at most " + f.maxSelected() + " options");
            }
            Optional<String> bad = choices(f.options(), c.values());
            if (bad.isPresent() || draft) {
                return bad;
            }
            if (!c.values().isEmpty() && c.values().size() < f.minSelected()) {
                return Optional.of("must select at least " + f.minSelected() + " options");
            }
            return Optional.empty();
        } else if (field instanceof FormField.CheckboxField) {
            return value instanceof AnswerValue.Bool ? Optional.empty() : Optional.of("must be ticked or not");
        } else if (field instanceof FormField.FileField) {
            return value instanceof AnswerValue.File ? Optional.empty() : Optional.of("must be a file of the workspace");
        }
        return Optional.of("takes no answer");
    }

    private static Optional<String> text(AnswerValue value, int maxLength, boolean lineBreaks) {
        if (!(value instanceof AnswerValue.Text t)) {
            return Optional.of("must be text");
        }
        if (t.value().length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        if (FormSchema.hasControl(t.value(), lineBreaks)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }

    private static Optional<String> pattern(FormField.ShortText field, AnswerValue value) {
        String text = ((AnswerValue.Text) value).value();
        if (field.pattern().isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Boolean> matched = FormChecks.boundedMatches(Pattern.compile(field.pattern().get()), text);
        if (matched.isEmpty()) {
            return Optional.of("could not be checked against the pattern (too complex); shorten it");
        }
        return matched.get() ? Optional.empty() : Optional.of("must match " + field.pattern().get());
    }

    private static Optional<String> email(AnswerValue value) {
        String text = ((AnswerValue.Text) value).value();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return EMAIL.matcher(text).matches() ? Optional.empty() : Optional.of("must be an e-mail address");
    }

    private static Optional<String> url(AnswerValue value) {
        String text = ((AnswerValue.Text) value).value();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // fall through: not a URL
        }
        return Optional.of("must be an http or https URL");
    }

    private static Optional<String> phone(AnswerValue value) {
        String text = ((AnswerValue.Text) value).value();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || (c == '+' && i == 0))) {
                return Optional.of("must be a phone number: +, digits, spaces, dashes and parentheses");
            }
        }
        return digits >= 6 && digits <= 20 ? Optional.empty() : Optional.of("must hold 6 to 20 digits");
    }

    private static Optional<String> number(FormField.NumberField field, BigDecimal n, boolean draft) {
        if (FormSchema.tooLarge(n)) {
            return Optional.of("has too many digits");
        }
        if (n.stripTrailingZeros().scale() > field.decimals()) {
            return Optional.of(field.decimals() == 0 ? "must be a whole number"
                    : "must have at most " + field.decimals() + " decimals");
        }
        if (draft) {
            return Optional.empty();
        }
        if (field.min().isPresent() && n.compareTo(field.min().get()) < 0) {
            return Optional.of("must be at least " + field.min().get().toPlainString());
        }
        if (field.max().isPresent() && n.compareTo(field.max().get()) > 0) {
            return Optional.of("must be at most " + field.max().get().toPlainString());
        }
        return Optional.empty();
    }

    private static Optional<String> date(FormField.DateField field, LocalDate d) {
        if (field.min().isPresent() && d.isBefore(field.min().get())) {
            return Optional.of("must be on or after " + field.min().get());
        }
        if (field.max().isPresent() && d.isAfter(field.max().get())) {
            return Optional.of("must be on or before " + field.max().get());
        }
        return Optional.empty();
    }

    private static Optional<String> choices(List<String> options, List<String> chosen) {
        if (chosen.size() > options.size()) {
            return Optional.of("must select at most " + options.size() + " options");
        }
        Set<String> seen = new HashSet<>();
        for (String c : chosen) {
            if (!options.contains(c)) {
                return Optional.of("must be one of the options");
            }
            if (!seen.add(c)) {
                return Optional.of("must not select an option twice");
            }
        }
        return Optional.empty();
    }
}
