package io.clientworkspace.examples.portal.web;

import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.examples.portal.web.RequestViews.AnswerView;
import io.clientworkspace.examples.portal.web.RequestViews.FieldInput;
import io.clientworkspace.examples.portal.web.Views.Option;
import io.clientworkspace.request.AnswerValue;
import io.clientworkspace.request.FormAnswers;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormField;
import io.clientworkspace.request.FormValidator;
import org.springframework.util.MultiValueMap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A form version as HTML inputs and back: the posted values (named {@code a.<fieldId>}) become the kit's
 * {@link FormAnswers}; what cannot even be read as the field's type (a number that is not one, a date that is not
 * one) becomes a field error here, and everything else is the kit's {@link FormValidator} to judge. Error keys are
 * the kit's: {@code answers.<fieldId>}.
 */
final class FormInputs {

    private static final String PREFIX = "a.";

    private FormInputs() {
    }

    /** The answers read from a posted form, the raw values (to show again) and the errors of reading them. */
    record Parsed(FormAnswers answers, Map<String, List<String>> raw, Map<String, String> errors) {
    }

    static Parsed parse(FormDefinition form, MultiValueMap<String, String> params) {
        Map<String, AnswerValue> answers = new LinkedHashMap<>();
        Map<String, List<String>> raw = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            if (!field.takesAnswer()) {
                continue;
            }
            List<String> values = Optional.ofNullable(params.get(PREFIX + field.id())).orElse(List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).toList();
            raw.put(field.id(), values);
            if (values.isEmpty()) {
                continue;
            }
            String first = values.get(0);
            String key = "answers." + field.id();
            if (field instanceof FormField.NumberField) {
                try {
                    answers.put(field.id(), new AnswerValue.Number(new BigDecimal(first.strip())));
                } catch (NumberFormatException e) {
                    errors.put(key, "must be a number");
                }
            } else if (field instanceof FormField.DateField) {
                try {
                    answers.put(field.id(), new AnswerValue.Date(LocalDate.parse(first.strip())));
                } catch (DateTimeParseException e) {
                    errors.put(key, "must be a date (YYYY-MM-DD)");
                }
            } else if (field instanceof FormField.SingleChoice) {
                answers.put(field.id(), new AnswerValue.Choices(List.of(first)));
            } else if (field instanceof FormField.MultipleChoice) {
                answers.put(field.id(), new AnswerValue.Choices(values));
            } else if (field instanceof FormField.CheckboxField) {
                answers.put(field.id(), new AnswerValue.Bool("true".equals(first)));
            } else if (field instanceof FormField.FileField) {
                try {
                    answers.put(field.id(), new AnswerValue.File(FileId.of(first.strip())));
                } catch (IllegalArgumentException e) {
                    errors.put(key, "no such file in this workspace");
                }
            } else {
                answers.put(field.id(), new AnswerValue.Text(first));
            }
        }
        return new Parsed(FormAnswers.of(answers), raw, errors);
    }

    /**
     * Every error of this parse: the reading errors, and the kit's validation of what could be read (as a draft or
     * in full), so a failed submit shows all invalid fields at once even before the kit is asked.
     */
    static Map<String, String> allErrors(FormDefinition form, Parsed parsed, boolean draft) {
        Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
        for (FieldError e : FormValidator.errors(form, parsed.answers(), draft)) {
            errors.putIfAbsent(e.field(), e.message());
        }
        return errors;
    }

    /** The kit's field errors by field, merged per field. */
    static Map<String, String> errors(List<FieldError> fieldErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : fieldErrors) {
            errors.merge(e.field(), e.message(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    /** Saved answers (a draft) as the raw values the inputs show. */
    static Map<String, List<String>> raw(FormAnswers answers) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        answers.values().forEach((id, value) -> raw.put(id, rawValues(value)));
        return raw;
    }

    private static List<String> rawValues(AnswerValue value) {
        if (value instanceof AnswerValue.Text t) {
            return List.of(t.value());
        } else if (value instanceof AnswerValue.Number n) {
            return List.of(n.value().toPlainString());
        } else if (value instanceof AnswerValue.Date d) {
            return List.of(d.value().toString());
        } else if (value instanceof AnswerValue.Choices c) {
            return c.values();
        } else if (value instanceof AnswerValue.Bool b) {
            return b.value() ? List.of("true") : List.of();
        } else {
            return List.of(((AnswerValue.File) value).value().value());
        }
    }

    /** The inputs for every field of the form, with the values given and the errors (keyed {@code answers.<id>}). */
    static List<FieldInput> inputs(FormDefinition form, Map<String, List<String>> raw, Map<String, String> errors,
                                   List<Option> files) {
        List<FieldInput> inputs = new ArrayList<>();
        for (FormField field : form.fields()) {
            List<String> values = raw.getOrDefault(field.id(), List.of());
            String value = values.isEmpty() ? "" : values.get(0);
            String error = errors.getOrDefault("answers." + field.id(), "");
            List<Option> options = List.of();
            String min = "";
            String max = "";
            String step = "";
            String kind;
            if (field instanceof FormField.ShortText t) {
                max = String.valueOf(t.maxLength());
                kind = "short";
            } else if (field instanceof FormField.LongText t) {
                max = String.valueOf(t.maxLength());
                kind = "long";
            } else if (field instanceof FormField.NumberField n) {
                min = n.min().map(BigDecimal::toPlainString).orElse("");
                max = n.max().map(BigDecimal::toPlainString).orElse("");
                step = n.decimals() == 0 ? "1" : BigDecimal.ONE.movePointLeft(n.decimals()).toPlainString();
                kind = "number";
            } else if (field instanceof FormField.DateField d) {
                min = d.min().map(LocalDate::toString).orElse("");
                max = d.max().map(LocalDate::toString).orElse("");
                kind = "date";
            } else if (field instanceof FormField.SingleChoice s) {
                options = s.options().stream().map(o -> new Option(o, o)).toList();
                kind = "single";
            } else if (field instanceof FormField.MultipleChoice m) {
                options = m.options().stream().map(o -> new Option(o, o)).toList();
                min = String.valueOf(m.minSelected());
                max = String.valueOf(m.maxSelected());
                kind = "multi";
            } else if (field instanceof FormField.EmailField) {
                kind = "email";
            } else if (field instanceof FormField.UrlField) {
                kind = "url";
            } else if (field instanceof FormField.PhoneField) {
                kind = "phone";
            } else if (field instanceof FormField.CheckboxField) {
                kind = "checkbox";
            } else if (field instanceof FormField.FileField) {
                options = files;
                kind = "file";
            } else if (field instanceof FormField.SectionHeading) {
                kind = "section";
            } else {
                kind = "help";
            }
            inputs.add(new FieldInput(kind, field.id(), field.label(), field.help(), field.required(), value, values,
                    options, error, min, max, step));
        }
        return inputs;
    }

    /**
     * The answers of a submitted form, read-only, in the order of its fields (headings and help text included, so
     * the answers read as the form did). {@code fileName} names a file answer, empty when the viewer cannot see it;
     * {@code fileHref} links it.
     */
    static List<AnswerView> answers(FormDefinition form, FormAnswers answers, Function<FileId, Optional<String>> fileName,
                                    Function<FileId, String> fileHref) {
        List<AnswerView> views = new ArrayList<>();
        for (FormField field : form.fields()) {
            if (field instanceof FormField.SectionHeading) {
                views.add(new AnswerView("section", field.id(), field.label(), "", null));
                continue;
            }
            if (field instanceof FormField.HelpText) {
                continue;
            }
            Optional<AnswerValue> answer = answers.get(field.id());
            String text = "—";
            String href = null;
            String kind = "text";
            if (answer.isPresent()) {
                AnswerValue value = answer.get();
                if (value instanceof AnswerValue.Text t) {
                    text = t.value();
                    if (field instanceof FormField.EmailField) {
                        kind = "email";
                        href = "mailto:" + t.value();
                    } else if (field instanceof FormField.UrlField && (t.value().startsWith("https://")
                            || t.value().startsWith("http://"))) {
                        kind = "url";
                        href = t.value();
                    } else if (field instanceof FormField.LongText) {
                        kind = "long";
                    }
                } else if (value instanceof AnswerValue.Number n) {
                    text = n.value().toPlainString();
                } else if (value instanceof AnswerValue.Date d) {
                    text = d.value().toString();
                } else if (value instanceof AnswerValue.Choices c) {
                    text = String.join(", ", c.values());
                } else if (value instanceof AnswerValue.Bool b) {
                    text = b.value() ? "Yes" : "No";
                } else if (value instanceof AnswerValue.File f) {
                    Optional<String> name = fileName.apply(f.value());
                    text = name.orElse("a file you cannot see");
                    kind = "file";
                    href = name.isPresent() ? fileHref.apply(f.value()) : null;
                }
            } else if (field instanceof FormField.CheckboxField) {
                text = "No";
            }
            views.add(new AnswerView(kind, field.id(), field.label(), text, href));
        }
        return views;
    }
}
