package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormField;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON shapes of form definitions. A field is a discriminated union on {@code kind}:
 *
 * <table>
 *   <caption>Field kinds and their properties (besides {@code kind}, {@code id}, {@code label}, {@code help})</caption>
 *   <tr><td>short-text</td><td>required, maxLength (1..1000, default 1000), pattern (optional, full match)</td></tr>
 *   <tr><td>long-text</td><td>required, maxLength (1..20000, default 20000)</td></tr>
 *   <tr><td>number</td><td>required, min, max (optional decimals, as JSON numbers or strings), decimals (0..10, default 0)</td></tr>
 *   <tr><td>date</td><td>required, min, max (optional ISO dates)</td></tr>
 *   <tr><td>single-choice</td><td>required, options (1..100 distinct strings)</td></tr>
 *   <tr><td>multiple-choice</td><td>required, options, minSelected (default 0), maxSelected (default: every option)</td></tr>
 *   <tr><td>email, url, phone, checkbox, file</td><td>required</td></tr>
 *   <tr><td>section, help</td><td>none (they take no answer)</td></tr>
 * </table>
 *
 * <p>{@code help} defaults to empty and {@code required} to false. An unknown kind, a property the kind does not
 * take, a missing or mistyped property is a 400 naming its path ({@code fields[3].kind},
 * {@code fields[0].maxLength}); every such problem is reported at once (at most {@value #MAX_ERRORS}). Decimals
 * in responses are JSON strings ({@code "1500.50"}), so that no client loses digits to floating point.
 */
public final class FormDtos {

    /** Most problems one body reports. */
    static final int MAX_ERRORS = 100;

    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final Set<String> COMMON = Set.of("kind", "id", "label", "help");
    private static final Map<String, Set<String>> EXTRA = kinds();

    private FormDtos() {
    }

    private static Map<String, Set<String>> kinds() {
        Map<String, Set<String>> kinds = new LinkedHashMap<>();
        kinds.put("short-text", Set.of("required", "maxLength", "pattern"));
        kinds.put("long-text", Set.of("required", "maxLength"));
        kinds.put("number", Set.of("required", "min", "max", "decimals"));
        kinds.put("date", Set.of("required", "min", "max"));
        kinds.put("single-choice", Set.of("required", "options"));
        kinds.put("multiple-choice", Set.of("required", "options", "minSelected", "maxSelected"));
        for (String simple : List.of("email", "url", "phone", "checkbox", "file")) {
            kinds.put(simple, Set.of("required"));
        }
        kinds.put("section", Set.of());
        kinds.put("help", Set.of());
        return java.util.Collections.unmodifiableMap(kinds);
    }

    // ------------------------------------------------------------------------------------------ responses

    /** One version of a form definition; {@code workspaceId} is null for a form of the tenant's library. */
    public record FormDto(String id, @Nullable String workspaceId, String key, String name, int version, String status,
                          List<FieldDto> fields, String createdBy, Instant createdAt) {
        static FormDto of(FormDefinition f) {
            return new FormDto(f.id().value(), f.workspaceId().map(WorkspaceId::value).orElse(null), f.key(), f.name(),
                    f.version(), f.status().name(), f.fields().stream().map(FieldDto::of).toList(),
                    f.createdBy().value(), f.createdAt());
        }
    }

    /** A form field: a union discriminated by {@code kind}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = ShortTextDto.class, name = "short-text"),
            @JsonSubTypes.Type(value = LongTextDto.class, name = "long-text"),
            @JsonSubTypes.Type(value = NumberDto.class, name = "number"),
            @JsonSubTypes.Type(value = DateDto.class, name = "date"),
            @JsonSubTypes.Type(value = SingleChoiceDto.class, name = "single-choice"),
            @JsonSubTypes.Type(value = MultipleChoiceDto.class, name = "multiple-choice"),
            @JsonSubTypes.Type(value = EmailDto.class, name = "email"),
            @JsonSubTypes.Type(value = UrlDto.class, name = "url"),
            @JsonSubTypes.Type(value = PhoneDto.class, name = "phone"),
            @JsonSubTypes.Type(value = CheckboxDto.class, name = "checkbox"),
            @JsonSubTypes.Type(value = FileDto.class, name = "file"),
            @JsonSubTypes.Type(value = SectionDto.class, name = "section"),
            @JsonSubTypes.Type(value = HelpDto.class, name = "help")})
    @Schema(description = "A form field, discriminated by kind", discriminatorProperty = "kind")
    public sealed interface FieldDto {

        /** The field's id, unique in its form version. */
        String id();

        static FieldDto of(FormField field) {
            if (field instanceof FormField.ShortText f) {
                return new ShortTextDto(f.id(), f.label(), f.help(), f.required(), f.maxLength(), f.pattern().orElse(null));
            } else if (field instanceof FormField.LongText f) {
                return new LongTextDto(f.id(), f.label(), f.help(), f.required(), f.maxLength());
            } else if (field instanceof FormField.NumberField f) {
                return new NumberDto(f.id(), f.label(), f.help(), f.required(),
                        f.min().map(Answers::plain).orElse(null), f.max().map(Answers::plain).orElse(null),
                        f.decimals());
            } else if (field instanceof FormField.DateField f) {
                return new DateDto(f.id(), f.label(), f.help(), f.required(), f.min().orElse(null), f.max().orElse(null));
            } else if (field instanceof FormField.SingleChoice f) {
                return new SingleChoiceDto(f.id(), f.label(), f.help(), f.required(), f.options());
            } else if (field instanceof FormField.MultipleChoice f) {
                return new MultipleChoiceDto(f.id(), f.label(), f.help(), f.required(), f.options(), f.minSelected(),
                        f.maxSelected());
            } else if (field instanceof FormField.EmailField f) {
                return new EmailDto(f.id(), f.label(), f.help(), f.required());
            } else if (field instanceof FormField.UrlField f) {
                return new UrlDto(f.id(), f.label(), f.help(), f.required());
            } else if (field instanceof FormField.PhoneField f) {
                return new PhoneDto(f.id(), f.label(), f.help(), f.required());
            } else if (field instanceof FormField.CheckboxField f) {
                return new CheckboxDto(f.id(), f.label(), f.help(), f.required());
            } else if (field instanceof FormField.FileField f) {
                return new FileDto(f.id(), f.label(), f.help(), f.required());
            } else if (field instanceof FormField.SectionHeading f) {
                return new SectionDto(f.id(), f.label(), f.help());
            }
            FormField.HelpText f = (FormField.HelpText) field;
            return new HelpDto(f.id(), f.label(), f.help());
        }
    }

    /** One line of text, at most {@code maxLength} characters, matching {@code pattern} in full when set. */
    public record ShortTextDto(String id, String label, String help, boolean required, int maxLength,
                               @Nullable String pattern) implements FieldDto {
    }

    /** Text with line breaks, at most {@code maxLength} characters. */
    public record LongTextDto(String id, String label, String help, boolean required, int maxLength) implements FieldDto {
    }

    /** A decimal number within min..max (decimal strings) with at most {@code decimals} decimals. */
    public record NumberDto(String id, String label, String help, boolean required, @Nullable String min,
                            @Nullable String max, int decimals) implements FieldDto {
    }

    /** A date within min..max (ISO dates). */
    public record DateDto(String id, String label, String help, boolean required, @Nullable LocalDate min,
                          @Nullable LocalDate max) implements FieldDto {
    }

    /** One of the options. */
    public record SingleChoiceDto(String id, String label, String help, boolean required, List<String> options)
            implements FieldDto {
    }

    /** minSelected..maxSelected distinct options. */
    public record MultipleChoiceDto(String id, String label, String help, boolean required, List<String> options,
                                    int minSelected, int maxSelected) implements FieldDto {
    }

    /** An e-mail address. */
    public record EmailDto(String id, String label, String help, boolean required) implements FieldDto {
    }

    /** An http or https URL. */
    public record UrlDto(String id, String label, String help, boolean required) implements FieldDto {
    }

    /** A phone number: +, 6 to 20 digits, spaces, dashes, parentheses. */
    public record PhoneDto(String id, String label, String help, boolean required) implements FieldDto {
    }

    /** A tick box; required means it must be ticked (consent). */
    public record CheckboxDto(String id, String label, String help, boolean required) implements FieldDto {
    }

    /** A client-visible file of the workspace, answered by its id. */
    public record FileDto(String id, String label, String help, boolean required) implements FieldDto {
    }

    /** A section heading; takes no answer. */
    public record SectionDto(String id, String label, String help) implements FieldDto {
    }

    /** Help text; takes no answer. */
    public record HelpDto(String id, String label, String help) implements FieldDto {
    }

    // ------------------------------------------------------------------------------------------ requests

    /** Body of {@code POST .../forms}: version 1 of a form. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record DefineFormRequest(@Nullable String key, @Nullable String name,
                                    @ArraySchema(schema = @Schema(implementation = FieldDto.class))
                                    @Nullable List<JsonInput> fields) implements RejectsUnknownFields {
    }

    /** Body of {@code POST .../forms/{formId}/versions}: the next version, on top of {@code expectedVersion}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ReviseFormRequest(@Nullable String name,
                                    @ArraySchema(schema = @Schema(implementation = FieldDto.class))
                                    @Nullable List<JsonInput> fields,
                                    @Nullable Integer expectedVersion) implements RejectsUnknownFields {
    }

    /** Body of {@code POST .../forms/{formId}/retire}: the latest version the caller saw. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record RetireFormRequest(@Nullable Integer expectedVersion) implements RejectsUnknownFields {
    }

    // ------------------------------------------------------------------------------------------ parsing

    /**
     * The fields of a body as the core's {@link FormField}s, or a {@link ValidationException} naming every shape
     * problem by path (the core then checks ids, lengths, options and patterns, naming the same paths).
     */
    static List<FormField> fields(@Nullable List<JsonInput> input) {
        if (input == null) {
            throw new ValidationException(FieldError.of("fields", "is required"));
        }
        if (input.size() > io.clientworkspace.request.FormSchema.MAX_FIELDS) {
            throw new ValidationException(FieldError.of("fields", "must hold 1 to "
                    + io.clientworkspace.request.FormSchema.MAX_FIELDS + " fields"));
        }
        Errors errors = new Errors("fields");
        List<FormField> fields = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            field(input.get(i), "fields[" + i + "]", errors).ifPresent(fields::add);
        }
        errors.throwIfAny();
        return fields;
    }

    private static Optional<FormField> field(JsonInput input, String at, Errors errors) {
        if (!(input instanceof JsonInput.Obj obj)) {
            errors.add(at, "must be an object with a kind");
            return Optional.empty();
        }
        Map<String, JsonInput> p = obj.properties();
        JsonInput kindValue = p.get("kind");
        if (!(kindValue instanceof JsonInput.Str kindText) || !EXTRA.containsKey(kindText.value())) {
            errors.add(at + ".kind", "must be one of " + String.join(", ", EXTRA.keySet()));
            return Optional.empty();
        }
        String kind = kindText.value();
        int before = errors.size();
        boolean foreignName = false;
        for (String name : p.keySet()) {
            if (COMMON.contains(name) || EXTRA.getOrDefault(kind, Set.of()).contains(name)) {
                continue;
            }
            if (PROPERTY_NAME.matcher(name).matches()) {
                errors.add(at + "." + name, "is not a property of a " + kind + " field");
            } else {
                foreignName = true;
            }
        }
        if (foreignName) {
            errors.add(at, "holds a property that is not a property of a " + kind + " field");
        }
        Reader r = new Reader(p, at, errors);
        String id = r.requiredText("id");
        String label = r.requiredText("label");
        String help = r.text("help").orElse("");
        boolean required = r.bool("required");
        FormField field = switch (kind) {
            case "short-text" -> new FormField.ShortText(id, label, help, required,
                    r.integer("maxLength").orElse(io.clientworkspace.request.FormSchema.MAX_SHORT_TEXT),
                    r.text("pattern"));
            case "long-text" -> new FormField.LongText(id, label, help, required,
                    r.integer("maxLength").orElse(io.clientworkspace.request.FormSchema.MAX_LONG_TEXT));
            case "number" -> new FormField.NumberField(id, label, help, required, r.decimal("min"), r.decimal("max"),
                    r.integer("decimals").orElse(0));
            case "date" -> new FormField.DateField(id, label, help, required, r.date("min"), r.date("max"));
            case "single-choice" -> new FormField.SingleChoice(id, label, help, required, r.options());
            case "multiple-choice" -> {
                List<String> options = r.options();
                yield new FormField.MultipleChoice(id, label, help, required, options,
                        r.integer("minSelected").orElse(0), r.integer("maxSelected").orElse(options.size()));
            }
            case "email" -> new FormField.EmailField(id, label, help, required);
            case "url" -> new FormField.UrlField(id, label, help, required);
            case "phone" -> new FormField.PhoneField(id, label, help, required);
            case "checkbox" -> new FormField.CheckboxField(id, label, help, required);
            case "file" -> new FormField.FileField(id, label, help, required);
            case "section" -> new FormField.SectionHeading(id, label, help);
            default -> new FormField.HelpText(id, label, help);
        };
        return errors.size() == before ? Optional.of(field) : Optional.empty();
    }

    /** Reads typed properties of one field object, recording a problem per bad property. */
    private record Reader(Map<String, JsonInput> p, String at, Errors errors) {

        String requiredText(String name) {
            Optional<String> text = text(name);
            if (text.isEmpty() && !p.containsKey(name)) {
                errors.add(at + "." + name, "is required");
            }
            return text.orElse("");
        }

        Optional<String> text(String name) {
            JsonInput v = p.get(name);
            if (v == null || v instanceof JsonInput.Null) {
                return Optional.empty();
            }
            if (v instanceof JsonInput.Str s) {
                return Optional.of(s.value());
            }
            errors.add(at + "." + name, "must be a string, not " + v.typeName());
            return Optional.empty();
        }

        boolean bool(String name) {
            JsonInput v = p.get(name);
            if (v == null || v instanceof JsonInput.Null) {
                return false;
            }
            if (v instanceof JsonInput.Bool b) {
                return b.value();
            }
            errors.add(at + "." + name, "must be true or false, not " + v.typeName());
            return false;
        }

        Optional<Integer> integer(String name) {
            JsonInput v = p.get(name);
            if (v == null || v instanceof JsonInput.Null) {
                return Optional.empty();
            }
            if (v instanceof JsonInput.Num n && n.value().scale() <= 0 && n.value().precision() - n.value().scale() <= 9) {
                return Optional.of(n.value().intValueExact());
            }
            if (v instanceof JsonInput.Num n && n.value().stripTrailingZeros().scale() <= 0
                    && n.value().precision() - n.value().scale() <= 9) {
                return Optional.of(n.value().stripTrailingZeros().intValueExact());
            }
            errors.add(at + "." + name, "must be a whole number of at most 9 digits");
            return Optional.empty();
        }

        Optional<BigDecimal> decimal(String name) {
            JsonInput v = p.get(name);
            if (v == null || v instanceof JsonInput.Null) {
                return Optional.empty();
            }
            Optional<BigDecimal> parsed = Answers.decimal(v);
            if (parsed.isEmpty()) {
                errors.add(at + "." + name, "must be a decimal number (a JSON number or a string such as \"12.50\")");
            } else if (parsed.get().stripTrailingZeros().scale() > io.clientworkspace.request.FormSchema.MAX_DECIMALS) {
                errors.add(at + "." + name, "must have at most " + io.clientworkspace.request.FormSchema.MAX_DECIMALS
                        + " decimals");
                return Optional.empty();
            }
            return parsed;
        }

        Optional<LocalDate> date(String name) {
            JsonInput v = p.get(name);
            if (v == null || v instanceof JsonInput.Null) {
                return Optional.empty();
            }
            if (v instanceof JsonInput.Str s && s.value().length() <= 10) {
                try {
                    return Optional.of(LocalDate.parse(s.value()));
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            errors.add(at + "." + name, "must be an ISO date such as \"2026-12-31\"");
            return Optional.empty();
        }

        List<String> options() {
            JsonInput v = p.get("options");
            if (v == null || v instanceof JsonInput.Null) {
                errors.add(at + ".options", "is required");
                return List.of();
            }
            if (!(v instanceof JsonInput.Arr arr)) {
                errors.add(at + ".options", "must be an array of strings, not " + v.typeName());
                return List.of();
            }
            if (arr.values().size() > io.clientworkspace.request.FormSchema.MAX_OPTIONS) {
                errors.add(at + ".options", "must hold 1 to " + io.clientworkspace.request.FormSchema.MAX_OPTIONS
                        + " options");
                return List.of();
            }
            List<String> options = new ArrayList<>();
            for (int j = 0; j < arr.values().size(); j++) {
                if (arr.values().get(j) instanceof JsonInput.Str s) {
                    options.add(s.value());
                } else {
                    errors.add(at + ".options[" + j + "]", "must be a string, not " + arr.values().get(j).typeName());
                }
            }
            return options;
        }
    }

    /** Problems collected over a body, bounded: past {@value #MAX_ERRORS} one last entry says more were left out. */
    static final class Errors {
        private final String root;
        private final List<FieldError> list = new ArrayList<>();
        private boolean truncated;

        Errors(String root) {
            this.root = root;
        }

        void add(String field, String message) {
            if (list.size() < MAX_ERRORS) {
                list.add(FieldError.of(field, message));
            } else {
                truncated = true;
            }
        }

        int size() {
            return list.size() + (truncated ? 1 : 0);
        }

        List<FieldError> list() {
            List<FieldError> all = new ArrayList<>(list);
            all.sort((x, y) -> x.field().compareTo(y.field()));
            if (truncated) {
                all.add(FieldError.of(root, "more problems were left out; fix these first"));
            }
            return all;
        }

        void throwIfAny() {
            if (size() > 0) {
                throw new ValidationException(list());
            }
        }
    }
}
