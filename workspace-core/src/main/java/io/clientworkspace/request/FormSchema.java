package io.clientworkspace.request;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static java.util.Objects.requireNonNull;

/**
 * Decides whether a list of {@link FormField}s makes a valid form, reporting every problem at once with
 * paths like {@code fields[3].pattern}. Patterns are compiled here and refused when they may backtrack
 * badly (see {@link #check(List)}).
 */
public final class FormSchema {

    /** Most fields of one form. */
    public static final int MAX_FIELDS = 100;
    /** Field ids: a lower-case letter, then up to 39 lower-case letters, digits or underscores. */
    public static final Pattern FIELD_ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** Longest label. */
    public static final int MAX_LABEL = 200;
    /** Longest help text. */
    public static final int MAX_HELP = 1000;
    /** Longest {@link FormField.ShortText#maxLength()}. */
    public static final int MAX_SHORT_TEXT = 1000;
    /** Longest {@link FormField.LongText#maxLength()}. */
    public static final int MAX_LONG_TEXT = 20_000;
    /** Most options of a choice field. */
    public static final int MAX_OPTIONS = 100;
    /** Longest option. */
    public static final int MAX_OPTION = 200;
    /** Most decimals of a number field. */
    public static final int MAX_DECIMALS = 10;
    /**
     * Most characters of text (labels, help, options, patterns) one version may hold together, so that a
     * definition stays a bounded row whatever each field allows.
     */
    public static final int MAX_TOTAL_TEXT = 200_000;
    /** Most digits before the decimal point in a number bound or answer. */
    public static final int MAX_INTEGER_DIGITS = 30;

    private FormSchema() {
    }

    /** Throws a {@link ValidationException} naming every problem of {@code fields}, or returns them unchanged. */
    public static List<FormField> requireValid(List<FormField> fields) {
        List<FieldError> errors = check(fields);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return List.copyOf(fields);
    }

    /**
     * Every problem of {@code fields}, in field order: 1 to {@value #MAX_FIELDS} fields with unique ids matching
     * {@link #FIELD_ID}; labels 1 to {@value #MAX_LABEL} and help up to {@value #MAX_HELP} characters without
     * control characters (help may hold line breaks); text limits within their maximum; number bounds with at
     * most {@value #MAX_INTEGER_DIGITS} integer digits and {@value #MAX_DECIMALS} decimals and min ≤ max; 1 to {@value #MAX_OPTIONS} distinct
     * options of 1 to {@value #MAX_OPTION} characters; 0 ≤ minSelected ≤ maxSelected ≤ options; patterns of at
     * most {@value FormChecks#MAX_PATTERN_LENGTH} characters that compile and pass the conservative
     * backtracking check (no repeated group that itself repeats or alternates, no back-references); at most
     * {@value #MAX_TOTAL_TEXT} characters of text in all fields together.
     */
    public static List<FieldError> check(List<FormField> fields) {
        requireNonNull(fields, "fields must not be null");
        List<FieldError> errors = new ArrayList<>();
        if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
            errors.add(FieldError.of("fields", "must hold 1 to " + MAX_FIELDS + " fields"));
            if (fields.size() > MAX_FIELDS) {
                return errors;
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FormField field = requireNonNull(fields.get(i), "field must not be null");
            String at = "fields[" + i + "].";
            if (!FIELD_ID.matcher(field.id()).matches()) {
                errors.add(FieldError.of(at + "id", "must match " + FIELD_ID.pattern()));
            } else if (!ids.add(field.id())) {
                errors.add(FieldError.of(at + "id", "is used by another field of this form"));
            }
            text(errors, at + "label", field.label(), 1, MAX_LABEL, false);
            text(errors, at + "help", field.help(), 0, MAX_HELP, true);
            specific(errors, at, field);
        }
        if (totalText(fields) > MAX_TOTAL_TEXT) {
            errors.add(FieldError.of("fields", "must hold at most " + MAX_TOTAL_TEXT
                    + " characters of labels, help, options and patterns in total"));
        }
        return errors;
    }

