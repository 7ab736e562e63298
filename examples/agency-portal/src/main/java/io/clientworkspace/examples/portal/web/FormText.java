package io.clientworkspace.examples.portal.web;

import io.clientworkspace.FieldError;
import io.clientworkspace.request.FormField;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's line-based way of writing a form definition: one field per line,
 * {@code kind | id | label | settings...}, where a setting is {@code required}, {@code help=...}, {@code max=...},
 * {@code min=...}, {@code decimals=...}, {@code pattern=...} or {@code options=A; B; C}. Kinds: {@code short},
 * {@code long}, {@code number}, {@code date}, {@code single}, {@code multi}, {@code email}, {@code url},
 * {@code phone}, {@code checkbox}, {@code file}, {@code section}, {@code help}. Blank lines and lines starting with
 * {@code #} are ignored. Errors are reported by line ({@code line 3}); the kit's own checks of the parsed fields
 * ({@code fields[i].x}) are translated to the line the field came from.
 */
final class FormText {

    /** Longest definition text accepted (the kit bounds the fields further). */
    static final int MAX_LENGTH = 100_000;

    private static final Pattern KIT_FIELD = Pattern.compile("fields\\[(\\d+)]\\.?(.*)");

    private FormText() {
    }

    /** Fields read from the text, the line each came from, and the errors by {@code line N}. */
    record Parsed(List<FormField> fields, List<Integer> lines, Map<String, String> errors) {
        /** The kit's field errors with {@code fields[i]} named by line. */
        Map<String, String> translate(List<FieldError> kitErrors) {
            Map<String, String> out = new LinkedHashMap<>();
            for (FieldError e : kitErrors) {
                Matcher m = KIT_FIELD.matcher(e.field());
                String key = e.field();
                String message = e.message();
                if (m.matches() && Integer.parseInt(m.group(1)) < lines.size()) {
                    key = "line " + lines.get(Integer.parseInt(m.group(1)));
                    message = (m.group(2).isEmpty() ? "" : m.group(2) + " ") + e.message();
                }
                out.merge(key, message, (a, b) -> a + "; " + b);
            }
            return out;
        }
    }

    static Parsed parse(String text) {
        List<FormField> fields = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        if (text.length() > MAX_LENGTH) {
            errors.put("definition", "must be at most " + MAX_LENGTH + " characters");
            return new Parsed(fields, lines, errors);
        }
        String[] rows = text.split("\r?\n", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            try {
                fields.add(field(row));
                lines.add(i + 1);
            } catch (IllegalArgumentException e) {
                errors.put("line " + (i + 1), e.getMessage());
            }
        }
        if (fields.isEmpty() && errors.isEmpty()) {
            errors.put("definition", "must define at least one field, one per line: kind | id | label | settings");
        }
        return new Parsed(fields, lines, errors);
    }

    private static FormField field(String row) {
        List<String> parts = Arrays.stream(row.split("\\|", -1)).map(String::strip).toList();
        if (parts.size() < 3) {
            throw new IllegalArgumentException("needs at least kind | id | label");
        }
        String kind = parts.get(0).toLowerCase(java.util.Locale.ROOT);
        String id = parts.get(1);
        String label = parts.get(2);
        boolean required = false;
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : parts.subList(3, parts.size())) {
            if (setting.isEmpty()) {
                continue;
            }
            if (setting.equals("required")) {
                required = true;
                continue;
            }
            int eq = setting.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("“" + setting + "” is not a setting (required, or name=value)");
            }
            settings.put(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
        }
        String help = settings.getOrDefault("help", "");
        FormField field = switchKind(kind, id, label, help, required, settings);
        for (String unknown : settings.keySet()) {
            if (!List.of("help", "max", "min", "decimals", "pattern", "options").contains(unknown)) {
                throw new IllegalArgumentException("“" + unknown + "” is not a setting");
            }
        }
        return field;
    }

    private static FormField switchKind(String kind, String id, String label, String help, boolean required,
                                        Map<String, String> s) {
        switch (kind) {
            case "short":
                return new FormField.ShortText(id, label, help, required, integer(s, "max", 200),
                        Optional.ofNullable(s.get("pattern")).filter(p -> !p.isEmpty()));
            case "long":
                return new FormField.LongText(id, label, help, required, integer(s, "max", 5000));
            case "number":
                return new FormField.NumberField(id, label, help, required, decimal(s, "min"), decimal(s, "max"),
                        integer(s, "decimals", 0));
            case "date":
                return new FormField.DateField(id, label, help, required, date(s, "min"), date(s, "max"));
            case "single":
                return new FormField.SingleChoice(id, label, help, required, options(s));
            case "multi": {
                List<String> options = options(s);
                return new FormField.MultipleChoice(id, label, help, required, options, integer(s, "min", 0),
                        integer(s, "max", options.size()));
            }
            case "email":
                return new FormField.EmailField(id, label, help, required);
            case "url":
                return new FormField.UrlField(id, label, help, required);
            case "phone":
                return new FormField.PhoneField(id, label, help, required);
            case "checkbox":
                return new FormField.CheckboxField(id, label, help, required);
            case "file":
                return new FormField.FileField(id, label, help, required);
            case "section":
                return new FormField.SectionHeading(id, label, help);
            case "help":
                return new FormField.HelpText(id, label, help);
            default:
                throw new IllegalArgumentException("“" + kind + "” is not a field kind (short, long, number, date, "
                        + "single, multi, email, url, phone, checkbox, file, section, help)");
        }
    }

    /** The fields written as text again (to revise a form). */
    static String format(List<FormField> fields) {
        StringBuilder out = new StringBuilder();
        for (FormField f : fields) {
            List<String> parts = new ArrayList<>();
            if (f instanceof FormField.ShortText t) {
                parts.add("short");
                common(parts, f);
                parts.add("max=" + t.maxLength());
                t.pattern().ifPresent(p -> parts.add("pattern=" + p));
            } else if (f instanceof FormField.LongText t) {
                parts.add("long");
                common(parts, f);
                parts.add("max=" + t.maxLength());
            } else if (f instanceof FormField.NumberField n) {
                parts.add("number");
                common(parts, f);
                n.min().ifPresent(m -> parts.add("min=" + m.toPlainString()));
                n.max().ifPresent(m -> parts.add("max=" + m.toPlainString()));
                parts.add("decimals=" + n.decimals());
            } else if (f instanceof FormField.DateField d) {
                parts.add("date");
                common(parts, f);
                d.min().ifPresent(m -> parts.add("min=" + m));
                d.max().ifPresent(m -> parts.add("max=" + m));
            } else if (f instanceof FormField.SingleChoice c) {
                parts.add("single");
                common(parts, f);
                parts.add("options=" + String.join("; ", c.options()));
            } else if (f instanceof FormField.MultipleChoice c) {
                parts.add("multi");
                common(parts, f);
                parts.add("options=" + String.join("; ", c.options()));
                parts.add("min=" + c.minSelected());
                parts.add("max=" + c.maxSelected());
            } else {
                parts.add(f instanceof FormField.EmailField ? "email" : f instanceof FormField.UrlField ? "url"
                        : f instanceof FormField.PhoneField ? "phone" : f instanceof FormField.CheckboxField ? "checkbox"
                        : f instanceof FormField.FileField ? "file" : f instanceof FormField.SectionHeading ? "section"
                        : "help");
                common(parts, f);
            }
            if (!f.help().isEmpty()) {
                parts.add("help=" + f.help().replace('\n', ' ').replace("|", "/"));
            }
            out.append(String.join(" | ", parts)).append('\n');
        }
        return out.toString();
    }

    private static void common(List<String> parts, FormField f) {
        parts.add(f.id());
        parts.add(f.label());
        if (f.required()) {
            parts.add("required");
        }
    }

    private static int integer(Map<String, String> s, String key, int fallback) {
        String v = s.get(key);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
    }

    private static Optional<BigDecimal> decimal(Map<String, String> s, String key) {
        String v = s.get(key);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number");
        }
    }

    private static Optional<LocalDate> date(Map<String, String> s, String key) {
        String v = s.get(key);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(v));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a date (YYYY-MM-DD)");
        }
    }

    private static List<String> options(Map<String, String> s) {
        String v = s.getOrDefault("options", "");
        return Arrays.stream(v.split(";")).map(String::strip).filter(o -> !o.isEmpty()).toList();
    }
}