    private static void specific(List<FieldError> errors, String at, FormField field) {
        if (field instanceof FormField.ShortText f) {
            range(errors, at + "maxLength", f.maxLength(), 1, MAX_SHORT_TEXT);
            f.pattern().flatMap(FormSchema::patternProblem).ifPresent(p -> errors.add(FieldError.of(at + "pattern", p)));
        } else if (field instanceof FormField.LongText f) {
            range(errors, at + "maxLength", f.maxLength(), 1, MAX_LONG_TEXT);
        } else if (field instanceof FormField.NumberField f) {
            range(errors, at + "decimals", f.decimals(), 0, MAX_DECIMALS);
            f.min().flatMap(FormSchema::boundProblem).ifPresent(p -> errors.add(FieldError.of(at + "min", p)));
            f.max().flatMap(FormSchema::boundProblem).ifPresent(p -> errors.add(FieldError.of(at + "max", p)));
            if (f.min().isPresent() && f.max().isPresent() && f.min().get().compareTo(f.max().get()) > 0) {
                errors.add(FieldError.of(at + "max", "must not be less than min"));
            }
        } else if (field instanceof FormField.DateField f) {
            if (f.min().isPresent() && f.max().isPresent() && f.min().get().isAfter(f.max().get())) {
                errors.add(FieldError.of(at + "max", "must not be before min"));
            }
        } else if (field instanceof FormField.SingleChoice f) {
            options(errors, at, f.options());
        } else if (field instanceof FormField.MultipleChoice f) {
            options(errors, at, f.options());
            if (f.minSelected() < 0) {
                errors.add(FieldError.of(at + "minSelected", "must not be negative"));
            }
            if (f.maxSelected() < Math.max(1, f.minSelected()) || f.maxSelected() > f.options().size()) {
                errors.add(FieldError.of(at + "maxSelected",
                        "must be between max(1, minSelected) and the number of options"));
            }
        }
    }

    private static Optional<String> boundProblem(BigDecimal n) {
        if (tooLarge(n)) {
            return Optional.of("has too many digits");
        }
        if (n.scale() > MAX_DECIMALS && n.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return Optional.of("must have at most " + MAX_DECIMALS + " decimals");
        }
        return Optional.empty();
    }

    static boolean tooLarge(BigDecimal n) {
        return n.precision() - n.scale() > MAX_INTEGER_DIGITS;
    }

    private static void options(List<FieldError> errors, String at, List<String> options) {
        if (options.isEmpty() || options.size() > MAX_OPTIONS) {
            errors.add(FieldError.of(at + "options", "must hold 1 to " + MAX_OPTIONS + " options"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String path = at + "options[" + i + "]";
            if (text(errors, path, option, 1, MAX_OPTION, false) && !seen.add(option)) {
                errors.add(FieldError.of(path, "is listed twice"));
            }
        }
    }

    /** Why a pattern is refused, or empty when it is acceptable. */
    static Optional<String> patternProblem(String pattern) {
        if (pattern.isEmpty() || pattern.length() > FormChecks.MAX_PATTERN_LENGTH) {
            return Optional.of("must be 1 to " + FormChecks.MAX_PATTERN_LENGTH + " characters");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return Optional.of("is not a valid regular expression: " + e.getDescription());
        }
        return FormChecks.backtrackingRisk(pattern);
    }

    private static void range(List<FieldError> errors, String path, int value, int min, int max) {
        if (value < min || value > max) {
            errors.add(FieldError.of(path, "must be between " + min + " and " + max));
        }
    }

    private static boolean text(List<FieldError> errors, String path, String value, int min, int max,
                                boolean lineBreaks) {
        if (value.length() < min || value.length() > max || (min > 0 && value.isBlank())) {
            errors.add(FieldError.of(path, min == 0 ? "must be at most " + max + " characters"
                    : "must be 1 to " + max + " characters, not blank"));
            return false;
        }
        if (hasControl(value, lineBreaks)) {
            errors.add(FieldError.of(path, "must not contain control characters"));
            return false;
        }
        return true;
    }

    static boolean hasControl(String value, boolean lineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(lineBreaks && (c == '\n' || c == '\r' || c == '\t'))) {
                return true;
            }
        }
        return false;
    }

    private static long totalText(List<FormField> fields) {
        long total = 0;
        for (FormField field : fields) {
            total += field.label().length() + field.help().length();
            if (field instanceof FormField.SingleChoice f) {
                total += f.options().stream().mapToLong(String::length).sum();
            } else if (field instanceof FormField.MultipleChoice f) {
                total += f.options().stream().mapToLong(String::length).sum();
            } else if (field instanceof FormField.ShortText f) {
                total += f.pattern().map(String::length).orElse(0);
            }
        }
        return total;
    }
}
